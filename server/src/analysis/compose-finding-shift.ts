/**
 * Enter or Backspace above a service moves it (and the sections and the insertion point after it)
 * without changing it. What the service-scoped rules found there is then what they found before,
 * with every position mapped through the edit: see compose-parts.ts. The line host-port-duplicate's
 * message names ("on line 12") is mapped too. A finding with a position or a named line inside the
 * changed region, or another message that reads "line 5", is not mapped; its service is checked again.
 */
import type { Node, Pair } from 'yaml';
import type { ChangedRegion } from './compose-chunks';
import type { ComposeDoc } from './compose-doc';
import type { LineIndex } from './text';
import { moveFinding } from './finding-move';
import type { Finding, Position } from './types';

/** Findings of one rule for one service (compose-parts.ts `CachedFindings`). */
interface Entry {
  dependency: string;
  findings: Finding[];
}

/** How the positions of one text map to the next: the changed region of the old text replaced by new text. */
export class EditShift {
  /** The changed region in the old text, and where its end is in the new one. */
  private readonly start: Position;
  private readonly oldEnd: Position;
  private readonly newEnd: Position;
  private readonly oldEndOffset: number;
  readonly lineDelta: number;

  /** `before` is the old text; `region` is `changedRegion(before, after)`. */
  constructor(readonly before: string, private readonly region: ChangedRegion, oldLines: LineIndex, newLines: LineIndex) {
    this.oldEndOffset = region.end - region.delta;
    this.start = oldLines.positionAt(region.start);
    this.oldEnd = oldLines.positionAt(this.oldEndOffset);
    this.newEnd = newLines.positionAt(region.end);
    this.lineDelta = this.newEnd.line - this.oldEnd.line;
  }

  /** Whether text at `oldOffset` (`length` characters) that is now at `newOffset` moved as the edit moves what is around it. */
  follows(oldOffset: number, length: number, newOffset: number): boolean {
    if (oldOffset + length <= this.region.start) return newOffset === oldOffset;
    return oldOffset >= this.oldEndOffset && newOffset === oldOffset + this.region.delta;
  }

  /** Where an old position is now; undefined on the changed region (its ends included: an insertion there may go either side). */
  position(at: Position): Position | undefined {
    if (before(at, this.start)) return at;
    if (!before(this.oldEnd, at)) return undefined;
    if (at.line === this.oldEnd.line) return { line: this.newEnd.line, character: at.character - this.oldEnd.character + this.newEnd.character };
    return this.lineDelta === 0 ? at : { line: at.line + this.lineDelta, character: at.character };
  }

  /** Where an old line (whole) is now; undefined for the changed region's lines. */
  line(line: number): number | undefined {
    if (line < this.start.line) return line;
    return line > this.oldEnd.line ? line + this.lineDelta : undefined;
  }

  /**
   * The message with the line it names mapped; undefined when it cannot be. Only host-port-duplicate
   * names a line of this file, at the end its template fixes; anywhere else "line 5" may be the user's
   * own text quoted in the message (a key, a path), so such a finding is checked again.
   */
  private message(finding: Finding): string | undefined {
    const { message } = finding;
    if (this.lineDelta === 0 || !NAMES_LINE.test(message)) return message;
    const pattern = NAMED_LINE[finding.rule];
    if (!pattern) return undefined;
    let unmapped = true;
    const mapped = message.replace(pattern, (named: string, words: string, number: string) => {
      const line = this.line(Number(number) - 1);
      if (line === undefined) return named;
      unmapped = false;
      return `${words}${line + 1}`;
    });
    return unmapped ? undefined : mapped;
  }

  /** The finding with every position mapped (the same object when none moved); undefined when one cannot be. */
  finding(finding: Finding): Finding | undefined {
    const message = this.message(finding);
    return message === undefined ? undefined : moveFinding(finding, (at) => this.position(at), message);
  }

  /** One rule's findings for a service mapped (the same entry when none moved); undefined when one cannot be. */
  entry<T extends Entry>(entry: T): T | undefined {
    const findings: Finding[] = [];
    let moved = false;
    for (const finding of entry.findings) {
      const mapped = this.finding(finding);
      if (!mapped) return undefined;
      moved ||= mapped !== finding;
      findings.push(mapped);
    }
    return moved ? { ...entry, findings } : entry;
  }

  /** Findings mapped, or undefined when one cannot be. */
  findings(findings: readonly Finding[]): Finding[] | undefined {
    return this.entry({ dependency: '', findings: findings as Finding[] })?.findings;
  }
}

/** A message that may name a line of the file ("already published ... on line 12"). */
const NAMES_LINE = /\blines? \d/i;
/** Where a rule's message names a line of this file: host-port-duplicate's `{where}`, just before its fixed ending. */
const NAMED_LINE: Readonly<Record<string, RegExp>> = {
  'host-port-duplicate': /( on line )(\d+)(?=; only one container can listen on it, so change one of them\.$)/,
};

/** Where service findings may point outside their service: `layoutKey` without positions, and the positions. */
export interface LayoutPlaces {
  /** The sections (key and parsed chunk), the indentation style and the line breaks. */
  shape: string;
  /** Where a new top-level entry is inserted (compose-edits.ts), if anywhere. */
  insertion: Position | undefined;
}

/** Whether `after` is `before` with every position moved by the edit (the sections' parts follow it: see `EditShift.follows`). */
export function layoutFollows(shift: EditShift, before: LayoutPlaces, after: LayoutPlaces, sectionsFollow: boolean): boolean {
  if (!sectionsFollow || before.shape !== after.shape) return false;
  if (!before.insertion || !after.insertion) return before.insertion === after.insertion;
  const moved = shift.position(before.insertion);
  return moved !== undefined && moved.line === after.insertion.line && moved.character === after.insertion.character;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Where compose-edits inserts after an entry (the end of its last line). */
export function insertionPoint(doc: ComposeDoc, pair: Pair | undefined): Position | undefined {
  const key = pair?.key as Node | null | undefined;
  const value = pair?.value as Node | null | undefined;
  const node = value?.range && value.range[1] > value.range[0] ? value : key;
  if (!node?.range) return undefined;
  const line = doc.lines.positionAt(trimmedEnd(doc.text, node.range[0], node.range[1])).line;
  return { line, character: doc.lines.lineEnd(line) - doc.lines.lineStart(line) };
}

/** Block collections end after their last line break; what edits measure ends at the last character. */
function trimmedEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1])) trimmed--;
  return trimmed;
}
