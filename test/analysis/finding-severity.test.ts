import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { defineRule } from '../../server/src/analysis/rule';
import { defaultSettings } from '../../server/src/analysis/types';

const mixed = defineRule({
  id: 'test-mixed-severity', kind: 'dockerfile', title: 'test', severity: 'warning', aliases: [], fixable: false,
  messages: { strong: 'Strong.', mild: 'Mild.' },
  check(doc, report) {
    for (const from of doc.instructionsOf('FROM')) {
      report({ range: from.getRange(), messageId: 'strong' });
      report({ range: from.getRange(), messageId: 'mild', severity: 'info' });
    }
  },
});

function severities(overrides: Record<string, 'error' | 'warning' | 'info' | 'hint'>): string[] {
  return analyze('FROM a', 'dockerfile', { ...defaultSettings, severityOverrides: overrides }, { rules: [mixed] }).map((f) => `${f.messageId}:${f.severity}`);
}

describe('per-finding severity cap', () => {
  it('lowers a milder finding below the rule severity', () => {
    assert.deepEqual(severities({}), ['strong:warning', 'mild:info']);
  });
  it('keeps the cap when the rule is raised, and never raises above the configured severity', () => {
    assert.deepEqual(severities({ 'test-mixed-severity': 'error' }), ['strong:error', 'mild:info']);
    assert.deepEqual(severities({ 'test-mixed-severity': 'hint' }), ['strong:hint', 'mild:hint']);
  });
});
