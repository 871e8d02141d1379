import type { ExtensionContext, OutputChannel } from 'vscode';
import { workspace } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Editor languages the server lints (keep in step with server/src/lsp/language-kinds.ts). */
const LANGUAGES = ['dockerfile'];
const CONFIG_FILES = '**/{.hadolint.yaml,.hadolint.yml,.container-hygiene.yaml,.container-hygiene.yml,.dockerignore}';

/** The language client for dist/server.js, talking over Node IPC. Not started yet. */
export function createLanguageClient(context: ExtensionContext, outputChannel: OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    synchronize: {
      configurationSection: 'containerHygiene',
      fileEvents: workspace.createFileSystemWatcher(CONFIG_FILES),
    },
    outputChannel,
  };
  return new LanguageClient('containerHygiene', 'Container Hygiene', serverOptions, clientOptions);
}
