import { defineRule } from '../../analysis/rule';
import { commandName } from '../../analysis/shell';

/** RUN already runs as root (or as USER); sudo adds a setuid binary, a TTY/password prompt and unpredictable environment handling. */
export const sudoInRun = defineRule({
  id: 'sudo-in-run',
  kind: 'dockerfile',
  title: 'Do not use sudo in RUN',
  severity: 'error',
  aliases: ['DL3004', 'DS-0010'],
  messages: { sudo: 'sudo in RUN behaves unpredictably (prompts, environment reset); run the step as root with USER root, or use gosu/su-exec in the entrypoint.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const command of doc.shell(run).commands) {
        if (/(^|\/)sudo$/.test(commandName(command))) report({ range: command.words[command.nameIndex].range, messageId: 'sudo' });
      }
    }
  },
});
