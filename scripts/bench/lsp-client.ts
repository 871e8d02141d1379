// One minimal LSP client for every server in the benchmark, so each is driven the same way.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  ConfigurationRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification,
  InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest, StreamMessageReader,
  StreamMessageWriter, type ClientCapabilities, type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams, type Range,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  initializationOptions?: Record<string, unknown>;
  /** Added to the environment the server process inherits. */
  env?: Readonly<Record<string, string>>;
  /** What the server's own editor client does to each publish before showing it (our compact diagnostics); timed. */
  completeDiagnostics?: (diagnostics: Diagnostic[]) => void;
}

/** What an editor announces: pull configuration, versioned diagnostics. */
const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

/** One publish as the client saw it: what it said, not the diagnostics themselves (see `BenchClient.latest`). */
export interface Publish {
  params: Pick<PublishDiagnosticsParams, 'uri' | 'version'> & { diagnosticCount: number };
  /** performance.now() when the notification reached the client. */
  at: number;
}

export class BenchClient {
  readonly publishes: Publish[] = [];
  /**
   * The diagnostics last published for each document. Like an editor, the client keeps only these:
   * retaining every publish would grow its heap by the payload on each edit, and its garbage
   * collection would then be timed as the server's latency.
   */
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcessWithoutNullStreams, readonly connection: ProtocolConnection, readonly startedAt: number,
    complete: (diagnostics: Diagnostic[]) => void = () => undefined) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    // BENCH_STDERR=1 shows what the server logs (timing experiments); otherwise it is drained unread.
    if (process.env.BENCH_STDERR) child.stderr.pipe(process.stderr);
    else child.stderr.resume();
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      complete(params.diagnostics);
      const at = performance.now();
      this.latest.set(params.uri, params);
      this.publishes.push({ params: { uri: params.uri, version: params.version, diagnosticCount: params.diagnostics.length }, at });
      for (const waiter of [...this.waiters]) waiter();
    });
    connection.onError(() => undefined);
    connection.listen();
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(spec: ServerSpec): Promise<BenchClient> {
    const startedAt = performance.now();
    const child = spawn(spec.command, spec.args, { stdio: 'pipe', env: { ...process.env, ...spec.env } }) as ChildProcessWithoutNullStreams;
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient(child, connection, startedAt, spec.completeDiagnostics);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, capabilities: CAPABILITIES, initializationOptions: spec.initializationOptions ?? {},
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Sends one incremental change; resolves with the send time. */
  async change(uri: string, version: number, range: Range, text: string): Promise<number> {
    const at = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return at;
  }

  /** The first publish for `uri` at index >= `since` that `accept`s, or undefined after `timeoutMs`. */
  waitForPublish(uri: string, since: number, accept: (params: Publish['params']) => boolean, timeoutMs: number): Promise<Publish | undefined> {
    return new Promise((resolve) => {
      const check = (): void => {
        const found = this.publishes.slice(since).find((publish) => publish.params.uri === uri && accept(publish.params));
        if (!found) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        resolve(undefined);
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Resident and peak memory of the server process, from /proc (Linux), in MB. */
  memory(): { rssMb: number; peakMb: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    const timer = setTimeout(() => this.child.kill(), 2000);
    await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
