import type { Instruction, Onbuild } from 'dockerfile-ast';
import { copyArguments } from '../../analysis/instruction-text';
import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';

/** ADD also fetches URLs and unpacks archives; for plain files COPY says exactly what happens and nothing more. */
export const addInsteadOfCopy = defineRule({
  id: 'add-instead-of-copy',
  kind: 'dockerfile',
  title: 'Use COPY instead of ADD for files and folders',
  severity: 'warning',
  aliases: ['DL3020', 'DS-0005'],
  messages: { useCopy: 'ADD of local files does nothing COPY cannot, but may also unpack or download; use COPY.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    const adds: Instruction[] = [];
    for (const instruction of doc.instructions) {
      if (instruction.getKeyword() === 'ADD') adds.push(instruction);
      const trigger = instruction.getKeyword() === 'ONBUILD' ? (instruction as Onbuild).getTriggerInstruction() : null;
      if (trigger?.getKeyword() === 'ADD') adds.push(trigger);
    }
    for (const add of adds) {
      const { flags, paths } = copyArguments(doc, add);
      const sources = paths.slice(0, -1);
      if (sources.length === 0 || sources.some((source) => isUrl(source.unquoted) || isArchive(source.unquoted))) continue;
      const keywordRange = add.getInstructionRange();
      const written = add.getInstruction();
      const copy = written === written.toLowerCase() ? 'copy' : written === 'ADD' ? 'COPY' : 'Copy';
      // A variable may hold a URL or an archive name, and some ADD flags have no COPY equivalent.
      const exact = !sources.some((source) => source.raw.includes('$')) && flags.every((flag) => /^--(chown|chmod|link|exclude|parents)(=|$)/.test(flag.raw));
      report({ range: keywordRange, messageId: 'useCopy',
        fixes: exact ? [{ title: `Replace ADD with ${copy}`, edits: [replace(keywordRange, copy)], safe: true, preferred: true }] : [] });
    }
  },
});

/** hadolint's archive suffixes: what ADD would unpack. */
const ARCHIVE_SUFFIXES = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];

export function isArchive(path: string): boolean {
  return ARCHIVE_SUFFIXES.some((suffix) => path.endsWith(suffix));
}

function isUrl(path: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(path) || /^git@/.test(path);
}
