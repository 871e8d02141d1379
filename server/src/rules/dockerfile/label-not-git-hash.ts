import { checkLabelFormat } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

/** Labels the schema types as hash (revision) should point at one exact commit of the source. */
export const labelNotGitHash = defineRule({
  id: 'label-not-git-hash',
  kind: 'dockerfile',
  title: 'Schema label is not a git commit hash',
  severity: 'warning',
  aliases: ['DL3055'],
  messages: { format: 'Label "{label}" is not a git commit hash; use the hexadecimal hash from "git rev-parse HEAD" (7 to 40 characters, or 64 for SHA-256).' },
  fixable: false,
  scope: 'stage',
  check(doc, report, ctx) {
    checkLabelFormat(doc.instructions, ctx, 'hash', (pair) => report({ range: pair.range, messageId: 'format', data: { label: pair.key } }));
  },
});
