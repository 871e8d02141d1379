import type { Env, From, PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { defineRule } from '../../analysis/rule';
import type { Range } from '../../analysis/types';

/** ENV expands values with the environment from before the instruction, so a name it defines itself is still unset there. */
export const envSelfReference = defineRule({
  id: 'env-self-reference',
  kind: 'dockerfile',
  title: 'ENV refers to a variable it defines itself',
  severity: 'error',
  aliases: ['DL3044'],
  messages: { sameEnv: 'This refers to {name}, which the same ENV defines, so it expands to the value from before the ENV; set {name} in an earlier ENV.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    const definedByStage = new Map<string, Set<string>>();
    let defined = new Set<string>();
    for (const instruction of doc.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'FROM') {
        const from = instruction as From;
        defined = new Set(definedByStage.get(from.getImage()?.toLowerCase() ?? '') ?? []);
        const name = from.getBuildStage()?.toLowerCase();
        if (name) definedByStage.set(name, defined);
      } else if (keyword === 'ENV') {
        const properties = (instruction as Env).getProperties();
        const names = properties.map((property) => property.getName());
        properties.forEach((property, index) => {
          const valueRange = property.getValueRange();
          if (!valueRange) return;
          for (const reference of variableReferences(doc, valueRange)) {
            if (defined.has(reference.name)) continue;
            // `PATH=/a:$PATH` is a deliberate self-reference; a name set by another pair of this ENV is a trap.
            const definedEarlierInEnv = names.slice(0, index).includes(reference.name);
            const definedLaterInEnv = names.slice(index + 1).includes(reference.name) && names[index] !== reference.name;
            if (definedEarlierInEnv || definedLaterInEnv) report({ range: reference.range, messageId: 'sameEnv', data: { name: reference.name } });
          }
        });
      }
      if (keyword === 'ENV' || keyword === 'ARG') for (const property of (instruction as PropertyInstruction).getProperties()) defined.add(property.getName());
    }
  },
});

/** `$NAME` and `${NAME...}` in a raw ENV value, skipping escaped dollars and single-quoted text (neither expands). */
function variableReferences(doc: DockerfileDoc, range: Range): { name: string; range: Range }[] {
  const start = doc.lines.offsetAt(range.start);
  const raw = doc.text.slice(start, doc.lines.offsetAt(range.end));
  const escape = doc.ast.getEscapeCharacter();
  const found: { name: string; range: Range }[] = [];
  let singleQuoted = false;
  let doubleQuoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === escape && !singleQuoted) i++;
    else if (ch === "'" && !doubleQuoted) singleQuoted = !singleQuoted;
    else if (ch === '"' && !singleQuoted) doubleQuoted = !doubleQuoted;
    else if (ch === '$' && !singleQuoted) {
      const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(raw.slice(i));
      if (!match) continue;
      found.push({ name: match[1] ?? match[2], range: doc.lines.rangeOf(start + i, start + i + match[0].length) });
      i += (match[1] ?? match[2]).length; // nested ${A:-${B}} is scanned further
    }
  }
  return found;
}
