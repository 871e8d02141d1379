/**
 * How a Compose document indents (the unit for nested maps, the extra indentation of list dashes
 * under a key), measured on its block collections so that fixes write what the file already uses.
 * Measured once per document, or summed from per-entry counts that the incremental analyzer keeps
 * with each part of the file.
 */
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import type { NodeHost } from './compose-node';

/** How the document indents: the unit for nested maps and the extra indentation of list dashes under a key. */
export interface YamlStyle {
  indent: number;
  sequenceIndent: number;
}

/** Indentation steps seen below some entries, and how many collections the measure visits there. */
export interface StyleCounts {
  indents: Map<number, number>;
  dashes: Map<number, number>;
  visits: number;
}

/** Collections the measure looks at, at most: enough to know the style of any file. */
const MAX_VISITS = 5000;

const styleCache = new WeakMap<NodeHost, YamlStyle>();

/** The document's indentation style, measured once on its block collections (2 and 2 when it has none). */
export function styleOf(host: NodeHost): YamlStyle {
  let style = styleCache.get(host);
  if (style) return style;
  const counts = measure(host, host.yamlRoot ? [host.yamlRoot] : [], MAX_VISITS);
  style = styleFrom(counts);
  styleCache.set(host, style);
  return style;
}

/**
 * The style to write new entries of `map` in: the document's, except where the map's own entries
 * show another (a service whose lists indent their dashes, in a file where most lists do not), so
 * that an inserted `cap_drop:` list looks like the `ports:` list above it.
 */
export function styleAmong(host: NodeHost, map: unknown): YamlStyle {
  const style = styleOf(host);
  if (!isMap(map) || map.flow) return style;
  const siblings = noCounts();
  for (const pair of map.items) countEntry(host, pair, siblings, []);
  return { indent: preferred(siblings.indents, style.indent), sequenceIndent: preferred(siblings.dashes, style.sequenceIndent) };
}

/** The most common step among siblings; the document's when the siblings show none, or it ties with theirs. */
function preferred(steps: Map<number, number>, documents: number): number {
  const best = mostCommon(steps);
  return best === undefined || steps.get(documents) === steps.get(best) ? documents : best;
}

/**
 * Counts for one entry of a block map, as `styleOf` counts them: the key's step to its value and,
 * unless `stepOnly`, everything below.
 */
export function entryStyleCounts(host: NodeHost, pair: Pair, stepOnly = false): StyleCounts {
  const counts = noCounts();
  const pushed: Node[] = [];
  countEntry(host, pair, counts, pushed);
  if (stepOnly) return { ...counts, visits: pushed.length };
  const below = measure(host, pushed, Infinity);
  addInto(counts, below);
  return counts;
}

/** Counts of entries kept with what holds them (a parsed part of a file). */
const keptCounts = new WeakMap<object, StyleCounts>();

/** `entryStyleCounts(host, pair)`, counted once for `holder`. */
export function keptEntryStyleCounts(host: NodeHost, holder: object, pair: Pair): StyleCounts {
  let counts = keptCounts.get(holder);
  if (!counts) {
    counts = entryStyleCounts(host, pair);
    keptCounts.set(holder, counts);
  }
  return counts;
}

/** The counts kept for `holder`, if it was counted. */
export function keptStyleCounts(holder: object): StyleCounts | undefined {
  return keptCounts.get(holder);
}

/**
 * The style from the counts of a document's entries (its root visit included), when the measure
 * would have visited them all; undefined otherwise (then measure the document with `styleOf`).
 */
export function styleFromCounts(host: NodeHost, parts: readonly StyleCounts[]): YamlStyle | undefined {
  const total: StyleCounts = { indents: new Map(), dashes: new Map(), visits: 1 };
  for (const part of parts) addInto(total, part);
  if (total.visits > MAX_VISITS) return undefined;
  const style = styleFrom(total);
  styleCache.set(host, style);
  return style;
}

/** Visits collections from `start` (popping the last first) until `limit`; maps count their entries' steps. */
function measure(host: NodeHost, start: Node[], limit: number): StyleCounts {
  const counts = noCounts();
  const stack = [...start];
  for (; stack.length > 0 && counts.visits < limit; counts.visits++) {
    const node = stack.pop() as Node;
    if (isSeq(node)) {
      for (const item of node.items) if (isMap(item) || isSeq(item)) stack.push(item);
      continue;
    }
    if (!isMap(node) || node.flow) continue;
    for (const pair of node.items) countEntry(host, pair, counts, stack);
  }
  return counts;
}

/** A block collection value: counts the step from its key and queues it to be visited. */
function countEntry(host: NodeHost, pair: Pair, counts: StyleCounts, queue: Node[]): void {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range || !value?.range || !(isMap(value) || isSeq(value)) || value.flow) return;
  const step = host.lines.positionAt(value.range[0]).character - host.lines.positionAt(key.range[0]).character;
  count(isSeq(value) ? counts.dashes : counts.indents, step);
  queue.push(value);
}

/** Counts with nothing counted, to add parts' counts into. */
export function noCounts(): StyleCounts {
  return { indents: new Map(), dashes: new Map(), visits: 0 };
}

/** Takes `less` (counts added before) out of `total`, dropping steps no longer counted. */
export function removeFrom(total: StyleCounts, less: StyleCounts): void {
  total.visits -= less.visits;
  for (const [steps, more] of [[total.indents, less.indents], [total.dashes, less.dashes]]) {
    for (const [step, n] of more) {
      const left = (steps.get(step) ?? 0) - n;
      if (left > 0) steps.set(step, left);
      else steps.delete(step);
    }
  }
}

export function addInto(total: StyleCounts, more: StyleCounts): void {
  total.visits += more.visits;
  for (const [step, n] of more.indents) total.indents.set(step, (total.indents.get(step) ?? 0) + n);
  for (const [step, n] of more.dashes) total.dashes.set(step, (total.dashes.get(step) ?? 0) + n);
}

function styleFrom(counts: StyleCounts): YamlStyle {
  const indent = mostCommon(counts.indents) ?? 2;
  return { indent, sequenceIndent: mostCommon(counts.dashes) ?? indent };
}

function count(map: Map<number, number>, value: number): void {
  if (value >= 0 && value <= 8) map.set(value, (map.get(value) ?? 0) + 1);
}

function mostCommon(map: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, n] of map) if (n > bestCount || (n === bestCount && best !== undefined && value < best)) [best, bestCount] = [value, n];
  return best;
}
