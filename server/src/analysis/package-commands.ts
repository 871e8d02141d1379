import { endsWithDanglingEscape, endsWithEscapedBlank, heredocsOf } from './instruction-text';
import type { Instruction, Run } from 'dockerfile-ast';
import type { DockerfileDoc, Stage } from './dockerfile-doc';
import type { ShellCommand, ShellScript, ShellWord } from './shell';
import { insertAt } from './text';
import type { Range, TextEdit } from './types';

/** How a tool's command line reads, so that option values are not mistaken for packages. */
export interface ToolSyntax {
  /** Option names (no dashes) that take the next word as their value when none is attached. */
  valueOptions?: readonly string[];
  /** A single dash starts one whole name (`-tool`, Go style), not a cluster of letters (`-yq`). */
  singleDashNames?: boolean;
  /** A `true`/`false` word after a long option is that option's value (npm's nopt, lenient for gem). */
  booleanWords?: boolean;
  /** Words after `--` are passed through to something else and are not operands. */
  stopAtDoubleDash?: boolean;
}

export interface ParsedOption {
  word: ShellWord;
  /** Names without dashes: `-yq` gives ['y', 'q'], `--no-cache=1` gives ['no-cache']. */
  names: string[];
  /** The attached (`--opt=v`, `-q=2`, `-tbuster`) or separate value. */
  value?: string;
  valueWord?: ShellWord;
}

/** One run of a package manager inside a RUN: `[sudo|env ...] tool [options] subcommand [options] operands`. */
export interface ToolInvocation {
  command: ShellCommand;
  /** The program word after wrappers; for `python -m pip` the `python` word. */
  program: ShellWord;
  /** Basename of the program, or the module name for `python -m <module>`. */
  tool: string;
  /** First operand, usually the subcommand (`install`, `add`). */
  subcommand?: ShellWord;
  options: ParsedOption[];
  /** Operands after the subcommand, option values excluded. */
  operands: ShellWord[];
  /** `NAME=value` words that apply to this command (prefix assignments and `env` arguments). */
  assignments: ShellWord[];
  /** Index of this command in the RUN's command list. */
  index: number;
}

/** Programs that run the next command: their options, and those options that take a value. */
const WRAPPERS: Record<string, { valueOptions: string[]; notWrapperWith?: string[] }> = {
  sudo: { valueOptions: ['u', 'g', 'h', 'p', 'C', 'D', 'r', 't', 'U', 'T', 'user', 'group', 'host', 'prompt', 'close-from', 'chdir', 'role', 'type', 'other-user', 'command-timeout'] },
  env: { valueOptions: ['u', 'C', 'S', 'unset', 'chdir', 'split-string'] },
  nice: { valueOptions: ['n', 'adjustment'] },
  nohup: { valueOptions: [] },
  time: { valueOptions: ['f', 'o', 'format', 'output'] },
  command: { valueOptions: [], notWrapperWith: ['v', 'V'] },
  exec: { valueOptions: ['a'] },
  eatmydata: { valueOptions: [] },
  xargs: { valueOptions: ['a', 'd', 'E', 'I', 'L', 'n', 'P', 's', 'arg-file', 'delimiter', 'max-args', 'max-procs', 'max-chars', 'replace', 'max-lines'] },
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const PYTHON = /^python(\d+(\.\d+)*)?$/;

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Finds the runs of tools accepted by `matches` in a RUN, with their options and operands parsed. */
export function findInvocations(doc: DockerfileDoc, run: Instruction, matches: (tool: string) => boolean, syntax: ToolSyntax = {}): ToolInvocation[] {
  const invocations: ToolInvocation[] = [];
  doc.shell(run).commands.forEach((command, index) => {
    // The shared resolution: most commands are not the tool asked for, and need no copy.
    const resolved = sharedResolution(command);
    if (!resolved || !matches(resolved.tool)) return;
    const parsed = parseArguments(command.words.slice(resolved.argsFrom), syntax);
    invocations.push({ command, program: command.words[resolved.programIndex], tool: resolved.tool, assignments: resolved.assignments.slice(), index, ...parsed });
  });
  return invocations;
}

type ResolvedProgram = { programIndex: number; argsFrom: number; tool: string; assignments: ShellWord[] };

/** resolveProgram per command: every package rule asks about every command of every RUN. */
const resolvedPrograms = new WeakMap<ShellCommand, ResolvedProgram | null>();

/** Skips env assignments and wrappers (sudo, env, nice, xargs, ...) to the program that really runs. */
export function resolveProgram(command: ShellCommand): ResolvedProgram | undefined {
  const resolved = sharedResolution(command);
  return resolved ? { ...resolved, assignments: resolved.assignments.slice() } : undefined;
}

/** The cached resolution itself: callers must not modify it. */
function sharedResolution(command: ShellCommand): ResolvedProgram | null {
  let resolved = resolvedPrograms.get(command);
  if (resolved === undefined) {
    resolved = resolveProgramOnce(command) ?? null;
    resolvedPrograms.set(command, resolved);
  }
  return resolved;
}

function resolveProgramOnce(command: ShellCommand): ResolvedProgram | undefined {
  const words = command.words;
  const assignments = words.slice(0, command.nameIndex);
  let i = command.nameIndex;
  for (;;) {
    const word = words[i];
    if (!word) return undefined;
    const wrapper = WRAPPERS[basename(word.value)];
    if (!wrapper) break;
    i++;
    while (i < words.length && words[i].value.startsWith('-') && words[i].value !== '-') {
      if (words[i].value === '--') { i++; break; }
      const { option, next } = readOption(words, i, { valueOptions: wrapper.valueOptions });
      if (option.names.some((name) => wrapper.notWrapperWith?.includes(name))) return undefined;
      i = next;
    }
    while (i < words.length && ASSIGNMENT.test(words[i].value)) assignments.push(words[i++]);
  }
  const tool = basename(words[i].value);
  if (!PYTHON.test(tool)) return { programIndex: i, argsFrom: i + 1, tool, assignments };
  // `python [options] -m module args`: the module is the tool; `-c` or a script path means something else runs.
  for (let n = i + 1; n < words.length && words[n].value.startsWith('-'); ) {
    if (words[n].value === '-m') return words[n + 1] ? { programIndex: i, argsFrom: n + 2, tool: words[n + 1].value, assignments } : undefined;
    const { option, next } = readOption(words, n, { valueOptions: ['W', 'X', 'c'] });
    if (option.names.includes('c')) return undefined;
    n = next;
  }
  return undefined;
}

/** Reads the option at `words[i]` (and its separate value word when the syntax says so). */
function readOption(words: ShellWord[], i: number, syntax: ToolSyntax): { option: ParsedOption; next: number } {
  const valueOptions = new Set(syntax.valueOptions ?? []);
  const word = words[i];
  const text = word.value;
  const option: ParsedOption = { word, names: [] };
  if (text.startsWith('--') || syntax.singleDashNames) {
    const body = text.replace(/^--?/, '');
    const eq = body.indexOf('=');
    option.names = [eq === -1 ? body : body.slice(0, eq)];
    if (eq !== -1) option.value = body.slice(eq + 1);
  } else {
    // A cluster such as -yqq; a letter that takes a value ends it (`-tbuster`), as getopt reads it.
    const body = text.slice(1);
    for (let n = 0; n < body.length; n++) {
      if (body[n] === '=') { option.value = body.slice(n + 1); break; }
      option.names.push(body[n]);
      if (valueOptions.has(body[n]) && n + 1 < body.length) { option.value = body.slice(n + 1).replace(/^=/, ''); break; }
    }
  }
  const last = option.names[option.names.length - 1];
  const following = words[i + 1];
  if (option.value === undefined && following && following.value !== '--') {
    const takesWord = valueOptions.has(last) || (syntax.booleanWords && text.startsWith('--') && /^(true|false)$/.test(following.value));
    if (takesWord) {
      option.value = following.value;
      option.valueWord = following;
      return { option, next: i + 2 };
    }
  }
  return { option, next: i + 1 };
}

/** Splits the words after a program into options (with their values) and operands; the first operand is the subcommand. */
export function parseArguments(words: ShellWord[], syntax: ToolSyntax): Pick<ToolInvocation, 'subcommand' | 'options' | 'operands'> {
  const options: ParsedOption[] = [];
  const operands: ShellWord[] = [];
  let endOfOptions = false;
  for (let i = 0; i < words.length; ) {
    const text = words[i].value;
    if (text === '--' && !endOfOptions) {
      if (syntax.stopAtDoubleDash) break;
      endOfOptions = true;
      i++;
      continue;
    }
    if (endOfOptions || !text.startsWith('-') || text === '-') {
      operands.push(words[i]);
      i++;
      continue;
    }
    const { option, next } = readOption(words, i, syntax);
    options.push(option);
    i = next;
  }
  const [subcommand, ...rest] = operands;
  return { subcommand, options, operands: rest };
}

export function hasOption(invocation: Pick<ToolInvocation, 'options'>, ...names: string[]): boolean {
  return invocation.options.some((option) => option.names.some((name) => names.includes(name)));
}

/** How many times an option name occurs (`-q -q`, `-qq` and `--quiet --quiet` all count two). */
export function optionCount(invocation: Pick<ToolInvocation, 'options'>, ...names: string[]): number {
  return invocation.options.reduce((sum, option) => sum + option.names.filter((name) => names.includes(name)).length, 0);
}

/** Values given to any of the named options (`--flag=value`, `--flag value`, `-q=2`), in order. */
export function optionValues(invocation: Pick<ToolInvocation, 'options'>, ...names: string[]): string[] {
  return invocation.options.filter((option) => option.names.some((name) => names.includes(name)) && option.value !== undefined).map((option) => option.value as string);
}

/** Targets of `RUN --mount=type=cache|tmpfs,target=...`: directories whose writes stay out of the layer. */
export function cacheMountTargets(run: Instruction): string[] {
  const flags = 'getFlags' in run ? (run as Run).getFlags() : [];
  const targets: string[] = [];
  for (const flag of flags) {
    if (flag.getName().toLowerCase() !== 'mount') continue;
    const options = new Map(flag.getOptions().map((option) => [option.getName().toLowerCase(), option.getValue() ?? '']));
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
    if (target && (options.get('type') === 'cache' || options.get('type') === 'tmpfs')) targets.push(target.replace(/\/+$/, '') || '/');
  }
  return targets;
}

/** Where a RUN sits: its stage, and whether it is an `ONBUILD RUN` trigger (which runs in a child image). */
export function runPlacement(doc: DockerfileDoc, run: Instruction): { stage?: Stage; onbuild: boolean } {
  // A RUN with a stage is one of the document's own: one look-up for nearly every RUN (asked per RUN at every edit).
  const stage = doc.stageOf(run);
  if (stage) return { stage, onbuild: false };
  const onbuild = !doc.isTopLevel(run);
  const line = run.getRange().start.line;
  const owner = onbuild ? doc.instructions.find((instruction) => instruction.getRange().start.line <= line && instruction.getRange().end.line >= line) : run;
  return { stage: owner ? doc.stageOf(owner) : undefined, onbuild };
}

/** True when a stage's filesystem reaches the final image: it is the final stage, or a later kept stage is built FROM it. */
export function stageReachesFinalImage(doc: DockerfileDoc, stage: Stage | undefined): boolean {
  return !stage || stagesReachingFinalImage(doc).has(stage);
}

const reachingByDoc = new WeakMap<DockerfileDoc, ReadonlySet<Stage>>();

/**
 * The final stage and the stages it builds on, FROM by FROM; computed once per document in one
 * backward pass (asked per RUN, a scan of later stages each time was quadratic in the stage count).
 */
function stagesReachingFinalImage(doc: DockerfileDoc): ReadonlySet<Stage> {
  const cached = reachingByDoc.get(doc);
  if (cached) return cached;
  const reaching = new Set<Stage>();
  const reachingBases = new Set<string>(); // lower-cased FROM images of later stages that reach the final image
  for (let index = doc.stages.length - 1; index >= 0; index--) {
    const stage = doc.stages[index];
    if (stage !== doc.finalStage && (stage.name === null || !reachingBases.has(stage.name))) continue;
    reaching.add(stage);
    const base = stage.from.getImageName()?.toLowerCase();
    if (base) reachingBases.add(base);
  }
  reachingByDoc.set(doc, reaching);
  return reaching;
}

/** Inserts one argument after a word: ` arg` in shell form, `, "arg"` in exec form. */
export function insertArgumentAfter(script: ShellScript, word: ShellWord, argument: string): TextEdit {
  return insertAt(word.range.end, script.form === 'exec' ? `, ${JSON.stringify(argument)}` : ` ${argument}`);
}

/**
 * Appends a command at the end of a RUN's script: `&& command` after the last command in shell form (on a new
 * continuation line when `onNewLine`), or a new line in a heredoc script. Undefined when there is no safe place.
 */
export function appendCommand(doc: DockerfileDoc, run: Instruction, commandText: string, onNewLine: boolean): TextEdit | undefined {
  const script = doc.shell(run);
  const last = script.commands[script.commands.length - 1];
  const lastWord = last?.words[last.words.length - 1];
  if (!lastWord || script.form === 'exec' || script.form === 'empty') return undefined;
  const eol = doc.lines.eol;
  const escape = doc.ast.getEscapeCharacter();
  // After an unclosed quote, `$(` or backquote the command would land inside it (a heredoc body too).
  if (!isWordClosed(lastWord.raw, script.form === 'heredoc' ? '\\' : escape)) return undefined;
  const heredocs = heredocsOf(run);
  if (script.form === 'heredoc') {
    // A new line is a command only in a closed heredoc script, and not after a line that opens a heredoc (its body is data).
    const lineUpToWord = doc.text.slice(doc.lines.lineStart(lastWord.range.end.line), lastWord.end);
    if (heredocs.length === 0 || heredocs.some((heredoc) => !heredoc.getDelimiterRange()) || /<<(?!<)/.test(lineUpToWord)) return undefined;
    return insertAt(lastWord.range.end, `${eol}${commandText}`);
  }
  if (heredocs.length > 0) return undefined;
  // Before a line continuation left dangling at the end of the file, the command would swallow the next line.
  const tail = lastWord.raw + doc.text.slice(lastWord.end, doc.lines.lineEnd(run.getRange().end.line)).trimEnd();
  if (endsWithDanglingEscape(tail, escape)) return undefined;
  // After an escaped blank (`\ `) dockerfile-ast would end the RUN at the new line's escape, where Docker continues: stay on the line.
  const continues = onNewLine && !endsWithEscapedBlank(lastWord.raw, escape);
  return insertAt(lastWord.range.end, continues ? ` ${escape}${eol}    && ${commandText}` : ` && ${commandText}`);
}

/** Whether a raw shell word closes every quote, `$(` and backquote it opens (`"a b"`, `$(x)`, `a\"b`: yes; `"open`, `$(`: no). */
function isWordClosed(raw: string, escape: string): boolean {
  let quote: string | null = null;
  let substitutions = 0;
  let backquoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote === "'") {
      if (ch === "'") quote = null;
    } else if (ch === '\\' || ch === escape) {
      i++;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '`') {
      backquoted = !backquoted;
    } else if (ch === '$' && raw[i + 1] === '(') {
      substitutions++;
      i++;
    } else if (ch === ')' && substitutions > 0) {
      substitutions--;
    }
  }
  return quote === null && substitutions === 0 && !backquoted;
}

/** The span from the program word to the subcommand (`apt-get -q install`), for findings about the whole call. */
export function callRange(invocation: ToolInvocation): Range {
  return { start: invocation.program.range.start, end: (invocation.subcommand ?? invocation.program).range.end };
}

/** Words that hold a variable or command substitution: their value is unknown when linting. */
export function isDynamic(word: ShellWord): boolean {
  return /[$`]/.test(word.raw);
}

/** apt-get and apt: options that take a value, so `-t bookworm-backports` or `-o A=B` is not read as a package. */
export const APT_SYNTAX: ToolSyntax = {
  valueOptions: ['o', 'c', 't', 'a', 'option', 'config-file', 'target-release', 'default-release', 'host-architecture'],
};

export function isAptTool(tool: string): boolean {
  return tool === 'apt-get' || tool === 'apt';
}

export const APK_SYNTAX: ToolSyntax = {
  valueOptions: ['t', 'virtual', 'X', 'repository', 'p', 'root', 'keys-dir', 'arch', 'cache-dir', 'cache-max-age', 'repositories-file', 'timeout'],
};

/** pip options that take a value (pip, and pipx for `--python`, `--pip-args`, `--suffix`). */
export const PIP_SYNTAX: ToolSyntax = {
  valueOptions: ['abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation',
    'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python-version', 'root', 'src', 't', 'target',
    'trusted-host', 'upgrade-strategy', 'root-user-action', 'c', 'constraint', 'r', 'requirement', 'log', 'cache-dir', 'timeout',
    'retries', 'exists-action', 'cert', 'client-cert', 'global-option', 'config-settings', 'C', 'report', 'keyring-provider',
    'use-feature', 'use-deprecated', 'group', 'python', 'pip-args', 'suffix'],
};

/** pip, pip3, pip3.12 (also run as `python -m pip`); pipx and pipenv are other tools. */
export function isPipTool(tool: string): boolean {
  return /^pip(\d+(\.\d+)*)?$/.test(tool);
}
