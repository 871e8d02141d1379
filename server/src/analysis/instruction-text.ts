import type { Heredoc, Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from './dockerfile-doc';
import type { Range } from './types';

/**
 * An instruction's arguments as the builder reads them: line continuations and the comment or
 * empty lines inside them removed, heredoc bodies left out. `offsets[i]` is the document offset
 * of `text[i]` (one extra entry for the end), so anything found in the text maps back to a range.
 */
export interface LogicalText {
  text: string;
  offsets: number[];
  /**
   * dockerfile-ast and Docker end the instruction at different places: after an escaped blank
   * dockerfile-ast skips the next character, so it misses the final escape of `\ \` at a line end
   * (Docker continues there) and, inside a continuation, the line break after `\ x` (Docker stops).
   * An edit at the end of the arguments can then move where dockerfile-ast ends it: offer no such fix.
   * Likewise when a continuation skips a line that is blank only to Docker (a line separator or a
   * no-break space): dockerfile-ast reads that character as one more argument.
   */
  endIsAmbiguous: boolean;
}

/** A whitespace-separated word; quotes keep spaces inside one word (hadolint's reading of COPY/ADD). */
export interface Word {
  raw: string;
  /** The raw text without one pair of surrounding quotes. */
  unquoted: string;
  start: number;
  end: number;
}

export function logicalArguments(doc: DockerfileDoc, instruction: Instruction): LogicalText {
  const text = doc.text;
  const escape = doc.ast.getEscapeCharacter();
  const end = doc.lines.offsetAt(instruction.getRange().end);
  let pos = doc.lines.offsetAt(instruction.getInstructionRange().end);
  let out = '';
  const offsets: number[] = [];
  let endIsAmbiguous = false;
  while (pos < end) {
    const ch = text[pos];
    if (ch === '\n' || ch === '\r') {
      // A line break not escaped: a heredoc body follows, or dockerfile-ast read on where Docker stops.
      endIsAmbiguous = !out.includes('<<') && text.slice(pos, end).trim() !== '';
      break;
    }
    if (ch === escape && isLineEndAfter(text, pos + 1)) {
      const nextLine = doc.lines.positionAt(pos).line + 1;
      if (nextLine < doc.lines.lineCount && doc.lines.lineStart(nextLine) > end) endIsAmbiguous = true;
      const skipTo = skipBlankAndCommentLines(doc, nextLine, end);
      if (/[^ \t\r\n]/.test(blankLinesBetween(doc, nextLine, skipTo))) endIsAmbiguous = true;
      pos = skipTo;
      continue;
    }
    out += ch;
    offsets.push(pos);
    pos++;
  }
  // Docker's blanks are spaces and tabs only: a form feed or a no-break space is part of the value.
  const unled = out.replace(/^[ \t]+/, '');
  const lead = out.length - unled.length;
  const kept = unled.replace(/[ \t]+$/, '');
  const kOffsets = offsets.slice(lead, lead + kept.length);
  kOffsets.push(kept.length > 0 ? kOffsets[kOffsets.length - 1] + 1 : pos);
  return { text: kept, offsets: kOffsets, endIsAmbiguous };
}

function isLineEndAfter(text: string, from: number): boolean {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i >= text.length || text[i] === '\n' || text[i] === '\r';
}

/** The blank lines (not the comment lines) from `line` up to `offset`, joined. */
function blankLinesBetween(doc: DockerfileDoc, line: number, offset: number): string {
  let blanks = '';
  for (let current = line; current < doc.lines.lineCount && doc.lines.lineStart(current) < offset; current++) {
    const content = doc.lines.lineText(current);
    if (!content.trim().startsWith('#')) blanks += content;
  }
  return blanks;
}

/** Offset of the first line from `line` that is neither blank nor a comment (the builder skips both inside a continuation). */
function skipBlankAndCommentLines(doc: DockerfileDoc, line: number, end: number): number {
  let current = line;
  while (current < doc.lines.lineCount && doc.lines.lineStart(current) < end) {
    const content = doc.lines.lineText(current).trim();
    if (content !== '' && !content.startsWith('#')) return doc.lines.lineStart(current);
    current++;
  }
  return end;
}

/** Document range of `[start, end)` in a logical text. */
export function logicalRange(doc: DockerfileDoc, logical: LogicalText, start: number, end: number): Range {
  const from = logical.offsets[start] ?? logical.offsets[logical.offsets.length - 1];
  const to = end > start ? logical.offsets[end - 1] + 1 : from;
  return doc.lines.rangeOf(from, to);
}

/** Splits on spaces and tabs; quoted parts and escaped characters stay inside their word. */
export function splitWords(text: string, escape: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) break;
    const start = i;
    let quote: string | null = null;
    while (i < text.length) {
      const ch = text[i];
      if (quote) {
        if (ch === escape && quote === '"') i++;
        else if (ch === quote) quote = null;
      } else if (ch === ' ' || ch === '\t') break;
      else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === escape) i++;
      i++;
    }
    const raw = text.slice(start, i);
    words.push({ raw, unquoted: stripQuotes(raw), start, end: i });
  }
  return words;
}

export function stripQuotes(raw: string): string {
  return raw.length >= 2 && /^(["']).*\1$/s.test(raw) ? raw.slice(1, -1) : raw;
}

/** The strings of an exec-form (JSON array) argument list, or null when the text is shell form. */
export function jsonArray(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? (parsed as string[]) : null;
  } catch {
    return null;
  }
}

export interface CopyArguments {
  logical: LogicalText;
  flags: Word[];
  /** Sources then destination; in JSON form `unquoted` is the decoded string. */
  paths: Word[];
  json: boolean;
}

/** Flags and path words of a COPY or ADD, in shell or JSON form (hadolint's reading: quotes group words). */
export function copyArguments(doc: DockerfileDoc, instruction: Instruction): CopyArguments {
  const logical = logicalArguments(doc, instruction);
  const words = splitWords(logical.text, doc.ast.getEscapeCharacter());
  const firstPath = words.findIndex((word) => !word.raw.startsWith('--'));
  const flags = firstPath < 0 ? words : words.slice(0, firstPath);
  if (firstPath < 0) return { logical, flags, paths: [], json: false };
  const rest = logical.text.slice(words[firstPath].start);
  if (jsonArray(rest) === null) return { logical, flags, paths: words.slice(firstPath), json: false };
  const paths: Word[] = [];
  const base = words[firstPath].start;
  for (const match of rest.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    const start = base + (match.index ?? 0);
    paths.push({ raw: match[0], unquoted: JSON.parse(match[0]) as string, start, end: start + match[0].length });
  }
  return { logical, flags, paths, json: true };
}

/**
 * The heredocs of a RUN, COPY or ADD (none for other instructions). dockerfile-ast throws on an
 * instruction without `<<` whose line continuation ends in a lone CR before a comment line
 * (`COPY \`, CR, `# x`): it has no heredocs then.
 */
export function heredocsOf(instruction: Instruction): Heredoc[] {
  if (!('getHeredocs' in instruction)) return [];
  try {
    return (instruction as Instruction & { getHeredocs(): Heredoc[] }).getHeredocs();
  } catch (error) {
    if (instruction.getTextContent().includes('<<')) throw error;
    return [];
  }
}

/** An escaped space or tab at the end (`a\ `): dockerfile-ast ends the instruction at an escape that follows it on the same line. */
export function endsWithEscapedBlank(text: string, escape: string): boolean {
  return /[ \t]$/.test(text) && endsWithDanglingEscape(text.slice(0, -1), escape);
}

/** An odd run of escape characters at the end: the last one escapes a line break that never comes. */
export function endsWithDanglingEscape(text: string, escape: string): boolean {
  let count = 0;
  for (let i = text.length - 1; i >= 0 && text[i] === escape; i--) count++;
  return count % 2 === 1;
}
