import { defineRule } from '../../analysis/rule';
import { remove } from '../../analysis/text';

/** An empty line inside a line continuation is silently skipped today and will be an error in a future Docker release. */
export const noEmptyContinuation = defineRule({
  id: 'no-empty-continuation',
  kind: 'dockerfile',
  title: 'Empty line inside a line continuation',
  severity: 'warning',
  aliases: ['NoEmptyContinuation'],
  messages: { empty: 'An empty line above continues this instruction; delete it, since empty continuation lines will become an error in Docker.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    const escape = doc.ast.getEscapeCharacter();
    for (const instruction of doc.instructions) {
      const { start, end } = instruction.getRange();
      if (/<<-?\s*["']?[A-Za-z0-9_]/.test(doc.lines.lineText(start.line))) continue; // heredoc bodies hold data, not continuations
      let continuing = false;
      let blankFrom: number | null = null;
      for (let line = start.line; line <= end.line; line++) {
        const text = doc.lines.lineText(line).trim();
        if (continuing && text === '') blankFrom ??= line;
        else if (continuing && text.startsWith('#')) continue;
        else {
          if (blankFrom !== null) {
            const deletion = { start: { line: blankFrom, character: 0 }, end: { line, character: 0 } };
            const indent = doc.lines.lineText(line).length - doc.lines.lineText(line).trimStart().length;
            report({ range: { start: { line, character: indent }, end: { line, character: indent + text.length } }, messageId: 'empty',
              fixes: [{ title: 'Delete the empty continuation line', edits: [remove(deletion)], safe: true, preferred: true }] });
            blankFrom = null;
          }
          continuing = text.endsWith(escape);
        }
      }
    }
  },
});
