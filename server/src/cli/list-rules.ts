import type { Rule } from '../analysis/rule';
import { allRules } from '../rules/registry';
import { ruleDocsUrl } from './version';

/** `container-hygiene rules`: every rule with its default severity, aliases and whether --fix can fix it. */
export function formatRules(format: 'stylish' | 'json', rules: readonly Rule[] = allRules): string {
  if (format === 'json') {
    const list = rules.map((rule) => ({ id: rule.id, kind: rule.kind, title: rule.title, severity: rule.severity, aliases: [...rule.aliases], fixable: rule.fixable, docs: ruleDocsUrl(rule.id) }));
    return JSON.stringify(list, null, 2) + '\n';
  }
  const header = { id: 'RULE', severity: 'SEVERITY', fixable: 'FIXABLE', aliases: 'ALIASES', title: 'TITLE' };
  const rows = [header, ...rules.map((rule) => ({ id: rule.id, severity: rule.severity, fixable: rule.fixable ? 'yes' : 'no', aliases: rule.aliases.join(', ') || '-', title: rule.title }))];
  const widths = { id: 0, severity: 0, fixable: 0, aliases: 0 };
  for (const row of rows) for (const key of Object.keys(widths) as (keyof typeof widths)[]) widths[key] = Math.max(widths[key], row[key].length);
  return rows.map((row) => `${row.id.padEnd(widths.id)}  ${row.severity.padEnd(widths.severity)}  ${row.fixable.padEnd(widths.fixable)}  ${row.aliases.padEnd(widths.aliases)}  ${row.title}`).join('\n') + '\n';
}
