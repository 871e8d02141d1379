import { MessageType, ShowMessageNotification, TextDocumentSyncKind, type ClientCapabilities, type Connection, type FileEvent, type InitializeParams, type InitializeResult, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { SETTINGS_SECTION } from './client-settings';
import { CODE_ACTION_KINDS, CodeActionProvider } from './code-actions';
import { readInitOptions } from './init-options';
import { ComposeProjectFiles } from './compose-files';
import { DocumentLinter } from './linter';
import { SettingsProvider } from './settings-provider';
import { editCapabilities } from './workspace-edits';
import { RegistryClient } from '../registry/client';
import { ImagePinning } from './pinning';
import { LOCAL_IMAGE_DIGESTS_METHOD, type LocalImageDigestsParams, type LocalImageDigestsResult } from './pinning-protocol';

/** Everything that depends on what the client said in `initialize`, built once per connection. */
export class Session {
  readonly settings: SettingsProvider;
  readonly linter: DocumentLinter;
  readonly codeActions: CodeActionProvider;
  /** Texts of the files Compose merges with an open Compose file (open documents first, then the disk). */
  readonly composeFiles: ComposeProjectFiles;
  /** Pin actions, when the client can resolve an action's edit after listing it. */
  readonly pinning: ImagePinning | undefined;
  /** The section from the last didChangeConfiguration, for clients without workspace/configuration. */
  private pushedSettings: unknown;

  constructor(connection: Connection, documents: TextDocuments<TextDocument>, params: InitializeParams, onPublished: () => void = () => undefined) {
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
    this.composeFiles = new ComposeProjectFiles(documents, workspace?.didChangeWatchedFiles !== undefined);
    this.linter = new DocumentLinter(documents, this.settings, {
      publish: (diagnostics) => {
        void connection.sendDiagnostics(diagnostics);
        onPublished();
      },
      logError: (message) => connection.console.error(message),
    }, readInitOptions(params.initializationOptions), this.composeFiles);
    const edits = editCapabilities(params.capabilities);
    this.pinning = resolvesEdits(params.capabilities) ? new ImagePinning(documents, new RegistryClient(), {
      localImageDigests: (image) => connection.sendRequest<LocalImageDigestsResult>(LOCAL_IMAGE_DIGESTS_METHOD, { image } satisfies LocalImageDigestsParams),
      showMessage: (type, message) => void connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined),
    }, () => edits) : undefined;
    this.codeActions = new CodeActionProvider(documents, this.linter, () => edits, this.pinning);
  }

  readonly initializeResult: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
    },
    serverInfo: { name: 'container-hygiene-language-server', version },
  };

  configurationChanged(settings: unknown): void {
    this.pushedSettings = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    this.settings.clientSettingsChanged();
    this.linter.scheduleAll();
  }

  filesChanged(changes: readonly FileEvent[]): void {
    const relevant = changes.map((change) => [this.settings.fileChanged(change.uri), this.composeFiles.fileChanged(change.uri)].some(Boolean));
    if (relevant.some(Boolean)) this.linter.scheduleAll();
  }
}

/** Pin actions are listed without an edit and resolved later: the client must keep `data` and resolve `edit`. */
function resolvesEdits(capabilities: ClientCapabilities): boolean {
  const codeAction = capabilities.textDocument?.codeAction;
  return codeAction?.dataSupport === true && (codeAction.resolveSupport?.properties ?? []).includes('edit');
}
