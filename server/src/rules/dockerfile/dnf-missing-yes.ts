import { defineRule } from '../../analysis/rule';
import { insertArgumentAfter } from '../../analysis/package-commands';
import { asksForConfirmation, findRpmCalls, hasAssumeYes } from '../../analysis/rpm-commands';

/** A build has no one to answer dnf's "Is this ok [y/N]" prompt: without -y the step aborts. */
export const dnfMissingYes = defineRule({
  id: 'dnf-missing-yes',
  kind: 'dockerfile',
  title: 'dnf or microdnf without -y',
  severity: 'warning',
  aliases: ['DL3038'],
  messages: { yes: '`{call}` asks for confirmation, which aborts a non-interactive build; add -y.' },
  fixable: true,
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      const script = doc.shell(run);
      for (const call of findRpmCalls(doc, run, 'dnf')) {
        if (!asksForConfirmation(call) || hasAssumeYes(call)) continue;
        report({
          range: call.range,
          messageId: 'yes',
          data: { call: `${call.invocation.tool} ${call.action}` },
          fixes: [{ title: 'Add -y', edits: [insertArgumentAfter(script, call.actionWords[call.actionWords.length - 1], '-y')], safe: true, preferred: true }],
        });
      }
    }
  },
});
