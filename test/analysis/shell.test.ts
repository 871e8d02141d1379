import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileDoc } from '../../server/src/analysis/dockerfile-doc';
import { commandName } from '../../server/src/analysis/shell';

function commandsOf(text: string): string[][] {
  const doc = new DockerfileDoc(text);
  return doc.instructionsOf('RUN').flatMap((run) => doc.shell(run).commands.map((c) => c.words.map((w) => w.value)));
}

describe('shell tokenizer', () => {
  it('splits on operators and keeps quoted words whole', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN apt-get update && echo "a && b" | tee x; ls'), [['apt-get', 'update'], ['echo', 'a && b'], ['tee', 'x'], ['ls']]);
  });
  it('joins line continuations and drops comment lines inside them', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN apt-get install \\\n  # comment\n  -y curl'), [['apt-get', 'install', '-y', 'curl']]);
  });
  it('reads heredoc scripts line by line', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\n'), [['apt-get', 'update'], ['apt-get', 'install', '-y', 'x']]);
  });
  it('skips heredoc bodies fed to a command', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN cat <<EOF > /x\nsudo rm -rf /\nEOF\n'), [['cat', '>', '/x']]);
  });
  it('reads exec form', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN ["apt-get", "install", "-y", "x"]'), [['apt-get', 'install', '-y', 'x']]);
  });
  it('skips RUN flags and env assignments for the command name', () => {
    const doc = new DockerfileDoc('FROM a\nRUN --mount=type=cache,target=/root/.cache DEBIAN_FRONTEND=noninteractive apt-get update');
    const [command] = doc.shell(doc.instructionsOf('RUN')[0]).commands;
    assert.equal(commandName(command), 'apt-get');
    assert.deepEqual(command.words[command.nameIndex].range, { start: { line: 1, character: 74 }, end: { line: 1, character: 81 } });
  });
  it('honours the backtick escape directive', () => {
    assert.deepEqual(commandsOf('# escape=`\nFROM a\nRUN echo a `\n  b'), [['echo', 'a', 'b']]);
  });
  it('keeps $(...) together', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN echo $(cat a | wc -l) && ls'), [['echo', '$(cat a | wc -l)'], ['ls']]);
  });
});
