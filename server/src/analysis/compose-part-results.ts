/**
 * What ComposeParts keeps of a service's checks (compose-parts.ts), and how it survives an edit that
 * only moved the service: its findings mapped through the edit (compose-finding-shift.ts).
 */
import type { EditShift } from './compose-finding-shift';
import type { Finding } from './types';

/** Findings of one rule for one service, and what they depended on in other services. */
export interface CachedFindings {
  dependency: string;
  findings: Finding[];
}

/** What is kept of a service's checks: valid for `line` and `layoutKey`, and while no key in `reads` changes. */
export interface Results {
  line: number;
  layoutKey: string;
  /** The anchors' entries the service referred to (keys and lines, whatever their text). */
  anchors: string;
  /** `ComposeDoc.serviceMemo` values with the keys their computation read, and whether service findings used them. */
  memo: Map<string, { value: unknown; reads: ReadonlySet<string>; forFindings: boolean }>;
  findings: (CachedFindings | undefined)[];
  /** Keys of the service any re-check read since these results were started. */
  reads: Set<string>;
}

/** A moved service's results with its findings mapped through the edit (an entry that cannot be is dropped: checked again). */
export function shiftedResults(results: Results, line: number, layoutKey: string, anchors: string, shift: EditShift, keepMemo: boolean): Results {
  const moved = emptyResults(line, layoutKey, anchors);
  const findings = results.findings.map((entry) => entry && shift.entry(entry));
  // The same array when nothing moved: its sorted findings are kept with it (compose-incremental.ts).
  moved.findings = findings.every((entry, rank) => entry === results.findings[rank]) ? results.findings : findings;
  // Memo values of a service that moved hold old positions: dropped.
  if (keepMemo) moved.memo = results.memo;
  // Keys the findings rested on, for a later edit of an anchor the service refers to (`keepAcrossAnchorEdit`).
  if (anchors === '[]') return moved;
  moved.reads = new Set(results.reads);
  if (!keepMemo) for (const entry of results.memo.values()) if (entry.forFindings) for (const key of entry.reads) moved.reads.add(key);
  return moved;
}

export function emptyResults(line: number, layoutKey: string, anchors: string): Results {
  return { line, layoutKey, anchors, memo: new Map(), findings: [], reads: new Set() };
}
