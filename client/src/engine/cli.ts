/**
 * The only place that starts the container CLI. Arguments go to `spawn` as an array with no shell,
 * so nothing in them is ever interpreted; secret values travel in the child's environment (the CLI
 * reads `-e NAME` / `--build-arg NAME` from there), so they never appear in argv, logs or output.
 */
import { spawn } from 'node:child_process';
import { EngineError, classifyFailure, cliMissing, cliNotExecutable, type EndpointHint } from './errors';
import { cliFlavor, resolveSettings, type CliFlavor, type EngineSettings } from './settings';

export interface ExecOptions {
  signal?: AbortSignal;
  /** Milliseconds; defaults to the settings' timeout; 0 means none. */
  timeoutMs?: number;
  /** Extra environment holding secret values; only the names are ever shown. */
  secretEnv?: Readonly<Record<string, string>>;
  /** Stops reading (and fails) beyond this many bytes of stdout. */
  maxOutputBytes?: number;
  /** Runs after a timeout or cancellation killed the CLI (e.g. removes a helper container). */
  cleanup?: () => Promise<void>;
}

export interface ExecResult {
  stdout: Buffer;
  stderr: string;
}

/** How VS Code should start the same command in a task (ProcessExecution): no shell either. */
export interface Invocation {
  command: string;
  args: string[];
  /** Added to the parent environment: the settings' environment plus secret values. */
  env: Record<string, string>;
}

const KILL_GRACE_MS = 2000;
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
const SECRET_NAME = /pass|secret|token|key|credential|auth|cert/i;

/** Quotes one argument the way a POSIX shell would need it, for display only (nothing is run through a shell). */
export function quoteArgument(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export class ContainerCli {
  readonly settings: EngineSettings;
  readonly flavor: CliFlavor;

  constructor(settings: Partial<EngineSettings> = {}, private readonly log: (line: string) => void = () => undefined) {
    this.settings = resolveSettings(settings);
    this.flavor = cliFlavor(this.settings.command);
  }

  /** The command as a user would type it; settings' environment shown as a prefix, secret-looking values masked. */
  commandLine(args: readonly string[]): string {
    const prefix = Object.entries(this.settings.environment)
      .map(([name, value]) => `${name}=${SECRET_NAME.test(name) ? '***' : quoteArgument(value)} `)
      .join('');
    return prefix + [this.settings.command, ...args].map(quoteArgument).join(' ');
  }

  invocation(args: readonly string[], secretEnv: Readonly<Record<string, string>> = {}): Invocation {
    return { command: this.settings.command, args: [...args], env: { ...this.settings.environment, ...secretEnv } };
  }

  endpointHint(): EndpointHint {
    const fromSettings = this.settings.environment.DOCKER_HOST;
    const dockerHost = fromSettings ?? process.env.DOCKER_HOST;
    return {
      dockerHost: dockerHost || undefined,
      dockerHostSource: fromSettings ? 'containerHygiene.environment' : 'the environment',
      dockerContext: this.settings.environment.DOCKER_CONTEXT ?? process.env.DOCKER_CONTEXT ?? undefined,
    };
  }

  exec(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const display = this.commandLine(args);
    if (options.signal?.aborted) return Promise.reject(new EngineError('cancelled', `Cancelled before running ${display}.`));
    this.log(display);
    const env = { ...process.env, ...this.settings.environment, ...(options.secretEnv ?? {}) };
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    const maxOutput = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    return new Promise<ExecResult>((resolve, reject) => {
      const child = spawn(this.settings.command, [...args], { env, shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let stdoutBytes = 0;
      let stopped: EngineError | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      const stop = (error: EngineError): void => {
        if (stopped) return;
        stopped = error;
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      };
      const timer = timeoutMs > 0
        ? setTimeout(() => stop(new EngineError('timeout', `${display} did not finish within ${Math.round(timeoutMs / 1000)} s; the engine may be busy or hung. Try "${this.settings.command} info" in a terminal.`)), timeoutMs)
        : undefined;
      const onAbort = (): void => stop(new EngineError('cancelled', `Cancelled: ${display}.`));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', (chunk: Buffer) => {
        stdoutBytes += chunk.length;
        if (stdoutBytes > maxOutput) stop(new EngineError('bad-output', `${display} printed more than ${maxOutput} bytes; stopped reading.`));
        else stdout.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      const finish = (): void => {
        if (timer) clearTimeout(timer);
        if (killTimer) clearTimeout(killTimer);
        options.signal?.removeEventListener('abort', onAbort);
      };
      child.on('error', (error: NodeJS.ErrnoException) => {
        finish();
        if (error.code === 'ENOENT') reject(cliMissing(this.settings.command));
        else if (error.code === 'EACCES') reject(cliNotExecutable(this.settings.command));
        else reject(new EngineError('failed', `${display} could not start: ${error.message}`));
      });
      child.on('close', (code) => {
        finish();
        const stderrText = Buffer.concat(stderr).toString('utf8');
        if (stopped) {
          const error = stopped;
          const cleanup = options.cleanup ? options.cleanup().catch(() => undefined) : Promise.resolve();
          void cleanup.then(() => reject(error));
          return;
        }
        if (code !== 0) {
          reject(classifyFailure(this.settings.command, display, stderrText, code, this.endpointHint()));
          return;
        }
        resolve({ stdout: Buffer.concat(stdout), stderr: stderrText });
      });
    });
  }

  async text(args: readonly string[], options: ExecOptions = {}): Promise<string> {
    return (await this.exec(args, options)).stdout.toString('utf8');
  }

  /**
   * Runs a command printing one JSON document per line (`--format '{{json .}}'`) and parses each with
   * `parse`, which validates the shape. A JSON array on one line (podman's style) is flattened.
   */
  async jsonLines<T>(args: readonly string[], parse: (value: unknown) => T, options: ExecOptions = {}): Promise<T[]> {
    const display = this.commandLine(args);
    const output = await this.text(args, options);
    const records: T[] = [];
    for (const [index, line] of output.split(/\r?\n/).entries()) {
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new EngineError('bad-output', `${display} printed a line that is not JSON (line ${index + 1}); is containerHygiene.containerCommand a Docker-compatible CLI?`, line.slice(0, 200));
      }
      for (const item of Array.isArray(value) ? value : [value]) records.push(parse(item));
    }
    return records;
  }
}
