import { defineRule } from '../../analysis/rule';
import { findInvocations } from '../../analysis/package-commands';

const LN_SYNTAX = { valueOptions: ['S', 'suffix', 't', 'target-directory'] };
const SYSTEM_SHELLS = new Set(['/bin/sh', '/usr/bin/sh']);

/** Relinking /bin/sh swaps the shell of every later RUN behind the reader's back; SHELL says it openly. */
export const shellViaRun = defineRule({
  id: 'shell-via-run',
  kind: 'dockerfile',
  title: 'Use SHELL to change the default shell',
  severity: 'warning',
  aliases: ['DL4005'],
  messages: { relink: 'Linking over {path} silently changes the shell of every later RUN; use SHELL ["/bin/bash", "-c"] instead.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const ln of findInvocations(doc, run, (tool) => tool === 'ln', LN_SYNTAX)) {
        // ln [options] target... link: the last operand is the link that gets replaced.
        const operands = ln.subcommand ? [ln.subcommand, ...ln.operands] : [];
        const link = operands.length >= 2 ? operands[operands.length - 1] : undefined;
        if (link && SYSTEM_SHELLS.has(link.value.replace(/\/+$/, ''))) report({ range: link.range, messageId: 'relink', data: { path: link.value } });
      }
    }
  },
});
