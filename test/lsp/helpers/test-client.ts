// Drives the built language server (dist/server.js) as a real child process over stdio.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionRequest, ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
  InitializeRequest, IPCMessageReader, IPCMessageWriter, LogMessageNotification, PublishDiagnosticsNotification, RegistrationRequest, ShowMessageNotification, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter, type ClientCapabilities, type CodeAction, type Command, type Diagnostic, type FileEvent,
  type InitializeResult, type LogMessageParams, type ProtocolConnection, type PublishDiagnosticsParams, type Range, type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER_PATH = join(__dirname, '..', '..', '..', 'dist', 'server.js');
const DEFAULT_TIMEOUT_MS = 5000;

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: false },
    didChangeWatchedFiles: { dynamicRegistration: false },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
  },
};

export interface StartOptions {
  args?: string[];
  /** Sent as initializationOptions; linting without delay keeps tests fast. */
  initializationOptions?: Record<string, unknown>;
  /** The `containerHygiene` section returned for workspace/configuration. */
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /** stdio (default) or Node IPC, as the VS Code client uses. */
  transport?: 'stdio' | 'ipc';
  /** Node arguments and script instead of the built bundle, e.g. `['--import', 'tsx', 'server/src/server.ts']` (no build needed). */
  server?: string[];
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

/** A minimal LSP client that records what the server sends and waits for it without fixed sleeps. */
export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  stderr = '';
  configurationRequests = 0;
  /** While set, answers to workspace/configuration wait for it (to hold the server mid-lint). */
  configurationGate: Promise<void> | undefined;
  private readonly waiters = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcessWithoutNullStreams, readonly connection: ProtocolConnection, settings: Record<string, unknown>) {
    this.settings = settings;
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests++;
      for (const waiter of [...this.waiters]) waiter();
      await this.configurationGate;
      return params.items.map((item) => (item.section === 'containerHygiene' ? this.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.record(this.published, params));
    connection.onNotification(ShowMessageNotification.type, (params) => this.record(this.messages, params));
    connection.onNotification(LogMessageNotification.type, (params) => this.record(this.logs, params));
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    if (!options.server && !existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing; run "npm run build" first.`);
    const ipc = options.transport === 'ipc';
    const args = options.args ?? [ipc ? '--node-ipc' : '--stdio'];
    // Descriptors 0-2 are pipes in both modes, so the streams exist; the IPC channel is a fourth one.
    const child = spawn(process.execPath, [...(options.server ?? [SERVER_PATH]), ...args], {
      stdio: ['pipe', 'pipe', 'pipe', ...(ipc ? ['ipc' as const] : [])],
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    }) as ChildProcessWithoutNullStreams;
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options.settings ?? {});
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      initializationOptions: options.initializationOptions ?? { debounceMs: 0 },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** A position in the stream of published diagnostics, to wait for something newer than it. */
  mark(): number {
    return this.published.length;
  }

  async open(uri: string, text: string, languageId = 'dockerfile', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (allowed under incremental sync: a change without a range). */
  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async configurationChanged(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { containerHygiene: settings } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (result ?? []).filter((action: Command | CodeAction): action is CodeAction => 'kind' in action || 'edit' in action);
  }

  /** The first diagnostics published for `uri` after `since` that satisfy `accept`; fails after a timeout. */
  waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    const find = (): PublishDiagnosticsParams | undefined => this.published.slice(since).find((params) => params.uri === uri && accept(params));
    return this.waitFor(find, () => `diagnostics for ${uri}; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => ({ version: p.version, codes: p.diagnostics.map((d) => d.code) })))}`);
  }

  waitFor<T>(find: () => T | undefined, describe: () => string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = find();
        if (found === undefined) return;
        finish();
        resolve(found);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}. Server stderr: ${this.stderr.slice(-2000) || '(none)'}`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** shutdown + exit, as an editor does; resolves with the process exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** For after(): ends the server if a test failed before shutting it down. */
  async dispose(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill();
      await this.exited;
    }
    this.connection.dispose();
  }

  /** Resolves with the exit code when the server process ends (null after a signal). */
  get exit(): Promise<number | null> {
    return this.exited;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private record<T>(list: T[], item: T): void {
    list.push(item);
    for (const waiter of [...this.waiters]) waiter();
  }
}

export function codesOf(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((diagnostic) => String(diagnostic.code));
}

export function withCode(params: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return params.diagnostics.filter((diagnostic) => diagnostic.code === code);
}
