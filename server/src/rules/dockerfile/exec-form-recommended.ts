import type { From, Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { jsonArray, logicalArguments, logicalRange, splitWords } from '../../analysis/instruction-text';
import { defineRule } from '../../analysis/rule';
import { instructionsByStage } from '../../analysis/stage-references';
import { replace } from '../../analysis/text';
import type { Fix, Range } from '../../analysis/types';

/** Shell-form CMD/ENTRYPOINT run under `/bin/sh -c`, which does not pass stop signals on, so the program cannot shut down cleanly. */
export const execFormRecommended = defineRule({
  id: 'exec-form-recommended',
  kind: 'dockerfile',
  title: 'Use exec form (JSON array) for CMD, ENTRYPOINT and HEALTHCHECK CMD',
  severity: 'warning',
  aliases: ['DL3025', 'JSONArgsRecommended'],
  messages: {
    shellForm: '{keyword} in shell form runs under /bin/sh -c, which does not forward stop signals to the program; write it as a JSON array.',
    healthcheck: 'HEALTHCHECK CMD in shell form needs /bin/sh in the image; write it as a JSON array.',
  },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    const customShellStages = new Set<string>();
    for (const group of instructionsByStage(doc)) {
      const from = group[0].getKeyword() === 'FROM' ? (group[0] as From) : null;
      let customShell = customShellStages.has(from?.getImage()?.toLowerCase() ?? '');
      for (const instruction of group) {
        const keyword = instruction.getKeyword();
        if (keyword === 'SHELL') customShell = true;
        if (customShell || !['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(keyword)) continue;
        const command = commandText(doc, instruction);
        if (!command || jsonArray(command.text) !== null) continue;
        report({ range: command.range, messageId: keyword === 'HEALTHCHECK' ? 'healthcheck' : 'shellForm', data: { keyword },
          fixes: command.fixable && doc.ast.getEscapeCharacter() === '\\' && !command.text.startsWith('[') ? execFormFixes(keyword, command.text, command.range) : [] });
      }
      const name = from?.getBuildStage()?.toLowerCase();
      if (customShell && name) customShellStages.add(name);
    }
  },
});

/** The command of CMD/ENTRYPOINT, or what follows `HEALTHCHECK [flags] CMD`. */
function commandText(doc: DockerfileDoc, instruction: Instruction): { text: string; range: Range; fixable: boolean } | null {
  const args = logicalArguments(doc, instruction);
  let start = 0;
  if (instruction.getKeyword() === 'HEALTHCHECK') {
    const cmd = splitWords(args.text, doc.ast.getEscapeCharacter()).find((word) => !word.raw.startsWith('--'));
    if (!cmd || cmd.raw.toUpperCase() !== 'CMD') return null;
    start = cmd.end + (args.text.slice(cmd.end).length - args.text.slice(cmd.end).trimStart().length);
  }
  const text = args.text.slice(start);
  return text ? { text, range: logicalRange(doc, args, start, args.text.length), fixable: !args.endIsAmbiguous } : null;
}

/** Characters that make the shell do more than split words: keep those commands under an explicit `/bin/sh -c`. */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]{}~#!]/;

function execFormFixes(keyword: string, text: string, range: Range): Fix[] {
  const viaShell: Fix = { title: 'Run it explicitly as ["/bin/sh", "-c", ...]', edits: [replace(range, toJson(['/bin/sh', '-c', text]))], safe: true };
  const words = text.split(/[ \t]+/);
  if (SHELL_SYNTAX.test(text) || words[0].includes('=')) return [{ ...viaShell, preferred: true }];
  // An exec-form ENTRYPOINT starts receiving CMD and `docker run` arguments, which the shell form ignored.
  const direct: Fix = { title: `Write ${toJson(words)}`, edits: [replace(range, toJson(words))], safe: keyword !== 'ENTRYPOINT', preferred: true };
  return keyword === 'ENTRYPOINT' ? [direct, viaShell] : [direct];
}

function toJson(words: string[]): string {
  return `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}
