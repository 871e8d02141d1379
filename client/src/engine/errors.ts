/**
 * One error type for everything the engine module refuses or the container CLI reports, each with
 * a message a user can act on: what failed, why, and what to do next. No stack traces reach users.
 */

export type EngineErrorKind =
  | 'invalid-input' // a value failed validation; nothing ran
  | 'cli-missing' // the container CLI is not installed / not on PATH
  | 'cli-not-executable'
  | 'engine-down' // the CLI runs but no engine answers
  | 'permission-denied' // the engine socket refused this user
  | 'timeout'
  | 'cancelled'
  | 'in-use' // a volume (or image) is still used by containers
  | 'not-found'
  | 'bad-output' // the CLI printed something that is not the expected JSON
  | 'failed'; // any other non-zero exit

export class EngineError extends Error {
  constructor(readonly kind: EngineErrorKind, message: string, readonly details?: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Where the CLI was told to connect: used to name what was tried when nothing answers. */
export interface EndpointHint {
  /** `DOCKER_HOST` as the CLI sees it (settings environment over the process environment). */
  dockerHost?: string;
  /** Where DOCKER_HOST came from, for the message. */
  dockerHostSource?: 'containerHygiene.environment' | 'the environment';
  dockerContext?: string;
}

const ENGINE_DOWN = [
  /Cannot connect to the Docker daemon at ([^\s]+?)\.? Is the docker daemon running\?/i,
  /failed to connect to the docker API at ([^\s;]+)/i,
  /error during connect: .*?(npipe:[^\s:]+|tcp:\/\/[^\s/]+|unix:\/\/[^\s:]+)/i,
  /Cannot connect to Podman.*?(unix:\/\/[^\s:]+|ssh:\/\/[^\s:]+)?/i,
  /dial unix ([^\s:]+): connect: (?:no such file or directory|connection refused)/i,
  /cannot access containerd socket "?([^\s"]+)"?/i,
];
const PERMISSION_DENIED = /permission denied while trying to connect to the (?:Docker daemon|docker API) (?:socket )?at ([^\s:]+:\/\/[^\s:]+)/i;

/** The human name of the CLI for messages: the program name without directories. */
export function cliName(command: string): string {
  return command.split(/[\\/]/).pop() || command;
}

export function cliMissing(command: string): EngineError {
  const name = cliName(command);
  const where = command.includes('/') || command.includes('\\') ? `${command} was not found` : `${name} was not found on PATH`;
  return new EngineError('cli-missing', `${where}; install it or set containerHygiene.containerCommand.`);
}

export function cliNotExecutable(command: string): EngineError {
  return new EngineError('cli-not-executable', `${command} cannot be executed (permission denied); check the file or set containerHygiene.containerCommand.`);
}

function triedWhat(address: string | undefined, hint: EndpointHint): string {
  if (hint.dockerHost) return `DOCKER_HOST=${hint.dockerHost} (from ${hint.dockerHostSource ?? 'the environment'})`;
  if (hint.dockerContext) return `the Docker context "${hint.dockerContext}"${address ? ` (${address})` : ''}`;
  return address ? `the current Docker context (${address})` : 'the current Docker context';
}

/**
 * Turns a failed run (non-zero exit) into one EngineError. `commandText` is the displayed command
 * (`docker volume rm chx`), used only when the failure is not one of the well-known kinds.
 */
export function classifyFailure(command: string, commandText: string, stderr: string, exitCode: number | null, hint: EndpointHint): EngineError {
  const text = stderr.trim();
  const name = cliName(command);
  const denied = PERMISSION_DENIED.exec(text);
  if (denied) {
    return new EngineError('permission-denied',
      `Permission denied on the engine socket ${denied[1]}: your user may not use ${name}. Add it to the "docker" group (then log in again), use rootless ${name}, or point DOCKER_HOST at an engine you may use.`, text);
  }
  for (const pattern of ENGINE_DOWN) {
    const match = pattern.exec(text);
    if (!match) continue;
    return new EngineError('engine-down',
      `The container engine did not answer; tried ${triedWhat(match[1], hint)}. Start Docker (or Docker Desktop / the podman service), or choose another context or DOCKER_HOST in containerHygiene.environment.`, text);
  }
  if (/no such (?:volume|image|container|object)|not found|Could not find the file/i.test(text) && !/command not found/i.test(text)) {
    return new EngineError('not-found', `${commandText} failed: ${firstLines(text)}`, text);
  }
  if (/volume is in use|image is being used|conflict: unable to (?:delete|remove)/i.test(text)) {
    return new EngineError('in-use', `${commandText} was refused: ${firstLines(text)}`, text);
  }
  const what = text ? firstLines(text) : `it exited with code ${exitCode ?? 'unknown'} and printed nothing`;
  return new EngineError('failed', `${commandText} failed: ${what}`, text);
}

/** The daemon's own words, first lines only, without the CLI's deprecation and help notices. */
export function firstLines(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !/DEPRECATED|legacy builder|buildx|docs\.docker\.com\/go\/buildx|^Run '.* --help'/i.test(line));
  const kept = lines.slice(0, 3).join(' ').replace(/(^|docker: )Error response from daemon: /g, '$1');
  return kept.length > 400 ? `${kept.slice(0, 400)}…` : kept;
}

/** The message to show for any error: EngineErrors as they are, anything else with its text. */
export function describeError(error: unknown): string {
  if (error instanceof EngineError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
