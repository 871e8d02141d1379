import { checkLabelFormat } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

/** Labels the schema types as semver (version) are compared and sorted by tools that expect semantic versions. */
export const labelNotSemver = defineRule({
  id: 'label-not-semver',
  kind: 'dockerfile',
  title: 'Schema label is not a semantic version',
  severity: 'warning',
  aliases: ['DL3056'],
  messages: { format: 'Label "{label}" is not a semantic version; use a value such as "1.4.2" or "2.0.0-rc.1".' },
  fixable: false,
  scope: 'stage',
  check(doc, report, ctx) {
    checkLabelFormat(doc.instructions, ctx, 'semver', (pair) => report({ range: pair.range, messageId: 'format', data: { label: pair.key } }));
  },
});
