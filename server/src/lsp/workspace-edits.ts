import type { ClientCapabilities, CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { LineIndex } from '../analysis/text';
import type { Finding, Fix, TextEdit } from '../analysis/types';

/** What the client can apply, read once from its capabilities. */
export interface EditCapabilities {
  documentChanges: boolean;
  createFiles: boolean;
}

export function editCapabilities(capabilities: ClientCapabilities): EditCapabilities {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  const documentChanges = workspaceEdit?.documentChanges === true;
  return { documentChanges, createFiles: documentChanges && (workspaceEdit?.resourceOperations ?? []).includes('create') };
}

export interface TargetDocument {
  uri: string;
  version: number;
}

/**
 * The workspace edit for one fix, or undefined when the client cannot apply it: side files
 * (say, a new `.dockerignore`) need a file: document to resolve against and, when they create
 * a file, a client that supports CreateFile.
 */
export function fixToWorkspaceEdit(fix: Pick<Fix, 'edits' | 'sideFiles'>, target: TargetDocument, caps: EditCapabilities): WorkspaceEdit | undefined {
  const sideFiles = fix.sideFiles ?? [];
  if (sideFiles.length === 0) return documentEdit(target, fix.edits, caps);
  if (!target.uri.startsWith('file:')) return undefined;
  const creates = sideFiles.some((side) => side.create);
  if (creates && !caps.createFiles) return undefined;
  const resolved = sideFiles.map((side) => ({ ...side, uri: new URL(side.path, target.uri).toString() }));
  if (!caps.documentChanges) {
    const changes: Record<string, TextEdit[]> = { [target.uri]: fix.edits };
    for (const side of resolved) changes[side.uri] = [...(changes[side.uri] ?? []), ...side.edits];
    return { changes };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  if (fix.edits.length > 0) documentChanges.push({ textDocument: { uri: target.uri, version: target.version }, edits: fix.edits });
  for (const side of resolved) {
    if (side.create) documentChanges.push({ kind: 'create', uri: side.uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri: side.uri, version: null }, edits: side.edits });
  }
  return { documentChanges };
}

export function documentEdit(target: TargetDocument, edits: TextEdit[], caps: EditCapabilities): WorkspaceEdit {
  return caps.documentChanges ? { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] } : { changes: { [target.uri]: edits } };
}

/**
 * The edits of "fix all": per finding its preferred safe fix (else its first safe one), skipping
 * fixes that touch other files (no file appears on save) and fixes overlapping one already taken.
 */
export function fixAllEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  const index = new LineIndex(text);
  const taken: { start: number; end: number }[] = [];
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const safe = finding.fixes.filter((fix) => fix.safe && !fix.sideFiles?.length && fix.edits.length > 0);
    const fix = safe.find((candidate) => candidate.preferred) ?? safe[0];
    if (!fix) continue;
    const spans = fix.edits.map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end) }));
    if (spans.some((span, i) => spans.some((other, j) => i !== j && overlaps(span, other)) || taken.some((other) => overlaps(span, other)))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return edits;
}

/** Spans overlap when they share a character, or when both start at one offset (the order of two insertions there is ambiguous). */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}
