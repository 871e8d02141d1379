import type { Instruction } from 'dockerfile-ast';
import type { Summarize } from '../../analysis/dockerfile-segment';
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
    const casings = doc.summaries(casingOf);
    let lower = 0;
    let upper = 0;
    for (const casing of casings) {
      lower += casing.lower;
      upper += casing.upper;
    }
    const majorityLower = lower > upper;
    for (const casing of casings) {
      for (const instruction of majorityLower ? casing.notLower : casing.notUpper) {
        const written = instruction.getInstruction();
        const expected = majorityLower ? written.toLowerCase() : written.toUpperCase();
        const range = instruction.getInstructionRange();
        report({ range, messageId: 'inconsistent', data: { written, expected, casing: majorityLower ? 'lower case' : 'upper case' },
          fixes: [{ title: `Write "${expected}"`, edits: [replace(range, expected)], safe: true, preferred: true }] });
      }
    }
  },
});

/** A segment's keywords, each read once: how many are in lower and upper case, and those that are not (reported against the majority). */
interface Casings {
  lower: number;
  upper: number;
  notLower: Instruction[];
  notUpper: Instruction[];
}

/** Kept per segment: the rule runs on every instruction at every edit, and an instruction's casing is its own. */
const casingOf: Summarize<Casings> = (segment) => {
  const casings: Casings = { lower: 0, upper: 0, notLower: [], notUpper: [] };
  for (const instruction of segment.instructions) {
    const found = caseOf(instruction.getInstruction());
    if (found & LOWER) casings.lower++;
    else if (found & UPPER) casings.upper++;
    if (!(found & LOWER)) casings.notLower.push(instruction);
    if (!(found & UPPER)) casings.notUpper.push(instruction);
  }
  return casings;
};

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
