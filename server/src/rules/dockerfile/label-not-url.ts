import { checkLabelFormat } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

/** Labels the schema types as url (homepage, source) are followed by tools and people; a bare word leads nowhere. */
export const labelNotUrl = defineRule({
  id: 'label-not-url',
  kind: 'dockerfile',
  title: 'Schema label is not a URL',
  severity: 'warning',
  aliases: ['DL3052'],
  messages: { format: 'Label "{label}" is not a valid absolute URL; use a full URL such as "https://example.com/project".' },
  fixable: false,
  scope: 'stage',
  check(doc, report, ctx) {
    checkLabelFormat(doc.instructions, ctx, 'url', (pair) => report({ range: pair.range, messageId: 'format', data: { label: pair.key } }));
  },
});
