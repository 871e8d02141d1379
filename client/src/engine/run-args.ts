/**
 * The exact argv of Run Container. Environment values never appear in it: `-e NAME` makes the CLI
 * read the value from its own environment, which `runEnvironment` supplies. Mounts use `--mount`
 * (explicit, and a missing bind source is an error instead of a new root-owned folder).
 */
import {
  checkCommandArgument, checkContainerName, checkContainerPath, checkEnvName, checkHostIp, checkHostPath, checkImage,
  checkLabelKey, checkNetworkName, checkPort, checkProgram, checkProtocol, checkUser, checkValue, checkVolumeName,
} from './validate';

export interface PortMapping {
  container: number;
  /** Host port; omitted or 0 lets the engine choose. */
  host?: number;
  protocol?: 'tcp' | 'udp' | 'sctp';
  /** Defaults to 127.0.0.1: published ports are reachable from this machine only unless asked. */
  hostIp?: string;
}

export interface EnvVar {
  name: string;
  value: string;
}

export type Mount =
  | { type: 'volume'; source: string; target: string; readOnly?: boolean }
  | { type: 'bind'; source: string; target: string; readOnly?: boolean };

export type RunMode = 'detached' | 'interactive' | 'attached';

export interface RunOptions {
  image: string;
  /** Arguments after the image (the container's command). */
  command?: readonly string[];
  name?: string;
  ports?: readonly PortMapping[];
  env?: readonly EnvVar[];
  mounts?: readonly Mount[];
  /** `--rm`. */
  remove?: boolean;
  /** `detached` (-d, default), `interactive` (-i -t, needs a terminal) or `attached`. */
  mode?: RunMode;
  /** `--read-only`, with a tmpfs on /tmp so programs that need scratch space still work. */
  readOnly?: boolean;
  user?: string;
  /** `--cap-drop ALL`. */
  capDropAll?: boolean;
  /** `--security-opt no-new-privileges`. */
  noNewPrivileges?: boolean;
  labels?: Readonly<Record<string, string>>;
  network?: string;
  entrypoint?: string;
}

export const DEFAULT_HOST_IP = '127.0.0.1';

function portArg(port: PortMapping): string {
  checkPort(port.container, 'container port');
  const hostIp = checkHostIp(port.hostIp ?? DEFAULT_HOST_IP);
  const ip = hostIp.includes(':') ? `[${hostIp}]` : hostIp;
  const host = port.host ? String(checkPort(port.host, 'host port', true)) : '';
  const protocol = port.protocol ? `/${checkProtocol(port.protocol)}` : '';
  return `${ip}:${host}:${port.container}${protocol}`;
}

function mountArg(mount: Mount): string {
  const source = mount.type === 'volume' ? checkVolumeName(mount.source) : checkHostPath(mount.source);
  const readOnly = mount.readOnly ? ',readonly' : '';
  return `type=${mount.type},source=${source},target=${checkContainerPath(mount.target)}${readOnly}`;
}

export function runArgs(options: RunOptions): string[] {
  const args = ['run'];
  const mode = options.mode ?? 'detached';
  if (mode === 'detached') args.push('--detach');
  if (mode === 'interactive') args.push('--interactive', '--tty');
  if (options.remove ?? true) args.push('--rm');
  if (options.name !== undefined) args.push('--name', checkContainerName(options.name));
  if (options.user !== undefined) args.push('--user', checkUser(options.user));
  if (options.readOnly) args.push('--read-only', '--tmpfs', '/tmp');
  if (options.capDropAll) args.push('--cap-drop', 'ALL');
  if (options.noNewPrivileges) args.push('--security-opt', 'no-new-privileges');
  if (options.network !== undefined) args.push('--network', checkNetworkName(options.network));
  for (const port of options.ports ?? []) args.push('--publish', portArg(port));
  for (const variable of options.env ?? []) {
    checkEnvName(variable.name);
    checkValue(`value of ${variable.name}`, variable.value);
    args.push('--env', variable.name);
  }
  for (const mount of options.mounts ?? []) args.push('--mount', mountArg(mount));
  for (const [key, value] of Object.entries(options.labels ?? {})) args.push('--label', `${checkLabelKey(key)}=${checkValue('label value', value)}`);
  if (options.entrypoint !== undefined) args.push('--entrypoint', checkProgram(options.entrypoint));
  args.push('--', checkImage(options.image));
  for (const part of options.command ?? []) args.push(checkCommandArgument(part));
  return args;
}

/** The environment that carries the `--env` values (never printed). */
export function runEnvironment(options: RunOptions): Record<string, string> {
  return Object.fromEntries((options.env ?? []).map((variable) => [variable.name, variable.value]));
}
