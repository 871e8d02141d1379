import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decideStartup } from './lsp/command-line';
import { describe } from './lsp/linter';
import { Session } from './lsp/session';

// `--stdio` / `--node-ipc` pick the transport; see lsp/command-line.ts for what happens without one.
const startup = decideStartup(process.argv, process.stdin.isTTY === true);
if (startup.action === 'print') {
  (startup.exitCode === 0 ? process.stdout : process.stderr).write(`${startup.text}\n`);
  process.exit(startup.exitCode);
}
process.argv = startup.argv;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let session: Session | undefined;
// Last line of defence: a bug in one request must not take the editor's diagnostics down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${describe(reason)}`));

connection.onInitialize((params) => {
  session = new Session(connection, documents, params);
  return session.initializeResult;
});
// TextDocuments reports an open as a content change too.
documents.onDidChangeContent(({ document }) => session?.linter.schedule(document));
documents.onDidClose(({ document }) => session?.linter.close(document.uri));
connection.onDidChangeConfiguration(({ settings }) => session?.configurationChanged(settings));
connection.onDidChangeWatchedFiles(({ changes }) => session?.filesChanged(changes));
connection.onCodeAction(async (params) => (session ? session.codeActions.provide(params) : []));
connection.onCodeActionResolve(async (action) => (session?.pinning ? session.pinning.resolve(action) : action));

documents.listen(connection);
connection.listen();
