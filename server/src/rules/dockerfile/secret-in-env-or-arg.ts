import type { Instruction, Property, PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { hasFileVariant } from '../../analysis/images';
import { defineRule, type ReportDescriptor } from '../../analysis/rule';
import { isSecretName, secretValueKind } from '../../analysis/secrets';
import { remove } from '../../analysis/text';
import type { Fix, TextEdit } from '../../analysis/types';

/** ENV values and ARG defaults are stored in the image config and history, readable by anyone who pulls it. */
export const secretInEnvOrArg = defineRule({
  id: 'secret-in-env-or-arg',
  kind: 'dockerfile',
  title: 'Secret in ENV or ARG',
  severity: 'error',
  aliases: ['DL3064', 'SecretsUsedInArgOrEnv', 'DS-0031'],
  messages: {
    envValue: 'ENV {name} hard-codes a secret into the image, where anyone who pulls it can read it; remove it and pass the value at run time (docker run -e {name}, or Compose environment or secrets).',
    envValueFile: 'ENV {name} hard-codes a secret into the image, where anyone who pulls it can read it; remove it and pass it at run time, preferably as a secret file named by {name}_FILE.',
    argValue: 'ARG {name} has a secret default, and build arguments are recorded in the image history; remove it and pass the secret with RUN --mount=type=secret,id={id}.',
    secretValue: '{keyword} {name} holds what looks like {kind}; remove it from the Dockerfile and pass it at run time or with RUN --mount=type=secret.',
    envName: 'ENV {name} looks like a secret, and ENV values stay in the image; set it at run time instead (docker run -e {name}, or Compose environment).',
    argName: 'Build argument {name} looks like a secret, and build-argument values are recorded in the image history; pass it with RUN --mount=type=secret,id={id} instead.',
  },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const instruction of [...doc.instructionsOf('ENV'), ...doc.instructionsOf('ARG')]) {
      const keyword = instruction.getKeyword();
      const properties = (instruction as PropertyInstruction).getProperties();
      const findings: { property: Property; descriptor: ReportDescriptor }[] = [];
      for (const property of properties) {
        const name = property.getName();
        const value = property.getValue();
        const kind = value ? secretValueKind(value) : null;
        if (!kind && !isSecretName(name)) continue;
        const hardCoded = !!value && !value.includes('$');
        const id = name.toLowerCase();
        const messageId = kind ? 'secretValue' : !hardCoded ? (keyword === 'ENV' ? 'envName' : 'argName')
          : keyword === 'ARG' ? 'argValue' : hasFileVariant(name) ? 'envValueFile' : 'envValue';
        const descriptor: ReportDescriptor = { range: property.getNameRange(), messageId, data: { name, id, keyword, kind: kind ?? '' } };
        if (!kind && !hardCoded) descriptor.severity = 'warning';
        findings.push({ property, descriptor });
      }
      const removable = findings.filter((finding) => finding.descriptor.severity === undefined);
      // Mixing `key=value` with words without `=`: removing some pairs can leave `ENV NAME value`, which reads
      // as the legacy form (dockerfile-ast reads ARG so too), making a new variable of the words left.
      const mixedForms = properties.length > removable.length && properties.some((property) => property.getAssignmentOperator() === null);
      if (removable.length > 0 && !mixedForms) removable[0].descriptor.fixes = [removalFix(doc, instruction, properties, removable.map((finding) => finding.property))];
      for (const finding of findings) report(finding.descriptor);
    }
  },
});

/** One fix per instruction, so that applying every finding's fix never leaves an empty ENV/ARG. */
function removalFix(doc: DockerfileDoc, instruction: Instruction, properties: Property[], removed: Property[]): Fix {
  const names = removed.map((property) => property.getName());
  const keyword = instruction.getKeyword();
  const hint = keyword === 'ARG' ? `pass it with RUN --mount=type=secret,id=${names[0].toLowerCase()}`
    : `pass it at run time with docker run -e ${names[0]}${hasFileVariant(names[0]) ? ` or ${names[0]}_FILE` : ''}`;
  const title = names.length === 1 ? `Remove the hard-coded ${names[0]}; ${hint}` : `Remove the hard-coded ${names.join(', ')} from this ${keyword}`;
  return { title, edits: removalEdits(doc, instruction, properties, removed), safe: false, preferred: true };
}

function removalEdits(doc: DockerfileDoc, instruction: Instruction, properties: Property[], removed: Property[]): TextEdit[] {
  if (removed.length === properties.length) return [remove(doc.fullLinesRange(instruction))];
  const firstKept = properties.findIndex((property) => !removed.includes(property));
  const edits: TextEdit[] = [];
  if (firstKept > 0) edits.push(remove({ start: properties[0].getRange().start, end: properties[firstKept].getRange().start }));
  properties.forEach((property, i) => {
    if (i > firstKept && removed.includes(property)) edits.push(remove({ start: properties[i - 1].getRange().end, end: property.getRange().end }));
  });
  return edits;
}
