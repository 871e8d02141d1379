import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';
import { logicalArguments, logicalRange, splitWords } from '../../analysis/instruction-text';

/** Protocols in EXPOSE are written in lower case (`80/tcp`); other casings only work by accident of a case-insensitive parser. */
export const exposeProtoCasing = defineRule({
  id: 'expose-proto-casing',
  kind: 'dockerfile',
  title: 'EXPOSE protocol not in lower case',
  severity: 'info',
  aliases: ['ExposeProtoCasing'],
  messages: { casing: 'Protocol "{proto}" in EXPOSE {port} should be lower case: "{lower}".' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const expose of doc.instructionsOf('EXPOSE')) {
      const args = logicalArguments(doc, expose);
      for (const word of splitWords(args.text, doc.ast.getEscapeCharacter())) {
        const slash = word.raw.lastIndexOf('/');
        const proto = word.raw.slice(slash + 1).replace(/["']$/, '');
        if (slash < 0 || word.raw.includes('$') || !/^[A-Za-z]+$/.test(proto) || proto === proto.toLowerCase()) continue;
        const range = logicalRange(doc, args, word.start + slash + 1, word.start + slash + 1 + proto.length);
        report({ range, messageId: 'casing', data: { proto, port: word.unquoted, lower: proto.toLowerCase() },
          fixes: [{ title: `Write "${proto.toLowerCase()}"`, edits: [replace(range, proto.toLowerCase())], safe: true, preferred: true }] });
      }
    }
  },
});
