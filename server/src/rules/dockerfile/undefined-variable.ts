import type { Instruction, PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { closestName, COMMON_IMAGE_ENV, NON_ENV_ARGS, PLATFORM_ARGS, PROXY_ARGS, variableReferences, type VariableReference } from '../../analysis/build-variables';
import { logicalArguments, logicalRange } from '../../analysis/instruction-text';
import { defineRule } from '../../analysis/rule';
import type { Range } from '../../analysis/types';

/** Instructions whose arguments the builder expands; RUN, CMD and the like are left to the shell at run time. */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
/** `${NAME:-default}` and its kin handle an unset variable on purpose. */
const HANDLES_UNSET = new Set(['-', ':-', '+', ':+', '?', ':?']);

type Located = { reference: VariableReference; range: Range };

/** A variable no ARG or ENV defined earlier in the stage expands to an empty string, silently: usually a typo or a missing ARG. */
export const undefinedVariable = defineRule({
  id: 'undefined-variable',
  kind: 'dockerfile',
  title: 'Variable used before it is defined',
  severity: 'warning',
  aliases: ['UndefinedVar'],
  messages: {
    undefined: 'Variable "{name}" is not defined by ARG or ENV earlier in this stage, so it expands to an empty string; define it before this line{hint}.',
    undefinedOrBase: 'Variable "{name}" is not defined by ARG or ENV earlier in this stage and is empty unless base image "{image}" sets it; define it before this line{hint}.',
    predefined: '"{name}" is a predefined build argument, but a stage sees it only after "ARG {name}"; add that line to the stage before this one.',
  },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    const definedByStage = new Map<string, Set<string>>();
    for (const stage of doc.stages) {
      const image = stage.from.getImage() ?? '';
      const parent = definedByStage.get(image.toLowerCase());
      const external = !parent && image.toLowerCase() !== 'scratch';
      const defined = new Set(parent ?? ['PATH']);
      const checkAll = (found: Located[], sameInstruction: string[] = []): void => {
        for (const { reference: { name, modifier }, range } of found) {
          if ((modifier && HANDLES_UNSET.has(modifier)) || defined.has(name) || NON_ENV_ARGS.has(name) || sameInstruction.includes(name)) continue;
          if (external && COMMON_IMAGE_ENV.has(name)) continue;
          const suggestion = closestName(name, external ? [...defined, ...COMMON_IMAGE_ENV] : defined);
          const messageId = PLATFORM_ARGS.has(name) || PROXY_ARGS.has(name) ? 'predefined' : external ? 'undefinedOrBase' : 'undefined';
          report({ range, messageId, data: { name, image, hint: suggestion ? ` or correct the spelling ("${suggestion}")` : '' } });
        }
      };
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if (keyword === 'ARG') {
          // Each default is expanded before its own name is declared, after the names before it.
          for (const property of properties(instruction)) {
            const valueRange = property.getValueRange();
            if (valueRange) checkAll(referencesIn(doc, valueRange));
            defined.add(property.getName());
          }
        } else if (EXPANDED.has(keyword)) {
          const args = logicalArguments(doc, instruction);
          const found = variableReferences(args.text, doc.ast.getEscapeCharacter()).map((reference) => ({ reference, range: logicalRange(doc, args, reference.start, reference.end) }));
          // Names set by this same ENV are env-self-reference's concern.
          const sameInstruction = keyword === 'ENV' ? properties(instruction).map((property) => property.getName()) : [];
          checkAll(found, sameInstruction);
          for (const name of sameInstruction) defined.add(name);
        }
      }
      if (stage.name) definedByStage.set(stage.name, defined);
    }
  },
});

function properties(instruction: Instruction) {
  return (instruction as PropertyInstruction).getProperties();
}

function referencesIn(doc: DockerfileDoc, range: Range): Located[] {
  const start = doc.lines.offsetAt(range.start);
  return variableReferences(doc.textOf(range), doc.ast.getEscapeCharacter(), start).map((reference) => ({ reference, range: doc.lines.rangeOf(reference.start, reference.end) }));
}
