import type { Onbuild, Shell } from 'dockerfile-ast';
import { defineRule } from '../../analysis/rule';
import { heredocsOf } from '../../analysis/instruction-text';
import { parentStage } from '../../analysis/stage-base';
import type { DockerfileDoc, Stage } from '../../analysis/dockerfile-doc';
import { commandName, type ShellCommand } from '../../analysis/shell';
import { comparePositions, insertAt } from '../../analysis/text';
import type { Fix, Position, Range } from '../../analysis/types';

/** How the shell that runs RUN treats a failing pipe: plain sh (no pipefail), able but not set, set, or not a POSIX shell. */
type ShellMode = 'sh' | 'capable' | 'pipefail' | 'other';
const PIPEFAIL_SHELLS = /^(bash|zsh|ksh|mksh|ash)$/;
const BASH_SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

/** `a | b` succeeds when `a` fails unless pipefail is set: a failed download piped into tar or sh goes unnoticed. */
export const pipefailMissing = defineRule({
  id: 'pipefail-missing',
  kind: 'dockerfile',
  title: 'Set pipefail before RUN with a pipe',
  severity: 'warning',
  aliases: ['DL4006'],
  messages: { pipe: 'This pipe hides a failure of every command but the last; set SHELL ["/bin/bash", "-o", "pipefail", "-c"] before the RUN, or start the script with set -o pipefail.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    const finalModes = new Map<Stage, ShellMode>();
    let mode: ShellMode = 'sh';
    for (const instruction of doc.instructions) {
      const keyword = instruction.getKeyword();
      const stage = doc.stageOf(instruction);
      if (keyword === 'FROM' && stage) mode = modeAtStart(doc, stage, finalModes);
      if (keyword === 'SHELL') mode = shellMode((instruction as Shell).getJSONStrings().map((arg) => arg.getJSONValue()));
      if (stage) finalModes.set(stage, mode);
      const run = keyword === 'RUN' ? instruction : keyword === 'ONBUILD' ? (instruction as Onbuild).getTriggerInstruction() : null;
      if (run?.getKeyword() !== 'RUN') continue;
      const script = doc.shell(run);
      const pipeAt = script.commands.findIndex((command) => command.operator === '|' || command.operator === '|&');
      if (pipeAt === -1 || script.commands.slice(0, pipeAt).some(setsPipefail)) continue;
      // A heredoc script with a shebang runs under its own interpreter, whatever SHELL says.
      const body = script.form === 'heredoc' ? heredocsOf(run)[0]?.getContentRange()?.start : undefined;
      const shebang = body ? /^#!\s*(?:\S*\/)?([^/\s]+)(?:\s+(\S+))?/.exec(doc.lines.lineText(body.line)) : null;
      const interpreter = shebang && (shebang[1] === 'env' ? shebang[2] ?? '' : shebang[1]);
      if (interpreter ? !PIPEFAIL_SHELLS.test(interpreter) : mode === 'pipefail' || mode === 'other') continue;
      const eol = doc.lines.eol;
      const prefix: Fix = body
        ? { title: 'Add "set -o pipefail" as the first line of the script', edits: [insertAt({ line: body.line + (shebang ? 1 : 0), character: 0 }, `set -o pipefail${eol}`)], safe: false }
        : { title: 'Prefix the script with "set -o pipefail &&" (needs bash or another shell with pipefail; /bin/sh on Debian is dash)', edits: [insertAt(run.getArgumentsRange()?.start ?? run.getRange().end, 'set -o pipefail && ')], safe: false };
      const line = instruction.getRange().start.line;
      const indent = /^\s*/.exec(doc.lines.lineText(line))?.[0] ?? '';
      const shellFix: Fix = { title: `Insert ${BASH_SHELL} before this RUN (needs bash in the image)`, edits: [insertAt({ line, character: 0 }, `${indent}${BASH_SHELL}${eol}`)], safe: false };
      // A pipe on the `RUN <<EOF ... |` line itself is outside the script (and an unclosed heredoc has
      // no script to speak of): only SHELL reaches it.
      const closed = heredocsOf(run)[0]?.getDelimiterRange() != null;
      const pipeInBody = !body || (closed && comparePositions(script.commands[pipeAt].range.end, body) > 0);
      const fixes = !pipeInBody ? [shellFix] : interpreter ? [prefix] : mode === 'capable' ? [prefix, shellFix] : [shellFix, prefix];
      fixes[0].preferred = true;
      report({ range: pipeRange(doc, script.commands[pipeAt].range.end, script.commands[pipeAt + 1]?.range.start), messageId: 'pipe', fixes });
    }
  },
});

function modeAtStart(doc: DockerfileDoc, stage: Stage, finalModes: Map<Stage, ShellMode>): ShellMode {
  const parent = parentStage(doc, stage);
  if (parent) return finalModes.get(parent) ?? 'sh';
  return /mcr\.microsoft\.com\/windows\/|(^|\/)(nanoserver|servercore)\b/i.test(stage.from.getImageName() ?? '') ? 'other' : 'sh';
}

function shellMode(args: string[]): ShellMode {
  const program = (args[0] ?? '').replace(/^.*[/\\]/, '').toLowerCase();
  if (/^(pwsh|powershell|cmd)/.test(program)) return 'other';
  if (!PIPEFAIL_SHELLS.test(program)) return 'sh';
  return args.some((arg, i) => arg === 'pipefail' && /^-[A-Za-z]*o$/.test(args[i - 1] ?? '')) ? 'pipefail' : 'capable';
}

function setsPipefail(command: ShellCommand): boolean {
  const words = command.words.map((word) => word.value);
  return commandName(command) === 'set' && words.some((word, i) => word === 'pipefail' && /^-[A-Za-z]*o$/.test(words[i - 1] ?? ''));
}

/** The `|` between two commands of a pipeline. */
function pipeRange(doc: DockerfileDoc, after: Position, before: Position | undefined): Range {
  const from = doc.lines.offsetAt(after);
  const bar = doc.text.indexOf('|', from);
  const limit = before ? doc.lines.offsetAt(before) : doc.text.length;
  return bar !== -1 && bar < limit ? doc.lines.rangeOf(bar, doc.text.startsWith('|&', bar) ? bar + 2 : bar + 1) : doc.lines.rangeOf(from, from);
}
