import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'container-hygiene.container-hygiene';
export const SOURCE = 'container-hygiene';
const DEFAULT_WAIT_MS = 20_000;

export type RangeTuple = [startLine: number, startCharacter: number, endLine: number, endCharacter: number];
export interface ExpectedDiagnostic { rule: string; range: RangeTuple; severity: vscode.DiagnosticSeverity }

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `Extension ${EXTENSION_ID} is not loaded in this VS Code.`);
  return found;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The editor tests need a workspace folder: the launcher opens a copy of test/editor/workspace.');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document);
}

/** Reverts every file a test changed and closes the editors, so each test starts from the fixture. */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function rangeOf(diagnostic: vscode.Diagnostic): RangeTuple {
  const { start, end } = diagnostic.range;
  return [start.line, start.character, end.line, end.character];
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${ruleOf(d)} ${rangeOf(d).join(':')} ${vscode.DiagnosticSeverity[d.severity]} [${d.source ?? 'no source'}]`)
    .join('; ');
}

/** Whether `diagnostics` holds one with this rule, exact range and severity. */
export function hasDiagnostic(diagnostics: readonly vscode.Diagnostic[], expected: ExpectedDiagnostic): boolean {
  return diagnostics.some((d) => ruleOf(d) === expected.rule && d.severity === expected.severity
    && rangeOf(d).join() === expected.range.join());
}

/**
 * Resolves with a file's diagnostics from this extension once `holds` accepts them. Checked now and on
 * every diagnostics change for the file: no sleeping, and the timeout message shows what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  holds: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = ours(uri);
      if (!holds(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const all = vscode.languages.getDiagnostics(uri);
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}. `
        + `Diagnostics there now: ${describeDiagnostics(all)}`));
    }, timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Polls a condition that raises no event (a document's text, the engine's state) until it holds. */
export async function waitUntil<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  return (actions ?? []).filter((action): action is vscode.CodeAction => !('command' in action && typeof action.command === 'string'));
}

/** Finds the action titled `title` for a diagnostic and applies its edit. */
export async function applyCodeAction(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string | RegExp): Promise<vscode.CodeAction> {
  const actions = await codeActionsAt(uri, diagnostic.range);
  const action = actions.find((candidate) => (typeof title === 'string' ? candidate.title === title : title.test(candidate.title)));
  assert.ok(action, `No code action "${String(title)}" for ${ruleOf(diagnostic)}; offered: ${actions.map((a) => `"${a.title}"`).join(', ') || '(none)'}`);
  assert.ok(action.edit, `Code action "${action.title}" carries no edit.`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `VS Code refused the edit of "${action.title}".`);
  return action;
}

export function findOne(diagnostics: readonly vscode.Diagnostic[], rule: string): vscode.Diagnostic {
  const found = diagnostics.find((d) => ruleOf(d) === rule);
  assert.ok(found, `No ${rule} diagnostic; found: ${describeDiagnostics(diagnostics)}`);
  return found;
}

export function lineText(document: vscode.TextDocument, line: number): string {
  return document.lineAt(line).text;
}
