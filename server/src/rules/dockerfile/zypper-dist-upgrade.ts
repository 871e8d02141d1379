import { defineRule } from '../../analysis/rule';
import { findRpmCalls } from '../../analysis/rpm-commands';

/** dist-upgrade can move the image to another distribution release mid-build; upgrade by changing the base image tag. */
export const zypperDistUpgrade = defineRule({
  id: 'zypper-dist-upgrade',
  kind: 'dockerfile',
  title: 'Do not use zypper dist-upgrade',
  severity: 'warning',
  aliases: ['DL3035'],
  messages: { distUpgrade: '`zypper {action}` can switch the image to another release and makes builds unrepeatable; use a newer base image tag instead.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findRpmCalls(doc, run, 'zypper')) {
        if (call.action === 'dist-upgrade' || call.action === 'dup') report({ range: call.actionWords[0].range, messageId: 'distUpgrade', data: { action: call.action } });
      }
    }
  },
});
