import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileDoc } from '../../server/src/analysis/dockerfile-doc';
import {
  APT_SYNTAX, appendCommand, cacheMountTargets, findInvocations, hasOption, insertArgumentAfter, isPipTool, optionCount, optionValues,
  runPlacement, stageReachesFinalImage, type ToolSyntax,
} from '../../server/src/analysis/package-commands';
import { applyEdits } from '../../server/src/analysis/text';

function invocations(text: string, tool: string, syntax: ToolSyntax = {}) {
  const doc = new DockerfileDoc(text);
  return doc.runInstructions().flatMap((run) => findInvocations(doc, run, (name) => name === tool, syntax));
}

function summary(text: string, tool: string, syntax: ToolSyntax = {}) {
  return invocations(text, tool, syntax).map((call) => ({
    subcommand: call.subcommand?.value,
    options: call.options.map((option) => option.names.join('') + (option.value === undefined ? '' : `=${option.value}`)),
    operands: call.operands.map((word) => word.value),
  }));
}

describe('package commands', () => {
  it('reads options before and after the subcommand, with values that are not packages', () => {
    assert.deepEqual(summary('FROM a\nRUN apt-get -o Dpkg::Options::="--force-confold" install -yq -t buster curl=7 wget', 'apt-get', APT_SYNTAX), [
      { subcommand: 'install', options: ['o=Dpkg::Options::=--force-confold', 'yq', 't=buster'], operands: ['curl=7', 'wget'] },
    ]);
  });
  it('skips env assignments and wrappers such as sudo, env and xargs', () => {
    const text = 'FROM a\nRUN DEBIAN_FRONTEND=noninteractive sudo -Hu root env -i X=1 apt-get install a && xargs -r -n 1 apt-get install < list';
    const calls = invocations(text, 'apt-get', APT_SYNTAX);
    assert.deepEqual(calls.map((call) => call.assignments.map((word) => word.value)), [['DEBIAN_FRONTEND=noninteractive', 'X=1'], []]);
    const line = text.split('\n')[1];
    assert.deepEqual(calls.map((call) => call.program.range.start.character), [line.indexOf('apt-get'), line.lastIndexOf('apt-get')]);
  });
  it('does not treat `command -v` as running the program', () => {
    assert.deepEqual(summary('FROM a\nRUN command -v apt-get && command apt-get update', 'apt-get'), [{ subcommand: 'update', options: [], operands: [] }]);
  });
  it('reads `python -m pip` as pip, but not `python -c`', () => {
    const text = 'FROM a\nRUN python3 -u -m pip install x && python -c "import pip" install y';
    assert.deepEqual(summary(text, 'pip'), [{ subcommand: 'install', options: [], operands: ['x'] }]);
    assert.ok(isPipTool('pip3.12') && !isPipTool('pipx') && !isPipTool('pipenv'));
  });
  it('handles Go-style single-dash names, boolean words and `--`', () => {
    assert.deepEqual(summary('FROM a\nRUN go get -tool -ldflags "-s -w" x@v1', 'go', { singleDashNames: true, valueOptions: ['ldflags'] }), [
      { subcommand: 'get', options: ['tool', 'ldflags=-s -w'], operands: ['x@v1'] },
    ]);
    assert.deepEqual(summary('FROM a\nRUN gem install a:1 --wrappers true -- --with-x b', 'gem', { booleanWords: true, stopAtDoubleDash: true }), [
      { subcommand: 'install', options: ['wrappers=true'], operands: ['a:1'] },
    ]);
    assert.deepEqual(summary('FROM a\nRUN apt-get install -- -weird', 'apt-get'), [{ subcommand: 'install', options: [], operands: ['-weird'] }]);
  });
  it('counts and reads options', () => {
    const [call] = invocations('FROM a\nRUN apt-get install -q --quiet -q=2 -o A=B x', 'apt-get', APT_SYNTAX);
    assert.equal(optionCount(call, 'q', 'quiet'), 3);
    assert.deepEqual(optionValues(call, 'q'), ['2']);
    assert.ok(hasOption(call, 'o') && !hasOption(call, 'y'));
  });
  it('reads exec form and heredoc scripts', () => {
    assert.equal(invocations('FROM a\nRUN ["apt-get", "install", "x"]', 'apt-get').length, 1);
    assert.equal(invocations('FROM a\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\n', 'apt-get').length, 2);
  });
  it('lists cache and tmpfs mount targets only', () => {
    const doc = new DockerfileDoc('FROM a\nRUN --mount=type=cache,target=/var/cache/apt/ --mount=type=tmpfs,dst=/tmp --mount=type=bind,target=/src x');
    assert.deepEqual(cacheMountTargets(doc.runInstructions()[0]), ['/var/cache/apt', '/tmp']);
  });
  it('places RUN and ONBUILD RUN in their stage and follows stages into the final image', () => {
    const doc = new DockerfileDoc('FROM a AS base\nONBUILD RUN x\nFROM base AS mid\nRUN y\nFROM b AS unused\nRUN z\nFROM mid\n');
    const [trigger, inMid, inUnused] = doc.runInstructions();
    assert.deepEqual([runPlacement(doc, trigger).onbuild, runPlacement(doc, trigger).stage?.name], [true, 'base']);
    assert.equal(runPlacement(doc, inMid).stage?.name, 'mid');
    assert.deepEqual(doc.stages.map((stage) => stageReachesFinalImage(doc, stage)), [true, true, false, true]);
    assert.equal(stageReachesFinalImage(doc, runPlacement(doc, inUnused).stage), false);
  });
  it('inserts arguments in shell and exec form', () => {
    for (const [text, expected] of [
      ['FROM a\nRUN apt-get install x', 'FROM a\nRUN apt-get install -y x'],
      ['FROM a\nRUN ["apt-get", "install", "x"]', 'FROM a\nRUN ["apt-get", "install", "-y", "x"]'],
    ]) {
      const doc = new DockerfileDoc(text);
      const run = doc.runInstructions()[0];
      const [call] = findInvocations(doc, run, (tool) => tool === 'apt-get');
      assert.equal(applyEdits(text, [insertArgumentAfter(doc.shell(run), call.subcommand ?? call.program, '-y')]), expected);
    }
  });
  it('appends a command after the script, keeping escape character and line breaks', () => {
    const cases: [string, string | undefined][] = [
      ['FROM a\r\nRUN apt-get update;\r\n', 'FROM a\r\nRUN apt-get update \\\r\n    && rm x;\r\n'],
      ['# escape=`\nFROM a\nRUN apt-get update `\n  && echo', '# escape=`\nFROM a\nRUN apt-get update `\n  && echo `\n    && rm x'],
      ['FROM a\nRUN <<EOF\napt-get update\nEOF\n', 'FROM a\nRUN <<EOF\napt-get update\nrm x\nEOF\n'],
      ['FROM a\nRUN ["apt-get", "update"]', undefined],
      ['FROM a\nRUN cat <<EOF > /x && apt-get update\nbody\nEOF\n', undefined],
    ];
    for (const [text, expected] of cases) {
      const doc = new DockerfileDoc(text);
      const edit = appendCommand(doc, doc.runInstructions()[0], 'rm x', true);
      assert.equal(edit && applyEdits(text, [edit]), expected);
    }
  });
});
