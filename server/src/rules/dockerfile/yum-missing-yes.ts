import { defineRule } from '../../analysis/rule';
import { reportRpmMissingYes } from '../../analysis/rpm-checks';

/** A build has no one to answer yum's "Is this ok [y/N]" prompt: without -y the step aborts. */
export const yumMissingYes = defineRule({
  id: 'yum-missing-yes',
  kind: 'dockerfile',
  title: 'yum without -y',
  severity: 'warning',
  aliases: ['DL3030'],
  messages: { yes: '`{call}` asks for confirmation, which aborts a non-interactive build; add -y.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    reportRpmMissingYes(doc, report, 'yum');
  },
});
