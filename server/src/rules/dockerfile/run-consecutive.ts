import type { Instruction, Onbuild, Run } from 'dockerfile-ast';
import type { DockerfileDoc, Stage } from '../../analysis/dockerfile-doc';
import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';
import type { Fix } from '../../analysis/types';

interface RunStep { instruction: Instruction; run: Run; onbuild: boolean; flags: string; commands: number }

/** Each RUN adds a layer; single commands in a row with the same flags can usually share one. */
export const runConsecutive = defineRule({
  id: 'run-consecutive',
  kind: 'dockerfile',
  title: 'Consecutive RUN instructions',
  severity: 'info',
  aliases: ['DL3059'],
  messages: { consecutive: 'This RUN directly follows another RUN with the same flags; consider merging them into one RUN with "&&" to save a layer.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    let previous: RunStep | null = null;
    for (const instruction of doc.instructions) {
      const trigger = instruction.getKeyword() === 'ONBUILD' ? (instruction as Onbuild).getTriggerInstruction() : null;
      const run = (instruction.getKeyword() === 'RUN' ? instruction : trigger?.getKeyword() === 'RUN' ? trigger : null) as Run | null;
      if (!run) {
        previous = null;
        continue;
      }
      const current: RunStep = { instruction, run, onbuild: trigger !== null, flags: flagsOf(run), commands: doc.shell(run).commands.length };
      // Chained commands (`a && b`) mark a deliberate split, as in hadolint.
      if (previous && previous.onbuild === current.onbuild && previous.flags === current.flags && previous.commands <= 1 && current.commands <= 1) {
        const fix = mergeFix(doc, previous, current);
        report({ range: run.getInstructionRange(), messageId: 'consecutive', fixes: fix ? [fix] : [] });
      }
      previous = current;
    }
  },
});

function flagsOf(run: Run): string {
  return run.getFlags().map((flag) => flag.toString()).sort().join(' ');
}

/** Joins the second command to the first with ` \ && `, keeping comment lines in between (Docker drops them). */
function mergeFix(doc: DockerfileDoc, first: RunStep, second: RunStep): Fix | undefined {
  const secondArgs = second.run.getArguments();
  if (doc.shell(first.run).form !== 'shell' || doc.shell(second.run).form !== 'shell' || secondArgs.length === 0) return undefined;
  if (usesCustomShell(doc, second.instruction)) return undefined;
  const firstEnd = first.instruction.getRange().end;
  const lastLine = doc.lines.lineText(firstEnd.line).slice(0, firstEnd.character);
  // A trailing shell comment or separator would swallow or break the appended command.
  if (lastLine.includes('#') || /[;&|]\s*$/.test(lastLine)) return undefined;
  const secondStart = second.instruction.getRange().start.line;
  const comments: string[] = [];
  for (let line = firstEnd.line + 1; line < secondStart; line++) {
    if (doc.lines.lineText(line).trim().startsWith('#')) comments.push(doc.lines.lineText(line) + doc.lines.eol);
  }
  const joint = ` ${doc.ast.getEscapeCharacter()}${doc.lines.eol}${comments.join('')}    && `;
  const range = { start: firstEnd, end: secondArgs[0].getRange().start };
  return { title: 'Merge into the previous RUN', edits: [replace(range, joint)], safe: false };
}

/** After SHELL the commands may not be POSIX shell, where `&&` is not guaranteed to mean the same. */
function usesCustomShell(doc: DockerfileDoc, instruction: Instruction): boolean {
  return firstShellLine(doc, doc.stageOf(instruction)) < instruction.getRange().start.line;
}

const firstShellLines = new WeakMap<DockerfileDoc, Map<Stage | undefined, number>>();

/** The line of a stage's first SHELL (Infinity: none), found once per stage: asked for every RUN in a row. */
function firstShellLine(doc: DockerfileDoc, stage: Stage | undefined): number {
  let lines = firstShellLines.get(doc);
  if (!lines) firstShellLines.set(doc, (lines = new Map()));
  let first = lines.get(stage);
  if (first === undefined) {
    first = (stage?.instructions ?? doc.instructions).find((other) => other.getKeyword() === 'SHELL')?.getRange().start.line ?? Infinity;
    lines.set(stage, first);
  }
  return first;
}
