/** Engine version and status, and Docker contexts (listed, shown, switched; never overridden). */
import type { ContainerCli, ExecOptions } from './cli';
import { EngineError, describeError } from './errors';
import { parseContextSummary, parseVersion, type ContextSummary, type VersionInfo } from './records';
import { checkContextName } from './validate';

const FORMAT = ['--format', '{{json .}}'];

/** `version`: throws EngineError('engine-down') with what was tried when no engine answers. */
export async function engineVersion(cli: ContainerCli, options: ExecOptions = {}): Promise<VersionInfo> {
  const [version] = await cli.jsonLines(['version', ...FORMAT], parseVersion, options);
  if (!version) throw new EngineError('bad-output', `${cli.commandLine(['version', ...FORMAT])} printed nothing.`);
  if (version.serverVersion === null) {
    throw new EngineError('engine-down', `The container engine did not answer ${cli.commandLine(['version'])}. Start Docker, or choose another context or DOCKER_HOST.`);
  }
  return version;
}

export async function listContexts(cli: ContainerCli, options: ExecOptions = {}): Promise<ContextSummary[]> {
  if (cli.flavor !== 'docker') return [];
  return cli.jsonLines(['context', 'ls', ...FORMAT], parseContextSummary, options);
}

export async function currentContext(cli: ContainerCli, options: ExecOptions = {}): Promise<string | null> {
  if (cli.flavor !== 'docker') return null;
  const name = (await cli.text(['context', 'show'], options)).trim();
  return name === '' ? null : name;
}

/** `context use` changes the CLI's current context for every terminal, as it does when typed. */
export async function useContext(cli: ContainerCli, name: string, options: ExecOptions = {}): Promise<void> {
  checkContextName(name);
  if (cli.flavor !== 'docker') throw new EngineError('failed', `${cli.settings.command} has no Docker contexts; set DOCKER_HOST or CONTAINER_HOST in containerHygiene.environment instead.`);
  await cli.exec(['context', 'use', '--', name], options);
}

export interface EngineStatus {
  answers: boolean;
  /** Context name (docker), or null. */
  context: string | null;
  /** What the CLI connects to: DOCKER_HOST when set, else the context's endpoint. */
  endpoint: string | null;
  /** Where `endpoint` came from. */
  endpointSource: 'DOCKER_HOST' | 'context' | null;
  serverVersion: string | null;
  /** The user-facing message when it does not answer. */
  problem: string | null;
}

/** Never throws: a status bar needs an answer even when the CLI is missing. */
export async function engineStatus(cli: ContainerCli, options: ExecOptions = {}): Promise<EngineStatus> {
  const hint = cli.endpointHint();
  let context: string | null = null;
  let endpoint: string | null = hint.dockerHost ?? null;
  try {
    const contexts = await listContexts(cli, options);
    const current = contexts.find((item) => item.current) ?? null;
    context = current?.name ?? null;
    if (!endpoint && current) endpoint = current.endpoint;
  } catch {
    // Contexts are informative only; the version call below reports the real problem.
  }
  const endpointSource = hint.dockerHost ? 'DOCKER_HOST' : endpoint ? 'context' : null;
  try {
    const version = await engineVersion(cli, options);
    return { answers: true, context: context ?? version.context, endpoint, endpointSource, serverVersion: version.serverVersion, problem: null };
  } catch (error) {
    return { answers: false, context, endpoint, endpointSource, serverVersion: null, problem: describeError(error) };
  }
}
