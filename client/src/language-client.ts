import type { ExtensionContext, OutputChannel } from 'vscode';
import { workspace } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DiagnosticLinks } from './diagnostic-links';
import { RestartPolicy } from './restart-policy';
import { SERVER_ENV, SERVER_INIT_OPTIONS, serverNodeFlags } from './server-flags';

/** Editor languages the server lints (keep in step with server/src/lsp/language-kinds.ts). */
const LANGUAGES = ['dockerfile', 'dockercompose'];
/**
 * Plain YAML files go to the server too, which lints those whose name makes them Compose files
 * (`compose.yaml` opened as YAML, or a name in `containerHygiene.composeFilePatterns`).
 */
const YAML_FILES = { scheme: 'file', language: 'yaml' };
/** Config files, and the Compose files merged with an open one (`compose.override.yaml` beside `compose.yaml`). */
const WATCHED_FILES = '**/{.hadolint.yaml,.hadolint.yml,.container-hygiene.yaml,.container-hygiene.yml,.dockerignore,compose*.yaml,compose*.yml,docker-compose*.yaml,docker-compose*.yml}';

/**
 * The language client for dist/server.js, talking over stdio. Not started yet. Stdio rather than Node IPC:
 * on stdio the server sends each diagnostic's JSON cached from the last publish (server/src/lsp/message-json.ts),
 * while IPC re-serialises every diagnostic on every change.
 */
export function createLanguageClient(context: ExtensionContext, outputChannel: OutputChannel): LanguageClient {
  const links = new DiagnosticLinks();
  const serverModule = context.asAbsolutePath('dist/server.js');
  const env = { ...process.env, ...SERVER_ENV };
  const flags = serverNodeFlags();
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: flags, env } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...flags, '--nolazy', '--inspect=6009'], env } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]), YAML_FILES],
    synchronize: {
      configurationSection: 'containerHygiene',
      fileEvents: workspace.createFileSystemWatcher(WATCHED_FILES),
    },
    outputChannel,
    errorHandler: new RestartPolicy('Container Hygiene'),
    initializationOptions: { ...SERVER_INIT_OPTIONS },
    middleware: { handleDiagnostics: (uri, diagnostics, next) => next(uri, links.complete(diagnostics)) },
  };
  return new LanguageClient('containerHygiene', 'Container Hygiene', serverOptions, clientOptions);
}
