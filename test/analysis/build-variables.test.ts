import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandWord, isValidImageReference, variableReferences } from '../../server/src/analysis/build-variables';
import { DockerfileDoc } from '../../server/src/analysis/dockerfile-doc';
import { copyArguments, logicalArguments } from '../../server/src/analysis/instruction-text';

describe('build variables', () => {
  it('finds references outside single quotes and escapes, nested ones included', () => {
    const found = variableReferences(`$A "\${B}" '$C' \\$D \${E:-$F} \${G#x}`, '\\').map((ref) => `${ref.name}${ref.modifier ?? ''}`);
    assert.deepEqual(found, ['A', 'B', 'E:-', 'F', 'G#']);
  });
  it('expands like the builder: unset versus empty, quotes removed', () => {
    const env = new Map([['SET', 'x'], ['EMPTY', '']]);
    assert.equal(expandWord('a${SET}b', env, '\\'), 'axb');
    assert.equal(expandWord('${EMPTY-d}|${EMPTY:-d}|${UNSET-d}|${SET:+y}', env, '\\'), '|d|d|y');
    assert.equal(expandWord(`"a b"'$SET'`, env, '\\'), 'a b$SET');
    assert.equal(expandWord('${SET#x}', env, '\\'), null);
  });
  it('validates image references with the distribution grammar', () => {
    for (const ok of ['busybox', 'busybox:1.36', 'localhost:5000/team/app:v1', 'ghcr.io/acme/app@sha256:' + 'a'.repeat(64)]) assert.ok(isValidImageReference(ok), ok);
    for (const bad of ['', 'busybox:', 'MyApp', 'a//b', ':tag']) assert.ok(!isValidImageReference(bad), bad);
  });
});

describe('instruction text', () => {
  it('joins continuations and drops comment lines, keeping offsets', () => {
    const doc = new DockerfileDoc('FROM a\nCOPY a \\\n  # note\n  "b c" /d/');
    const copy = doc.instructionsOf('COPY')[0];
    const logical = logicalArguments(doc, copy);
    assert.equal(logical.text, 'a   "b c" /d/');
    assert.deepEqual(copyArguments(doc, copy).paths.map((word) => word.unquoted), ['a', 'b c', '/d/']);
    assert.equal(doc.text[logical.offsets[logical.text.indexOf('/d/')]], '/');
  });
  it('stops at a heredoc body', () => {
    const doc = new DockerfileDoc('FROM a\nCOPY <<EOF /x\nbody\nEOF');
    assert.equal(logicalArguments(doc, doc.instructionsOf('COPY')[0]).text, '<<EOF /x');
  });
});
