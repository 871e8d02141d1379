import { labelPairs, labelSchema } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

/** A schema label set to "" satisfies the presence check but carries no information. */
export const labelEmpty = defineRule({
  id: 'label-empty',
  kind: 'dockerfile',
  title: 'Schema label is empty',
  severity: 'warning',
  aliases: ['DL3051'],
  messages: { empty: 'Label "{label}" is empty; give it a value or remove it.' },
  fixable: false,
  scope: 'stage',
  check(doc, report, ctx) {
    const schema = labelSchema(ctx.settings);
    for (const pair of labelPairs(doc.instructions)) {
      if (schema.has(pair.key) && !pair.value?.trim()) report({ range: pair.range, messageId: 'empty', data: { label: pair.key } });
    }
  },
});
