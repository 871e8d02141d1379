import { MessageType, ShowMessageNotification, TextDocumentSyncKind, type Connection, type FileEvent, type InitializeParams, type InitializeResult, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { SETTINGS_SECTION } from './client-settings';
import { CODE_ACTION_KINDS, CodeActionProvider } from './code-actions';
import { readInitOptions } from './init-options';
import { DocumentLinter } from './linter';
import { SettingsProvider } from './settings-provider';
import { editCapabilities } from './workspace-edits';

/** Everything that depends on what the client said in `initialize`, built once per connection. */
export class Session {
  readonly settings: SettingsProvider;
  readonly linter: DocumentLinter;
  readonly codeActions: CodeActionProvider;
  /** The section from the last didChangeConfiguration, for clients without workspace/configuration. */
  private pushedSettings: unknown;

  constructor(connection: Connection, documents: TextDocuments<TextDocument>, params: InitializeParams) {
    const workspace = params.capabilities.workspace;
    this.settings = new SettingsProvider({
      fetchClientSettings: async (uri) => (workspace?.configuration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        : this.pushedSettings),
      warn: (message) => {
        connection.console.warn(message);
        // The notification, not window.showWarningMessage: that is a request, and a client without it would answer with an error.
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Container Hygiene: ${message}` }).catch(() => undefined);
      },
    // Disk config is cached only when the client reports file changes: nothing else would invalidate it.
    }, workspace?.didChangeWatchedFiles !== undefined);
    this.linter = new DocumentLinter(documents, this.settings, {
      publish: (diagnostics) => void connection.sendDiagnostics(diagnostics),
      logError: (message) => connection.console.error(message),
    }, { debounceMs: readInitOptions(params.initializationOptions).debounceMs });
    const edits = editCapabilities(params.capabilities);
    this.codeActions = new CodeActionProvider(documents, this.linter, () => edits);
  }

  readonly initializeResult: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
    },
    serverInfo: { name: 'container-hygiene-language-server', version },
  };

  configurationChanged(settings: unknown): void {
    this.pushedSettings = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    this.settings.clientSettingsChanged();
    this.linter.scheduleAll();
  }

  filesChanged(changes: readonly FileEvent[]): void {
    const relevant = changes.map((change) => this.settings.fileChanged(change.uri));
    if (relevant.some(Boolean)) this.linter.scheduleAll();
  }
}
