// Findings equal to the last run's come back as the same objects: the language server keeps a
// diagnostic (and its JSON) per finding object, and new objects at every edit are garbage.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { describe, it } from 'node:test';
import { ComposeIncrementalAnalyzer } from '../../server/src/analysis/compose-incremental';
import { SERVICE_SCOPES } from '../../server/src/analysis/compose-rule-scopes';
import { DockerfileIncrementalAnalyzer } from '../../server/src/analysis/dockerfile-incremental';
import { reuseEqualFindings } from '../../server/src/analysis/finding-reuse';
import { applyEdits } from '../../server/src/analysis/text';
import { defaultSettings, type Finding } from '../../server/src/analysis/types';
import { rulesFor } from '../../server/src/rules/registry';
import { bigCompose, bigDockerfile } from '../../scripts/bench/generate';
import { typingEdits } from '../../scripts/bench/latency';

function finding(line: number, message = 'm', fixText = 'x'): Finding {
  const range = { start: { line, character: 0 }, end: { line, character: 1 } };
  return { rule: 'r', aliases: [], severity: 'warning', messageId: 'id', message, range, fixes: [{ title: 't', edits: [{ range, newText: fixText }], safe: true }] };
}

/** Every finding of `after` (of the given rules) that deep-equals one of `before` is that very object; returns how many were. */
function assertReused(before: readonly Finding[], after: readonly Finding[], rules: ReadonlySet<string>): number {
  let reused = 0;
  for (const found of after) {
    if (!rules.has(found.rule)) continue;
    const twin = before.find((old) => isDeepStrictEqual(old, found));
    if (!twin) continue;
    assert.equal(found, twin, `a new object for an unchanged finding: ${JSON.stringify(found)}`);
    reused++;
  }
  return reused;
}

describe('reuseEqualFindings', () => {
  it('hands back the previous object where the new finding deep-equals it, and keeps the others', () => {
    const previous = [finding(1), finding(2, 'old message'), finding(3, 'm', 'old fix')];
    const found = [finding(1), finding(2, 'new message'), finding(3, 'm', 'new fix'), finding(4)];
    const result = reuseEqualFindings(found, previous);
    assert.equal(result[0], previous[0]);
    assert.deepEqual(result.slice(1), found.slice(1));
    result.slice(1).forEach((kept, i) => assert.equal(kept, found[i + 1]));
    assert.deepEqual(reuseEqualFindings(found, []), found);
  });

  it('the same place twice: each new finding gets an equal old one', () => {
    const previous = [finding(1, 'a'), finding(1, 'b')];
    const result = reuseEqualFindings([finding(1, 'b'), finding(1, 'a')], previous);
    assert.equal(result[0], previous[1]);
    assert.equal(result[1], previous[0]);
  });
});

/** Rules the incremental analyzers run on the whole document at every edit (the others' findings are kept per stage or service). */
const WHOLE_DOCUMENT = new Set([...rulesFor('dockerfile').filter((rule) => rule.scope !== 'stage'), ...rulesFor('compose').filter((rule) => !SERVICE_SCOPES.has(rule.id))].map((rule) => rule.id));

describe('incremental analyzers keep the objects of unchanged findings across edits', () => {
  it('Dockerfile: findings of rules run on the whole document', () => {
    const base = bigDockerfile(200);
    const analyzer = new DockerfileIncrementalAnalyzer();
    let before = analyzer.analyze(base, defaultSettings);
    let text = base;
    for (const edit of typingEdits(base, 6, 'dockerfile')) {
      text = applyEdits(text, [{ range: edit.range, newText: edit.text }]);
      const after = analyzer.analyze(text, defaultSettings);
      assert.ok(assertReused(before, after, WHOLE_DOCUMENT) > 0);
      const kept = new Set(before);
      assert.ok(after.filter((found) => kept.has(found)).length > after.length * 0.9, 'most findings are the same objects');
      before = after;
    }
  });

  it('Compose: findings of rules run on the whole document', () => {
    const base = bigCompose(100);
    const analyzer = new ComposeIncrementalAnalyzer();
    let before = analyzer.analyze(base);
    assert.ok(before.some((found) => found.rule === 'host-port-duplicate'), 'the file has findings of a rule run on the whole document');
    let text = base;
    for (const edit of typingEdits(base, 6, 'dockercompose')) {
      text = applyEdits(text, [{ range: edit.range, newText: edit.text }]);
      const after = analyzer.analyze(text);
      assertReused(before, after, WHOLE_DOCUMENT);
      const kept = new Set(before);
      // An edit that breaks the YAML leaves one syntax finding; the edit that repairs it brings back the kept ones.
      if (after.length > 10 && before.length > 10) assert.ok(after.filter((found) => kept.has(found)).length > after.length * 0.9, 'most findings are the same objects');
      before = after;
    }
  });
});
