import type { Copy, Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from './dockerfile-doc';
import type { Summarize } from './dockerfile-segment';
import { stripQuotes } from './instruction-text';
import type { Range } from './types';

/**
 * Build stages as the rules about stage names and `--from` see them: instructions grouped per
 * stage (those before the first FROM in a group of their own, as hadolint does), and what a
 * `COPY --from=<value>` points at.
 */

/** Instructions per stage; a leading group holds those before the first FROM, when there are any. */
export function instructionsByStage(doc: DockerfileDoc): Instruction[][] {
  const groups: Instruction[][] = [];
  for (const instruction of doc.instructions) {
    if (instruction.getKeyword() === 'FROM' || groups.length === 0) groups.push([]);
    groups[groups.length - 1].push(instruction);
  }
  return groups;
}

/** Every instruction with the keyword that a later one in the same stage overrides, with the line of the last one. */
export function overriddenInstructions(doc: DockerfileDoc, keyword: string): { instruction: Instruction; lastLine: number }[] {
  const overridden: { instruction: Instruction; lastLine: number }[] = [];
  for (const group of instructionsByStage(doc)) {
    const matching = group.filter((instruction) => instruction.getKeyword() === keyword);
    const last = matching[matching.length - 1];
    for (const instruction of matching.slice(0, -1)) overridden.push({ instruction, lastLine: last.getRange().start.line + 1 });
  }
  return overridden;
}

export type FromTarget =
  | { kind: 'stage'; index: number }
  | { kind: 'self' }
  | { kind: 'image' }
  | { kind: 'variable' }
  | { kind: 'later-stage'; index: number }
  | { kind: 'unknown' };

export interface FromReference {
  instruction: Instruction;
  /** The `--from` value without quotes, and the range of its raw text. */
  value: string;
  range: Range;
  target: FromTarget;
}

/** Two whole-document rules ask for the references of the same document at every edit. */
const referencesByDoc = new WeakMap<DockerfileDoc, readonly FromReference[]>();

/** `COPY --from` values with what they resolve to, for every COPY in the file (stage index -1 before any FROM). Shared: do not modify. */
export function copyFromReferences(doc: DockerfileDoc): readonly FromReference[] {
  let references = referencesByDoc.get(doc);
  if (!references) referencesByDoc.set(doc, (references = Object.freeze(readReferences(doc))));
  return references;
}

function readReferences(doc: DockerfileDoc): FromReference[] {
  const references: FromReference[] = [];
  const stagesByName = stageIndexesByName(doc);
  for (const written of doc.summaries(copyFromValues)) {
    for (const { instruction, value, range } of written) {
      const stageIndex = doc.stageOf(instruction)?.index ?? -1;
      references.push({ instruction, value, range, target: resolveFrom(doc, stagesByName, stageIndex, value) });
    }
  }
  return references;
}

/** A segment's COPYs with a non-empty `--from` value: read once per segment (they depend on the COPY alone), resolved per document. */
const copyFromValues: Summarize<readonly Omit<FromReference, 'target'>[]> = (segment, doc) => {
  const written: Omit<FromReference, 'target'>[] = [];
  for (const instruction of segment.byKeyword.get('COPY') ?? []) {
    const flag = (instruction as Copy).getFromFlag();
    const range = flag?.getValueRange();
    if (!flag || !range) continue;
    const value = stripQuotes(doc.textOf(range));
    if (value !== '') written.push({ instruction, value, range });
  }
  return written;
};

const NO_STAGES: readonly number[] = [];

/** Stage indexes by name, ascending: a scan of the stages per COPY was quadratic in the stage count. */
function stageIndexesByName(doc: DockerfileDoc): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  for (const stage of doc.stages) {
    if (stage.name === null) continue;
    const indexes = byName.get(stage.name);
    if (indexes) indexes.push(stage.index);
    else byName.set(stage.name, [stage.index]);
  }
  return byName;
}

function resolveFrom(doc: DockerfileDoc, stagesByName: ReadonlyMap<string, readonly number[]>, stageIndex: number, value: string): FromTarget {
  if (value.includes('$')) return { kind: 'variable' };
  if (/^\d+$/.test(value)) {
    const index = Number(value);
    if (index === stageIndex) return { kind: 'self' };
    return index < stageIndex ? { kind: 'stage', index } : { kind: 'unknown' };
  }
  const name = value.toLowerCase();
  if (stageIndex >= 0 && doc.stages[stageIndex].name === name) return { kind: 'self' };
  const named = stagesByName.get(name) ?? NO_STAGES;
  if (named.length > 0 && named[0] < stageIndex) return { kind: 'stage', index: named[0] };
  if (/[:/@]/.test(value)) return { kind: 'image' };
  const later = named.find((index) => index > stageIndex);
  return later !== undefined ? { kind: 'later-stage', index: later } : { kind: 'unknown' };
}
