import { APT_SYNTAX, callRange, findInvocations, hasOption, insertArgumentAfter, isAptTool, optionCount, optionValues, type ToolInvocation } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

/** Subcommands that stop at "Do you want to continue? [Y/n]"; a build has nobody to answer and aborts. */
const PROMPTING = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'reinstall']);

/** apt-get asks for confirmation and a build cannot answer: without -y the RUN fails (or waits) whenever apt wants to ask. */
export const aptGetMissingYes = defineRule({
  id: 'apt-get-missing-yes',
  kind: 'dockerfile',
  title: 'apt-get install without -y',
  severity: 'warning',
  aliases: ['DL3014', 'DS-0021'],
  messages: { missingYes: '"{call}" may stop to ask for confirmation, which fails the build; add -y.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, isAptTool, APT_SYNTAX)) {
        if (!call.subcommand || !PROMPTING.has(call.subcommand.value) || assumesYes(call)) continue;
        report({
          range: callRange(call),
          messageId: 'missingYes',
          data: { call: `${call.tool} ${call.subcommand.value}` },
          fixes: [{ title: 'Add -y', edits: [insertArgumentAfter(doc.shell(run), call.subcommand, '-y')], safe: true, preferred: true }],
        });
      }
    }
  },
});

/** -y, --yes, --assume-yes, or -qq / -q=2 (which imply -y), or the same through `-o APT::Get::Assume-Yes=true`. */
function assumesYes(call: ToolInvocation): boolean {
  return hasOption(call, 'y', 'yes', 'assume-yes')
    || optionCount(call, 'q', 'quiet') >= 2
    || optionValues(call, 'q', 'quiet').some((level) => Number(level) >= 2)
    || optionValues(call, 'o', 'option').some((setting) => /^APT::Get::Assume-Yes=(true|yes|1)$/i.test(setting));
}
