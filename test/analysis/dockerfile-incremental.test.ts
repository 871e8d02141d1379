// The editor's incremental Dockerfile analysis must always find exactly what analyze() finds.
// (Every rule test case checks a fresh analyzer too: see test/helpers/rule-tester.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { DockerfileIncrementalAnalyzer } from '../../server/src/analysis/dockerfile-incremental';
import { cutStages } from '../../server/src/analysis/dockerfile-stages-cut';
import { defaultSettings, type AnalysisSettings } from '../../server/src/analysis/types';
import { rulesFor } from '../../server/src/rules/registry';
import { bigDockerfile, dockerfile } from '../../scripts/bench/generate';
import { editOf, mutate, SEEDS } from '../robustness/helpers/arbitraries';

const runsFactor = Number(process.env.FC_RUNS ?? 1);
const seed = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261128);

function assertAgrees(analyzer: DockerfileIncrementalAnalyzer, text: string, settings: AnalysisSettings = defaultSettings): void {
  const expected = analyze(text, 'dockerfile', settings);
  assert.deepEqual(analyzer.analyze(text, settings), expected, `differs from analyze() (${analyzer.stats.full ? 'whole document' : 'by stage'}) on:\n${text}`);
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
    assert.deepEqual(analyzer.stats, { full: false, parsed: 1, checked: 1 });
  });

  it('a new line above shifts every later stage and still agrees; an edit in the prelude starts afresh', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    let text = `ARG BASE=alpine:3.20\n${bigDockerfile(60)}`;
    assertAgrees(analyzer, text);
    const second = cutStages(text)?.stages[1];
    assert.ok(second);
    text = `${text.slice(0, second.offset)}# a comment\n${text.slice(second.offset)}`;
    assertAgrees(analyzer, text);
    // Every stage but the first moved: one whole parse, cut into pieces for the next edits.
    assert.deepEqual(analyzer.stats, { full: false, parsed: 1, checked: 1, rebuilt: true });
    text = text.replace('ARG BASE=alpine:3.20', 'ARG BASE=alpine:3.21');
    assertAgrees(analyzer, text);
    assert.equal(analyzer.stats.rebuilt, true);
    // The pieces cut from the whole parse serve the next typing edit.
    const last = cutStages(text)?.stages.at(-1);
    assert.ok(last);
    const at = endOfLine(text, last.line);
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    assertAgrees(analyzer, text);
    assert.deepEqual(analyzer.stats, { full: false, parsed: 1, checked: 1 });
  });

  it('a few moved stages are parsed on their own; many are parsed whole', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    let text = bigDockerfile(200);
    assertAgrees(analyzer, text);
    const stages = cutStages(text)?.stages ?? [];
    // A line added in the second-to-last stage moves only the last one.
    const at = stages[stages.length - 2].offset;
    text = `${text.slice(0, at)}\n${text.slice(at)}`;
    assertAgrees(analyzer, text);
    assert.equal(analyzer.stats.rebuilt, undefined);
    assert.ok(analyzer.stats.parsed < 5, `parsed ${analyzer.stats.parsed}`);
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
