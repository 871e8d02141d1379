import { defineRule } from '../../analysis/rule';
import { reportRpmMissingYes } from '../../analysis/rpm-checks';

/** A build has no one to answer dnf's "Is this ok [y/N]" prompt: without -y the step aborts. */
export const dnfMissingYes = defineRule({
  id: 'dnf-missing-yes',
  kind: 'dockerfile',
  title: 'dnf or microdnf without -y',
  severity: 'warning',
  aliases: ['DL3038'],
  messages: { yes: '`{call}` asks for confirmation, which aborts a non-interactive build; add -y.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    reportRpmMissingYes(doc, report, 'dnf');
  },
});
