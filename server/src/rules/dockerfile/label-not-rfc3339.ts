import { checkLabelFormat } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

/** Labels the schema types as rfc3339 (build dates) are parsed by tools that expect one unambiguous timestamp format. */
export const labelNotRfc3339 = defineRule({
  id: 'label-not-rfc3339',
  kind: 'dockerfile',
  title: 'Schema label is not an RFC 3339 timestamp',
  severity: 'warning',
  aliases: ['DL3053'],
  messages: { format: 'Label "{label}" is not an RFC 3339 timestamp; use a value such as "2024-05-01T12:00:00Z".' },
  fixable: false,
  scope: 'stage',
  check(doc, report, ctx) {
    checkLabelFormat(doc.instructions, ctx, 'rfc3339', (pair) => report({ range: pair.range, messageId: 'format', data: { label: pair.key } }));
  },
});
