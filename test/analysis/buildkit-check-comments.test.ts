import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { defineRule } from '../../server/src/analysis/rule';
import { defaultSettings } from '../../server/src/analysis/types';

const everyEnv = defineRule({
  id: 'test-every-env', kind: 'dockerfile', title: 'test', severity: 'warning', aliases: ['TestEveryEnv'], fixable: false,
  messages: { env: 'ENV.' },
  check(doc, report) {
    for (const env of doc.instructionsOf('ENV')) report({ range: env.getRange(), messageId: 'env' });
  },
});

function lines(text: string): number[] {
  return analyze(text, 'dockerfile', defaultSettings, { rules: [everyEnv] }).map((f) => f.range.start.line + 1);
}

describe('BuildKit # check=skip comments', () => {
  it('are file-wide in the leading directive block', () => {
    assert.deepEqual(lines('# syntax=docker/dockerfile:1\n# check=skip=TestEveryEnv\nFROM a\nENV A=1\nENV B=2'), []);
  });
  it('apply to the next instruction further down, including skip=all', () => {
    assert.deepEqual(lines('# check=skip=Other\n\nFROM a\nENV A=1\n# check=skip=TestEveryEnv // allowed here\nENV B=2\n# check=skip=all\nENV C=3\nENV D=4'), [4, 9]);
  });
  it('after a blank first line are no longer directives', () => {
    assert.deepEqual(lines('\n# check=skip=TestEveryEnv\nENV A=1\nENV B=2'), [4]);
  });
});
