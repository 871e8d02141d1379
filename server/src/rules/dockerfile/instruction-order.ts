import { defineRule } from '../../analysis/rule';

/** Only ARG (and comments or parser directives) may precede the first FROM; Docker rejects anything else there. */
export const instructionOrder = defineRule({
  id: 'instruction-order',
  kind: 'dockerfile',
  title: 'Instruction before the first FROM',
  severity: 'error',
  aliases: ['DL3061'],
  messages: { beforeFrom: '{keyword} comes before the first FROM; a Dockerfile must begin with FROM, ARG or a comment, so move it after FROM.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    // Without any FROM, dockerfile-syntax already reports the missing base image.
    if (doc.stages.length === 0) return;
    for (const instruction of doc.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'FROM') return;
      if (keyword !== 'ARG') report({ range: instruction.getInstructionRange(), messageId: 'beforeFrom', data: { keyword } });
    }
  },
});
