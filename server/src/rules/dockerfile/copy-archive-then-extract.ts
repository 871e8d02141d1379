import type { Copy, Instruction, Onbuild } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { copyArguments, logicalRange } from '../../analysis/instruction-text';
import { defineRule } from '../../analysis/rule';
import { commandArgs, commandName, type ShellCommand } from '../../analysis/shell';
import { instructionsByStage } from '../../analysis/stage-references';
import type { Range } from '../../analysis/types';
import { isArchive } from './add-instead-of-copy';

/** COPY of an archive then `tar -x` in RUN keeps the archive in a layer; ADD unpacks local archives in one step. */
export const copyArchiveThenExtract = defineRule({
  id: 'copy-archive-then-extract',
  kind: 'dockerfile',
  title: 'Archive copied and then extracted',
  severity: 'info',
  aliases: ['DL3010'],
  messages: { useAdd: 'The archive "{archive}" is copied here and extracted by RUN on line {line}, which keeps the archive in a layer; ADD it to a folder to unpack it in one step.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const group of instructionsByStage(doc)) {
      const archives: { name: string; range: Range }[] = [];
      const reported = new Set<Range>();
      for (const instruction of group) {
        if (instruction.getKeyword() === 'COPY' && !(instruction as Copy).getFromFlag()) archives.push(...copiedArchives(doc, instruction));
        const run = instruction.getKeyword() === 'ONBUILD' ? (instruction as Onbuild).getTriggerInstruction() : instruction;
        if (run?.getKeyword() !== 'RUN') continue;
        const extracted = new Set(doc.shell(run).commands.filter(isExtractCommand).flatMap((command) => commandArgs(command).filter((word) => !word.value.startsWith('-')).map((word) => basename(word.value))));
        for (const archive of archives) {
          if (!extracted.has(archive.name) || reported.has(archive.range)) continue;
          reported.add(archive.range);
          report({ range: archive.range, messageId: 'useAdd', data: { archive: archive.name, line: run.getRange().start.line + 1 } });
        }
      }
    }
  },
});

/** The archive a COPY brings in: the destination when it names an archive, else the archive sources. */
function copiedArchives(doc: DockerfileDoc, copy: Instruction): { name: string; range: Range }[] {
  const { logical, paths } = copyArguments(doc, copy);
  const destination = paths[paths.length - 1];
  if (!destination || paths.length < 2) return [];
  const words = isArchive(destination.unquoted) ? [destination] : paths.slice(0, -1).filter((path) => isArchive(path.unquoted));
  return words.map((word) => ({ name: basename(word.unquoted), range: logicalRange(doc, logical, word.start, word.end) }));
}

function isExtractCommand(command: ShellCommand): boolean {
  const name = commandName(command);
  if (['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat'].includes(name)) return true;
  if (name !== 'tar') return false;
  const args = commandArgs(command).map((word) => word.value);
  return args.some((arg) => arg === '--extract' || arg === '--get' || /^-[^-]*x/.test(arg)) || /^[A-Za-z]*x[A-Za-z]*$/.test(args[0] ?? '');
}

function basename(path: string): string {
  return path.replace(/^["']|["']$/g, '').split(/[/\\]/).pop() ?? path;
}
