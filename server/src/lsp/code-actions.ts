import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileParser } from 'dockerfile-ast';
import { ComposeDoc } from '../analysis/compose-doc';
import { suppressionEdit } from '../analysis/suppressions';
import { LineIndex } from '../analysis/text';
import type { DocumentKind, PinnableImage } from '../analysis/types';
import { fileNotAnalyzed } from '../rules/file-not-analyzed';
import { diagnosticData } from './diagnostics';
import type { DocumentLinter, OpenDocuments } from './linter';
import type { ImagePinning } from './pinning';
import { documentEdit, fixAllEdits, fixToWorkspaceEdit, type EditCapabilities } from './workspace-edits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.container-hygiene`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

/**
 * The one code-action handler: quick fixes are the published findings' (DocumentLinter.publishedFinding), every diagnostic
 * gets "Disable <id> for this line/file", and "fix all" re-analyses the current text.
 */
export class CodeActionProvider {
  constructor(
    private readonly documents: OpenDocuments,
    private readonly linter: DocumentLinter,
    private readonly capabilities: () => EditCapabilities,
    /** Absent when the client cannot resolve an action's edit later: pin actions need a registry look-up first. */
    private readonly pinning?: ImagePinning,
  ) {}

  async provide(params: CodeActionParams): Promise<CodeAction[]> {
    const document = this.documents.get(params.textDocument.uri);
    const kind = document && (await this.linter.kindOf(document));
    if (!document || !kind) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (isRequested(CodeActionKind.QuickFix, only, false)) actions.push(...this.quickFixes(document, kind, params.context.diagnostics));
    if (isRequested(FIX_ALL_KIND, only, true)) {
      const fixAll = await this.fixAll(document);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  private quickFixes(document: TextDocument, kind: DocumentKind, diagnostics: Diagnostic[]): CodeAction[] {
    const fixes: CodeAction[] = [];
    const disables = new Map<string, CodeAction>();
    const target = { uri: document.uri, version: document.version };
    const pins: { diagnostic: Diagnostic; pin: PinnableImage }[] = [];
    let lines: LineIndex | undefined;
    for (const diagnostic of diagnostics) {
      const data = diagnosticData(diagnostic);
      if (!data) continue;
      // Ranges and fixes were computed for one version of the text; on any other they could land anywhere.
      const found = data.version === undefined ? this.linter.publishedFinding(document.uri, document.version, diagnostic)?.fixes : data.version === document.version ? data.fixes : undefined;
      if (!found) continue;
      for (const fix of found) {
        const edit = fixToWorkspaceEdit(fix, target, this.capabilities());
        if (edit) fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred === true, edit });
      }
      if (data.pin) pins.push({ diagnostic, pin: data.pin });
      if (data.rule === fileNotAnalyzed.id) continue;
      lines ??= new LineIndex(document.getText());
      const line = constructStartLine(lines.text, kind, diagnostic.range.start.line);
      for (const scope of ['line', 'file'] as const) {
        const title = `Disable ${data.rule} for this ${scope}`;
        const existing = disables.get(title);
        if (existing) { existing.diagnostics?.push(diagnostic); continue; }
        const edits = [suppressionEdit(lines, kind, data.rule, line, scope)];
        disables.set(title, { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: documentEdit(target, edits, this.capabilities()) });
      }
    }
    return [...fixes, ...(this.pinning?.offer(document, pins) ?? []), ...disables.values()];
  }

  private async fixAll(document: TextDocument): Promise<CodeAction | undefined> {
    const version = document.version;
    const findings = await this.linter.findingsNow(document);
    const current = this.documents.get(document.uri);
    if (!current || current.version !== version) return undefined;
    const edits = fixAllEdits(current.getText(), findings);
    if (edits.length === 0) return undefined;
    return { title: 'Fix all auto-fixable Container Hygiene problems', kind: FIX_ALL_KIND, edit: documentEdit({ uri: document.uri, version }, edits, this.capabilities()) };
  }
}

/**
 * Whether the client asked for this kind: `only` lists kinds or their parents ('source' covers
 * 'source.fixAll.container-hygiene'). Source actions are sent only when asked for explicitly.
 */
export function isRequested(kind: string, only: readonly string[] | undefined, explicitOnly: boolean): boolean {
  if (!only || only.length === 0) return !explicitOnly;
  return only.some((wanted) => wanted === '' || kind === wanted || kind.startsWith(`${wanted}.`));
}

/**
 * A suppression comment goes above the whole construct: the first line of a multi-line instruction,
 * or in Compose the key or list item holding the line (never inside a multi-line value).
 */
function constructStartLine(text: string, kind: DocumentKind, line: number): number {
  if (kind === 'compose') return new ComposeDoc(text).blockStartLine(line);
  const instruction = DockerfileParser.parse(text).getInstructions().find((candidate) => {
    const range = candidate.getRange();
    return range.start.line <= line && line <= range.end.line;
  });
  return instruction ? instruction.getRange().start.line : line;
}
