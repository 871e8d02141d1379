import { APT_SYNTAX, callRange, findInvocations, hasOption, insertArgumentAfter, isAptTool, optionValues, type ToolInvocation } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

/** Recommended packages are extras the image rarely needs: they make it bigger and widen its attack surface. */
export const aptGetRecommends = defineRule({
  id: 'apt-get-recommends',
  kind: 'dockerfile',
  title: 'apt-get install without --no-install-recommends',
  severity: 'info',
  aliases: ['DL3015', 'DS-0029'],
  messages: { recommends: '"{call}" also installs recommended packages the image likely does not need; add --no-install-recommends.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, isAptTool, APT_SYNTAX)) {
        if (call.subcommand?.value !== 'install' || skipsRecommends(call)) continue;
        report({
          range: callRange(call),
          messageId: 'recommends',
          data: { call: `${call.tool} install` },
          // Unsafe: a package may work only thanks to something it merely recommends.
          fixes: [{ title: 'Add --no-install-recommends', edits: [insertArgumentAfter(doc.shell(run), call.subcommand, '--no-install-recommends')], safe: false, preferred: true }],
        });
      }
    }
  },
});

function skipsRecommends(call: ToolInvocation): boolean {
  return hasOption(call, 'no-install-recommends')
    || optionValues(call, 'install-recommends').some((value) => /^(false|no|0)$/i.test(value))
    || optionValues(call, 'o', 'option').some((setting) => /^APT::Install-Recommends=("?)(false|no|0)\1$/i.test(setting));
}
