import { Console } from 'node:console';
import { createConnection, ProposedFeatures, StreamMessageWriter, TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decideStartup } from './lsp/command-line';
import { describe } from './lsp/linter';
import { exposedGc, IdleMemoryRelease } from './lsp/idle-memory';
import { cachedJsonEncoder } from './lsp/message-json';
import { Session } from './lsp/session';

// `--stdio` / `--node-ipc` pick the transport; see lsp/command-line.ts for what happens without one.
const startup = decideStartup(process.argv, process.stdin.isTTY === true);
if (startup.action === 'print') {
  (startup.exitCode === 0 ? process.stdout : process.stderr).write(`${startup.text}\n`);
  process.exit(startup.exitCode);
}
process.argv = startup.argv;

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let session: Session | undefined;
const idleMemory = new IdleMemoryRelease(exposedGc());
// Last line of defence: a bug in one request must not take the editor's diagnostics down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${describe(reason)}`));

connection.onInitialize((params) => {
  session = new Session(connection, documents, params, () => idleMemory.published());
  return session.initializeResult;
});
// TextDocuments reports an open as a content change too.
documents.onDidChangeContent(({ document }) => {
  idleMemory.activity();
  session?.linter.schedule(document);
});
documents.onDidOpen(() => idleMemory.opened());
documents.onDidClose(({ document }) => {
  idleMemory.activity();
  session?.linter.close(document.uri);
});
connection.onDidChangeConfiguration(({ settings }) => session?.configurationChanged(settings));
connection.onDidChangeWatchedFiles(({ changes }) => session?.filesChanged(changes));
connection.onCodeAction(async (params) => (session ? session.codeActions.provide(params) : []));
connection.onCodeActionResolve(async (action) => (session?.pinning ? session.pinning.resolve(action) : action));

documents.listen(connection);
connection.listen();

/**
 * The `--stdio` connection of vscode-languageserver, with publishes serialised from cached diagnostic JSON
 * (lsp/message-json.ts). Like the library in this mode, keeps console output off stdout, the protocol's channel.
 */
function stdioConnection(): Connection {
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: cachedJsonEncoder });
  // The streams overload: the library wraps the input stream (and exits when it closes) and takes a ready writer as is.
  return createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
}
