import type { Position, Range, TextEdit } from './types';

/** Maps between offsets and LSP positions for one text. Line breaks: \n, \r\n and lone \r. */
export class LineIndex {
  private lineStarts: number[] = [0];
  private eolCache: string | undefined;
  /** Whether every line starts after a \n (no lone \r). */
  private newlinesOnly = false;

  constructor(readonly text: string, previous?: LineIndex, changed?: { start: number; end: number; delta: number }) {
    if (previous && changed && previous.newlinesOnly && this.edited(previous, changed)) return;
    // Without lone \r every line starts after a \n: the native search is much faster than the loop below.
    if (text.indexOf('\r') < 0 || !/\r(?!\n)/.test(text)) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      this.newlinesOnly = true;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /**
   * The line starts of an edit of `previous.text` (`changed`: where the texts differ, offsets in this
   * text): those before it kept, those in it searched, those after it moved. False when the edit
   * brings a lone \r (then every line is searched).
   */
  private edited(previous: LineIndex, changed: { start: number; end: number; delta: number }): boolean {
    const { text } = this;
    for (let at = Math.max(0, changed.start - 1); at < changed.end; at++) if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) !== 10) return false;
    const before = previous.lineStarts;
    let kept = 1;
    while (kept < before.length && before[kept] <= changed.start) kept++;
    const oldEnd = changed.end - changed.delta;
    let moved = kept;
    while (moved < before.length && before[moved] <= oldEnd) moved++;
    let added = 0;
    for (let i = text.indexOf('\n', changed.start); i >= 0 && i < changed.end; i = text.indexOf('\n', i + 1)) added++;
    // Sized once: thousands of starts pushed one at a time are copied again and again as the array grows.
    const starts = new Array<number>(kept + added + before.length - moved);
    let at = 0;
    for (let k = 0; k < kept; k++) starts[at++] = before[k];
    for (let i = text.indexOf('\n', changed.start); i >= 0 && i < changed.end; i = text.indexOf('\n', i + 1)) starts[at++] = i + 1;
    for (let k = moved; k < before.length; k++) starts[at++] = before[k] + changed.delta;
    this.lineStarts = starts;
    this.newlinesOnly = true;
    return true;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset between the \r and the \n of a line break is no character of the line: its end.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low] };
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text[end - 1] === '\n') end--;
    if (end > this.lineStarts[line] && this.text[end - 1] === '\r') end--;
    return end;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break the document mostly uses, for inserted lines (found once: fixes ask for it per edit). */
  get eol(): string {
    this.eolCache ??= this.text.includes('\r\n') ? '\r\n' : '\n';
    return this.eolCache;
  }
}

/**
 * `text.slice(start, end)` in a string of its own. V8 makes a slice of 13 characters or more a view
 * of the whole text, which then lives as long as the slice (and every slice of it): the parts an
 * incremental analyzer keeps across edits would each keep a whole old version of the document.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  // Slicing a concatenation copies it flat first; the view then points into that small copy.
  return (' ' + text.slice(start, end)).slice(1);
}

/**
 * The string with characters of its own. V8 keeps a concatenation as a pair of its parts, so a key built
 * from a stage cut out of a document would keep that whole version of the document alive for as long
 * as the key is kept (the same view as `detachedSlice`, one step removed).
 */
export function detached(text: string): string {
  return detachedSlice(text, 0, text.length);
}

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

export function insertAt(position: Position, newText: string): TextEdit {
  return { range: { start: position, end: position }, newText };
}

export function remove(range: Range): TextEdit {
  return { range, newText: '' };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Applies non-overlapping edits to a text; throws when two edits overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = edits
    .map((edit, order) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), text: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`Overlapping edits at offset ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
