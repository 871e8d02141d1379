/**
 * The order `analyze()` gives findings (a stable sort by start position of every rule's findings,
 * rule after rule), built without sorting them all at each edit: each service's findings are kept
 * sorted while they do not change, and merged with the findings of whole-document rules. At equal
 * positions the earlier rule comes first, and a rule's findings for services come before the ones
 * it reports for no service, as in that stable sort.
 */
import type { Finding } from './types';

/** A service's findings sorted as `analyze()` would, with the rank (position in the rule list) of each one's rule. */
export interface OrderedFindings {
  findings: Finding[];
  ranks: number[];
  /** The start lines of the first and the last finding (read at each merge, kept here to spare the lookups). */
  firstLine: number;
  lastLine: number;
}

/** A finding of a whole-document rule, or one a service-scoped rule reports for no service. */
export interface OtherFinding {
  finding: Finding;
  rank: number;
}

/** The lines a service's part takes: `[firstLine, endLine)`. */
export interface LineSpan {
  firstLine: number;
  endLine: number;
}

/** One service's findings (`byRank[rank]` in the rule's order) sorted by position, then rank, then the rule's order. */
export function orderServiceFindings(byRank: readonly (readonly Finding[] | undefined)[]): OrderedFindings {
  const entries: { finding: Finding; rank: number }[] = [];
  byRank.forEach((findings, rank) => findings?.forEach((finding) => entries.push({ finding, rank })));
  entries.sort((a, b) => comparePositions(a.finding, b.finding) || a.rank - b.rank);
  const findings = entries.map((entry) => entry.finding);
  return { findings, ranks: entries.map((entry) => entry.rank), firstLine: findings[0]?.range.start.line ?? 0, lastLine: findings[findings.length - 1]?.range.start.line ?? 0 };
}

/**
 * All findings in `analyze()`'s order: the services' (`ordered[i]` for the service on `spans[i]`, in
 * file order) merged with `others` (in the order their rules reported them). Undefined when a
 * service's findings are not all within its own lines, so that services cannot simply follow one
 * another: sort instead.
 */
export function mergeInOrder(ordered: readonly OrderedFindings[], spans: readonly LineSpan[], others: readonly OtherFinding[]): Finding[] | undefined {
  for (let i = 0; i < ordered.length; i++) {
    const own = ordered[i];
    if (own.findings.length > 0 && (own.firstLine < spans[i].firstLine || own.lastLine >= spans[i].endLine)) return undefined;
  }
  // A stable sort: findings at an equal position and rank stay in the order their rules reported them.
  const rest = others.slice().sort((a, b) => comparePositions(a.finding, b.finding) || a.rank - b.rank);
  let total = rest.length;
  for (const own of ordered) total += own.findings.length;
  // Sized up front: grown one push at a time, an array of a few thousand findings is copied a dozen times.
  const merged = new Array<Finding>(total);
  let at = 0;
  let next = 0;
  for (const { findings, ranks, lastLine } of ordered) {
    // Most services end before the next other finding: no comparison per finding.
    if (next === rest.length || rest[next].finding.range.start.line > lastLine) {
      for (const finding of findings) merged[at++] = finding;
      continue;
    }
    for (let i = 0; i < findings.length; i++) {
      const finding = findings[i];
      // At an equal position and rank, a rule's findings for a service come before its other ones.
      while (next < rest.length && (comparePositions(rest[next].finding, finding) || rest[next].rank - ranks[i]) < 0) merged[at++] = rest[next++].finding;
      merged[at++] = finding;
    }
  }
  while (next < rest.length) merged[at++] = rest[next++].finding;
  return merged;
}

function comparePositions(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
