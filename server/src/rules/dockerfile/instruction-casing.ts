import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';

const LOWER = 1;
const UPPER = 2;

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
    // Each keyword's casing is read once: the rule runs on every instruction at every edit.
    const cases = doc.instructions.map((instruction) => caseOf(instruction.getInstruction()));
    let lower = 0;
    let upper = 0;
    for (const found of cases) {
      if (found & LOWER) lower++;
      else if (found & UPPER) upper++;
    }
    const majorityLower = lower > upper;
    doc.instructions.forEach((instruction, index) => {
      if (cases[index] & (majorityLower ? LOWER : UPPER)) return;
      const written = instruction.getInstruction();
      const expected = majorityLower ? written.toLowerCase() : written.toUpperCase();
      const range = instruction.getInstructionRange();
      report({ range, messageId: 'inconsistent', data: { written, expected, casing: majorityLower ? 'lower case' : 'upper case' },
        fixes: [{ title: `Write "${expected}"`, edits: [replace(range, expected)], safe: true, preferred: true }] });
    });
  },
});

/** LOWER when the text equals its lower case, UPPER when it equals its upper case; ASCII is read without making either string. */
function caseOf(written: string): number {
  let hasUpper = false;
  let hasLower = false;
  for (let i = 0; i < written.length; i++) {
    const code = written.charCodeAt(i);
    if (code > 127) return (written === written.toLowerCase() ? LOWER : 0) | (written === written.toUpperCase() ? UPPER : 0);
    if (code >= 65 && code <= 90) hasUpper = true;
    else if (code >= 97 && code <= 122) hasLower = true;
  }
  return (hasUpper ? 0 : LOWER) | (hasLower ? 0 : UPPER);
}
