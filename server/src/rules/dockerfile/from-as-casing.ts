import type { From } from 'dockerfile-ast';
import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';

/** `FROM x as y` mixes cases within one instruction; the AS keyword should follow the case of FROM. */
export const fromAsCasing = defineRule({
  id: 'from-as-casing',
  kind: 'dockerfile',
  title: 'AS keyword casing does not match FROM',
  severity: 'info',
  aliases: ['FromAsCasing'],
  messages: { mismatch: '"{as}" does not match the casing of "{from}"; write "{expected}".' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const stage of doc.stages) {
      const from: From = stage.from;
      const keyword = from.getInstruction();
      const as = from.getArguments()[1];
      if (!as || from.getArguments().length < 3) continue;
      const isLower = keyword === keyword.toLowerCase();
      if (!isLower && keyword !== keyword.toUpperCase()) continue; // mixed-case FROM: instruction-casing reports it
      const expected = isLower ? as.getValue().toLowerCase() : as.getValue().toUpperCase();
      if (as.getValue() === expected) continue;
      report({ range: as.getRange(), messageId: 'mismatch', data: { as: as.getValue(), from: keyword, expected },
        fixes: [{ title: `Write "${expected}"`, edits: [replace(as.getRange(), expected)], safe: true, preferred: true }] });
    }
  },
});
