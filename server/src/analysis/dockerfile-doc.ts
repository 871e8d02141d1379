import { DockerfileParser, type Dockerfile, type From, type Instruction, type Onbuild } from 'dockerfile-ast';
import { LineIndex } from './text';
import type { Range } from './types';
import { parseShellCommands, type ShellScript } from './shell';
import { cacheInstructionGetters } from './ast-cache';

/** One build stage: its FROM and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  from: From;
  /** Lower-cased `AS` name, or null. */
  name: string | null;
  instructions: Instruction[];
}

/**
 * A document assembled from instructions parsed elsewhere (see dockerfile-incremental.ts): each
 * was parsed from a text whose characters match this document's at the instruction's positions.
 */
export interface DockerfileParts {
  escapeCharacter: string;
  instructions: Instruction[];
}

/** The document each instruction was parsed in: an assembled document reuses its tokenised RUN commands. */
const parsedIn = new WeakMap<Instruction, DockerfileDoc>();

/** A Dockerfile parsed once, with the views rules need. */
export class DockerfileDoc {
  /** What rules may ask of the whole tree; `tree` is the parse of exactly `text`, when there is one. */
  readonly ast: Pick<Dockerfile, 'getEscapeCharacter'>;
  readonly tree: Dockerfile | undefined;
  readonly lines: LineIndex;
  readonly instructions: Instruction[];
  readonly stages: Stage[];
  private readonly shellCache = new Map<Instruction, ShellScript>();
  /** Stage of each instruction, built once: rules ask per instruction, and a scan each time is quadratic. */
  private readonly stageByInstruction = new Map<Instruction, Stage>();
  private readonly topLevel: ReadonlySet<Instruction>;
  /** Instructions by upper-case keyword, built once: every rule asks for some. */
  private readonly byKeyword = new Map<string, Instruction[]>();

  private runs: readonly Instruction[] | undefined;

  constructor(readonly text: string, parts?: DockerfileParts) {
    this.lines = new LineIndex(text);
    if (parts) {
      const escape = parts.escapeCharacter;
      this.ast = { getEscapeCharacter: () => escape };
      this.instructions = parts.instructions;
    } else {
      this.tree = DockerfileParser.parse(text);
      this.ast = this.tree;
      this.instructions = this.tree.getInstructions();
      for (const instruction of this.instructions) parsedIn.set(instruction, this);
    }
    this.topLevel = new Set(this.instructions);
    for (const instruction of this.instructions) {
      cacheInstructionGetters(instruction);
      const keyword = instruction.getKeyword();
      const same = this.byKeyword.get(keyword);
      if (same) same.push(instruction);
      else this.byKeyword.set(keyword, [instruction]);
    }
    this.stages = splitStages(this.instructions);
    for (const stage of this.stages) for (const instruction of stage.instructions) this.stageByInstruction.set(instruction, stage);
  }

  /** Instructions with the given keyword (upper case), across all stages. */
  instructionsOf(keyword: string): Instruction[] {
    return this.byKeyword.get(keyword)?.slice() ?? [];
  }

  /** RUN instructions, including `ONBUILD RUN` triggers (their commands run in child images). Shared: do not modify. */
  runInstructions(): readonly Instruction[] {
    if (this.runs) return this.runs;
    const runs: Instruction[] = [];
    for (const instruction of this.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'RUN') runs.push(instruction);
      else if (keyword === 'ONBUILD') {
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        if (trigger?.getKeyword() === 'RUN') runs.push(trigger);
      }
    }
    this.runs = runs;
    return runs;
  }

  get finalStage(): Stage | undefined {
    return this.stages[this.stages.length - 1];
  }

  /** Names of stages defined before the given stage index (lower case). */
  stageNamesBefore(stageIndex: number): Set<string> {
    const names = new Set<string>();
    for (const stage of this.stages.slice(0, stageIndex)) if (stage.name) names.add(stage.name);
    return names;
  }

  /** Whether the instruction is one of the document's own (not an ONBUILD trigger parsed out of one). */
  isTopLevel(instruction: Instruction): boolean {
    return this.topLevel.has(instruction);
  }

  stageOf(instruction: Instruction): Stage | undefined {
    return this.stageByInstruction.get(instruction);
  }

  /** The shell commands of a RUN (shell form, exec form or heredoc), tokenised once. */
  shell(run: Instruction): ShellScript {
    let script = this.shellCache.get(run);
    if (!script) {
      const owner = this.tree ? undefined : parsedIn.get(run);
      if (owner) return owner.shell(run);
      script = parseShellCommands(this, run);
      this.shellCache.set(run, script);
    }
    return script;
  }

  textOf(range: Range): string {
    return this.text.slice(this.lines.offsetAt(range.start), this.lines.offsetAt(range.end));
  }

  /** Range of the whole line(s) of an instruction including its line break, for deletions. */
  fullLinesRange(instruction: Instruction): Range {
    const range = instruction.getRange();
    const endLine = range.end.line + 1;
    if (endLine < this.lines.lineCount) return { start: { line: range.start.line, character: 0 }, end: { line: endLine, character: 0 } };
    return { start: { line: range.start.line, character: 0 }, end: this.lines.positionAt(this.text.length) };
  }
}

function splitStages(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      stages.push({ index: stages.length, from, name: from.getBuildStage()?.toLowerCase() ?? null, instructions: [instruction] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}
