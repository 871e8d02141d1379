// What the editor's Dockerfile analysis keeps between edits (dockerfile-segment.ts, dockerfile-incremental.ts,
// the kept reports of analyze.ts) must follow every change that matters: each test fails if that invalidation goes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, runRules } from '../../server/src/analysis/analyze';
import { DockerfileDoc } from '../../server/src/analysis/dockerfile-doc';
import { DocumentSegment } from '../../server/src/analysis/dockerfile-segment';
import { DockerfileIncrementalAnalyzer } from '../../server/src/analysis/dockerfile-incremental';
import { cutStages } from '../../server/src/analysis/dockerfile-stages-cut';
import { defaultSettings } from '../../server/src/analysis/types';
import { rulesFor } from '../../server/src/rules/registry';
import { bigDockerfile } from '../../scripts/bench/generate';

function assertAgrees(analyzer: DockerfileIncrementalAnalyzer, text: string): void {
  assert.deepEqual(analyzer.analyze(text, defaultSettings), analyze(text, 'dockerfile', defaultSettings), `differs from analyze() on:\n${text}`);
}

function rule(id: string) {
  const found = rulesFor('dockerfile').find((candidate) => candidate.id === id);
  assert.ok(found, id);
  return found;
}

describe('what the incremental Dockerfile analysis keeps', () => {
  it('a stage\'s segment summaries are read again when its text changes (unpinned packages, COPY --from, casing)', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    const stage = 'FROM fedora:40 AS rpm\nRUN dnf install -y curl\nCOPY --from=rpm /a /b\n';
    let text = `${bigDockerfile(60)}${stage}FROM alpine:3.20\nCMD ["x"]\n`;
    assertAgrees(analyzer, text);
    const count = (id: string): number => analyzer.analyze(text, defaultSettings).filter((finding) => finding.rule === id).length;
    const before = { dnf: count('dnf-unpinned'), self: count('copy-from-self'), casing: count('instruction-casing') };
    text = text.replace('RUN dnf install -y curl\nCOPY --from=rpm', 'RUN dnf install -y curl-8.6.0\ncopy --from=other');
    assertAgrees(analyzer, text);
    assert.equal(analyzer.stats.parsed, 1);
    assert.deepEqual({ dnf: count('dnf-unpinned'), self: count('copy-from-self'), casing: count('instruction-casing') },
      { dnf: before.dnf - 1, self: before.self - 1, casing: before.casing + 1 });
  });

  it('a kept segment numbers its stages again when stages are added or removed before it', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    const tail = 'FROM alpine AS c\nCOPY --from=2 /x /y\nCOPY --from=4 /x /y\n';
    let text = `FROM alpine AS a\nRUN echo a\nFROM alpine AS b\nRUN echo b\n${tail}`;
    assertAgrees(analyzer, text);
    assert.ok(analyzer.analyze(text, defaultSettings).some((finding) => finding.rule === 'copy-from-self'));
    // One line becomes a stage of its own: the last stage keeps its text and lines (its piece is kept) but is now stage 3.
    text = text.replace('RUN echo a', 'FROM busybox');
    assertAgrees(analyzer, text);
    // The first stage and the new one: the others were kept.
    assert.equal(analyzer.stats.parsed, 2);
    assert.ok(!analyzer.analyze(text, defaultSettings).some((finding) => finding.rule === 'copy-from-self'));
    text = text.replace('FROM busybox', 'RUN echo a');
    assertAgrees(analyzer, text);
  });

  it('a stage typed in keeps no key of the last call: only the same text at the same line does', () => {
    const analyzer = new DockerfileIncrementalAnalyzer();
    let text = bigDockerfile(120);
    assertAgrees(analyzer, text);
    const stages = cutStages(text)?.stages ?? [];
    const middle = stages[Math.floor(stages.length / 2)];
    const fromLineEnd = text.indexOf('\n', middle.offset);
    // Same line count, new stage name in upper case: stage-name-casing must see it.
    text = `${text.slice(0, fromLineEnd).replace(/ AS \S+$/i, '')} AS Renamed${text.slice(fromLineEnd)}`;
    assertAgrees(analyzer, text);
    assert.equal(analyzer.stats.parsed, 1);
    assert.ok(analyzer.analyze(text, defaultSettings).some((finding) => finding.rule === 'stage-name-casing'));
  });

  it('a kept report gives its finding again only under the same rule and severity', () => {
    const doc = new DockerfileDoc('FROM fedora:40\nRUN dnf install -y curl\n');
    const dnf = rule('dnf-unpinned');
    const [first] = runRules(doc, [dnf], defaultSettings, {});
    assert.equal(first.severity, 'warning');
    const [again] = runRules(doc, [dnf], defaultSettings, {});
    assert.equal(again, first, 'the same report gives the same finding');
    const [raised] = runRules(doc, [dnf], { ...defaultSettings, severityOverrides: { 'dnf-unpinned': 'error' } }, {});
    assert.equal(raised.severity, 'error');
    const reworded = { ...dnf, messages: { ...dnf.messages, package: 'Pin {name}.' } };
    const [renamed] = runRules(doc, [reworded], defaultSettings, {});
    assert.equal(renamed.message, 'Pin curl.');
  });

  it('an assembled document reads its segments as one where a later one does not start at a FROM', () => {
    const text = 'ARG A=1\nFROM alpine AS a\nRUN x\nENV B=2\nFROM a\nONBUILD RUN y\n';
    const parsed = new DockerfileDoc(text);
    const [arg, fromA, run, env, fromB, onbuild] = parsed.instructions;
    const view = (doc: DockerfileDoc) => ({
      stages: doc.stages.map((stage) => [stage.index, stage.name, stage.instructions.length]),
      stageOf: doc.instructions.map((instruction) => doc.stageOf(instruction)?.index ?? null),
      topLevel: [...doc.instructions, ...doc.runInstructions()].map((instruction) => doc.isTopLevel(instruction)),
      keywords: ['ARG', 'FROM', 'RUN', 'ENV', 'ONBUILD'].map((keyword) => doc.instructionsOf(keyword).length),
    });
    for (const cuts of [[[arg, fromA, run], [env, fromB, onbuild]], [[arg, fromA], [run, env], [fromB, onbuild]], [[], [arg], [fromA, run, env], [], [fromB, onbuild]]]) {
      const assembled = new DockerfileDoc(text, { escapeCharacter: '\\', segments: cuts.map((instructions) => new DocumentSegment(instructions)) });
      assert.deepEqual(view(assembled), view(parsed), JSON.stringify(cuts.map((instructions) => instructions.length)));
    }
  });

  it('the keys and shapes kept for unchanged stages keep no old version of the document alive', () => {
    // V8 keeps `a + b` and a long slice as views of their parts: a key built from a stage cut out of the document
    // would pin the whole text of the edit that last changed the stage. A 1 MB comment (in the last stage, which
    // the edits leave alone) makes each version count.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const heapAfterCollecting = (): number => {
      collect();
      collect();
      return process.memoryUsage().heapUsed;
    };
    const analyzer = new DockerfileIncrementalAnalyzer();
    let text = `${bigDockerfile(400)}${`# ${'x'.repeat(10_000)}\n`.repeat(100)}`;
    analyzer.analyze(text, defaultSettings);
    const workdirLines = text.split('\n').flatMap((line, index) => (line.startsWith('WORKDIR ') ? [index] : [])).slice(0, 25);
    const typeAtTheEndOf = (line: number): void => {
      const lines = text.split('\n');
      lines[line] += 'x';
      text = lines.join('\n');
      analyzer.analyze(text, defaultSettings);
      assert.equal(analyzer.stats.full, false);
    };
    // After a few edits, what the current and the last versions hold is in place; twenty more must not add twenty versions.
    workdirLines.slice(0, 5).forEach(typeAtTheEndOf);
    const before = heapAfterCollecting();
    workdirLines.slice(5).forEach(typeAtTheEndOf);
    const grown = heapAfterCollecting() - before;
    assert.ok(grown < 3 * text.length, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 20 edits of a ${(text.length / 1e6).toFixed(1)} MB text`);
  });
});
