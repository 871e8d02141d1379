/**
 * Minimal YAML edits for Compose quick fixes. Each helper touches only the lines it must, keeps
 * comments, quoting style and the document's indentation (its indent unit, and whether list dashes
 * are indented under their key), uses the document's line break, and returns undefined when the
 * edit is not possible in place (the value comes through an alias or merge key, or its layout is
 * unusual): the rule then offers no fix rather than a wrong one.
 */
import { isMap, isNode, isScalar, isSeq, visit, type Node, type Pair } from 'yaml';
import type { ComposeNode, NodeHost } from './compose-node';
import { styleAmong, styleOf, type YamlStyle } from './compose-style';
import type { TextEdit } from './types';

export { styleOf, type YamlStyle };

/** Text inserted as is, for values already written as YAML (e.g. `${DB_PASSWORD:?set it in .env}` in a known context). */
export class RawYaml {
  constructor(readonly text: string) {}
}

/** A value to write: strings are quoted when YAML needs it; arrays and objects become block (or flow) collections. */
export type EditValue = string | number | boolean | null | RawYaml | readonly EditValue[] | { readonly [key: string]: EditValue };

export function rawYaml(text: string): RawYaml {
  return new RawYaml(text);
}

/** Inserts `key: value` as the last entry of a map (block, flow, or an empty `key:`), or right after the entry `after`. */
export function insertKey(map: ComposeNode, key: string, value: EditValue, options: { after?: string } = {}): TextEdit[] | undefined {
  return insertEntries(map, { [key]: value }, options);
}

/** Inserts several entries at once, in order, as one edit (e.g. `read_only: true` and `tmpfs: [/tmp]`). */
export function insertEntries(map: ComposeNode, entries: Readonly<Record<string, EditValue>>, options: { after?: string } = {}): TextEdit[] | undefined {
  if (!map.isLocal || Object.keys(entries).length === 0 || isReset(map)) return undefined;
  const { host } = map;
  const yaml = map.yaml;
  // New entries look like their siblings: the map's own when it has entries, else its parent's.
  const style = styleAmong(host, isMap(yaml) && yaml.items.length > 0 ? yaml : map.parent?.yaml);
  const eol = host.lines.eol;
  if (isMap(yaml) && yaml.flow) {
    return insertInFlow(host, yaml as Node, '}', Object.entries(entries).map(([key, value]) => `${renderKey(key, true)}: ${renderFlow(value, true)}`).join(', '));
  }
  const block = (indent: number): string => Object.entries(entries).map(([key, value]) => renderEntry(key, value, indent, style, eol)).join(eol);
  if (isMap(yaml)) {
    // A key the map already writes (e.g. as `read_only: !reset false`) would be repeated, which Compose rejects.
    if (yaml.items.length === 0 || yaml.items.some((pair) => isScalar(pair.key) && Object.hasOwn(entries, String(pair.key.value)))) return undefined;
    const indent = columnOf(host, (yaml.items[0].key as Node).range?.[0] ?? 0);
    const anchor = (options.after && yaml.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === options.after)) || yaml.items[yaml.items.length - 1];
    const at = insertionPoint(host, lastLineOfPair(host, anchor));
    return at === undefined ? undefined : [insertText(host, at, eol + block(indent))];
  }
  if (isScalar(yaml) && yaml.value === null && map.keyNode) {
    return withEmptyValueReplaced(map, block(columnOf(host, map.keyNode.range?.[0] ?? 0) + style.indent));
  }
  return undefined;
}

/** Adds an item to a list: a new `- item` line, `, item` in a `[flow]` list, or turns `key: one` into `key: [one, item]`. */
export function appendItem(list: ComposeNode, value: EditValue): TextEdit[] | undefined {
  if (!list.isLocal || isReset(list)) return undefined;
  const { host } = list;
  const style = styleAmong(host, list.parent?.yaml);
  const yaml = list.yaml;
  if (isSeq(yaml) && yaml.flow) return insertInFlow(host, yaml as Node, ']', renderFlow(value, true));
  if (isSeq(yaml)) {
    const last = yaml.items[yaml.items.length - 1] as Node | undefined;
    if (!last?.range || !yaml.range) return undefined;
    const dash = columnOf(host, yaml.range[0]);
    const at = insertionPoint(host, lastLineOf(host, last));
    return at === undefined ? undefined : [insertText(host, at, host.lines.eol + ' '.repeat(dash) + renderItem(value, dash, style, host.lines.eol))];
  }
  if (isScalar(yaml) && yaml.value === null && list.keyNode) {
    const dash = columnOf(host, list.keyNode.range?.[0] ?? 0) + style.sequenceIndent;
    return withEmptyValueReplaced(list, ' '.repeat(dash) + renderItem(value, dash, style, host.lines.eol));
  }
  if (isScalar(yaml) && yaml.range && !String(yaml.type).startsWith('BLOCK')) {
    const [start, end] = yaml.range;
    // An empty value after a tag (`tmpfs: !override`) is no item to keep: `["", item]` would add an empty one.
    if (start === end) return undefined;
    const source = host.text.slice(start, end);
    const first = yaml.type === 'PLAIN' && !isPlainSafe(String(yaml.value), true) ? renderScalar(String(yaml.value), true) : source;
    return [{ range: host.lines.rangeOf(start, end), newText: `[${first}, ${renderFlow(value, true)}]` }];
  }
  return undefined;
}

/** Replaces a scalar, keeping its quotes (`"..."`, `'...'`, plain when still safe). Inherited values only with `editAnchor`. */
export function replaceScalar(node: ComposeNode, value: string | number | boolean, options: { editAnchor?: boolean } = {}): TextEdit | undefined {
  const yaml = node.yaml;
  if ((!node.isLocal && !options.editAnchor) || !isScalar(yaml) || !yaml.range || isReset(node)) return undefined;
  const flow = !!node.parent?.isFlow;
  const text = typeof value !== 'string' ? String(value) : renderInStyle(value, yaml.type ?? 'PLAIN', flow);
  const [start, end] = yaml.range;
  // A block scalar's range runs past its last line break (and the blank lines after it): keep those, or the next key joins this line.
  const valueEnd = String(yaml.type).startsWith('BLOCK') ? start + node.host.text.slice(start, end).replace(/[ \t\r\n]+$/, '').length : end;
  // An empty value right after its tag or anchor (`read_only: !override`) needs a blank before the new one.
  const separated = start === valueEnd && /[^\s[{,:-]/.test(node.host.text[start - 1] ?? '') ? ` ${text}` : text;
  return { range: node.host.lines.rangeOf(start, valueEnd), newText: separated };
}

/**
 * Replaces `value.slice(start, end)` of a string scalar (e.g. the tag in `image: "postgres:latest"`)
 * with `text`, touching only those characters when the quoting allows; otherwise rewrites the scalar.
 */
export function replaceInScalar(node: ComposeNode, start: number, end: number, text: string): TextEdit | undefined {
  const current = node.text;
  if (current === undefined || isReset(node)) return undefined;
  const next = current.slice(0, start) + text + current.slice(end);
  const offset = node.valueTextOffset();
  const type = node.scalarStyle ?? 'PLAIN';
  const fits = type === 'QUOTE_DOUBLE' ? !/["\\\p{Cc}]/u.test(text) : type === 'QUOTE_SINGLE' ? !/['\p{Cc}]/u.test(text) : isPlainSafe(next, !!node.parent?.isFlow);
  if (offset !== undefined && fits) return { range: node.host.lines.rangeOf(offset + start, offset + end), newText: text };
  return replaceScalar(node, next);
}

/** Whether the nodes declare an anchor (`&name`) that an alias (`*name`) uses: deleting them would leave the alias undefined. */
function definesUsedAnchor(host: NodeHost, nodes: readonly unknown[]): boolean {
  const anchors: string[] = [];
  for (const node of nodes) {
    if (!isNode(node)) continue;
    if (node.anchor) anchors.push(node.anchor);
    visit(node, (_key, child) => {
      if (isNode(child) && child.anchor) anchors.push(child.anchor);
    });
  }
  return anchors.some((name) => host.text.includes(`*${name}`));
}

/** Deletes a map entry with its line(s); the last entry of a block map leaves `key: {}`. */
export function deleteEntry(entry: ComposeNode): TextEdit[] | undefined {
  const pair = entry.pair;
  const parent = entry.parent;
  if (!pair || !parent?.isLocal || !isMap(parent.yaml) || isReset(parent)) return undefined;
  const { host } = entry;
  const keyStart = (pair.key as Node).range?.[0];
  if (keyStart === undefined || definesUsedAnchor(host, [pair.key, pair.value])) return undefined;
  const end = endOfPair(host, pair);
  if (parent.yaml.flow) return removeFromFlow(host, parent.yaml.items, pair, keyStart, end);
  const lineStart = host.lines.lineStart(host.lines.positionAt(keyStart).line);
  if (host.text.slice(lineStart, keyStart).trim() !== '') {
    // `- key: v` (the map is a list item): pull the next entry up after the dash, or drop the item.
    const index = parent.yaml.items.indexOf(pair);
    const next = parent.yaml.items[index + 1];
    if (index === 0 && next?.key && (next.key as Node).range) return [removeText(host, keyStart, (next.key as Node).range?.[0] ?? keyStart)];
    if (index === 0 && parent.yaml.items.length === 1 && parent.parent?.isSeq) return deleteItem(parent);
    return undefined;
  }
  const removal = removeText(host, lineStart, lineBreakAfter(host, end, lineStart));
  if (parent.yaml.items.length > 1) return [removal];
  const empty = emptyMarker(parent, '{}');
  return empty ? [removal, empty] : [removal];
}

/** Deletes a list item with its line(s); the last item of a block list leaves `key: []`. */
export function deleteItem(item: ComposeNode): TextEdit[] | undefined {
  const parent = item.parent;
  const yaml = item.yaml;
  if (!parent?.isLocal || !isSeq(parent.yaml) || !yaml.range || typeof item.key !== 'number' || isReset(parent)) return undefined;
  const { host } = item;
  const raw = parent.yaml.items[item.key] as Node;
  if (definesUsedAnchor(host, [raw])) return undefined;
  const start = raw?.range?.[0] ?? yaml.range[0];
  const end = endOf(host, raw ?? yaml);
  if (parent.yaml.flow) return removeFromFlow(host, parent.yaml.items as Node[], raw, start, end);
  const line = host.lines.positionAt(start).line;
  const before = host.text.slice(host.lines.lineStart(line), start);
  if (!/^\s*-\s+$/.test(before) && !/^\s*-$/.test(before)) return undefined;
  const lineStart = host.lines.lineStart(line);
  const removal = removeText(host, lineStart, lineBreakAfter(host, end, lineStart));
  if (parent.yaml.items.length > 1) return [removal];
  const empty = emptyMarker(parent, '[]');
  return empty ? [removal, empty] : [removal];
}

/** Renders a scalar for YAML: plain when safe and unambiguous (`8080` stays a string only when quoted), else double-quoted. */
export function renderScalar(value: string | number | boolean | null, flow = false): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  return isPlainSafe(value, flow) ? value : JSON.stringify(value);
}

/** Whether Compose discards the value: it or a value holding it is tagged `!reset`, so an edit inside changes nothing. */
function isReset(node: ComposeNode): boolean {
  for (let current: ComposeNode | undefined = node; current; current = current.parent) if (current.tag === '!reset') return true;
  return false;
}

// ---- rendering -------------------------------------------------------------------------------

function renderEntry(key: string, value: EditValue, indent: number, style: YamlStyle, eol: string): string {
  const pad = ' '.repeat(indent);
  if (value instanceof RawYaml || !isCollection(value)) return `${pad}${renderKey(key)}: ${renderFlow(value)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${pad}${renderKey(key)}: []`;
    const dash = indent + style.sequenceIndent;
    return `${pad}${renderKey(key)}:` + value.map((item) => eol + ' '.repeat(dash) + renderItem(item, dash, style, eol)).join('');
  }
  const entries = Object.entries(value as Record<string, EditValue>);
  if (entries.length === 0) return `${pad}${renderKey(key)}: {}`;
  return `${pad}${renderKey(key)}:` + entries.map(([k, v]) => eol + renderEntry(k, v, indent + style.indent, style, eol)).join('');
}

/** `- value` for a list item whose dash sits at column `dash`; maps continue on the lines below. */
function renderItem(value: EditValue, dash: number, style: YamlStyle, eol: string): string {
  if (value instanceof RawYaml || !isCollection(value)) return `- ${renderFlow(value)}`;
  if (Array.isArray(value)) return `- ${renderFlow(value)}`;
  const entries = Object.entries(value as Record<string, EditValue>);
  if (entries.length === 0) return '- {}';
  const [first, ...rest] = entries.map(([k, v]) => renderEntry(k, v, dash + 2, style, eol));
  return `- ${first.trimStart()}` + rest.map((entry) => eol + entry).join('');
}

/** A value on one line; inside `[...]`/`{...}` (`inFlow`) commas and brackets need quotes too. */
function renderFlow(value: EditValue, inFlow = false): string {
  if (value instanceof RawYaml) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => renderFlow(item, true)).join(', ')}]`;
  if (isCollection(value)) return `{${Object.entries(value as Record<string, EditValue>).map(([k, v]) => `${renderKey(k, true)}: ${renderFlow(v, true)}`).join(', ')}}`;
  return renderScalar(value as string | number | boolean | null, inFlow);
}

function renderKey(key: string, flow = false): string {
  return isPlainSafe(key, flow) ? key : JSON.stringify(key);
}

function isCollection(value: EditValue): value is readonly EditValue[] | { readonly [key: string]: EditValue } {
  return typeof value === 'object' && value !== null && !(value instanceof RawYaml);
}

function renderInStyle(value: string, type: string, flow: boolean): string {
  if (type === 'QUOTE_SINGLE' && !/\p{Cc}/u.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (type === 'PLAIN' && isPlainSafe(value, flow)) return value;
  return JSON.stringify(value);
}

/** True when `value` can be written without quotes and still reads back as this string. */
export function isPlainSafe(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\p{Cc}\n]/u.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/^[-?:][^\s,[\]{}]/.test(value)) return false;
  if (/:(\s|$)|\s#/.test(value)) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  // Would read back as another type (YAML 1.2 core, plus YAML 1.1 booleans and base-60 numbers:
  // `22:22` is 1342 there, so digits with colons, like ports and `1000:1000`, are always quoted).
  if (/^[-+]?[\d_]+(:[\d_]+)+(\.\d*)?$/.test(value)) return false;
  return !/^(~|null|true|false|yes|no|on|off|y|n|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/i.test(value);
}

// ---- positions -------------------------------------------------------------------------------

function columnOf(host: NodeHost, offset: number): number {
  return host.lines.positionAt(offset).character;
}

/** Offset just past the value's last character (block collections end after their line break). */
function endOf(host: NodeHost, node: Node): number {
  const [start, end] = node.range ?? [0, 0];
  let trimmed = end;
  while (trimmed > start && /\s/.test(host.text[trimmed - 1])) trimmed--;
  return trimmed;
}

function endOfPair(host: NodeHost, pair: Pair): number {
  const value = pair.value as Node | null;
  if (value?.range && value.range[1] > value.range[0]) return endOf(host, value);
  return endOf(host, pair.key as Node);
}

function lastLineOf(host: NodeHost, node: Node): number {
  return host.lines.positionAt(endOf(host, node)).line;
}

function lastLineOfPair(host: NodeHost, pair: Pair): number {
  return host.lines.positionAt(endOfPair(host, pair)).line;
}

/**
 * End of the removal of lines ending at `end`: through the line break, plus one following blank
 * line when the removed block was preceded by a blank line or the start (no double blank lines left).
 */
function lineBreakAfter(host: NodeHost, end: number, removalStart: number): number {
  const lines = host.lines;
  const line = lines.positionAt(end).line;
  if (line + 1 >= lines.lineCount) return lines.text.length;
  let stop = lines.lineStart(line + 1);
  const firstLine = lines.positionAt(removalStart).line;
  const precededByBlank = firstLine === 0 || lines.lineText(firstLine - 1).trim() === '';
  if (precededByBlank && line + 2 < lines.lineCount && lines.lineText(line + 1).trim() === '') stop = lines.lineStart(line + 2);
  return stop;
}

/**
 * The end of `line`, where new lines go; undefined when the line ends in a lone CR: editors break the
 * line there but YAML reads the CR as part of the value, which the inserted text would then follow.
 */
function insertionPoint(host: NodeHost, line: number): number | undefined {
  const end = host.lines.lineEnd(line);
  return host.text[end] === '\r' && host.text[end + 1] !== '\n' ? undefined : end;
}

function insertText(host: NodeHost, offset: number, text: string): TextEdit {
  const position = host.lines.positionAt(offset);
  return { range: { start: position, end: position }, newText: text };
}

function removeText(host: NodeHost, start: number, end: number): TextEdit {
  return { range: host.lines.rangeOf(start, end), newText: '' };
}

function insertInFlow(host: NodeHost, node: Node, close: string, text: string): TextEdit[] | undefined {
  const end = node.range?.[1];
  if (end === undefined || host.text[end - 1] !== close) return undefined;
  const before = host.text.slice(node.range?.[0] ?? 0, end - 1).trimEnd();
  const separator = before.endsWith('[') || before.endsWith('{') ? '' : before.endsWith(',') ? ' ' : ', ';
  const at = (node.range?.[0] ?? 0) + before.length;
  return [insertText(host, at, separator + text)];
}

/** Removes an item of a flow collection with one neighbouring comma. */
function removeFromFlow(host: NodeHost, items: readonly unknown[], item: unknown, start: number, end: number): TextEdit[] {
  const index = items.indexOf(item);
  const text = host.text;
  if (index < items.length - 1) {
    let stop = end;
    while (stop < text.length && /\s/.test(text[stop])) stop++;
    if (text[stop] === ',') stop++;
    while (stop < text.length && text[stop] === ' ') stop++;
    return [removeText(host, start, stop)];
  }
  let from = start;
  while (from > 0 && /\s/.test(text[from - 1])) from--;
  if (index > 0 && text[from - 1] === ',') from--;
  return [removeText(host, from, end)];
}

/** Puts `{}` / `[]` after the key of a collection that is about to become empty, so the key keeps its type. */
function emptyMarker(collection: ComposeNode, marker: string): TextEdit | undefined {
  const key = collection.keyNode;
  if (!key?.range) return undefined;
  const colon = collection.host.text.indexOf(':', key.range[1]);
  if (colon < 0) return undefined;
  return insertText(collection.host, colon + 1, ` ${marker}`);
}

/** `key:` with an empty value (or `~`): the new block goes on the lines below the key. */
function withEmptyValueReplaced(node: ComposeNode, block: string): TextEdit[] | undefined {
  const { host } = node;
  const key = node.keyNode;
  const yaml = node.yaml;
  if (!key?.range || !yaml.range) return undefined;
  const keyLine = host.lines.positionAt(key.range[0]).line;
  const at = insertionPoint(host, keyLine);
  if (at === undefined) return undefined;
  const edits: TextEdit[] = [];
  if (yaml.range[1] > yaml.range[0]) edits.push(removeText(host, yaml.range[0], yaml.range[1]));
  edits.push(insertText(host, at, host.lines.eol + block));
  return edits;
}
