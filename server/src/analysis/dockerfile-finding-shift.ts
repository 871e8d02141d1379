/**
 * A line added or removed above a Dockerfile stage moves it without changing it. What the
 * stage-scoped rules found there is then what they found before, every position moved by as many
 * lines (whole lines move, so characters stay): see dockerfile-incremental.ts. Messages that
 * name a line number are the exception; their rules are run again.
 */
import type { StagePiece } from './dockerfile-stages-cut';
import type { Rule } from './rule';
import { moveFinding } from './finding-move';
import { detached } from './text';
import type { Finding } from './types';

/** What the stage-scoped rules found on one stage's lines, in a text of that stage and the stages it is built FROM. */
export interface CheckedStage {
  findings: Finding[];
  /** Those stages without their lines (`shapeOf`): the same stages moved have the same shape. */
  shape: string;
  /** The first line of the stage the findings belong to, and of the earliest stage checked with it. */
  line: number;
  from: number;
}

/** Whether a message of the rule has a placeholder naming a line (`{line}`, `{lastLine}`): that number moves with the text. */
export function namesLine(rule: Pick<Rule, 'messages'>): boolean {
  return Object.values(rule.messages).some((template) => /\{\w*line\w*\}/i.test(template));
}

/** The texts of the stages and their distances from the last one, which the findings belong to. */
export function shapeOf(stages: readonly StagePiece[]): string {
  const last = stages[stages.length - 1].line;
  return stages.map((stage) => `${last - stage.line}:${stage.text.length}\0${stage.text}`).join('\u0001');
}

/** A check of these stages, for the findings found on them (its shape detached: it is kept while the stage is unchanged). */
export function checkedStage(stages: readonly StagePiece[], findings: Finding[], shape = detached(shapeOf(stages))): CheckedStage {
  return { findings, shape, line: stages[stages.length - 1].line, from: stages[0].line };
}

/** An earlier check moved to where `stages` (of the same shape) are now; the findings of the `skipped` rules are left out. */
export function shiftedCheck(earlier: CheckedStage, stages: readonly StagePiece[], skipped: ReadonlySet<string>): CheckedStage {
  const moved = checkedStage(stages, [], earlier.shape);
  const delta = moved.line - earlier.line;
  // Lines before the earliest stage (the prelude) did not move.
  for (const finding of earlier.findings) if (!skipped.has(finding.rule)) moved.findings.push(shiftFinding(finding, earlier.from, delta));
  return moved;
}

/** The finding with every position in this document on line `from` or later moved by `delta` lines. */
export function shiftFinding(finding: Finding, from: number, delta: number): Finding {
  // Every position moves (or stays, before `from`): moveFinding cannot refuse.
  return moveFinding(finding, (at) => (at.line >= from ? { line: at.line + delta, character: at.character } : at)) as Finding;
}
