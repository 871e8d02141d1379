import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyFromValue, copyPaths } from '../../server/src/analysis/copy-args';
import { DockerfileDoc } from '../../server/src/analysis/dockerfile-doc';

function pathsOf(text: string): { sources: string[]; destination: string | undefined; raw: string | undefined } {
  const doc = new DockerfileDoc(text);
  const { sources, destination } = copyPaths(doc.instructionsOf('COPY')[0], doc);
  return { sources: sources.map((source) => source.value), destination: destination?.value, raw: destination?.raw };
}

describe('COPY paths', () => {
  it('skips flags and unquotes shell-form paths', () => {
    assert.deepEqual(pathsOf('FROM a\nCOPY --chown=1 --from=b "x" \'y\' z /dst/'), { sources: ['x', 'y', 'z'], destination: '/dst/', raw: '/dst/' });
  });
  it('reads the JSON form, spaces included', () => {
    assert.deepEqual(pathsOf('FROM a\nCOPY ["a b", "/c d"]'), { sources: ['a b'], destination: '/c d', raw: '/c d' });
  });
  it('leaves heredoc bodies out', () => {
    assert.deepEqual(pathsOf('FROM a\nCOPY <<EOF /etc/x.conf\nnot a path\nEOF\n'), { sources: ['<<EOF'], destination: '/etc/x.conf', raw: '/etc/x.conf' });
  });
  it('keeps backslashes in raw for Windows paths', () => {
    assert.equal(pathsOf('FROM a\nCOPY a c:\\app\\b').raw, 'c:\\app\\b');
  });
  it('has no destination with a single argument', () => {
    assert.deepEqual(pathsOf('FROM a\nCOPY onlyone'), { sources: [], destination: undefined, raw: undefined });
  });
  it('finds --from after other flags', () => {
    const doc = new DockerfileDoc('FROM a\nCOPY --chown=0 --from=build / /');
    assert.equal(copyFromValue(doc.instructionsOf('COPY')[0]), 'build');
  });
});
