import type { Instruction } from 'dockerfile-ast';
import type { DockerfileDoc, Stage } from './dockerfile-doc';
import { addUserCommand, builtInUser, distroFamily, isScratch } from './images';
import { endsWithDanglingEscape, heredocsOf } from './instruction-text';
import { commandArgs, commandName } from './shell';
import type { StageBase } from './stage-base';
import { insertAt } from './text';
import type { Position, TextEdit } from './types';

/** A USER instruction and the user it names (`app`, `1000:1000`, `$APP_USER`). */
export interface UserInstruction {
  instruction: Instruction;
  user: string;
}

/** The non-root user a fix switches to, and the command creating it when the image lacks it. */
export interface UserChoice {
  user: string;
  create: string | null;
  /** For the fix title. */
  title: string;
}

/** root by name or UID 0, with or without a group (`root`, `0`, `root:root`, `0:0`). */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0];
  return name === 'root' || name === '0';
}

/** The USER instructions of a stage chain in build order (ancestors first). */
export function userInstructions(base: StageBase): UserInstruction[] {
  return [...base.chain].reverse().flatMap((stage) => stage.instructions
    .filter((instruction) => instruction.getKeyword() === 'USER')
    .map((instruction) => ({ instruction, user: instruction.getArguments()[0]?.getValue() ?? '' })));
}

/** The user a stage finally runs as: its last USER or, failing that, its ancestors' (null: never set). */
export function effectiveUser(base: StageBase): UserInstruction | null {
  const users = userInstructions(base);
  return users[users.length - 1] ?? null;
}

/**
 * Picks the non-root user for a fix: a non-root USER used before `rootUser`, a user the stages
 * create with useradd/adduser, the image's own non-root user, else a new `app` user or a bare UID.
 */
export function chooseNonRootUser(doc: DockerfileDoc, base: StageBase, rootUser?: Instruction): UserChoice {
  const users = userInstructions(base);
  const before = rootUser ? users.slice(0, users.findIndex((entry) => entry.instruction === rootUser)) : [];
  const previous = before.reverse().find((entry) => !isRootUser(entry.user) && entry.user !== '');
  if (previous) return { user: previous.user, create: null, title: `Switch back to "${previous.user}"` };
  const created = createdUser(doc, base.chain);
  if (created) return { user: created, create: null, title: `Switch to the user "${created}" created in this image` };
  const image = base.image;
  const shipped = image && builtInUser(image);
  if (shipped) return { user: shipped.name, create: null, title: `Run as the image's "${shipped.name}" user` };
  if (image && isScratch(image)) return { user: '65532:65532', create: null, title: 'Run as UID 65532 (scratch has no user database)' };
  const create = image ? addUserCommand(distroFamily(image), 'app') : null;
  if (create) return { user: 'app', create, title: 'Create a system user "app" and switch to it' };
  return { user: '10001:10001', create: null, title: 'Run as UID 10001 (no user entry is created)' };
}

/** The last user name a RUN in the chain creates with useradd or adduser. */
function createdUser(doc: DockerfileDoc, chain: Stage[]): string | null {
  let found: string | null = null;
  for (const stage of [...chain].reverse()) {
    for (const run of stage.instructions.filter((instruction) => instruction.getKeyword() === 'RUN')) {
      for (const command of doc.shell(run).commands) {
        if (!['useradd', 'adduser'].includes(commandName(command))) continue;
        const name = commandArgs(command).map((word) => word.value).filter((word) => !word.startsWith('-')).pop();
        if (name && /^[a-z_][a-z0-9_-]*\$?$/i.test(name)) found = name;
      }
    }
  }
  return found;
}

/**
 * Edits that add `USER <user>` (after `RUN <create>` when needed) where the final stage stops
 * needing root: before the first CMD/ENTRYPOINT after its last RUN, else at the end of the file.
 * Comments directly above that instruction (suppressions included) stay attached to it.
 */
export function insertUserEdits(doc: DockerfileDoc, stage: Stage, choice: UserChoice): TextEdit[] | undefined {
  const lastRun = stage.instructions.map((instruction) => instruction.getKeyword()).lastIndexOf('RUN');
  const target = stage.instructions.slice(lastRun + 1).find((instruction) => ['CMD', 'ENTRYPOINT'].includes(instruction.getKeyword()));
  const eol = doc.lines.eol;
  if (target) {
    const line = firstLineOfBlock(doc, target.getRange().start.line);
    const indent = /^\s*/.exec(doc.lines.lineText(target.getRange().start.line))?.[0] ?? '';
    const text = instructionLines(choice, casing(target), indent).map((entry) => entry + eol).join('');
    return [insertAt({ line, character: 0 }, text)];
  }
  // Lines added after an instruction still open at the end of the file would become part of it.
  if (endsInsideInstruction(doc)) return undefined;
  const end: Position = doc.lines.positionAt(doc.text.length);
  const lines = instructionLines(choice, casing(stage.from), '');
  const endsWithBreak = /[\r\n]$/.test(doc.text);
  return [insertAt(end, endsWithBreak ? lines.map((entry) => entry + eol).join('') : lines.map((entry) => eol + entry).join(''))];
}

/** Edits that replace the user of a root USER in place (with the create command on the line before). */
export function replaceUserEdits(doc: DockerfileDoc, userInstruction: Instruction, choice: UserChoice): TextEdit[] {
  const arg = userInstruction.getArguments()[0];
  const edits: TextEdit[] = [{ range: arg.getRange(), newText: choice.user }];
  if (choice.create) {
    const line = userInstruction.getRange().start.line;
    const indent = /^\s*/.exec(doc.lines.lineText(line))?.[0] ?? '';
    edits.push(insertAt({ line: firstLineOfBlock(doc, line), character: 0 }, `${indent}${keyword('RUN', casing(userInstruction))} ${choice.create}${doc.lines.eol}`));
  }
  return edits;
}

/**
 * Whether the last instruction runs to the end of the file: a line continuation on its last line, or
 * a heredoc that is never closed. (dockerfile-ast then ends its range at the end of the text.)
 */
function endsInsideInstruction(doc: DockerfileDoc): boolean {
  const last = doc.instructions[doc.instructions.length - 1];
  if (!last) return false;
  if (heredocsOf(last).some((heredoc) => heredoc.getDelimiterRange() === null)) return true;
  // Its last line of code (the builder skips blank and comment lines inside a continuation) ends in the escape character.
  const code = doc.text.slice(doc.lines.offsetAt(last.getRange().start)).split(/\r\n|\r|\n/).map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  return endsWithDanglingEscape(code[code.length - 1] ?? '', doc.ast.getEscapeCharacter());
}

/** Whether a RUN follows the instruction in its stage (so root may still be needed there). */
export function runFollows(stage: Stage, instruction: Instruction): boolean {
  const index = stage.instructions.indexOf(instruction);
  return index >= 0 && stage.instructions.slice(index + 1).some((next) => next.getKeyword() === 'RUN');
}

function instructionLines(choice: UserChoice, lower: boolean, indent: string): string[] {
  const lines = choice.create ? [`${indent}${keyword('RUN', lower)} ${choice.create}`] : [];
  return [...lines, `${indent}${keyword('USER', lower)} ${choice.user}`];
}

function casing(instruction: Instruction): boolean {
  const written = instruction.getInstruction();
  return written === written.toLowerCase();
}

function keyword(name: string, lower: boolean): string {
  return lower ? name.toLowerCase() : name;
}

/** The first line of the comment block directly above a line (the line itself when none). */
function firstLineOfBlock(doc: DockerfileDoc, line: number): number {
  let first = line;
  while (first > 0 && /^\s*#/.test(doc.lines.lineText(first - 1))) first--;
  return first;
}
