import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileDoc } from '../../server/src/analysis/dockerfile-doc';

function wordsOf(text: string): string[] {
  const doc = new DockerfileDoc(text);
  return doc.shell(doc.instructionsOf('RUN')[0]).commands.flatMap((command) => command.words.map((word) => word.value));
}

describe('shell tokenizer: backslashes inside double quotes', () => {
  it('keeps a backslash that escapes nothing (Windows paths)', () => {
    assert.deepEqual(wordsOf('FROM a\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"'), ['tar', '-xf', 'C:\\Program Files\\Foo\\bar.tar.gz']);
  });
  it('still drops the backslash before $, `, " and \\', () => {
    assert.deepEqual(wordsOf('FROM a\nRUN echo "\\$HOME \\" \\\\ \\`"'), ['echo', '$HOME " \\ `']);
  });
});
