import { DockerfileParser, type Dockerfile, type From, type Instruction, type Onbuild } from 'dockerfile-ast';
import { LineIndex } from './text';
import type { Range } from './types';
import { parseShellCommands, type ShellScript } from './shell';

/** One build stage: its FROM and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  from: From;
  /** Lower-cased `AS` name, or null. */
  name: string | null;
  instructions: Instruction[];
}

/** A Dockerfile parsed once, with the views rules need. */
export class DockerfileDoc {
  readonly ast: Dockerfile;
  readonly lines: LineIndex;
  readonly instructions: Instruction[];
  readonly stages: Stage[];
  private readonly shellCache = new Map<Instruction, ShellScript>();

  constructor(readonly text: string) {
    this.ast = DockerfileParser.parse(text);
    this.lines = new LineIndex(text);
    this.instructions = this.ast.getInstructions();
    this.stages = splitStages(this.instructions);
  }

  /** Instructions with the given keyword (upper case), across all stages. */
  instructionsOf(keyword: string): Instruction[] {
    return this.instructions.filter((instruction) => instruction.getKeyword() === keyword);
  }

  /** RUN instructions, including `ONBUILD RUN` triggers (their commands run in child images). */
  runInstructions(): Instruction[] {
    const runs: Instruction[] = [];
    for (const instruction of this.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'RUN') runs.push(instruction);
      else if (keyword === 'ONBUILD') {
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        if (trigger?.getKeyword() === 'RUN') runs.push(trigger);
      }
    }
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

  stageOf(instruction: Instruction): Stage | undefined {
    return this.stages.find((stage) => stage.instructions.includes(instruction));
  }

  /** The shell commands of a RUN (shell form, exec form or heredoc), tokenised once. */
  shell(run: Instruction): ShellScript {
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
