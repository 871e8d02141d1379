import { closestName, globalArgs, PLATFORM_ARGS, variableReferences } from '../../analysis/build-variables';
import { logicalArguments, logicalRange } from '../../analysis/instruction-text';
import { defineRule } from '../../analysis/rule';

/** FROM sees only ARGs declared before the first FROM (and the platform ones); any other name expands to an empty string. */
export const undefinedArgInFrom = defineRule({
  id: 'undefined-arg-in-from',
  kind: 'dockerfile',
  title: 'FROM uses an undeclared build argument',
  severity: 'warning',
  aliases: ['UndefinedArgInFrom'],
  messages: { undeclared: 'FROM uses "{name}", which no ARG before the first FROM declares, so it expands to an empty string; declare it at the top of the file{hint}.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    const declared = new Set([...PLATFORM_ARGS.keys(), ...globalArgs(doc).map((arg) => arg.name)]);
    for (const stage of doc.stages) {
      const args = logicalArguments(doc, stage.from);
      for (const reference of variableReferences(args.text, doc.ast.getEscapeCharacter())) {
        if (declared.has(reference.name)) continue;
        const suggestion = closestName(reference.name, declared);
        report({ range: logicalRange(doc, args, reference.start, reference.end), messageId: 'undeclared',
          data: { name: reference.name, hint: suggestion ? ` or correct the spelling ("${suggestion}")` : '' } });
      }
    }
  },
});
