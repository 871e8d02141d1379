// Properties every analysis result must have, whatever the input: shared by the property-based and
// hostile-input tests. Each check throws an AssertionError that names the rule and the input.
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis/analyze';
import { COMPOSE_SYNTAX_RULE_ID } from '../../../server/src/analysis/compose-doc';
import { fixDocument, MAX_FIX_PASSES } from '../../../server/src/cli/fix';
import { applyEdits, comparePositions, LineIndex } from '../../../server/src/analysis/text';
import { defaultSettings, type DocumentKind, type Finding, type Fix, type Range } from '../../../server/src/analysis/types';

/** The rule whose findings say "this text does not parse". */
export const SYNTAX_RULE: Record<DocumentKind, string> = { dockerfile: 'dockerfile-syntax', compose: COMPOSE_SYNTAX_RULE_ID };

/** Analyses, failing on any rule that throws (analyze() catches it; the property must not let it pass). */
export function analyzeStrictly(text: string, kind: DocumentKind): Finding[] {
  const failures: string[] = [];
  const findings = analyze(text, kind, defaultSettings, { onRuleError: (id, error) => failures.push(`${id}: ${error instanceof Error ? error.stack : String(error)}`) });
  assert.deepEqual(failures, [], `rules threw on ${describeInput(text)}`);
  return findings;
}

/**
 * analyze() within `50 ms + 0.05 ms per character`, times `slack`. A slow run is timed twice more
 * before failing: a garbage collection or a busy neighbour on a 2-core machine can stall one run,
 * while super-linear work is slow every time.
 */
export function analyzeWithinBound(text: string, kind: DocumentKind, slack = 4): Finding[] {
  const bound = (50 + 0.05 * text.length) * slack;
  let findings: Finding[] = [];
  const times: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    findings = analyzeStrictly(text, kind);
    times.push(performance.now() - started);
    if (times[attempt] <= bound) return findings;
  }
  assert.fail(`analyze() took ${times.map((t) => t.toFixed(0)).join(', ')} ms (bound ${bound.toFixed(0)} ms) on ${describeInput(text)}`);
}

export function isInside(range: Range, lines: LineIndex): boolean {
  const end = lines.positionAt(lines.text.length);
  const ok = (p: Range['start']): boolean => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0
    && comparePositions(p, end) <= 0 && p.character <= lines.lineText(p.line).length;
  return ok(range.start) && ok(range.end) && comparePositions(range.start, range.end) <= 0;
}

export function assertRangesInside(text: string, findings: readonly Finding[]): void {
  const lines = new LineIndex(text);
  for (const finding of findings) {
    assert.ok(isInside(finding.range, lines), `${finding.rule}: range ${JSON.stringify(finding.range)} lies outside ${describeInput(text)}`);
    if (finding.pin) assert.ok(isInside(finding.pin.range, lines), `${finding.rule}: pin range outside the document`);
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) assert.ok(isInside(edit.range, lines), `${finding.rule}: fix "${fix.title}" edits ${JSON.stringify(edit.range)}, outside ${describeInput(text)}`);
    }
  }
}

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

function offsetEdits(fix: Fix, lines: LineIndex): OffsetEdit[] {
  return fix.edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Where an offset of the original text lands once the edits are applied: shifted by the edits before
 * it; at the start of an edit that replaces it (or starts with it).
 */
export function mapOffset(offset: number, edits: readonly OffsetEdit[]): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.start === edit.end && edit.start <= offset) delta += edit.text.length;
    else if (edit.end <= offset) delta += edit.text.length - (edit.end - edit.start);
    else if (edit.start <= offset) return edit.start + delta;
  }
  return offset + delta;
}

/**
 * One fix of one finding, checked in full:
 * - its edits do not overlap (two insertions at one point are allowed: their order is kept);
 * - no text outside the edits changes (every gap between edits is found, unchanged, in the result);
 * - the finding is gone: no finding of the same rule and message starts where its start maps to;
 * - no new syntax error: the kind's syntax rule reports no more findings than before.
 */
export function assertFixBehaves(text: string, kind: DocumentKind, finding: Finding, fix: Fix, before: readonly Finding[]): string {
  const lines = new LineIndex(text);
  const edits = offsetEdits(fix, lines);
  const label = `${finding.rule} fix "${fix.title}" on ${describeInput(text)}`;
  let reached = 0;
  for (const edit of edits) {
    assert.ok(edit.start >= reached, `${label}: edits overlap (${JSON.stringify(edits)})`);
    reached = edit.end;
  }
  const fixed = applyEdits(text, fix.edits);
  let delta = 0;
  let previousEnd = 0;
  for (const edit of [...edits, { start: text.length, end: text.length, text: '' }]) {
    const gap = text.slice(previousEnd, edit.start);
    assert.equal(fixed.slice(previousEnd + delta, edit.start + delta), gap, `${label}: text outside the edits changed`);
    delta += edit.text.length - (edit.end - edit.start);
    previousEnd = Math.max(previousEnd, edit.end);
  }
  assert.equal(fixed.length, text.length + delta, `${label}: the result has the wrong length`);

  const after = analyzeStrictly(fixed, kind);
  const fixedLines = new LineIndex(fixed);
  const start = mapOffset(lines.offsetAt(finding.range.start), edits);
  const same = after.filter((other) => other.rule === finding.rule && other.messageId === finding.messageId && fixedLines.offsetAt(other.range.start) === start);
  assert.deepEqual(same.map((other) => other.message), [], `${label}: the finding is still there after the fix`);
  const syntax = (list: readonly Finding[]): number => list.filter((f) => f.rule === SYNTAX_RULE[kind]).length;
  assert.ok(syntax(after) <= syntax(before), `${label}: the fix adds a syntax error: ${after.filter((f) => f.rule === SYNTAX_RULE[kind]).map((f) => f.message).join(' | ')}`);
  return fixed;
}

/** What --fix does, twice: the second run must change nothing. */
export function assertFixAllIdempotent(text: string, kind: DocumentKind): void {
  const options = { kind, settings: defaultSettings, context: {}, readSideFile: () => null };
  const first = fixDocument({ ...options, text });
  if (first.fixedCount === 0) return;
  const second = fixDocument({ ...options, text: first.text });
  assert.equal(second.text, first.text, `--fix changed the text again on its second run (${second.fixedCount} more fixes, at most ${MAX_FIX_PASSES} passes each) for ${describeInput(text)}`);
}

/** The input, short enough for an assertion message and exact enough (JSON) to reproduce it. */
export function describeInput(text: string): string {
  return text.length <= 600 ? `input ${JSON.stringify(text)}` : `input of ${text.length} chars starting ${JSON.stringify(text.slice(0, 300))}`;
}
