import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Alias, type Node, type Pair } from 'yaml';
import { ALL_KEYS, noteRead, recordingReads } from './compose-reads';
import { mapEntries, mergedPair, type EntrySource } from './compose-map-entries';
import { toPlain, type ToJSOptions } from './compose-yaml-maps';
import { isInterpolated } from './interpolation';
import type { LineIndex } from './text';
import type { Range } from './types';

export type ComposeScalar = string | number | boolean | null;
export type PathSegment = string | number;

/**
 * Where a value is written, seen from the map that holds it: `local` (right there), `alias` (an
 * `*alias` points at an anchor elsewhere), `merge` (inherited through a `<<` merge key).
 */
export type ValueOrigin = 'local' | 'alias' | 'merge';

export { MergeTag, type ToJSOptions } from './compose-yaml-maps';
export type { EntrySource } from './compose-map-entries';

/** What a ComposeNode needs from its document. */
export interface NodeHost {
  readonly text: string;
  readonly lines: LineIndex;
  /** The document's root YAML node (for measuring its indentation style). */
  readonly yamlRoot: Node | null;
  aliasTarget(alias: Alias): Node | undefined;
}

/** @internal How navigation builds a node. */
export interface NodeInit {
  /** The YAML node holding the value (aliases resolved; never an Alias). */
  yaml: Node;
  /** Keys and indexes from the document root, e.g. `['services', 'web', 'ports', 0]`. */
  path: readonly PathSegment[];
  /** The key node as written (possibly inside an anchor), for map entries. */
  keyNode?: Node;
  /** The pair holding this value in its map; kept only when the value is written locally (for edits). */
  pair?: Pair;
  /** The map or sequence this value was reached from. */
  parent?: ComposeNode;
  site?: Site;
}

/** The node a value is reported at when it is not written locally: the `*alias` or the `<<: ...` pair. */
interface Site {
  node: Node | Pair;
  origin: Exclude<ValueOrigin, 'local'>;
}

/**
 * A value of the Compose document with aliases and `<<` merge keys resolved for reading, and the
 * range to report at: its own text when written in place, otherwise the alias or merge key in the
 * map the user edits (so a fix or a suppression comment lands in the service, not in the anchor).
 */
export class ComposeNode {
  /** The YAML node holding the value (aliases resolved; never an Alias). */
  readonly yaml: Node;
  /** Keys and indexes from the document root, e.g. `['services', 'web', 'ports', 0]`. */
  readonly path: readonly PathSegment[];
  /** The key node as written (possibly inside an anchor), for map entries. */
  readonly keyNode: Node | undefined;
  /** The pair holding this value in its map, only when the value is written locally (for edits). */
  readonly pair: Pair | undefined;
  /** The map or sequence this value was reached from (undefined for the root). */
  readonly parent: ComposeNode | undefined;
  private readonly site: Site | undefined;

  /** @internal Built by ComposeDoc and by navigation; rules never construct nodes. */
  constructor(readonly host: NodeHost, init: NodeInit) {
    this.yaml = init.yaml;
    this.path = init.path;
    this.keyNode = init.keyNode;
    this.pair = init.site ? undefined : init.pair;
    this.parent = init.parent;
    this.site = init.site;
  }

  // ---- identity and ranges -------------------------------------------------------------------

  /** The key (map entry) or index (sequence item) of this value; undefined for the root. */
  get key(): PathSegment | undefined {
    return this.path[this.path.length - 1];
  }

  get origin(): ValueOrigin {
    return this.site?.origin ?? 'local';
  }

  /** True when the value's text is right here, so edits to it change only this place. */
  get isLocal(): boolean {
    return this.site === undefined;
  }

  /** Where to report a problem with the value: its text, or the alias / merge key it comes through. */
  get range(): Range {
    return this.site ? this.rangeOfNode(this.site.node) : this.sourceRange;
  }

  /** Where to report a problem with the entry as a whole: the key, or the alias / merge key. */
  get keyRange(): Range {
    if (this.site) return this.rangeOfNode(this.site.node);
    return this.keyNode ? this.rangeOfNode(this.keyNode) : this.headRange;
  }

  /** The value's own text, even inside an anchor elsewhere (for reading, or for an explicit edit of the anchor). */
  get sourceRange(): Range {
    return this.rangeOfNode(this.yaml);
  }

  /**
   * A one-line place to report: the value itself for a non-empty scalar, the key (or alias / merge
   * key) for collections and empty values, so a diagnostic never spans a whole block.
   */
  get headRange(): Range {
    if (this.site) return this.rangeOfNode(this.site.node);
    if (isScalar(this.yaml) && this.yaml.value !== null && this.yaml.value !== '') return this.sourceRange;
    if (this.keyNode) return this.rangeOfNode(this.keyNode);
    const start = this.host.lines.positionAt(this.yaml.range?.[0] ?? 0);
    return { start, end: { line: start.line, character: this.host.lines.lineText(start.line).length } };
  }

  /** Dotted path for messages: `services.web.ports[0]`. */
  get pathText(): string {
    return formatPath(this.path);
  }

  // ---- kinds and scalar values ---------------------------------------------------------------

  get kind(): 'map' | 'seq' | 'scalar' {
    return isMap(this.yaml) ? 'map' : isSeq(this.yaml) ? 'seq' : 'scalar';
  }

  get isMap(): boolean {
    return isMap(this.yaml);
  }

  get isSeq(): boolean {
    return isSeq(this.yaml);
  }

  /** Block (indented) or flow (`[...]`, `{...}`) style of a collection; undefined for scalars. */
  get isFlow(): boolean | undefined {
    return isMap(this.yaml) || isSeq(this.yaml) ? !!this.yaml.flow : undefined;
  }

  /** The scalar's value as YAML 1.2 resolved it (`yes` is a string), or undefined for a collection. */
  get value(): ComposeScalar | undefined {
    if (!isScalar(this.yaml)) return undefined;
    const value = this.yaml.value;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    return value === undefined ? null : String(value);
  }

  /** The scalar as text (`8080` for a number, `true` for a boolean); undefined for null and collections. */
  get text(): string | undefined {
    const value = this.value;
    return value === null || value === undefined ? undefined : String(value);
  }

  /** True for `key:` with nothing after it, `~` and `null`. */
  get isNull(): boolean {
    return isScalar(this.yaml) && this.value === null;
  }

  /** True when the value holds `$VAR` / `${...}`: it is only known at run time, so never judge it. */
  get isInterpolated(): boolean {
    return isInterpolated(this.value);
  }

  /** `true`/`false`, also from the strings Compose accepts for booleans; undefined otherwise. */
  get bool(): boolean | undefined {
    const value = this.value;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    return undefined;
  }

  /** The YAML tag as written (`!reset`, `!override`), if any. */
  get tag(): string | undefined {
    return this.yaml.tag;
  }

  /** `PLAIN`, `QUOTE_SINGLE`, `QUOTE_DOUBLE`, `BLOCK_LITERAL`, `BLOCK_FOLDED`; undefined for collections. */
  get scalarStyle(): string | undefined {
    return isScalar(this.yaml) ? (this.yaml.type ?? 'PLAIN') : undefined;
  }

  /**
   * Range of `value.slice(start, end)` inside the scalar's text, when the text maps one to one onto
   * the value (plain, or quoted without escapes, on one line, written locally); otherwise the whole
   * value's range. Use it to report at a word, e.g. the tag in `image: "postgres:latest"`.
   */
  subRange(start: number, end: number): Range {
    const offset = this.valueTextOffset();
    if (offset === undefined) return this.range;
    return this.host.lines.rangeOf(offset + start, offset + end);
  }

  /** Offset in the document where the scalar's value text starts, if it maps one to one. */
  valueTextOffset(): number | undefined {
    if (!this.isLocal || !isScalar(this.yaml) || typeof this.yaml.value !== 'string' || !this.yaml.range) return undefined;
    const [start, end] = this.yaml.range;
    const source = this.host.text.slice(start, end);
    const value = this.yaml.value;
    const type = this.yaml.type ?? 'PLAIN';
    if (type === 'PLAIN' && source === value) return start;
    if ((type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') && source.slice(1, -1) === value) return start + 1;
    return undefined;
  }

  // ---- navigation ----------------------------------------------------------------------------

  /** The value of `key` in this map, looking through `<<` merge keys; undefined when absent or not a map. */
  get(key: string): ComposeNode | undefined {
    if (recordingReads()) this.noteServiceRead(key);
    if (!isMap(this.yaml)) return undefined;
    const found = mergedPair(this.yaml, key, this.host);
    return found ? this.child(found.pair, key, found.via) : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Follows keys and indexes: `service.at('deploy', 'resources', 'limits')`. */
  at(...path: readonly PathSegment[]): ComposeNode | undefined {
    return path.reduce<ComposeNode | undefined>((node, segment) => (typeof segment === 'number' ? node?.items()[segment] : node?.get(segment)), this);
  }

  /** The map's entries (own keys first, then keys merged in through `<<`); [] when not a map. */
  entries(): ComposeNode[] {
    const result: ComposeNode[] = [];
    for (const source of this.entrySources()) result.push(this.entryNode(source));
    return result;
  }

  /**
   * @internal What `entries()` lists, before its nodes are built (`entryNode`): ComposeDoc builds a
   * service's node only when read, and an edit reads few. Reads are noted as by `entries()`.
   */
  entrySources(): EntrySource[] {
    if (recordingReads()) this.noteServiceRead(ALL_KEYS);
    if (!isMap(this.yaml)) return [];
    const sources = mapEntries(this.yaml, this.host);
    // An alias to no anchor has no node (only in YAML a whole parse rejects): left out.
    const resolves = ({ pair }: EntrySource): boolean => !isAlias(pair.value) || this.host.aliasTarget(pair.value) !== undefined;
    for (const source of sources) if (!resolves(source)) return sources.filter(resolves);
    return sources;
  }

  /** @internal The node `entries()` builds for one of `entrySources()`. */
  entryNode(source: EntrySource): ComposeNode {
    return this.child(source.pair, source.key, source.via) as ComposeNode;
  }

  /** The map's keys, merged keys included. */
  keys(): string[] {
    return this.entries().map((entry) => String(entry.key));
  }

  /** The sequence's items (aliases resolved); [] when not a sequence. */
  items(): ComposeNode[] {
    if (recordingReads()) this.noteServiceRead(ALL_KEYS);
    if (!isSeq(this.yaml)) return [];
    const result: ComposeNode[] = [];
    this.yaml.items.forEach((item, index) => {
      const node = this.resolve(item as Node, this.path.concat(index), undefined, undefined, undefined);
      if (node) result.push(node);
    });
    return result;
  }

  /**
   * For fields written as one string or a list of strings (`env_file`, `dns`, `tmpfs`, `command`):
   * the scalar nodes, one per string. Nested collections are skipped.
   */
  strings(): ComposeNode[] {
    if (isScalar(this.yaml)) return this.isNull ? [] : [this];
    return this.items().filter((item) => item.kind === 'scalar' && !item.isNull);
  }

  /**
   * For `list_or_dict` fields (`environment`, `labels`, `build.args`, `sysctls`): one entry per
   * variable, whether written `KEY: value` or `- KEY=value` (`- KEY` alone has value undefined:
   * Compose takes it from the shell).
   */
  dictEntries(): DictEntry[] {
    if (isMap(this.yaml)) {
      return this.entries().map((entry) => ({
        name: String(entry.key), value: entry.kind === 'scalar' ? entry.value ?? null : undefined,
        node: entry, nameRange: entry.keyRange, valueRange: entry.headRange,
      }));
    }
    return this.items().filter((item) => item.kind === 'scalar' && item.text !== undefined).map((item) => {
      const text = item.text as string;
      const eq = text.indexOf('=');
      const name = eq < 0 ? text : text.slice(0, eq);
      return {
        name, value: eq < 0 ? undefined : text.slice(eq + 1), node: item,
        nameRange: item.subRange(0, name.length), valueRange: eq < 0 ? item.range : item.subRange(eq + 1, text.length),
      };
    });
  }

  /** The value as plain data (merge keys applied, aliases shared, objects without prototype). */
  toJS(options: ToJSOptions = {}): unknown {
    if (recordingReads()) this.noteServiceRead(ALL_KEYS);
    return toPlain(this.yaml, this.host, options, new Map());
  }

  // ---- internals -----------------------------------------------------------------------------

  /** A read of a service's own value (`services.<name>`) by key (compose-reads.ts). */
  private noteServiceRead(key: string): void {
    if (this.path.length === 2 && this.path[0] === 'services') noteRead(String(this.path[1]), key);
  }

  private child(pair: Pair, key: string, via: Pair | undefined): ComposeNode | undefined {
    const site: Site | undefined = this.site ?? (via ? { node: via, origin: 'merge' } : undefined);
    // `concat` rather than a spread, which V8 builds through an iterator: a third of the bytes.
    return this.resolve(pair.value as Node | null, this.path.concat(key), pair.key as Node, site ? undefined : pair, site);
  }

  private resolve(raw: Node | null, path: PathSegment[], keyNode: Node | undefined, pair: Pair | undefined, inherited: Site | undefined): ComposeNode | undefined {
    let site = inherited ?? this.site;
    let node = raw ?? emptyValue(keyNode);
    if (isAlias(node)) {
      const target = this.host.aliasTarget(node);
      if (!target) return undefined;
      site = site ?? { node, origin: 'alias' };
      node = target;
    }
    return new ComposeNode(this.host, { yaml: node, path, keyNode, pair, parent: this, site });
  }

  private rangeOfNode(node: Node | Pair): Range {
    if (isPair(node)) {
      const start = (node.key as Node | null)?.range?.[0] ?? 0;
      const end = (node.value as Node | null)?.range?.[1] ?? (node.key as Node | null)?.range?.[1] ?? start;
      return this.host.lines.rangeOf(start, end);
    }
    const [start, end] = node.range ?? [0, 0];
    return this.host.lines.rangeOf(start, trimmedEnd(this.host.text, start, end));
  }
}

/** Block collections end after their last line break; ranges stop at the last character instead. */
function trimmedEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1])) trimmed--;
  return trimmed;
}

export interface DictEntry {
  name: string;
  /** The value; null for `KEY:` with nothing, undefined for `- KEY` (taken from the shell) or a nested collection. */
  value: ComposeScalar | undefined;
  /** The map value node, or the list item (`KEY=value`). */
  node: ComposeNode;
  nameRange: Range;
  valueRange: Range;
}

/** `{key}` in a flow map has no value node: stand in a null scalar right after the key. */
function emptyValue(keyNode: Node | undefined): Node {
  const empty = new Scalar(null);
  const end = keyNode?.range?.[1] ?? 0;
  empty.range = [end, end, end];
  return empty;
}

/** `services.web.ports[0]`; keys that are not plain words are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += (text ? '.' : '') + (/^[\w.-]+$/.test(segment) ? segment : JSON.stringify(segment));
  }
  return text;
}
