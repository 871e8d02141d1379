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

/**
 * The document each instruction was parsed in, and its RUN script once tokenised there: an assembled
 * document (one per edit) reuses that script, found in one look-up and kept in no map of its own.
 */
const parsedIn = new WeakMap<Instruction, { doc: DockerfileDoc; script?: ShellScript }>();

/** A Dockerfile parsed once, with the views rules need. */
export class DockerfileDoc {
  /** What rules may ask of the whole tree; `tree` is the parse of exactly `text`, when there is one. */
  readonly ast: Pick<Dockerfile, 'getEscapeCharacter'>;
  readonly tree: Dockerfile | undefined;
  readonly lines: LineIndex;
  readonly instructions: Instruction[];
  readonly stages: Stage[];
  private readonly shellCache = new Map<Instruction, ShellScript>();
  /**
   * Stage of each of the document's own instructions (null before the first FROM), built once: rules ask per
   * instruction, and a scan each time is quadratic. One map also answers isTopLevel: one fewer to fill per edit.
   */
  private readonly stageByInstruction = new Map<Instruction, Stage | null>();
  /** Instructions by upper-case keyword, built once: every rule asks for some. */
  private readonly byKeyword = new Map<string, Instruction[]>();
  /** RUN instructions and ONBUILD RUN triggers in document order, noted while the keywords are read anyway. */
  private readonly runs: Instruction[] = [];

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
      for (const instruction of this.instructions) parsedIn.set(instruction, { doc: this });
    }
    // One pass, each keyword read once: an assembled document is built at every edit (dockerfile-incremental.ts).
    const stages: Stage[] = [];
    for (const instruction of this.instructions) {
      cacheInstructionGetters(instruction);
      const keyword = instruction.getKeyword();
      const same = this.byKeyword.get(keyword);
      if (same) same.push(instruction);
      else this.byKeyword.set(keyword, [instruction]);
      if (keyword === 'RUN') this.runs.push(instruction);
      else if (keyword === 'ONBUILD') {
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        if (trigger?.getKeyword() === 'RUN') this.runs.push(trigger);
      }
      // A stage is a FROM and the instructions up to the next FROM.
      if (keyword === 'FROM') {
        const from = instruction as From;
        stages.push({ index: stages.length, from, name: from.getBuildStage()?.toLowerCase() ?? null, instructions: [instruction] });
      } else if (stages.length > 0) {
        stages[stages.length - 1].instructions.push(instruction);
      }
      this.stageByInstruction.set(instruction, stages.length > 0 ? stages[stages.length - 1] : null);
    }
    this.stages = stages;
  }

  /** Instructions with the given keyword (upper case), across all stages. */
  instructionsOf(keyword: string): Instruction[] {
    return this.byKeyword.get(keyword)?.slice() ?? [];
  }

  /** RUN instructions, including `ONBUILD RUN` triggers (their commands run in child images). Shared: do not modify. */
  runInstructions(): readonly Instruction[] {
    return this.runs;
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
    return this.stageByInstruction.has(instruction);
  }

  stageOf(instruction: Instruction): Stage | undefined {
    return this.stageByInstruction.get(instruction) ?? undefined;
  }

  /** The shell commands of a RUN (shell form, exec form or heredoc), tokenised once. */
  shell(run: Instruction): ShellScript {
    const parsed = parsedIn.get(run);
    if (parsed && (parsed.doc === this || !this.tree)) return (parsed.script ??= parseShellCommands(parsed.doc, run));
    let script = this.shellCache.get(run);
    if (!script) {
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
