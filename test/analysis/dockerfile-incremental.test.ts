// The editor's incremental Dockerfile analysis must always find exactly what analyze() finds.
// (Every rule test case checks a fresh analyzer too: see test/helpers/rule-tester.ts.)
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, type AnalyzeOptions } from '../../server/src/analysis/analyze';
import { DockerfileIncrementalAnalyzer } from '../../server/src/analysis/dockerfile-incremental';
import { cutStages } from '../../server/src/analysis/dockerfile-stages-cut';
import { defaultSettings, type AnalysisSettings } from '../../server/src/analysis/types';
import { rulesFor } from '../../server/src/rules/registry';
import { bigDockerfile, dockerfile } from '../../scripts/bench/generate';
import { repoRoot } from '../helpers/fixtures';
import { collectRuleCases } from '../helpers/rule-tester';
import { editOf, mutate, SEEDS } from '../robustness/helpers/arbitraries';

const runsFactor = Number(process.env.FC_RUNS ?? 1);
const seed = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261128);

const RULE_TESTS = join(repoRoot, 'test', 'rules', 'dockerfile');
const loadTestFile = createRequire(join(RULE_TESTS, 'index.ts'));

function assertAgrees(analyzer: DockerfileIncrementalAnalyzer, text: string, settings: AnalysisSettings = defaultSettings, options: AnalyzeOptions = {}): void {
  const expected = analyze(text, 'dockerfile', settings, options);
  assert.deepEqual(analyzer.analyze(text, settings, options), expected, `differs from analyze() (${analyzer.stats.full ? 'whole document' : 'by stage'}) on:\n${text}`);
}

/** The text with `inserted` put at `offset`, or `length` characters removed there. */
function edit(text: string, offset: number, inserted: string, length = 0): string {
  return `${text.slice(0, offset)}${inserted}${text.slice(offset + length)}`;
}

/** A line's end, as an offset: where typing a character lands. */
function endOfLine(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

describe('incremental Dockerfile analysis', () => {
  it('a fresh analyzer agrees with analyze() on the fixtures and generated files', () => {
    for (const text of [...SEEDS.dockerfile, ...Array.from({ length: 20 }, (_, i) => dockerfile(300 + i))]) assertAgrees(new DockerfileIncrementalAnalyzer(), text);
  });

  it('agrees after every edit of random edit sequences', () => {
    fc.assert(fc.property(fc.constantFrom(...SEEDS.dockerfile), fc.array(fc.array(editOf('dockerfile'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 12 }), (start, steps) => {
      const analyzer = new DockerfileIncrementalAnalyzer();
      let text = start;
      assertAgrees(analyzer, text);
      for (const step of steps) {
        text = mutate(text, step);
        assertAgrees(analyzer, text);
      }
    }), { numRuns: Math.max(1, Math.round(40 * runsFactor)), ...(seed === undefined ? {} : { seed }) });
  });

  it('typing in one stage re-parses and re-checks only that stage', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    let text = bigDockerfile(200);
    assertAgrees(analyzer, text);
    const stages = cutStages(text)?.stages ?? [];
    assert.ok(stages.length > 10, `expected many stages, got ${stages.length}`);
    const middle = stages[Math.floor(stages.length / 2)];
    const at = endOfLine(text, middle.line);
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    assertAgrees(analyzer, text);
    assert.deepEqual(analyzer.stats, { full: false, parsed: 1, checked: 1, shifted: 0, relined: 0 });
  });

  it('a new line above shifts every later stage and still agrees; an edit in the prelude starts afresh', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    let text = `ARG BASE=alpine:3.20\n${bigDockerfile(60)}`;
    assertAgrees(analyzer, text);
    const second = cutStages(text)?.stages[1];
    assert.ok(second);
    text = `${text.slice(0, second.offset)}# a comment\n${text.slice(second.offset)}`;
    assertAgrees(analyzer, text);
    // Every stage but the first moved: one whole parse, cut into pieces for the next edits. Only the
    // first stage changed: it alone is parsed and checked on its own; the others' findings are shifted.
    const moved = (cutStages(text)?.stages.length ?? 0) - 1;
    assert.deepEqual(analyzer.stats, { full: false, parsed: 2, checked: 1, shifted: moved, relined: 0, rebuilt: true });
    text = text.replace('ARG BASE=alpine:3.20', 'ARG BASE=alpine:3.21');
    assertAgrees(analyzer, text);
    // A new prelude: nothing is kept, and every stage is checked on the whole parse at once.
    assert.deepEqual(analyzer.stats, { full: false, parsed: 1, checked: 1, shifted: 0, relined: 0, rebuilt: true });
    // The pieces cut from the whole parse serve the next typing edit.
    const last = cutStages(text)?.stages.at(-1);
    assert.ok(last);
    const at = endOfLine(text, last.line);
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    assertAgrees(analyzer, text);
    assert.deepEqual(analyzer.stats, { full: false, parsed: 1, checked: 1, shifted: 0, relined: 0 });
  });

  it('a few moved stages are parsed on their own; many are parsed whole', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    let text = bigDockerfile(200);
    assertAgrees(analyzer, text);
    const stages = cutStages(text)?.stages ?? [];
    // A line added at the end of the third-to-last stage moves only the last two.
    const at = stages[stages.length - 2].offset;
    text = `${text.slice(0, at)}\n${text.slice(at)}`;
    assertAgrees(analyzer, text);
    assert.equal(analyzer.stats.rebuilt, undefined);
    assert.ok(analyzer.stats.parsed < 5, `parsed ${analyzer.stats.parsed}`);
    // The stage before it changed; the last two only moved: what the stage rules found there is shifted, not found again.
    assert.equal(analyzer.stats.checked, 1);
    assert.equal(analyzer.stats.shifted, 2);
  });

  it('Enter above most stages shifts their findings instead of checking them again', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    let text = bigDockerfile(200);
    assertAgrees(analyzer, text);
    const stages = cutStages(text)?.stages ?? [];
    assert.ok(stages.length > 10, `expected many stages, got ${stages.length}`);
    // Enter at the end of the second stage's first line: that stage changed, every later one moved.
    text = edit(text, endOfLine(text, stages[1].line), '\n');
    assertAgrees(analyzer, text);
    assert.deepEqual(analyzer.stats, { full: false, parsed: 2, checked: 1, shifted: stages.length - 2, relined: analyzer.stats.relined, rebuilt: true });
    // Typing on the new line, then Enter below it: the moved stages' findings serve again.
    text = edit(text, endOfLine(text, stages[1].line + 1), 'RUN true\n');
    assertAgrees(analyzer, text);
    assert.equal(analyzer.stats.checked, 1);
    assert.equal(analyzer.stats.shifted, stages.length - 2);
  });

  it('a moved stage gets the line numbers its messages name from the new text (Enter, then Backspace)', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    const tail = 'FROM alpine:3.20 AS last\nCMD ["first"]\nCMD ["second"]\n';
    let text = `${bigDockerfile(60)}${tail}`;
    const secondCmdLine = (): number => text.split('\n').indexOf('CMD ["second"]') + 1;
    const overridden = (): string | undefined => analyzer.analyze(text, defaultSettings).find((finding) => finding.rule === 'multiple-cmd' && finding.range.start.line === secondCmdLine() - 2)?.message;
    assertAgrees(analyzer, text);
    assert.match(overridden() ?? '', new RegExp(`on line ${secondCmdLine()} of`));
    const stages = cutStages(text)?.stages ?? [];
    // Enter in the second stage moves every later one, the last with its two CMDs.
    text = edit(text, endOfLine(text, stages[1].line), '\n');
    assertAgrees(analyzer, text);
    assert.equal(analyzer.stats.relined, 1);
    assert.ok(analyzer.stats.shifted > stages.length / 2, `shifted ${analyzer.stats.shifted}`);
    assert.match(overridden() ?? '', new RegExp(`on line ${secondCmdLine()} of`));
    // Backspace at the start of the new line removes it: the message names the old line again.
    const blank = endOfLine(text, stages[1].line);
    text = edit(text, blank, '', 1);
    assertAgrees(analyzer, text);
    assert.equal(analyzer.stats.relined, 1);
    assert.match(overridden() ?? '', new RegExp(`on line ${secondCmdLine()} of`));
    // A move near the end (few stages moved, each parsed on its own) finds the line again too.
    text = edit(text, stages[stages.length - 1].offset, '# the last stage\n');
    assertAgrees(analyzer, text);
    assert.equal(analyzer.stats.rebuilt, undefined);
    assert.equal(analyzer.stats.relined, 1);
  });

  it('Backspace joining two lines above most stages moves them back up', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    let text = bigDockerfile(200);
    const stages = cutStages(text)?.stages ?? [];
    // A blank line in the second stage, then Backspace at its start removes it.
    text = edit(text, endOfLine(text, stages[1].line), '\n');
    assertAgrees(analyzer, text);
    text = edit(text, endOfLine(text, stages[1].line), '', 1);
    assertAgrees(analyzer, text);
    assert.deepEqual(analyzer.stats, { full: false, parsed: 2, checked: 1, shifted: stages.length - 2, relined: analyzer.stats.relined, rebuilt: true });
    // Backspace at the start of a stage's second line joins it to the first: that stage changed, the later ones moved up.
    const third = cutStages(text)?.stages[2];
    assert.ok(third);
    const joined = endOfLine(text, third.line);
    text = edit(text, joined, '', 1);
    assertAgrees(analyzer, text);
    assert.ok(analyzer.stats.checked <= 2 && analyzer.stats.shifted >= stages.length - 4, JSON.stringify(analyzer.stats));
  });

  it('agrees after random Enter, Backspace and typing on files of many stages, shifting moved stages', () => {
    const lineEdit = fc.oneof(
      fc.record({ kind: fc.constant('enter' as const), line: fc.nat(), atEnd: fc.boolean() }),
      fc.record({ kind: fc.constant('backspace' as const), line: fc.nat() }),
      fc.record({ kind: fc.constant('type' as const), line: fc.nat(), text: fc.constantFrom('x', ' \\', '\nCMD ["a"]', '\n# note', '\nFROM alpine AS s0-extra', '\nCOPY app.tar.gz /tmp/\nRUN tar xzf app.tar.gz') }),
    );
    let shifted = 0;
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.array(lineEdit, { minLength: 1, maxLength: 10 }), (generatorSeed, edits) => {
      const analyzer = new DockerfileIncrementalAnalyzer();
      let text = bigDockerfile(40, generatorSeed);
      assertAgrees(analyzer, text);
      for (const step of edits) {
        const lines = text.split('\n').length;
        const line = step.line % lines;
        if (step.kind === 'enter') text = edit(text, step.atEnd ? endOfLine(text, line) : endOfLine(text, line) - text.split('\n')[line].length, '\n');
        else if (step.kind === 'backspace') text = line === 0 ? text : edit(text, endOfLine(text, line - 1), '', 1);
        else text = edit(text, endOfLine(text, line), step.text);
        assertAgrees(analyzer, text);
        shifted += analyzer.stats.shifted;
      }
    }), { numRuns: Math.max(1, Math.round(40 * runsFactor)), ...(seed === undefined ? {} : { seed }) });
    assert.ok(shifted > 0, 'some moved stages had their findings shifted');
  });

  it('never shifts the first stage\'s findings to a later stage of the same text (they cover the lines before it)', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    const first = 'FROM alpine:3.20\nRUN y\n';
    assertAgrees(analyzer, `ARG PASSWORD=hunter2\n${first}FROM alpine:3.20\nRUN z\nRUN y\n`);
    assertAgrees(analyzer, `ARG PASSWORD=hunter2\n${first}${first}`);
  });

  it('agrees on every Dockerfile rule-test document moved down a line and back up', () => {
    const cases = collectRuleCases(() => {
      for (const name of readdirSync(RULE_TESTS).filter((file) => file.endsWith('.test.ts'))) loadTestFile(join(RULE_TESTS, name));
    });
    assert.ok(cases.length > 300, `found ${cases.length} documents`);
    let shifted = 0;
    for (const testCase of cases) {
      const first = cutStages(testCase.code)?.stages[0];
      if (!first) continue;
      // A stage of its own in front: a line added after it moves every stage of the document.
      const padded = edit(testCase.code, first.offset, 'FROM scratch AS moved-pad\n');
      const moved = edit(testCase.code, first.offset, 'FROM scratch AS moved-pad\n\n');
      const settings = { ...defaultSettings, ...testCase.settings };
      for (const options of [{ context: testCase.context, rules: [testCase.rule] }, { context: testCase.context }]) {
        const analyzer = new DockerfileIncrementalAnalyzer();
        for (const text of [padded, moved, padded]) {
          assertAgrees(analyzer, text, settings, options);
          shifted += analyzer.stats.shifted;
        }
      }
    }
    assert.ok(shifted > cases.length, `${shifted} stages shifted`);
  });

  it('settings and rule choices are never served from a stale cache', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    const text = dockerfile(7);
    assertAgrees(analyzer, text);
    const ignored = rulesFor('dockerfile').map((rule) => rule.id).filter((id) => analyze(text, 'dockerfile').some((finding) => finding.rule === id));
    assert.ok(ignored.length > 0);
    assertAgrees(analyzer, text, { ...defaultSettings, ignored });
    assertAgrees(analyzer, text, { ...defaultSettings, severityOverrides: { [ignored[0]]: 'error' } });
    assertAgrees(analyzer, text);
  });

  it('falls back to the whole document where cutting is unsafe (heredocs, mixed line breaks)', () => {
    for (const text of ['FROM alpine\nRUN <<EOF\nFROM inside a heredoc\nEOF\nFROM alpine AS b\n', 'FROM a\r\nRUN x\nFROM b\n']) {
      const analyzer = new DockerfileIncrementalAnalyzer();
      assertAgrees(analyzer, text);
      assert.equal(analyzer.stats.full, true);
    }
  });

  it('never cuts inside a continued instruction', () => {
    const cut = cutStages('FROM a\nRUN echo \\\n  # comment\n\nFROM b\nRUN x `\nfrom c\n# c \\\nFROM d\nFROM e\n');
    assert.deepEqual(cut?.stages.map((stage) => stage.line), [0, 9]);
  });
});
