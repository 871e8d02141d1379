import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules/registry';
import { withRuleTable } from '../../scripts/rule-table';

const root = join(__dirname, '..', '..');

describe('rule metadata', () => {
  it('ids are unique kebab-case and aliases are not shared by two rules of the same peer code', () => {
    const ids = allRules.map((rule) => rule.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('every rule has one message per id, ending as a sentence', () => {
    for (const rule of allRules) {
      assert.ok(Object.keys(rule.messages).length > 0, rule.id);
      for (const [messageId, message] of Object.entries(rule.messages)) {
        if (message === '{message}') continue;
        assert.match(message, /[.!?]$/, `${rule.id}.${messageId} should end as a sentence`);
      }
    }
  });

  for (const rule of allRules) {
    it(`docs/rules/${rule.id}.md matches the rule's metadata`, () => {
      const path = join(root, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(path), `missing ${path}`);
      const doc = readFileSync(path, 'utf8');
      assert.ok(doc.startsWith(`# ${rule.id}\n`), 'title line is the id');
      const row = doc.split('\n').find((line) => /^\|\s*(error|warning|info|hint|off)\s*\|/.test(line));
      assert.ok(row, 'metadata table row (severity | aliases | fixable)');
      const [severity, aliases, fixable] = row.split('|').slice(1, 4).map((cell) => cell.trim());
      assert.equal(severity, rule.severity, 'severity');
      assert.deepEqual(aliases === '—' || aliases === '' || aliases === '-' ? [] : aliases.split(/,\s*/), [...rule.aliases], 'aliases');
      assert.equal(fixable, rule.fixable ? 'yes' : 'no', 'fixable');
    });
  }

  it('README rule table is generated from the registry (run npm run docs:rules)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.equal(readme, withRuleTable(readme));
  });
});
