/**
 * YAML maps as Compose reads them (compose-node.ts): keys as text, `<<` merge keys and the maps
 * they bring in, and values as plain data.
 */
import { isAlias, isMap, isScalar, isSeq, type Alias, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';

/** What resolving merge keys and aliases needs from the document. */
export interface AliasTargets {
  aliasTarget(alias: Alias): Node | undefined;
}

/** `!reset` / `!override` in override files (Compose merge tags), kept by `toJS({ mergeTags: true })`. */
export class MergeTag {
  constructor(readonly tag: '!reset' | '!override', readonly value: unknown) {}
}

export interface ToJSOptions {
  /** Wrap values tagged `!reset` / `!override` in {@link MergeTag} (for merging override files). */
  mergeTags?: boolean;
}

const indexCache = new WeakMap<YAMLMap, { index: Map<string, Pair>; merges: Pair[] }>();
/** Maps whose keys are known not to repeat (`markUniqueKeys`). */
const uniqueKeyMaps = new WeakSet<YAMLMap>();

/**
 * Marks a map whose keys (as `keyText` reads them) were checked not to repeat, such as the
 * services map stitched at each edit: listing its entries then needs no set of the keys seen.
 */
export function markUniqueKeys(map: YAMLMap): void {
  uniqueKeyMaps.add(map);
}

/** Whether `markUniqueKeys` marked the map. */
export function keysKnownUnique(map: YAMLMap): boolean {
  return uniqueKeyMaps.has(map);
}

/** True for a `<<` merge key (YAML 1.1 merge, which Compose supports). */
export function isMergePair(pair: Pair): boolean {
  const key = pair.key;
  if (!isScalar(key)) return false;
  const value = key.value;
  return (typeof value === 'symbol' && value.description === '<<') || (value === '<<' && (key.type ?? 'PLAIN') === 'PLAIN');
}

/** The key of a pair as text; undefined for merge keys and collection keys. */
export function keyText(pair: Pair): string | undefined {
  if (isMergePair(pair)) return undefined;
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return '';
  return undefined;
}

/** A map's keys (the first pair of each) and its `<<` merge pairs, computed once per map. */
export function mapIndex(map: YAMLMap): { index: Map<string, Pair>; merges: Pair[] } {
  let found = indexCache.get(map);
  if (!found) {
    found = { index: new Map(), merges: [] };
    for (const pair of map.items) {
      const text = keyText(pair);
      if (text !== undefined) {
        if (!found.index.has(text)) found.index.set(text, pair);
      } else if (isMergePair(pair)) {
        found.merges.push(pair);
      }
    }
    indexCache.set(map, found);
  }
  return found;
}

/** The maps a `<<` value brings in: one map, an alias to one, or a sequence of those (earlier wins). */
export function mergeSources(pair: Pair, host: AliasTargets): YAMLMap[] {
  const resolve = (node: unknown): YAMLMap | undefined => {
    const target = isAlias(node) ? host.aliasTarget(node) : node;
    return isMap(target) ? target : undefined;
  };
  const value = isAlias(pair.value) ? host.aliasTarget(pair.value) : pair.value;
  if (isSeq(value)) return value.items.map(resolve).filter((map): map is YAMLMap => !!map);
  const single = resolve(value);
  return single ? [single] : [];
}

/** The value as plain data (merge keys applied, aliases shared, objects without prototype). */
export function toPlain(node: Node | null | undefined, host: AliasTargets, options: ToJSOptions, memo: Map<Node, unknown>): unknown {
  if (!node) return null;
  if (isAlias(node)) return toPlain(host.aliasTarget(node), host, options, memo);
  const known = memo.get(node);
  if (known !== undefined) return known;
  let result: unknown;
  if (isScalar(node)) {
    const value = (node as Scalar).value;
    result = value === undefined ? null : typeof value === 'bigint' ? Number(value) : value;
  } else if (isSeq(node)) {
    result = node.items.map((item) => toPlain(item as Node, host, options, memo));
  } else if (isMap(node)) {
    const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const pair of node.items) {
      const key = keyText(pair);
      if (key !== undefined && !(key in object)) object[key] = toPlain(pair.value as Node, host, options, memo);
    }
    for (const pair of node.items) {
      if (!isMergePair(pair)) continue;
      for (const source of mergeSources(pair, host)) {
        const merged = toPlain(source, host, options, memo) as Record<string, unknown>;
        for (const key of Object.keys(merged)) if (!(key in object)) object[key] = merged[key];
      }
    }
    result = object;
  } else {
    result = null;
  }
  if (options.mergeTags && (node.tag === '!reset' || node.tag === '!override')) result = new MergeTag(node.tag, result);
  memo.set(node, result);
  return result;
}
