/**
 * Read-only virtual Markdown documents for Inspect Volume / Inspect Image (`container-hygiene-report:`
 * URIs). No webview: the text is plain Markdown the user can also open in the preview.
 */
import { EventEmitter, Uri, window, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';

export const REPORT_SCHEME = 'container-hygiene-report';

class ReportProvider implements TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changes = new EventEmitter<Uri>();
  readonly onDidChange = this.changes.event;

  set(uri: Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changes.fire(uri);
  }

  provideTextDocumentContent(uri: Uri): string {
    return this.contents.get(uri.toString()) ?? '# Nothing to show\n\nRun the inspect command again.\n';
  }

  dispose(): void {
    this.changes.dispose();
  }
}

const provider = new ReportProvider();

export function registerReportDocuments(): Disposable {
  return workspace.registerTextDocumentContentProvider(REPORT_SCHEME, provider);
}

/** Opens (or refreshes) the report `kind/name.md` and returns its URI. */
export async function showReport(kind: 'volume' | 'image', name: string, markdown: string): Promise<Uri> {
  const uri = Uri.from({ scheme: REPORT_SCHEME, path: `/${kind}/${encodeURIComponent(name)}.md` });
  provider.set(uri, markdown);
  const document = await workspace.openTextDocument(uri);
  await window.showTextDocument(document, { preview: true });
  return uri;
}
