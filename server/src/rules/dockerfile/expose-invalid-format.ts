import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';
import { logicalArguments, logicalRange, splitWords } from '../../analysis/instruction-text';
import { parseExposedPort } from '../../analysis/expose-ports';

/** EXPOSE documents container ports only: an IP address or a host port (`8080:80`) there is ignored by the builder. */
export const exposeInvalidFormat = defineRule({
  id: 'expose-invalid-format',
  kind: 'dockerfile',
  title: 'EXPOSE names an IP address or host port',
  severity: 'warning',
  aliases: ['ExposeInvalidFormat'],
  messages: { mapping: 'EXPOSE {value} names an IP address or host port, which EXPOSE ignores; expose only the container port "{port}" and publish it with `docker run -p`.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const expose of doc.instructionsOf('EXPOSE')) {
      const args = logicalArguments(doc, expose);
      for (const word of splitWords(args.text, doc.ast.getEscapeCharacter())) {
        const value = word.unquoted;
        if (!value.includes(':') || value.includes('$')) continue;
        const range = logicalRange(doc, args, word.start, word.end);
        // The builder keeps only what follows the last colon, so exposing that port alone changes nothing.
        const port = value.slice(value.lastIndexOf(':') + 1);
        // Only a valid port spec: `5000/x` or `70000` would trade this warning for a syntax error.
        const fixes = /^\d+(-\d+)?(\/\w+)?$/.test(port) && parseExposedPort(port).problem === null ? [{ title: `Expose only ${port}`, edits: [replace(range, port)], safe: true, preferred: true }] : [];
        report({ range, messageId: 'mapping', data: { value, port }, fixes });
      }
    }
  },
});
