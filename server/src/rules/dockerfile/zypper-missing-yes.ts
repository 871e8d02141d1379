import { defineRule } from '../../analysis/rule';
import { insertArgumentAfter } from '../../analysis/package-commands';
import { asksForConfirmation, findRpmCalls, hasAssumeYes } from '../../analysis/rpm-commands';

/** zypper stops at prompts a build cannot answer; the global -n (--non-interactive) takes the default answers. */
export const zypperMissingYes = defineRule({
  id: 'zypper-missing-yes',
  kind: 'dockerfile',
  title: 'zypper without -n',
  severity: 'warning',
  aliases: ['DL3034'],
  messages: { yes: '`{call}` asks for confirmation, which aborts a non-interactive build; add -n (--non-interactive) after zypper.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      const script = doc.shell(run);
      for (const call of findRpmCalls(doc, run, 'zypper')) {
        if (!asksForConfirmation(call) || hasAssumeYes(call)) continue;
        report({
          range: call.range,
          messageId: 'yes',
          data: { call: `zypper ${call.action}` },
          fixes: [{ title: 'Add -n (--non-interactive)', edits: [insertArgumentAfter(script, call.invocation.program, '-n')], safe: true, preferred: true }],
        });
      }
    }
  },
});
