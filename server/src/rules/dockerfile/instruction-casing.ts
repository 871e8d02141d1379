import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';

/** Instructions should share one casing (the file's majority, upper case on a tie); mixed-case keywords like `From` are always off. */
export const instructionCasing = defineRule({
  id: 'instruction-casing',
  kind: 'dockerfile',
  title: 'Instruction casing is inconsistent',
  severity: 'info',
  aliases: ['ConsistentInstructionCasing'],
  messages: { inconsistent: 'Instruction "{written}" should be {casing} like the majority of instructions in this file: "{expected}".' },
  fixable: true,
  check(doc, report) {
    let lower = 0;
    let upper = 0;
    for (const instruction of doc.instructions) {
      const written = instruction.getInstruction();
      if (written === written.toLowerCase()) lower++;
      else if (written === written.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    for (const instruction of doc.instructions) {
      const written = instruction.getInstruction();
      const expected = majorityLower ? written.toLowerCase() : written.toUpperCase();
      if (written === expected) continue;
      const range = instruction.getInstructionRange();
      report({ range, messageId: 'inconsistent', data: { written, expected, casing: majorityLower ? 'lower case' : 'upper case' },
        fixes: [{ title: `Write "${expected}"`, edits: [replace(range, expected)], safe: true, preferred: true }] });
    }
  },
});
