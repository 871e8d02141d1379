/** The entries of a YAML map as ComposeNode reads them (compose-node.ts): its own keys first, then the keys merged in through `<<`. */
import type { Pair, YAMLMap } from 'yaml';
import { isMergePair, keysKnownUnique, keyText, mapIndex, mergeSources, type AliasTargets } from './compose-yaml-maps';

/** An entry of a map: its key, the pair holding its value, and the `<<` pair it is merged in through. */
export interface EntrySource {
  key: string;
  pair: Pair;
  via?: Pair;
}

/** The pair holding `key` in `map`, its own or merged in (with the `<<` pair it came through); undefined when absent. */
export function mergedPair(map: YAMLMap, key: string, host: AliasTargets, visited?: Set<YAMLMap>): { pair: Pair; via?: Pair } | undefined {
  const { index, merges } = mapIndex(map);
  const own = index.get(key);
  if (own) return { pair: own };
  if (merges.length === 0) return undefined;
  const seen = visited ?? new Set<YAMLMap>();
  seen.add(map);
  for (const merge of merges) {
    for (const source of mergeSources(merge, host)) {
      if (seen.has(source)) continue;
      const found = mergedPair(source, key, host, seen);
      if (found) return { pair: found.pair, via: merge };
    }
  }
  return undefined;
}

/** Every entry of `map`, once per key: its own first, then those merged in, in the order of the `<<` pairs. */
export function mapEntries(map: YAMLMap, host: AliasTargets, visited = new Set<YAMLMap>()): EntrySource[] {
  visited.add(map);
  let seen = keysKnownUnique(map) ? undefined : new Set<string>();
  const result: EntrySource[] = [];
  // The `<<` pairs found here (as `mapIndex` finds them): an index of a map listed once, like the
  // stitched services map of each edit, would be built for nothing.
  let merges: Pair[] | undefined;
  for (const pair of map.items) {
    const key = keyText(pair);
    if (key === undefined && isMergePair(pair)) (merges ??= []).push(pair);
    if (key === undefined || seen?.has(key)) continue;
    seen?.add(key);
    result.push({ key, pair });
  }
  if (!merges) return result;
  seen ??= new Set(result.map((entry) => entry.key));
  for (const merge of merges) {
    for (const source of mergeSources(merge, host)) {
      if (visited.has(source)) continue;
      for (const entry of mapEntries(source, host, visited)) {
        if (seen.has(entry.key)) continue;
        seen.add(entry.key);
        result.push({ key: entry.key, pair: entry.pair, via: merge });
      }
    }
  }
  return result;
}
