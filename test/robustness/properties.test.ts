// Property-based tests of analyze(): whatever the text, it finishes in time proportional to the size,
// never lets a rule throw, keeps every range in the document, and every fix is local, effective,
// keeps the text parseable, and --fix is idempotent.
// FC_SEED=<n|random> and FC_RUNS=<multiplier> explore further (npm run test:fuzz).
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { DocumentKind, Finding } from '../../server/src/analysis/types';
import { anyText, composeText, dockerfileText, mutatedFile, repeatedLines, restructuredCompose, SEEDS } from './helpers/arbitraries';
import { analyzeStrictly, analyzeWithinBound, assertFixAllIdempotent, assertFixBehaves, assertRangesInside } from './helpers/invariants';

const runsFactor = Number(process.env.FC_RUNS ?? 1);
const seed = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261128);
const params = (numRuns: number): fc.Parameters<[string]> => ({ numRuns: Math.max(1, Math.round(numRuns * runsFactor)), ...(seed === undefined ? {} : { seed }) });

/** Fixes checked per input: enough to reach every rule over a run, few enough to keep the suite quick. */
const MAX_FIXES_PER_INPUT = 8;

function checkAll(kind: DocumentKind, text: string, options: { fixes: boolean; fixAll?: boolean }): void {
  const findings = analyzeWithinBound(text, kind);
  assertRangesInside(text, findings);
  if (!options.fixes) return;
  const withFixes = findings.flatMap((finding) => finding.fixes.map((fix) => ({ finding, fix })));
  // Spread the checked fixes over the rules present rather than taking the first few.
  const byRule = new Map<string, typeof withFixes>();
  for (const entry of withFixes) byRule.set(entry.finding.rule, [...(byRule.get(entry.finding.rule) ?? []), entry]);
  const picked: typeof withFixes = [];
  for (let round = 0; picked.length < MAX_FIXES_PER_INPUT && picked.length < withFixes.length; round++) {
    for (const entries of byRule.values()) if (entries[round] && picked.length < MAX_FIXES_PER_INPUT) picked.push(entries[round]);
  }
  for (const { finding, fix } of picked) assertFixBehaves(text, kind, finding as Finding, fix, findings);
  if (options.fixAll) assertFixAllIdempotent(text, kind);
}

describe('analyze() properties', () => {
  before(() => {
    // Compile every rule once so that the time bound measures analysis, not the JIT's first visit.
    for (const text of SEEDS.dockerfile) analyzeStrictly(text, 'dockerfile');
    for (const text of SEEDS.compose) analyzeStrictly(text, 'compose');
  });

  describe('Dockerfile', () => {
    it('Dockerfile vocabulary in any order', () => {
      fc.assert(fc.property(dockerfileText, (text) => checkAll('dockerfile', text, { fixes: true })), params(120));
    });
    it('any text at all', () => {
      fc.assert(fc.property(anyText, (text) => checkAll('dockerfile', text, { fixes: true })), params(80));
    });
    it('real and realistic Dockerfiles with random damage, and --fix twice', () => {
      fc.assert(fc.property(mutatedFile('dockerfile'), (text) => checkAll('dockerfile', text, { fixes: true, fixAll: true })), params(60));
    });
    it('thousands of copies of one line: time grows with the size, not faster', () => {
      fc.assert(fc.property(repeatedLines('dockerfile'), (text) => checkAll('dockerfile', text, { fixes: false })), params(6));
    });
  });

  describe('Compose', () => {
    it('Compose vocabulary at any indentation', () => {
      fc.assert(fc.property(composeText, (text) => checkAll('compose', text, { fixes: true })), params(100));
    });
    it('any text at all', () => {
      fc.assert(fc.property(anyText, (text) => checkAll('compose', text, { fixes: true })), params(50));
    });
    it('real and realistic Compose files with random damage, and --fix twice', () => {
      fc.assert(fc.property(mutatedFile('compose'), (text) => checkAll('compose', text, { fixes: true, fixAll: true })), params(50));
    });
    it('real and realistic Compose files with lines added, moved, re-keyed and commented, and --fix twice', () => {
      fc.assert(fc.property(restructuredCompose(), (text) => checkAll('compose', text, { fixes: true, fixAll: true })), params(150));
    });
    it('thousands of copies of one line: time grows with the size, not faster', () => {
      fc.assert(fc.property(repeatedLines('compose'), (text) => checkAll('compose', text, { fixes: false })), params(4));
    });
  });
});
