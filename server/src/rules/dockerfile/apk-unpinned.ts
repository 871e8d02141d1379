import { APK_SYNTAX, findInvocations, isDynamic } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

/** Without a version constraint, each rebuild installs whatever the Alpine mirror has that day. */
export const apkUnpinned = defineRule({
  id: 'apk-unpinned',
  kind: 'dockerfile',
  title: 'apk add without a pinned version',
  severity: 'warning',
  aliases: ['DL3018'],
  messages: { unpinned: 'Package "{package}" is not pinned, so rebuilds may install another version; use "{package}=<version>" (or "~<version>").' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, (tool) => tool === 'apk', APK_SYNTAX)) {
        if (call.subcommand?.value !== 'add') continue;
        for (const word of call.operands) {
          if (isPinned(word.value) || isDynamic(word)) continue;
          report({ range: word.range, messageId: 'unpinned', data: { package: word.value } });
        }
      }
    }
  },
});

/** `pkg=1.2-r0`, `pkg~1.2`, `pkg>=1.2`, `pkg<2`, or a local `.apk` file. */
function isPinned(argument: string): boolean {
  return /[=~<>]/.test(argument) || argument.endsWith('.apk');
}
