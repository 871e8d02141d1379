/**
 * One part of a Compose file (compose-chunks.ts) parsed on its own: its single `key: value` entry
 * with node ranges moved to where the part sits in the whole file, so the nodes can be stitched
 * into one document and kept across edits of other parts (moving them again when text before
 * them grows or shrinks).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ChunkKind } from './compose-chunks';
import { isMergePair } from './compose-yaml-maps';
import { COMPOSE_LIMITS, IGNORED_WARNINGS, YAML_OPTIONS } from './compose-parse';

/** A parsed part. `pair` is undefined for the preamble (comments only). */
export interface ParsedChunk {
  readonly kind: ChunkKind;
  readonly text: string;
  /** The part parsed alone: a block map holding exactly `pair` (walked for anchors and checks). */
  readonly map: YAMLMap | undefined;
  readonly pair: Pair | undefined;
  /** The key as text (`services`, `web`, `x-common`). */
  readonly key: string;
  /** Where the node ranges currently point: the part's offset in the file. */
  offset: number;
}

/**
 * Parses a part at `offset`: `broken` when yaml reports a problem, undefined when it parses but not
 * into exactly one plain `key: value` entry.
 */
export function parseChunk(kind: ChunkKind, text: string, offset: number): ParsedChunk | 'broken' | undefined {
  if (kind === 'preamble') return { kind, text, map: undefined, pair: undefined, key: '', offset };
  if (mayNestDeeply(text)) return undefined;
  const document = parseDocument(text, YAML_OPTIONS);
  if (document.errors.length > 0 || document.warnings.some((warning) => !IGNORED_WARNINGS.has(warning.code))) return 'broken';
  const map = document.contents;
  if (!isMap(map) || map.flow || map.items.length !== 1) return undefined;
  const pair = map.items[0];
  const key = pair.key;
  if (!isScalar(key) || !key.range || isMergePair(pair) || key.anchor) return undefined;
  if (kind === 'services' && !(isScalar(pair.value) && pair.value.value === null && !pair.value.anchor && !pair.value.tag)) return undefined;
  moveNodes(map, offset);
  return { kind, text, map, pair, key: String(key.value), offset };
}

/** Every range array of a part's nodes, collected on its first move: later moves only add. */
const rangesOf = new WeakMap<ParsedChunk, [number, number, number][]>();

/**
 * Hundreds of brackets or dashes in a row: yaml recurses once per level and catches the stack
 * overflow, and V8 has been seen to die compiling a regular expression at that depth. Such text is
 * left to the whole-file parse, as before there were parts.
 */
function mayNestDeeply(text: string): boolean {
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === 91 || code === 123) && ++brackets > COMPOSE_LIMITS.maxDepth) return true;
  }
  return /(?:-[ \t]+){50}/.test(text);
}

/** Moves a part's node ranges to a new offset (text before it changed length). */
export function moveChunk(chunk: ParsedChunk, offset: number): void {
  const delta = offset - chunk.offset;
  chunk.offset = offset;
  if (!chunk.map || delta === 0) return;
  let ranges = rangesOf.get(chunk);
  if (!ranges) {
    ranges = collectRanges(chunk.map);
    rangesOf.set(chunk, ranges);
  }
  for (const range of ranges) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
}

/** Adds `delta` to every range under `root` (keys, values, items, aliases). */
export function moveNodes(root: Node | Pair, delta: number): void {
  if (delta === 0) return;
  for (const range of collectRanges(root)) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
}

/** The range arrays of every node under `root` (keys, values, items, aliases). */
function collectRanges(root: Node | Pair): [number, number, number][] {
  const ranges: [number, number, number][] = [];
  const stack: (Node | Pair)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node | Pair;
    if (isPair(node)) {
      if (node.key && typeof node.key === 'object') stack.push(node.key as Node);
      if (node.value && typeof node.value === 'object') stack.push(node.value as Node);
      continue;
    }
    if (node.range) ranges.push(node.range);
    if (isAlias(node)) continue;
    if (isMap(node) || isSeq(node)) for (const item of node.items) if (item && typeof item === 'object') stack.push(item as Node | Pair);
  }
  return ranges;
}
