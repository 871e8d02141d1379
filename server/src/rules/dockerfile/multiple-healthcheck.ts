import { defineRule } from '../../analysis/rule';
import { overriddenInstructions } from '../../analysis/stage-references';

/** Only the last HEALTHCHECK of a stage takes effect (an image keeps one health check); earlier ones are dead code that misleads readers. */
export const multipleHealthcheck = defineRule({
  id: 'multiple-healthcheck',
  kind: 'dockerfile',
  title: 'More than one HEALTHCHECK in a stage',
  severity: 'warning',
  aliases: ['DL3012', 'DS-0023', 'MultipleInstructionsDisallowed'],
  messages: { overridden: 'This HEALTHCHECK is overridden by the HEALTHCHECK on line {line} of the same stage, so it has no effect; remove it.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const { instruction, lastLine } of overriddenInstructions(doc, 'HEALTHCHECK')) {
      report({ range: instruction.getInstructionRange(), messageId: 'overridden', data: { line: lastLine } });
    }
  },
});
