import { defineRule } from '../../analysis/rule';
import { appendCommand } from '../../analysis/package-commands';
import { callWithoutClean } from '../../analysis/rpm-commands';

/** yum keeps repository metadata and packages in /var/cache/yum; left there, they bloat the layer by tens of megabytes. */
export const yumCleanMissing = defineRule({
  id: 'yum-clean-missing',
  kind: 'dockerfile',
  title: 'yum clean all missing after yum install',
  severity: 'warning',
  aliases: ['DL3032', 'DS-0015'],
  messages: { clean: '`{call}` leaves its cache in the layer; end the same RUN with yum clean all (or use a cache mount).' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      const call = callWithoutClean(doc, run, 'yum');
      if (!call) continue;
      const edit = appendCommand(doc, run, 'yum clean all', false);
      report({
        range: call.range,
        messageId: 'clean',
        data: { call: `yum ${call.action}` },
        fixes: edit ? [{ title: 'Append && yum clean all', edits: [edit], safe: true, preferred: true }] : [],
      });
    }
  },
});
