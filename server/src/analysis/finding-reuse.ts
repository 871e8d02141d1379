/**
 * Whole-document rules run again at every edit and make new findings, nearly all equal to the last
 * run's. Handing back the last run's objects where they are equal keeps what callers cache per
 * finding object (the language server's diagnostics and their JSON) and leaves less garbage per edit.
 */
import type { Finding } from './types';

/** `found`, with each finding that deep-equals one of `previous` replaced by that one. */
export function reuseEqualFindings(found: readonly Finding[], previous: readonly Finding[]): Finding[] {
  if (previous.length === 0) return [...found];
  const byPlace = new Map<string, Finding[]>();
  for (const finding of previous) {
    const key = placeOf(finding);
    const same = byPlace.get(key);
    if (same) same.push(finding);
    else byPlace.set(key, [finding]);
  }
  return found.map((finding) => byPlace.get(placeOf(finding))?.find((old) => old === finding || sameData(old, finding)) ?? finding);
}

function placeOf(finding: Finding): string {
  return `${finding.rule}\0${finding.range.start.line}:${finding.range.start.character}`;
}

/**
 * Deep equality of plain data (what findings are made of: strings, numbers, booleans, arrays, plain objects).
 * Walked without key lists or callbacks: every document finding is compared at every edit (and the
 * Compose folds compare edited services' values with it, compose-service-folds.ts).
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], other[i])) return false;
    return true;
  }
  let keys = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    keys++;
    if (!Object.hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  for (const key in b) if (Object.hasOwn(b, key)) keys--;
  return keys === 0;
}
