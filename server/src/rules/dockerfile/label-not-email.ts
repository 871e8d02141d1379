import { checkLabelFormat } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

/** Labels the schema types as email (maintainer, vendor contact) must reach someone. */
export const labelNotEmail = defineRule({
  id: 'label-not-email',
  kind: 'dockerfile',
  title: 'Schema label is not an email address',
  severity: 'warning',
  aliases: ['DL3058'],
  messages: { format: 'Label "{label}" is not a valid email address; use an address such as "team@example.com".' },
  fixable: false,
  scope: 'stage',
  check(doc, report, ctx) {
    checkLabelFormat(doc.instructions, ctx, 'email', (pair) => report({ range: pair.range, messageId: 'format', data: { label: pair.key } }));
  },
});
