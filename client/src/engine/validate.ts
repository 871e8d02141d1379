/**
 * Checks every value before it becomes an argument of the container CLI. Nothing here is about
 * shells (none is ever used): the point is that no value can turn into a flag (`--privileged`,
 * `-v/:/host`) or into a different operand than the user picked. Names follow the engine's own
 * rules; anything else is refused with a message naming the value and the rule.
 */
import { EngineError } from './errors';
import { isImageId, isValidTag, parseReference } from './reference';

/** Docker's RestrictedNamePattern, for volume and container names. */
const RESTRICTED_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,254}$/;
const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]{0,254}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;
const STAGE_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/;
const USER_SPEC = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,63})?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const IPV6 = /^[0-9a-fA-F:]{2,39}$/;
// C0/C1 control characters, DEL and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function invalid(what: string, value: string, rule: string): never {
  throw new EngineError('invalid-input', `${quoteForMessage(value)} is not a valid ${what}: ${rule}.`);
}

/** JSON quoting shows control characters and spaces in the message instead of printing them. */
function quoteForMessage(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** An image to run, inspect or remove: a reference (`node:20`, `localhost:5000/a/b@sha256:…`) or an image id. */
export function checkImage(value: string): string {
  if (isImageId(value)) return value;
  const parsed = parseReference(value);
  if (!parsed.ok) invalid('image reference', value, parsed.reason);
  return value;
}

/** A name to give a built image: `name[:tag]`, no digest. */
export function checkImageName(value: string): string {
  const parsed = parseReference(value);
  if (!parsed.ok) invalid('image name', value, parsed.reason);
  if (parsed.value.digest !== null) invalid('image name', value, 'a built image is named with a tag, not a digest');
  return value;
}

export function checkTag(value: string): string {
  if (!isValidTag(value)) invalid('tag', value, 'letters, digits, _ . - up to 128 characters, not starting with . or -');
  return value;
}

export function checkVolumeName(value: string): string {
  if (!RESTRICTED_NAME.test(value)) invalid('volume name', value, 'at least two of a-z A-Z 0-9 _ . -, starting with a letter or digit');
  return value;
}

export function checkContainerName(value: string): string {
  if (!RESTRICTED_NAME.test(value)) invalid('container name or id', value, 'at least two of a-z A-Z 0-9 _ . -, starting with a letter or digit');
  return value;
}

export function checkNetworkName(value: string): string {
  if (!RESTRICTED_NAME.test(value)) invalid('network name', value, 'letters, digits, _ . -, starting with a letter or digit');
  return value;
}

export function checkContextName(value: string): string {
  if (!CONTEXT_NAME.test(value)) invalid('context name', value, 'letters, digits, _ . + -, starting with a letter or digit');
  return value;
}

/** Environment variable and build-arg names. */
export function checkEnvName(value: string): string {
  if (!ENV_NAME.test(value)) invalid('variable name', value, 'letters, digits and _, not starting with a digit');
  return value;
}

export function checkLabelKey(value: string): string {
  if (!LABEL_KEY.test(value)) invalid('label key', value, 'letters, digits, . _ / -, starting with a letter or digit');
  return value;
}

/** Free text that travels inside one argument (`KEY=value`): only NUL, which no argument can hold, is refused. */
export function checkValue(what: string, value: string): string {
  if (value.includes('\u0000')) invalid(what, value, 'it contains a NUL character');
  return value;
}

export function checkStageName(value: string): string {
  if (!STAGE_NAME.test(value)) invalid('build stage', value, 'a stage name starts with a letter and has letters, digits, _ . -');
  return value;
}

export function checkUser(value: string): string {
  if (!USER_SPEC.test(value)) invalid('user', value, 'a user name or uid, optionally :group or :gid');
  return value;
}

/**
 * A host path (build context, Dockerfile, bind-mount source). Absolute, so it can never start with
 * `-`; spaces are allowed because no shell splits them; `,` and `"` are refused because `--mount`
 * reads its value as CSV.
 */
export function checkHostPath(value: string): string {
  if (CONTROL.test(value)) invalid('path', value, 'it contains control characters');
  const absolute = value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
  if (!absolute) invalid('path', value, 'use an absolute path');
  if (/[,"]/.test(value)) invalid('path', value, 'commas and double quotes cannot be passed in a mount');
  return value;
}

/** A path inside the container (mount target, tmpfs). */
export function checkContainerPath(value: string): string {
  if (CONTROL.test(value) || !/^\/[^,":]*$/.test(value) || /\s/.test(value)) invalid('container path', value, 'an absolute path without spaces, commas, colons or quotes');
  return value;
}

export function checkPort(value: number, what = 'port', allowZero = false): number {
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1) || value > 65535) invalid(what, String(value), `a whole number from ${allowZero ? 0 : 1} to 65535`);
  return value;
}

export function checkHostIp(value: string): string {
  if (!IPV4.test(value) && !(IPV6.test(value) && value.includes(':'))) invalid('host IP address', value, 'an IPv4 or IPv6 address such as 127.0.0.1');
  return value;
}

export function checkProtocol(value: string): 'tcp' | 'udp' | 'sctp' {
  if (value !== 'tcp' && value !== 'udp' && value !== 'sctp') invalid('protocol', value, 'tcp, udp or sctp');
  return value;
}

/** A program inside the container (`--entrypoint`): a bare name or an absolute path. */
export function checkProgram(value: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,127}$/.test(value) && !/^\/[^\s,":]*$/.test(value)) invalid('entrypoint', value, 'a program name or an absolute path');
  if (CONTROL.test(value)) invalid('entrypoint', value, 'it contains control characters');
  return value;
}

/** An argument of the command a container runs (after the image): anything but NUL. */
export function checkCommandArgument(value: string): string {
  return checkValue('command argument', value);
}

/**
 * The CLI to run: docker, podman, nerdctl, another bare program name looked up on PATH, or an
 * absolute path. Never something that starts with `-` or holds spaces or control characters.
 */
export function checkCliCommand(value: string): string {
  if (CONTROL.test(value)) invalid('container command', value, 'it contains control characters');
  const bareName = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/.test(value);
  const absolute = value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value);
  if (!bareName && !absolute) invalid('container command', value, 'use a program name such as docker, podman or nerdctl, or an absolute path');
  return value;
}
