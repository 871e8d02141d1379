/**
 * A service that does not parse alone, as a half-typed value leaves it (`user: "node"x`): yaml
 * reads it again in a small window, a `services:` line, the service before, the broken service and
 * the part after it. When the window shows the damage stays inside the service (every error lies in
 * it, and its neighbours read exactly as they do alone), what yaml made of it and the problems it
 * reported are what a whole parse gives, so the file need not be parsed whole while its YAML is
 * broken. Broken top-level entries are left to a whole parse: yaml recovers from them differently
 * depending on what comes before.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { moveNodes, type ParsedChunk } from './compose-chunk-parse';
import type { ChunkSpan } from './compose-chunks';
import { YAML_OPTIONS, yamlProblems, type YamlProblem } from './compose-parse';
import type { RecoveredPart } from './compose-stitch';

const PREFIX = 'services:\n';

/** The broken service's entries (ranges in the file) and yaml's problems; undefined when the damage may reach past it. */
export function recoverBrokenPart(text: string, span: ChunkSpan, previous: ParsedChunk | undefined, next: ParsedChunk | undefined): { part: RecoveredPart; problems: YamlProblem[] } | undefined {
  if (span.kind !== 'service') return undefined;
  const before = previous?.kind === 'service' ? previous : undefined;
  const start = before ? before.offset : span.start;
  const end = next ? next.offset + next.text.length : span.end;
  const delta = start - PREFIX.length;
  const document = parseDocument(PREFIX + text.slice(start, end), YAML_OPTIONS);
  const reported = [...document.errors, ...document.warnings];
  if (reported.some((error) => error.code === 'RESOURCE_EXHAUSTION' || error.pos[0] + delta < span.start || error.pos[1] + delta > span.end)) return undefined;
  const root = document.contents;
  if (!isMap(root) || root.flow) return undefined;
  const [services, ...after] = root.items;
  if (!services || !isScalar(services.key) || services.key.value !== 'services' || !isMap(services.value) || services.value.flow) return undefined;
  const entries = [...services.value.items];
  const neighbours: [Pair | undefined, Pair | undefined][] = [];
  if (before) neighbours.push([entries.shift(), before.pair]);
  if (next?.kind === 'service') neighbours.push([entries.pop(), next.pair]);
  else if (next?.pair) neighbours.push([after.pop(), next.pair]);
  if (after.length > 0 || neighbours.some(([read, alone]) => !read || !alone || !sameTree(read, alone, delta))) return undefined;
  for (const pair of entries) moveNodes(pair, delta);
  return { part: { kind: span.kind, pairs: entries }, problems: yamlProblems(text, document, delta) };
}

/** Whether two trees are the same but for `delta` in their ranges: kinds, values, styles, tags, anchors. */
function sameTree(moved: Node | Pair, placed: Node | Pair, delta: number): boolean {
  const stack: [unknown, unknown][] = [[moved, placed]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [unknown, unknown];
    if (a === null || a === undefined || b === null || b === undefined) {
      if (a !== b && !(a == null && b == null)) return false;
      continue;
    }
    if (isPair(a) || isPair(b)) {
      if (!isPair(a) || !isPair(b)) return false;
      stack.push([a.key, b.key], [a.value, b.value]);
      continue;
    }
    const x = a as Node;
    const y = b as Node;
    if (!x.range !== !y.range || (x.range && y.range && (x.range[0] + delta !== y.range[0] || x.range[1] + delta !== y.range[1]))) return false;
    if (x.tag !== y.tag || x.anchor !== y.anchor) return false;
    if (isScalar(x)) {
      if (!isScalar(y) || !sameValue(x.value, y.value) || x.type !== y.type) return false;
    } else if (isAlias(x)) {
      if (!isAlias(y) || x.source !== y.source) return false;
    } else if (isMap(x) || isSeq(x)) {
      if ((isMap(x) ? !isMap(y) : !isSeq(y)) || !!x.flow !== !!(y as typeof x).flow) return false;
      const other = (y as typeof x).items as unknown[];
      if (x.items.length !== other.length) return false;
      x.items.forEach((item, index) => stack.push([item, other[index]]));
    } else {
      return false;
    }
  }
  return true;
}

/** Equal scalar values; yaml makes a new symbol for each `<<` merge key it reads. */
function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (typeof a === 'symbol' && typeof b === 'symbol' && a.description === b.description);
}
