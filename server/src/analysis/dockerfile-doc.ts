import { DockerfileParser, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
import { LineIndex } from './text';
import type { Range } from './types';
import { parseShellCommands, type ShellScript } from './shell';
import { DocumentSegment, type Summarize } from './dockerfile-segment';

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
  /** The instructions in document order, in segments each read once (dockerfile-segment.ts). */
  segments: readonly DocumentSegment[];
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
  /** The instructions in segments, read once each (an assembled document reuses its unchanged pieces' segments), and the count of stages before each. */
  private readonly segments: readonly DocumentSegment[];
  private readonly stagesBefore: number[] = [];
  /** Instructions by upper-case keyword, and the RUNs, gathered from the segments when first asked. */
  private readonly byKeyword = new Map<string, Instruction[]>();
  private runs: Instruction[] | undefined;

  constructor(readonly text: string, parts?: DockerfileParts) {
    this.lines = new LineIndex(text);
    if (parts) {
      const escape = parts.escapeCharacter;
      this.ast = { getEscapeCharacter: () => escape };
      this.segments = joinable(parts.segments);
      this.instructions = joined(this.segments.map((segment) => segment.instructions));
    } else {
      this.tree = DockerfileParser.parse(text);
      this.ast = this.tree;
      this.instructions = this.tree.getInstructions();
      for (const instruction of this.instructions) parsedIn.set(instruction, { doc: this });
      this.segments = [new DocumentSegment(this.instructions)];
    }
    const stages: Stage[] = [];
    for (const segment of this.segments) {
      this.stagesBefore.push(stages.length);
      for (const stage of segment.stagesFrom(stages.length)) stages.push(stage);
    }
    this.stages = stages;
  }

  /** Instructions with the given keyword (upper case), across all stages. */
  instructionsOf(keyword: string): Instruction[] {
    let found = this.byKeyword.get(keyword);
    if (!found) {
      found = joined(this.segments.map((segment) => segment.byKeyword.get(keyword) ?? NONE));
      this.byKeyword.set(keyword, found);
    }
    return found.slice();
  }

  /** RUN instructions, including `ONBUILD RUN` triggers (their commands run in child images). Shared: do not modify. */
  runInstructions(): readonly Instruction[] {
    return (this.runs ??= this.segments.length === 1 ? this.segments[0].runs : joined(this.segments.map((segment) => segment.runs)));
  }

  /** What `summarize` makes of each segment, in document order; kept with the segments (see Summarize: it must read nothing else). */
  summaries<T>(summarize: Summarize<T>): T[] {
    return this.segments.map((segment) => segment.summary(summarize, this));
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
    return this.segmentAt(instruction.getRange().start.line).holds(instruction);
  }

  stageOf(instruction: Instruction): Stage | undefined {
    const at = this.segmentIndexAt(instruction.getRange().start.line);
    const part = this.segments[at].stageAt(instruction);
    return part === undefined || part < 0 ? undefined : this.stages[this.stagesBefore[at] + part];
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

  /** The segment whose lines hold the line: the last one starting on it or before (segments follow each other). */
  private segmentIndexAt(line: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.segments[mid].firstLine <= line) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private segmentAt(line: number): DocumentSegment {
    return this.segments[this.segmentIndexAt(line)];
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

/**
 * The segments, each with its own stages: a segment after the first must start at a FROM (a stage
 * piece does), else its leading instructions belong to the stage before and all are read again as one.
 * Segments without instructions are left out, so each one's first line starts its lines.
 */
function joinable(segments: readonly DocumentSegment[]): readonly DocumentSegment[] {
  const kept = segments.filter((segment) => segment.instructions.length > 0);
  if (kept.length === 0) return [new DocumentSegment([])];
  if (kept.every((segment, index) => index === 0 || segment.leading === 0)) return kept;
  return [new DocumentSegment(kept.flatMap((segment) => segment.instructions))];
}

const NONE: readonly Instruction[] = [];

/** The lists one after the other, in a new array (a loop: flatMap cost more at every edit). */
function joined<T>(lists: readonly (readonly T[])[]): T[] {
  const all: T[] = [];
  for (const list of lists) for (const item of list) all.push(item);
  return all;
}
