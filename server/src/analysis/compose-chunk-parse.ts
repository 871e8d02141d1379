/**
 * One part of a Compose file (compose-chunks.ts) parsed on its own: its single `key: value` entry
 * with node ranges moved to where the part sits in the whole file, so the nodes can be stitched
 * into one document and kept across edits of other parts (moving them again when text before
 * them grows or shrinks).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ChunkKind } from './compose-chunks';
import { isMergePair } from './compose-node';
import { IGNORED_WARNINGS, YAML_OPTIONS } from './compose-parse';

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

/** Parses a part at `offset`; undefined when it does not parse alone into exactly one plain `key: value` entry without problems. */
export function parseChunk(kind: ChunkKind, text: string, offset: number): ParsedChunk | undefined {
  if (kind === 'preamble') return { kind, text, map: undefined, pair: undefined, key: '', offset };
  const document = parseDocument(text, YAML_OPTIONS);
  if (document.errors.length > 0 || document.warnings.some((warning) => !IGNORED_WARNINGS.has(warning.code))) return undefined;
  const map = document.contents;
  if (!isMap(map) || map.flow || map.items.length !== 1) return undefined;
  const pair = map.items[0];
  const key = pair.key;
  if (!isScalar(key) || !key.range || isMergePair(pair) || key.anchor) return undefined;
  if (kind === 'services' && !(isScalar(pair.value) && pair.value.value === null && !pair.value.anchor && !pair.value.tag)) return undefined;
  shiftRanges(map, offset);
  return { kind, text, map, pair, key: String(key.value), offset };
}

/** Moves a part's node ranges to a new offset (text before it changed length). */
export function moveChunk(chunk: ParsedChunk, offset: number): void {
  if (chunk.map && offset !== chunk.offset) shiftRanges(chunk.map, offset - chunk.offset);
  chunk.offset = offset;
}

/** Adds `delta` to every range under `root` (keys, values, items, aliases). */
function shiftRanges(root: Node, delta: number): void {
  if (delta === 0) return;
  const stack: (Node | Pair)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node | Pair;
    if (isPair(node)) {
      if (node.key && typeof node.key === 'object') stack.push(node.key as Node);
      if (node.value && typeof node.value === 'object') stack.push(node.value as Node);
      continue;
    }
    const range = node.range;
    if (range) {
      range[0] += delta;
      range[1] += delta;
      range[2] += delta;
    }
    if (isAlias(node)) continue;
    if (isMap(node) || isSeq(node)) for (const item of node.items) if (item && typeof item === 'object') stack.push(item as Node | Pair);
  }
}
