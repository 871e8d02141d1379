import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import type { Rule } from '../../server/src/analysis/rule';
import { DockerfileIncrementalAnalyzer } from '../../server/src/analysis/dockerfile-incremental';
import { applyEdits, LineIndex } from '../../server/src/analysis/text';
import { defaultSettings, type AnalysisContext, type AnalysisSettings, type Finding, type Range, type DocumentKind } from '../../server/src/analysis/types';

export interface ValidCase {
  name?: string;
  code: string;
  settings?: Partial<AnalysisSettings>;
  context?: AnalysisContext;
}

export interface InvalidCase extends ValidCase {
  /** Expected message id of every finding (or one per «…» range, in order). */
  messageId?: string;
  messageIds?: string[];
  /** Text after applying the first fix of every finding; null asserts that no fix is offered. */
  output?: string | null;
  /** Text after applying each fix of the only finding, in order (for rules offering alternatives). */
  fixOutputs?: string[];
  /** Expected side files after the first fix: path -> full text (starting from `context`). */
  sideFiles?: Record<string, string>;
  /** Substrings the message must contain / must not contain (e.g. a secret value). */
  messageIncludes?: string[];
  messageExcludes?: string[];
}

const OPEN = '«';
const CLOSE = '»';

/** Removes «…» markers and returns the clean text with the ranges they marked. */
export function extractMarkers(marked: string): { code: string; ranges: Range[] } {
  let code = '';
  const starts: number[] = [];
  const spans: [number, number][] = [];
  for (const ch of marked) {
    if (ch === OPEN) starts.push(code.length);
    else if (ch === CLOSE) {
      const start = starts.pop();
      assert.ok(start !== undefined, `unbalanced ${CLOSE} in test case`);
      spans.push([start, code.length]);
    } else code += ch;
  }
  assert.equal(starts.length, 0, `unbalanced ${OPEN} in test case`);
  const index = new LineIndex(code);
  const ranges = spans.map(([s, e]) => index.rangeOf(s, e)).sort(byStart);
  return { code, ranges };
}

function byStart(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character;
}

function run(rule: Rule, code: string, testCase: ValidCase): Finding[] {
  const settings = { ...defaultSettings, ...testCase.settings };
  const errors: unknown[] = [];
  const findings = analyze(code, rule.kind as DocumentKind, settings, { rules: [rule], context: testCase.context, onRuleError: (_id, error) => errors.push(error) });
  if (errors.length > 0) throw errors[0];
  if (rule.kind === 'dockerfile') assertIncrementalAgrees(rule, code, settings, testCase, findings);
  return findings.filter((finding) => finding.rule === rule.id);
}

/** The editor's incremental analysis must find exactly what analyze() finds, on every case of every rule. */
function assertIncrementalAgrees(rule: Rule, code: string, settings: AnalysisSettings, testCase: ValidCase, expected: Finding[]): void {
  const analyzer = new DockerfileIncrementalAnalyzer();
  const actual = analyzer.analyze(code, settings, { rules: [rule], context: testCase.context });
  assert.deepEqual(actual, expected, `incremental analysis (${analyzer.stats.full ? 'whole document' : 'by stage'}) differs from analyze()`);
}

/** A document a rule test analyses (markers removed), with the rule, settings and context it uses. */
export interface CollectedCase extends ValidCase {
  rule: Rule;
}

let collected: CollectedCase[] | undefined;

/**
 * The documents of the rule tests that `load` defines (it requires rule test files), without
 * registering any test: for suites that run every rule-test document through another path.
 */
export function collectRuleCases(load: () => void): CollectedCase[] {
  // The test functions are replaced while loading: rule test files also call it() at the top level.
  const nodeTest = createRequire(join(__dirname, 'rule-tester.ts'))('node:test') as Record<'it' | 'test' | 'describe', unknown>;
  const saved = { it: nodeTest.it, test: nodeTest.test, describe: nodeTest.describe };
  const found: CollectedCase[] = [];
  collected = found;
  nodeTest.it = nodeTest.test = nodeTest.describe = () => undefined;
  try {
    load();
  } finally {
    Object.assign(nodeTest, saved);
    collected = undefined;
  }
  return found;
}

/** Table-driven rule test in the style of ESLint's RuleTester: exact ranges, message ids and fixed output. */
export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  if (collected) {
    for (const raw of [...cases.valid, ...cases.invalid]) {
      const testCase = typeof raw === 'string' ? { code: raw } : raw;
      collected.push({ rule, code: extractMarkers(testCase.code).code, settings: testCase.settings, context: testCase.context });
    }
    return;
  }
  describe(`rule ${rule.id}`, () => {
    for (const [i, raw] of cases.valid.entries()) {
      const testCase = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid: ${testCase.name ?? `#${i + 1} ${firstLine(testCase.code)}`}`, () => {
        const findings = run(rule, testCase.code, testCase);
        assert.deepEqual(findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`), []);
      });
    }
    for (const [i, testCase] of cases.invalid.entries()) {
      it(`invalid: ${testCase.name ?? `#${i + 1} ${firstLine(testCase.code)}`}`, () => checkInvalid(rule, testCase));
    }
  });
}

function checkInvalid(rule: Rule, testCase: InvalidCase): void {
  const { code, ranges } = extractMarkers(testCase.code);
  assert.ok(ranges.length > 0, 'an invalid case must mark at least one range with «…»');
  const findings = run(rule, code, testCase);
  assert.deepEqual(findings.map((f) => f.range).sort(byStart), ranges, 'finding ranges');
  const expectedIds = testCase.messageIds ?? ranges.map(() => testCase.messageId);
  findings.forEach((finding, n) => {
    if (expectedIds[n] !== undefined) assert.equal(finding.messageId, expectedIds[n], 'message id');
    // `${VAR}` is Compose interpolation quoted from the file, not a placeholder left unfilled.
    assert.ok(finding.message.length > 0 && !/(?<!\$)\{\w+\}/.test(finding.message), `message fully formatted: ${finding.message}`);
    for (const part of testCase.messageIncludes ?? []) assert.ok(finding.message.includes(part), `message should include "${part}": ${finding.message}`);
    for (const part of testCase.messageExcludes ?? []) assert.ok(!finding.message.includes(part), `message must not include "${part}": ${finding.message}`);
  });
  if (testCase.output === null) {
    assert.deepEqual(findings.flatMap((f) => f.fixes), [], 'no fix expected');
  } else if (testCase.output !== undefined) {
    const edits = findings.flatMap((f) => f.fixes[0]?.edits ?? []);
    assert.ok(findings.some((f) => f.fixes.length > 0), 'a fix was expected');
    const fixed = applyEdits(code, edits);
    assert.equal(fixed, testCase.output, 'fixed output');
    const after = run(rule, fixed, testCase);
    assert.ok(after.length < findings.length, `applying the fixes should remove findings (before ${findings.length}, after ${after.length})`);
    const twice = applyEdits(fixed, after.flatMap((f) => f.fixes[0]?.edits ?? []));
    if (after.length === 0) assert.equal(twice, fixed, 'a second pass changes nothing');
  }
  if (testCase.fixOutputs) {
    assert.equal(findings.length, 1, 'fixOutputs needs exactly one finding');
    assert.deepEqual(findings[0].fixes.map((fix) => applyEdits(code, fix.edits)), testCase.fixOutputs, 'each fix output');
  }
  if (testCase.sideFiles) {
    const fix = findings[0].fixes[0];
    assert.ok(fix?.sideFiles, 'a side-file edit was expected');
    const actual: Record<string, string> = {};
    for (const side of fix.sideFiles) {
      const before = side.create ? '' : (side.path === '.dockerignore' ? testCase.context?.dockerignore ?? '' : '');
      actual[side.path] = applyEdits(before, side.edits);
    }
    assert.deepEqual(actual, testCase.sideFiles, 'side files');
  }
}

function firstLine(code: string): string {
  const lines = code.replace(/[«»]/g, '').split('\n');
  const interesting = lines.find((line) => line && !line.startsWith('FROM')) ?? lines[0];
  return interesting.slice(0, 60);
}
