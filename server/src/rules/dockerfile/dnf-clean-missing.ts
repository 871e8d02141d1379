import { defineRule } from '../../analysis/rule';
import { appendCommand } from '../../analysis/package-commands';
import { callWithoutClean } from '../../analysis/rpm-commands';

/** dnf and microdnf keep repository metadata and packages in /var/cache; left there, they bloat the layer. */
export const dnfCleanMissing = defineRule({
  id: 'dnf-clean-missing',
  kind: 'dockerfile',
  title: 'dnf clean all missing after dnf install',
  severity: 'warning',
  aliases: ['DL3040', 'DS-0019'],
  messages: { clean: '`{call}` leaves its cache in the layer; end the same RUN with {tool} clean all (or use a cache mount).' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      const call = callWithoutClean(doc, run, 'dnf');
      if (!call) continue;
      const tool = call.invocation.tool;
      const edit = appendCommand(doc, run, `${tool} clean all`, false);
      report({
        range: call.range,
        messageId: 'clean',
        data: { call: `${tool} ${call.action}`, tool },
        fixes: edit ? [{ title: `Append && ${tool} clean all`, edits: [edit], safe: true, preferred: true }] : [],
      });
    }
  },
});
