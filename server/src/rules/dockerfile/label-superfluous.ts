import { labelPairs, labelSchema } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

/** With strict labels, only the schema's labels are allowed, so typos and stray keys cannot slip in. */
export const labelSuperfluous = defineRule({
  id: 'label-superfluous',
  kind: 'dockerfile',
  title: 'Label not in the label schema',
  severity: 'info',
  aliases: ['DL3050'],
  messages: { superfluous: 'Label "{label}" is not in the label schema and strict labels are on; remove it or add it to the schema.' },
  fixable: false,
  scope: 'stage',
  check(doc, report, ctx) {
    const schema = labelSchema(ctx.settings);
    if (!ctx.settings.strictLabels || schema.size === 0) return;
    for (const pair of labelPairs(doc.instructions)) {
      if (!schema.has(pair.key)) report({ range: pair.keyRange, messageId: 'superfluous', data: { label: pair.key } });
    }
  },
});
