import { isAbsolute, posix } from 'node:path';
import { analyze, type AnalyzeOptions } from '../analysis/analyze';
import { applyEdits, LineIndex } from '../analysis/text';
import type { AnalysisContext, AnalysisSettings, DocumentKind, Finding, Fix, TextEdit } from '../analysis/types';

/** Fixes can enable further fixes (or shift each other); stop after this many rounds regardless. */
export const MAX_FIX_PASSES = 10;

export interface FixInput {
  text: string;
  kind: DocumentKind;
  settings: AnalysisSettings;
  context: AnalysisContext;
  /** Current text of a side file, named relative to the analysed file's folder; null when absent. */
  readSideFile: (relativePath: string) => string | null;
  analyzeOptions?: Omit<AnalyzeOptions, 'context'>;
}

export interface SideFileChange {
  /** Relative to the analysed file's folder, posix separators. */
  path: string;
  before: string | null;
  after: string;
}

export interface FixResult {
  text: string;
  /** Findings whose safe fix was applied, over all passes. */
  fixedCount: number;
  sideFiles: SideFileChange[];
  /** What is left after the last pass. */
  remaining: Finding[];
}

/**
 * Applies the first safe fix of each finding, skipping fixes that overlap one already taken in the
 * same pass (they are reconsidered on the re-analysed text), until nothing changes. Pure: side files
 * are read through `readSideFile` and returned, not written.
 */
export function fixDocument(input: FixInput): FixResult {
  let text = input.text;
  let context = input.context;
  const sideFiles = new Map<string, SideFileChange>();
  let fixedCount = 0;
  for (let pass = 0; ; pass++) {
    const findings = analyze(text, input.kind, input.settings, { ...input.analyzeOptions, context });
    if (pass === MAX_FIX_PASSES) return result(text, fixedCount, sideFiles, findings);
    const chosen = chooseFixes(findings, text, sideFiles, input.readSideFile);
    if (chosen.fixes.length === 0) return result(text, fixedCount, sideFiles, findings);
    text = applyEdits(text, chosen.fixes.flatMap((fix) => fix.edits));
    for (const [path, after] of chosen.sideTexts) {
      const existing = sideFiles.get(path);
      sideFiles.set(path, { path, before: existing ? existing.before : input.readSideFile(path), after });
    }
    context = contextWithSideFiles(context, sideFiles);
    fixedCount += chosen.fixes.length;
  }
}

export function firstSafeFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.safe);
}

interface Chosen {
  fixes: Fix[];
  /** Side file path -> its text after this pass's fixes. */
  sideTexts: Map<string, string>;
}

function chooseFixes(findings: readonly Finding[], text: string, done: Map<string, SideFileChange>, readSideFile: (path: string) => string | null): Chosen {
  const index = new LineIndex(text);
  const taken: [number, number][] = [];
  const chosen: Chosen = { fixes: [], sideTexts: new Map() };
  for (const finding of findings) {
    const fix = firstSafeFix(finding);
    if (!fix) continue;
    const spans = fix.edits.map((edit) => span(index, edit));
    if (spans.some((a) => taken.some((b) => overlaps(a, b)))) continue;
    try {
      applyEdits(text, fix.edits); // rejects a fix whose own edits overlap
    } catch {
      continue;
    }
    const sideTexts = applySideFiles(fix, chosen.sideTexts, done, readSideFile);
    if (!sideTexts) continue;
    for (const [path, after] of sideTexts) chosen.sideTexts.set(path, after);
    taken.push(...spans);
    chosen.fixes.push(fix);
  }
  return chosen;
}

/** New texts of the fix's side files, or undefined when another fix of this pass already edits one of them. */
function applySideFiles(fix: Fix, thisPass: Map<string, string>, done: Map<string, SideFileChange>, readSideFile: (path: string) => string | null): Map<string, string> | undefined {
  const texts = new Map<string, string>();
  for (const side of fix.sideFiles ?? []) {
    const path = normalizeSidePath(side.path);
    if (path === undefined || thisPass.has(path) || texts.has(path)) return undefined;
    const current = done.get(path)?.after ?? readSideFile(path);
    if (side.create && current !== null && current !== '') return undefined; // computed for a file that now exists
    try {
      texts.set(path, applyEdits(current ?? '', side.edits));
    } catch {
      return undefined;
    }
  }
  return texts;
}

/** Side files live beside the analysed file (or below/above it); absolute paths are refused. */
export function normalizeSidePath(path: string): string | undefined {
  if (!path || isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)) return undefined;
  return posix.normalize(path.replace(/\\/g, '/'));
}

function span(index: LineIndex, edit: TextEdit): [number, number] {
  return [index.offsetAt(edit.range.start), index.offsetAt(edit.range.end)];
}

/** Touching spans are fine; two insertions at one point conflict (their order would be a guess). */
function overlaps([s1, e1]: [number, number], [s2, e2]: [number, number]): boolean {
  return (s1 < e2 && s2 < e1) || (s1 === s2 && (s1 === e1 || s2 === e2));
}

function contextWithSideFiles(context: AnalysisContext, sideFiles: Map<string, SideFileChange>): AnalysisContext {
  const dockerignore = sideFiles.get('.dockerignore');
  return dockerignore ? { ...context, dockerignore: dockerignore.after } : context;
}

function result(text: string, fixedCount: number, sideFiles: Map<string, SideFileChange>, remaining: Finding[]): FixResult {
  return { text, fixedCount, sideFiles: [...sideFiles.values()], remaining };
}
