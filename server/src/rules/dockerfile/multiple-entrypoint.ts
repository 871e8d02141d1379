import { defineRule } from '../../analysis/rule';
import { overriddenInstructions } from '../../analysis/stage-references';

/** Only the last ENTRYPOINT of a stage takes effect (a container has one entrypoint); earlier ones are dead code that misleads readers. */
export const multipleEntrypoint = defineRule({
  id: 'multiple-entrypoint',
  kind: 'dockerfile',
  title: 'More than one ENTRYPOINT in a stage',
  severity: 'warning',
  aliases: ['DL4004', 'DS-0007', 'MultipleInstructionsDisallowed'],
  messages: { overridden: 'This ENTRYPOINT is overridden by the ENTRYPOINT on line {line} of the same stage, so it has no effect; remove it.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const { instruction, lastLine } of overriddenInstructions(doc, 'ENTRYPOINT')) {
      report({ range: instruction.getInstructionRange(), messageId: 'overridden', data: { line: lastLine } });
    }
  },
});
