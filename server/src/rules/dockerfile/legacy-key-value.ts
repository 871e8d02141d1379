import type { PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { defineRule } from '../../analysis/rule';
import { insertAt, replace } from '../../analysis/text';
import type { Fix, Range } from '../../analysis/types';

/** `ENV key value` and `LABEL key value` are a legacy form that takes the whole rest of the line as one value; `key=value` says what it means. */
export const legacyKeyValue = defineRule({
  id: 'legacy-key-value',
  kind: 'dockerfile',
  title: 'Legacy "key value" form in ENV or LABEL',
  severity: 'warning',
  aliases: ['LegacyKeyValueFormat'],
  messages: { legacy: '"{keyword} {name} value" is the legacy form; write "{keyword} {name}=value".' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const instruction of [...doc.instructionsOf('ENV'), ...doc.instructionsOf('LABEL')]) {
      for (const property of (instruction as PropertyInstruction).getProperties()) {
        const valueRange = property.getValueRange();
        if (property.getAssignmentOperator() !== null || !valueRange) continue;
        const nameRange = property.getNameRange();
        report({ range: nameRange, messageId: 'legacy', data: { keyword: instruction.getKeyword(), name: property.getName() },
          fixes: keyValueFix(doc, nameRange, valueRange) });
      }
    }
  },
});

/** `=` in place of the gap, and double quotes around a value that has spaces (legacy values keep them). */
function keyValueFix(doc: DockerfileDoc, nameRange: Range, valueRange: Range): Fix[] {
  const raw = doc.textOf(valueRange);
  const escape = doc.ast.getEscapeCharacter();
  // A legacy name is read up to the first blank; with quotes or escapes in it, key=value reads another name (or none).
  const name = doc.textOf(nameRange);
  if (/["'\s]/.test(name) || name.includes(escape)) return [];
  const joined = raw.replace(new RegExp(`\\${escape}[ \\t]*\\r?\\n`, 'g'), '');
  const needsQuotes = hasUnquotedSpace(joined, escape);
  const quotingIsExact = !/["'\r\n]/.test(joined) && !joined.includes(escape);
  if (needsQuotes && !quotingIsExact) return [];
  const edits = [replace({ start: nameRange.end, end: valueRange.start }, '=')];
  if (needsQuotes) edits.push(insertAt(valueRange.start, '"'), insertAt(valueRange.end, '"'));
  return [{ title: 'Use the key=value form', edits, safe: true, preferred: true }];
}

function hasUnquotedSpace(text: string, escape: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escape && quote !== "'") i++;
    else if (quote) { if (ch === quote) quote = null; }
    else if (ch === '"' || ch === "'") quote = ch;
    else if (/\s/.test(ch)) return true;
  }
  return false;
}
