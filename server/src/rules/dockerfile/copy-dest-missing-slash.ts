import { copyArguments, logicalRange } from '../../analysis/instruction-text';
import { defineRule } from '../../analysis/rule';
import { insertAt } from '../../analysis/text';

/** With several sources the destination must be a folder written with a trailing slash, or the build fails. */
export const copyDestMissingSlash = defineRule({
  id: 'copy-dest-missing-slash',
  kind: 'dockerfile',
  title: 'COPY/ADD with several sources needs a destination ending in /',
  severity: 'error',
  aliases: ['DL3021', 'DS-0011'],
  messages: { missingSlash: '{keyword} copies {count} sources, so the destination "{destination}" must be a folder ending with "/"; write "{destination}/".' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const instruction of [...doc.instructionsOf('COPY'), ...doc.instructionsOf('ADD')]) {
      const { logical, paths } = copyArguments(doc, instruction);
      const destination = paths[paths.length - 1];
      const sources = paths.slice(0, -1);
      if (sources.length < 2 || sources.some((source) => source.raw.startsWith('<<'))) continue;
      const value = destination.unquoted;
      if (/[/\\]$/.test(value) || /\$(\w+|\{[^}]*\})$/.test(value)) continue;
      const quoted = destination.raw !== destination.unquoted;
      const range = logicalRange(doc, logical, destination.start, destination.end);
      const slashAt = logicalRange(doc, logical, destination.start, destination.end - (quoted ? 1 : 0)).end;
      report({ range, messageId: 'missingSlash', data: { keyword: instruction.getKeyword(), count: sources.length, destination: value },
        fixes: logical.endIsAmbiguous ? [] : [{ title: `Write "${value}/"`, edits: [insertAt(slashAt, '/')], safe: true, preferred: true }] });
    }
  },
});
