/**
 * A finding moved with its text: an edit above it (Enter, Backspace) moves every position it holds.
 * Used by the incremental analyzers (dockerfile-finding-shift.ts, compose-finding-shift.ts) to keep
 * findings of text that only moved instead of checking it again.
 */
import type { Finding, Fix, Position, Range, TextEdit } from './types';

/** Where a position is now; undefined when it cannot be said (it was in the changed text). */
export type MovePosition = (at: Position) => Position | undefined;

/**
 * The finding with every position in this document (its range, its fixes' edits, its pin's range)
 * moved, reusing each object in which nothing moved; undefined when a position cannot be moved.
 * Side-file edits are positions in other files: they stay. `message` replaces the message.
 */
export function moveFinding(finding: Finding, move: MovePosition, message = finding.message): Finding | undefined {
  const range = moveRange(finding.range, move);
  if (!range) return undefined;
  let fixes = finding.fixes;
  for (let i = 0; i < fixes.length; i++) {
    const fix = moveFix(fixes[i], move);
    if (!fix) return undefined;
    if (fix === fixes[i]) continue;
    if (fixes === finding.fixes) fixes = [...fixes];
    fixes[i] = fix;
  }
  let pin = finding.pin;
  if (pin) {
    const pinRange = moveRange(pin.range, move);
    if (!pinRange) return undefined;
    if (pinRange !== pin.range) pin = { ...pin, range: pinRange };
  }
  if (message === finding.message && range === finding.range && fixes === finding.fixes && pin === finding.pin) return finding;
  return { ...finding, message, range, fixes, ...(pin ? { pin } : {}) };
}

function moveFix(fix: Fix, move: MovePosition): Fix | undefined {
  let edits = fix.edits;
  for (let i = 0; i < edits.length; i++) {
    const range = moveRange(edits[i].range, move);
    if (!range) return undefined;
    if (range === edits[i].range) continue;
    if (edits === fix.edits) edits = [...edits];
    edits[i] = { ...edits[i], range } satisfies TextEdit;
  }
  return edits === fix.edits ? fix : { ...fix, edits };
}

function moveRange(range: Range, move: MovePosition): Range | undefined {
  const start = move(range.start);
  const end = start && move(range.end);
  if (!start || !end) return undefined;
  return start === range.start && end === range.end ? range : { start, end };
}
