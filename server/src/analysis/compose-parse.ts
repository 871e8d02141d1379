import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Alias, type Document, type Node, type Pair } from 'yaml';
import { LineIndex } from './text';

/** A problem that makes the YAML unusable for rules: syntax, duplicate keys, unresolvable or explosive aliases. */
export interface YamlProblem {
  code: string;
  /** Offsets in the text. */
  start: number;
  end: number;
  message: string;
}

/** Limits that keep analysis linear and shallow whatever the input. */
export const COMPOSE_LIMITS = Object.freeze({
  /** Collections nested deeper than this (directly or through aliases) are refused. */
  maxDepth: 200,
  /**
   * Values an alias-expanded document may hold beyond its own node count (alias bombs). This
   * replaces yaml's `maxAliasCount`, which only guards its `toJS`: we resolve aliases ourselves.
   */
  maxAliasExpansion: 200_000,
});

export interface ParsedYaml {
  document: Document.Parsed;
  /** The root node, or null for an empty document. */
  root: Node | null;
  problems: YamlProblem[];
  /** The anchored node an alias refers to (the last anchor of that name before it), or undefined. */
  aliasTarget(alias: Alias): Node | undefined;
}

/** `!reset` and `!override` are Compose merge tags; other unknown tags are tolerated too. */
const IGNORED_WARNINGS = new Set(['TAG_RESOLVE_FAILED']);

/**
 * Parses Compose YAML once, then checks what yaml does not: duplicate keys (in linear time: yaml's
 * own check is quadratic), aliases without anchors, alias cycles, alias bombs and deep nesting.
 * Never throws.
 */
export function parseComposeYaml(text: string, lines: LineIndex = new LineIndex(text)): ParsedYaml {
  const document = parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  const problems: YamlProblem[] = [];
  for (const error of [...document.errors, ...document.warnings.filter((warning) => !IGNORED_WARNINGS.has(warning.code))]) {
    const [start, end] = widen(text, error.code, error.message, error.pos[0], error.pos[1]);
    // yaml often reports one mistake twice at the same place; the first message is the useful one.
    if (!problems.some((problem) => problem.start === start)) problems.push({ code: error.code, start, end, message: yamlMessage(error.code, error.message) });
  }
  const root = (document.contents as Node | null) ?? null;
  const targets = new Map<Alias, Node | undefined>();
  const yamlGaveUp = problems.some((problem) => problem.code === 'RESOURCE_EXHAUSTION');
  const nodeCount = walk(root, lines, targets, problems, !yamlGaveUp);
  if (problems.length === 0 && targets.size > 0) checkAliasExpansion(root, targets, nodeCount, problems);
  problems.sort((a, b) => a.start - b.start);
  return { document, root, problems, aliasTarget: (alias) => targets.get(alias) };
}

function yamlMessage(code: string, message: string): string {
  const base = message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '').trim();
  switch (code) {
    case 'RESOURCE_EXHAUSTION': return 'The document nests too deeply to be analysed; flatten it.';
    case 'MULTIPLE_DOCS': return 'This file holds more than one YAML document (separated by ---); keep one Compose document per file.';
    case 'TAB_AS_INDENT': return 'Tabs are not allowed as indentation in YAML; indent with spaces.';
    case 'BLOCK_AS_IMPLICIT_KEY': return `${base}; quote a value that contains ": ".`;
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(message)?.[1];
      return quote ? `This string has no closing ${quote}; add it at the end of the value.` : `${base}.`;
    }
    default: return /[.!?]$/.test(base) ? base : `${base}.`;
  }
}

/**
 * yaml points at one character, often where it noticed the problem: an unclosed quote is shown
 * from its opening quote, and a one-character range grows to the word it starts.
 */
function widen(text: string, code: string, message: string, start: number, end: number): [number, number] {
  const lineEnd = (offset: number): number => {
    const newline = text.slice(offset).search(/\r|\n/);
    return newline < 0 ? text.length : offset + newline;
  };
  const quote = code === 'MISSING_CHAR' ? /closing (["'])/.exec(message)?.[1] : undefined;
  if (quote) {
    const opening = text.lastIndexOf(quote, Math.min(start, text.length) - 1);
    if (opening >= 0) return [opening, lineEnd(opening)];
  }
  if (end - start > 1 || /\s/.test(text[start] ?? ' ')) return [start, end];
  const word = /^\S+(?: \S+)*/.exec(text.slice(start, lineEnd(start)));
  return [start, start + Math.max(word?.[0].length ?? 0, end - start)];
}

/** Iterative walk in document order (anchors are defined where they appear, so order matters). */
function walk(root: Node | null, lines: LineIndex, targets: Map<Alias, Node | undefined>, problems: YamlProblem[], checkDepth: boolean): number {
  if (!root) return 0;
  const anchors = new Map<string, Node>();
  const stack: { node: Node | Pair; depth: number }[] = [{ node: root, depth: 1 }];
  let count = 0;
  let depthReported = false;
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node | Pair; depth: number };
    if (isPair(node)) {
      if (node.value) stack.push({ node: node.value as Node, depth });
      if (node.key) stack.push({ node: node.key as Node, depth });
      continue;
    }
    count++;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      targets.set(node, target);
      if (!target) problems.push(at(node, 'UNDEFINED_ALIAS', `Alias "*${node.source}" has no anchor "&${node.source}" before it; define the anchor first or fix the name.`));
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > COMPOSE_LIMITS.maxDepth) {
      if (checkDepth && !depthReported) problems.push(at(node, 'TOO_DEEP', `Collections nest more than ${COMPOSE_LIMITS.maxDepth} levels deep here; Compose files never need this, so the file was not analysed further.`));
      depthReported = true;
      continue;
    }
    if (isMap(node)) checkDuplicateKeys(node.items, lines, problems);
    for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] as Node | Pair, depth: depth + 1 });
  }
  return count;
}

function checkDuplicateKeys(pairs: readonly Pair[], lines: LineIndex, problems: YamlProblem[]): void {
  if (pairs.length < 2) return;
  const seen = new Map<string, Node>();
  for (const pair of pairs) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value === 'symbol' || !key.range) continue; // merge keys (<<) may repeat
    const name = String(key.value);
    const first = seen.get(name);
    if (!first) {
      seen.set(name, key);
      continue;
    }
    const line = lines.positionAt(first.range?.[0] ?? 0).line + 1;
    problems.push(at(key, 'DUPLICATE_KEY', `Key "${name}" is repeated (first on line ${line}); Compose rejects repeated keys, so keep one.`));
  }
}

/**
 * Sizes and depths of the document with aliases expanded, computed once per node (so a bomb costs
 * linear time to detect), plus alias cycles (`&a [*a]`).
 */
function checkAliasExpansion(root: Node | null, targets: Map<Alias, Node | undefined>, nodeCount: number, problems: YamlProblem[]): void {
  if (!root) return;
  const limit = nodeCount + COMPOSE_LIMITS.maxAliasExpansion;
  const size = new Map<Node, number>();
  const depth = new Map<Node, number>();
  const open = new Set<Node>();
  const children = (node: Node): Node[] => {
    if (isAlias(node)) {
      const target = targets.get(node);
      return target ? [target] : [];
    }
    if (isMap(node)) return node.items.flatMap((pair) => [pair.key, pair.value].filter((n): n is Node => !!n && typeof n === 'object'));
    if (isSeq(node)) return node.items.filter((n): n is Node => !!n && typeof n === 'object');
    return [];
  };
  const stack: { node: Node; next: Node[] }[] = [{ node: root, next: children(root) }];
  open.add(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const child = frame.next.pop();
    if (child) {
      if (size.has(child)) continue;
      if (open.has(child)) {
        problems.push(at(frame.node, 'ALIAS_CYCLE', `Alias "*${isAlias(frame.node) ? frame.node.source : ''}" refers to a node that contains it, which never ends; point it at another anchor.`));
        return;
      }
      open.add(child);
      stack.push({ node: child, next: children(child) });
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    let total = isAlias(frame.node) ? 0 : 1;
    let deepest = 0;
    for (const kid of children(frame.node)) {
      total += size.get(kid) ?? 0;
      deepest = Math.max(deepest, depth.get(kid) ?? 0);
    }
    const ownDepth = deepest + (isMap(frame.node) || isSeq(frame.node) ? 1 : 0);
    if (total > limit) {
      const culprit = isAlias(frame.node) ? frame.node : firstAliasUnder(frame.node, targets) ?? frame.node;
      problems.push(at(culprit, 'ALIAS_BOMB', `Aliases here expand the document to more than ${limit} values (an alias bomb); it was not analysed further.`));
      return;
    }
    if (ownDepth > COMPOSE_LIMITS.maxDepth) {
      problems.push(at(isAlias(frame.node) ? frame.node : firstAliasUnder(frame.node, targets) ?? frame.node, 'TOO_DEEP', `Aliases nest collections more than ${COMPOSE_LIMITS.maxDepth} levels deep; it was not analysed further.`));
      return;
    }
    size.set(frame.node, total);
    depth.set(frame.node, ownDepth);
  }
}

function firstAliasUnder(node: Node, targets: Map<Alias, Node | undefined>): Node | undefined {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (isAlias(current) && targets.has(current)) return current;
    if (isMap(current)) for (const pair of [...current.items].reverse()) stack.push(...[pair.value, pair.key].filter((n): n is Node => !!n && typeof n === 'object'));
    else if (isSeq(current)) stack.push(...[...current.items].reverse().filter((n): n is Node => !!n && typeof n === 'object'));
  }
  return undefined;
}

function at(node: Node, code: string, message: string): YamlProblem {
  const [start, end] = node.range ?? [0, 0];
  return { code, start, end, message };
}
