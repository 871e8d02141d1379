import { APT_SYNTAX, findInvocations, isAptTool, isDynamic } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

/** Without `=version`, each rebuild installs whatever the mirror has that day: builds stop being reproducible. */
export const aptUnpinned = defineRule({
  id: 'apt-unpinned',
  kind: 'dockerfile',
  title: 'apt-get install without a pinned version',
  severity: 'warning',
  aliases: ['DL3008'],
  messages: { unpinned: 'Package "{package}" is not pinned, so rebuilds may install another version; use "{package}=<version>".' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, isAptTool, APT_SYNTAX)) {
        if (call.subcommand?.value !== 'install') continue;
        for (const word of call.operands) {
          if (isPinned(word.value) || isDynamic(word)) continue;
          report({ range: word.range, messageId: 'unpinned', data: { package: word.value } });
        }
      }
    }
  },
});

/** `pkg=1.2`, a release pin `pkg/bookworm-backports`, or a local `./file.deb`. */
function isPinned(argument: string): boolean {
  return argument.includes('=') || argument.includes('/') || argument.endsWith('.deb');
}
