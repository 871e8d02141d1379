import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileDoc } from '../../server/src/analysis/dockerfile-doc';
import { commandName } from '../../server/src/analysis/shell';

function commandsOf(text: string): string[][] {
  const doc = new DockerfileDoc(text);
  return doc.runInstructions().flatMap((run) => doc.shell(run).commands.map((c) => c.words.map((w) => w.value)));
}

describe('shell tokenizer: compound commands and redirections', () => {
  it('starts the simple command after if/then/else/do/while/!/{', () => {
    const doc = new DockerfileDoc('FROM a\nRUN if [ -f x ]; then sudo make; else cd /y; fi && for f in a; do rm $f; done && ! grep q');
    assert.deepEqual(doc.shell(doc.runInstructions()[0]).commands.map(commandName), ['[', 'sudo', 'cd', 'fi', 'for', 'rm', 'done', 'grep']);
  });
  it('keeps quoted keywords and keywords in argument position as words', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN echo if then && "if" x'), [['echo', 'if', 'then'], ['if', 'x']]);
  });
  it('keeps & inside redirections', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN make 2>&1 | tee log && a &>/dev/null; b <&3 & c'), [['make', '2>&1'], ['tee', 'log'], ['a', '&>/dev/null'], ['b', '<&3'], ['c']]);
  });
});
