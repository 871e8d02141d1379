import { checkLabelFormat } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

/** Labels the schema types as spdx (licenses) are read by compliance scanners, which only understand SPDX identifiers. */
export const labelNotSpdx = defineRule({
  id: 'label-not-spdx',
  kind: 'dockerfile',
  title: 'Schema label is not an SPDX license expression',
  severity: 'warning',
  aliases: ['DL3054'],
  messages: { format: 'Label "{label}" is not an SPDX license expression; use an identifier such as "MIT" or "Apache-2.0 OR MIT".' },
  fixable: false,
  scope: 'stage',
  check(doc, report, ctx) {
    checkLabelFormat(doc.instructions, ctx, 'spdx', (pair) => report({ range: pair.range, messageId: 'format', data: { label: pair.key } }));
  },
});
