import { defineRule } from '../../analysis/rule';
import { resolveProgram } from '../../analysis/package-commands';

const UNSUITABLE = new Set(['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

/** Interactive tools and service/process control do nothing useful in a build step: no TTY, no init, nothing running. */
export const runUnsuitableCommand = defineRule({
  id: 'run-unsuitable-command',
  kind: 'dockerfile',
  title: 'Command makes no sense in a RUN',
  severity: 'info',
  aliases: ['DL3001'],
  messages: { unsuitable: '`{command}` makes no sense in a build step (no TTY, no init, nothing running); start services in the entrypoint or remove it.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const command of doc.shell(run).commands) {
        const program = resolveProgram(command);
        if (program && UNSUITABLE.has(program.tool)) report({ range: command.words[program.programIndex].range, messageId: 'unsuitable', data: { command: program.tool } });
      }
    }
  },
});
