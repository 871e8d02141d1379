import { APT_SYNTAX, callRange, findInvocations, isAptTool } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

/** Upgrading inside the image hides what the base image really is; dist-upgrade can even move to a new release. */
export const aptDistUpgrade = defineRule({
  id: 'apt-dist-upgrade',
  kind: 'dockerfile',
  title: 'apt-get dist-upgrade or upgrade in a RUN',
  severity: 'info',
  aliases: ['DS-0024'],
  messages: {
    distUpgrade: '"{call}" may pull in or remove packages and change the distribution under the image; use a newer base image instead.',
    upgrade: '"{call}" makes the image differ from its base tag in ways the tag does not show; prefer a newer base image (or pin the packages you need).',
  },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, isAptTool, APT_SYNTAX)) {
        const subcommand = call.subcommand?.value;
        if (subcommand !== 'dist-upgrade' && subcommand !== 'full-upgrade' && subcommand !== 'upgrade') continue;
        report({ range: callRange(call), messageId: subcommand === 'upgrade' ? 'upgrade' : 'distUpgrade', data: { call: `${call.tool} ${subcommand}` } });
      }
    }
  },
});
