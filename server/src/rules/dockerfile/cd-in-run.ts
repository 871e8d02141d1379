import { defineRule } from '../../analysis/rule';
import { commandName } from '../../analysis/shell';

/** WORKDIR states the working directory once for every later instruction; `cd` in RUN hides it inside one shell. */
export const cdInRun = defineRule({
  id: 'cd-in-run',
  kind: 'dockerfile',
  title: 'Use WORKDIR instead of cd in RUN',
  severity: 'warning',
  aliases: ['DL3003', 'DS-0013'],
  messages: { cd: '`cd` in RUN only lasts for this RUN and hides where commands run; use WORKDIR to switch directories.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const command of doc.shell(run).commands) {
        if (commandName(command) === 'cd') report({ range: command.words[command.nameIndex].range, messageId: 'cd' });
      }
    }
  },
});
