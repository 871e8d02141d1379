import { defineRule } from '../../analysis/rule';
import { appendCommand } from '../../analysis/package-commands';
import { callWithoutClean } from '../../analysis/rpm-commands';

/** zypper keeps repository metadata and packages in /var/cache/zypp; left there, they bloat the layer. */
export const zypperCleanMissing = defineRule({
  id: 'zypper-clean-missing',
  kind: 'dockerfile',
  title: 'zypper clean missing after zypper install',
  severity: 'warning',
  aliases: ['DL3036', 'DS-0020'],
  messages: { clean: '`{call}` leaves its cache in the layer; end the same RUN with zypper clean --all (or use a cache mount).' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      const call = callWithoutClean(doc, run, 'zypper');
      if (!call) continue;
      // Plain `zypper clean` only empties the package cache; --all also drops the repository metadata.
      const edit = appendCommand(doc, run, 'zypper clean --all', false);
      report({
        range: call.range,
        messageId: 'clean',
        data: { call: `zypper ${call.action}` },
        fixes: edit ? [{ title: 'Append && zypper clean --all', edits: [edit], safe: true, preferred: true }] : [],
      });
    }
  },
});
