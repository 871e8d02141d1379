import type { Rule } from './rule';
import type { LineIndex } from './text';
import type { DocumentKind, Position, TextEdit } from './types';

/** Ids (rule ids or aliases, lower case) silenced for the whole file and per line. */
export interface Suppressions {
  file: Set<string>;
  byLine: Map<number, Set<string>>;
}

const NEXT_LINE = /^#\s*(?:container-hygiene|hadolint)\s+ignore\s*=\s*([\w\-,\s]+)$/i;
const FILE_WIDE = /^#\s*(?:container-hygiene\s+ignore-file|hadolint\s+global\s+ignore)\s*=\s*([\w\-,\s]+)$/i;
const BUILDKIT_CHECK = /^#\s*check\s*=\s*(.*)$/i;
const DIRECTIVE = /^#\s*[a-z][a-z0-9]*\s*=/i;
const DCLINT_LINE = /^#\s*dclint\s+disable-(next-)?line\b\s*(.*)$/i;
/** dclint's file-wide forms, honoured on the first non-empty line only (as dclint does). */
const DCLINT_FILE = /^#\s*dclint\s+disable(?:-file)?(?:\s+(.*))?$/i;

function ids(list: string): string[] {
  return list.split(/[,\s]+/).map((id) => id.trim().toLowerCase()).filter(Boolean);
}

/**
 * Reads suppression comments. `spanOf(line)` tells which lines the construct starting at `line`
 * covers (a Dockerfile instruction with its continuation lines), so a comment silences all of it.
 */
export function readSuppressions(lines: LineIndex, spanOf: (line: number) => number): Suppressions {
  const result: Suppressions = { file: new Set(), byLine: new Map() };
  const addLines = (first: number, last: number, silenced: string[]): void => {
    for (let line = first; line <= last; line++) {
      const set = result.byLine.get(line) ?? new Set<string>();
      for (const id of silenced) set.add(id);
      result.byLine.set(line, set);
    }
  };
  // BuildKit reads `# check=` as a file-wide parser directive only in the leading directive block;
  // further down, a `# check=skip=` comment applies to the instruction that follows it.
  let inDirectiveBlock = true;
  // Only a line with a `#` can hold a comment: the others are skipped unread (this runs on the whole text at every edit).
  let nextHash = lines.text.indexOf('#');
  for (let line = 0; line < lines.lineCount; line++) {
    const end = lines.lineEnd(line);
    if (nextHash !== -1 && nextHash < lines.lineStart(line)) nextHash = lines.text.indexOf('#', lines.lineStart(line));
    if (nextHash === -1 || nextHash >= end) {
      inDirectiveBlock = false;
      continue;
    }
    const text = lines.lineText(line).trim();
    inDirectiveBlock &&= DIRECTIVE.test(text);
    const commentAt = text.startsWith('#') ? 0 : text.indexOf(' #');
    if (commentAt < 0) continue;
    const comment = text.slice(commentAt).trim();
    let match: RegExpExecArray | null;
    if ((match = FILE_WIDE.exec(comment))) {
      for (const id of ids(match[1])) result.file.add(id);
    } else if (commentAt === 0 && (match = NEXT_LINE.exec(comment))) {
      const target = nextContentLine(lines, line + 1);
      if (target !== undefined) addLines(target, spanOf(target), ids(match[1]));
    } else if (commentAt === 0 && (match = BUILDKIT_CHECK.exec(comment))) {
      const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(match[1]);
      const target = inDirectiveBlock ? undefined : nextContentLine(lines, line + 1);
      if (skip && inDirectiveBlock) for (const id of ids(skip[1])) result.file.add(id);
      else if (skip && target !== undefined) addLines(target, spanOf(target), ids(skip[1]).map((id) => (id === 'all' ? '*' : id)));
    } else if (commentAt === 0 && line === firstNonEmptyLine(lines) && (match = DCLINT_FILE.exec(comment))) {
      for (const id of match[1]?.trim() ? ids(match[1]) : ['all']) result.file.add(id);
    } else if ((match = DCLINT_LINE.exec(comment))) {
      // Like dclint, `# dclint disable-line` alone on its line covers the next line.
      const target = match[1] || commentAt === 0 ? nextContentLine(lines, line + 1) : line;
      const silenced = match[2].trim() ? ids(match[2]) : ['*'];
      if (target !== undefined) addLines(target, target, silenced);
    }
  }
  return result;
}

function firstNonEmptyLine(lines: LineIndex): number {
  let line = 0;
  while (line < lines.lineCount - 1 && lines.lineText(line).trim() === '') line++;
  return line;
}

function nextContentLine(lines: LineIndex, from: number): number | undefined {
  for (let line = from; line < lines.lineCount; line++) {
    const text = lines.lineText(line).trim();
    if (text && !text.startsWith('#')) return line;
  }
  return undefined;
}

export function isSuppressed(suppressions: Suppressions, rule: Pick<Rule, 'id' | 'aliases'>, line: number): boolean {
  const names = [rule.id, ...rule.aliases].map((name) => name.toLowerCase());
  if (suppressions.file.has('all') || names.some((name) => suppressions.file.has(name))) return true;
  const atLine = suppressions.byLine.get(line);
  return !!atLine && (atLine.has('*') || names.some((name) => atLine.has(name)));
}

/**
 * The edit behind "Disable <id> for this line/file": extends an existing directive comment right
 * above `line` (or at the top for the file), or inserts a new one with the line's indentation.
 */
export function suppressionEdit(lines: LineIndex, kind: DocumentKind, ruleId: string, line: number, scope: 'line' | 'file'): TextEdit {
  const eol = lines.eol;
  if (scope === 'file') {
    for (let l = 0; l < lines.lineCount; l++) {
      const text = lines.lineText(l);
      if (/^#\s*container-hygiene\s+ignore-file\s*=/.test(text)) return appendId(l, text, ruleId);
      if (!text.startsWith('#') || !isLeadingDirective(text, kind)) break;
    }
    const top = firstLineAfterDirectives(lines, kind);
    return { range: at({ line: top, character: 0 }), newText: `# container-hygiene ignore-file=${ruleId}${eol}` };
  }
  const above = line > 0 ? lines.lineText(line - 1) : '';
  if (/^\s*#\s*container-hygiene\s+ignore\s*=/.test(above)) return appendId(line - 1, above, ruleId);
  const indent = /^\s*/.exec(lines.lineText(line))?.[0] ?? '';
  return { range: at({ line, character: 0 }), newText: `${indent}# container-hygiene ignore=${ruleId}${eol}` };
}

function appendId(line: number, text: string, ruleId: string): TextEdit {
  return { range: at({ line, character: text.trimEnd().length }), newText: `,${ruleId}` };
}

/** Dockerfile parser directives (`# syntax=`, `# escape=`, `# check=`) must stay first. */
function isLeadingDirective(text: string, kind: DocumentKind): boolean {
  return kind === 'dockerfile' && /^#\s*(syntax|escape|check)\s*=/i.test(text);
}

function firstLineAfterDirectives(lines: LineIndex, kind: DocumentKind): number {
  let line = 0;
  while (line < lines.lineCount && isLeadingDirective(lines.lineText(line), kind)) line++;
  return line;
}

function at(position: Position): { start: Position; end: Position } {
  return { start: position, end: position };
}
