import type { From, Instruction, Onbuild } from 'dockerfile-ast';
import { cacheInstructionGetters } from './ast-cache';
import type { DockerfileDoc, Stage } from './dockerfile-doc';

/** A stage as the segment holding it reads it; the document numbers it (`Stage.index`). */
export interface StagePart {
  from: From;
  name: string | null;
  instructions: Instruction[];
}

/**
 * What a summary reads: a segment's instructions (their text and positions) and, through `doc`, only
 * their shell scripts and the text at their own lines. Every document holding the segment has the
 * same there (dockerfile-incremental.ts assembles each from unchanged pieces), so the answer is kept.
 */
export type Summarize<T> = (segment: DocumentSegment, doc: DockerfileDoc) => T;

/**
 * A run of a document's instructions read once: their keywords, RUNs and stages. A parsed document is
 * one segment; the editor assembles a document from its stage pieces' segments at every edit
 * (dockerfile-incremental.ts), and an unchanged piece brings its segment already read.
 */
export class DocumentSegment {
  readonly byKeyword = new Map<string, Instruction[]>();
  /** RUN instructions and ONBUILD RUN triggers, in order. */
  readonly runs: Instruction[] = [];
  /** How many instructions come before the segment's first FROM. */
  readonly leading: number;
  /** Line of the first instruction (Infinity when there is none). */
  readonly firstLine: number;
  /** The stages starting in the segment, unnumbered. */
  readonly stageParts: readonly StagePart[];
  /** Which of `stageParts` holds each instruction (-1: one before the first FROM). */
  private readonly partOf = new Map<Instruction, number>();
  /** The Stage objects last handed out, numbered from `first`: the same while the stages before this segment keep their count. */
  private placed?: { first: number; stages: Stage[] };
  private readonly summaries = new Map<Summarize<unknown>, unknown>();

  constructor(readonly instructions: readonly Instruction[]) {
    const parts: StagePart[] = [];
    this.stageParts = parts;
    // One pass, each keyword read once.
    for (const instruction of instructions) {
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
        parts.push({ from, name: from.getBuildStage()?.toLowerCase() ?? null, instructions: [instruction] });
      } else if (parts.length > 0) {
        parts[parts.length - 1].instructions.push(instruction);
      }
      this.partOf.set(instruction, parts.length - 1);
    }
    const firstFrom = instructions.findIndex((instruction) => instruction.getKeyword() === 'FROM');
    this.leading = firstFrom < 0 ? instructions.length : firstFrom;
    this.firstLine = instructions.length > 0 ? instructions[0].getRange().start.line : Infinity;
  }

  /** The segment's stages, numbered from `first` (the count of stages before the segment). */
  stagesFrom(first: number): Stage[] {
    if (this.placed?.first !== first) this.placed = { first, stages: this.stageParts.map((part, at) => ({ index: first + at, ...part })) };
    return this.placed.stages;
  }

  /** Whether the instruction is one of the segment's (not an ONBUILD trigger parsed out of one). */
  holds(instruction: Instruction): boolean {
    return this.partOf.has(instruction);
  }

  /** Which of the segment's stages holds the instruction: its position among them, -1 before the first FROM, undefined when not the segment's. */
  stageAt(instruction: Instruction): number | undefined {
    return this.partOf.get(instruction);
  }

  /** What `summarize` makes of the segment, made once (see Summarize). */
  summary<T>(summarize: Summarize<T>, doc: DockerfileDoc): T {
    const kept = this.summaries.get(summarize);
    if (kept !== undefined || this.summaries.has(summarize)) return kept as T;
    const made = summarize(this, doc);
    this.summaries.set(summarize, made);
    return made;
  }
}
