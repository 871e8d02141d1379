import type { Instruction } from 'dockerfile-ast';
import { heredocsOf } from '../../analysis/instruction-text';
import { defineRule } from '../../analysis/rule';

const WITH_HEREDOCS = new Set(['RUN', 'COPY', 'ADD']);
const INLINE_IGNORE = /^#\s*(hadolint|container-hygiene)\s+ignore\s*=/i;

/** Opt-in policy: inline ignore comments hide findings one by one; keep exceptions in the configuration instead. */
export const inlineIgnorePragma = defineRule({
  id: 'inline-ignore-pragma',
  kind: 'dockerfile',
  title: 'Inline ignore pragma used',
  severity: 'off',
  aliases: ['DL1001'],
  messages: { inline: 'Inline "# {tool} ignore=" comment silences findings; remove it and fix the finding, or list the rule in the configuration.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    const heredocLines = heredocBodyLines(doc.instructions);
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const text = doc.lines.lineText(line);
      const indent = text.length - text.trimStart().length;
      const match = INLINE_IGNORE.exec(text.trim());
      if (!match || heredocLines.has(line)) continue;
      const end = text.trimEnd().length;
      report({ range: { start: { line, character: indent }, end: { line, character: end } }, messageId: 'inline', data: { tool: match[1].toLowerCase() } });
    }
  },
});

/** Lines of heredoc bodies: a `#` line there is script text, not a comment. */
function heredocBodyLines(instructions: readonly Instruction[]): Set<number> {
  const lines = new Set<number>();
  for (const instruction of instructions) {
    const heredocs = WITH_HEREDOCS.has(instruction.getKeyword()) ? heredocsOf(instruction) : [];
    for (const heredoc of heredocs) {
      const body = heredoc.getContentRange();
      if (body) for (let line = body.start.line; line <= body.end.line; line++) lines.add(line);
    }
  }
  return lines;
}
