import { defineRule } from '../../analysis/rule';
import { overriddenInstructions } from '../../analysis/stage-references';

/** Only the last CMD of a stage takes effect (a container runs one default command); earlier ones are dead code that misleads readers. */
export const multipleCmd = defineRule({
  id: 'multiple-cmd',
  kind: 'dockerfile',
  title: 'More than one CMD in a stage',
  severity: 'warning',
  aliases: ['DL4003', 'DS-0016', 'MultipleInstructionsDisallowed'],
  messages: { overridden: 'This CMD is overridden by the CMD on line {line} of the same stage, so it has no effect; remove it.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const { instruction, lastLine } of overriddenInstructions(doc, 'CMD')) {
      report({ range: instruction.getInstructionRange(), messageId: 'overridden', data: { line: lastLine } });
    }
  },
});
