import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Alias, type Document, type Node, type Pair, type YAMLError, type YAMLWarning } from 'yaml';
import { at, findExpansionProblem, measureExpansion, withinLimits } from './compose-alias-expansion';
import { COMPOSE_LIMITS, type YamlProblem } from './compose-limits';
import { LineIndex } from './text';

export { COMPOSE_LIMITS, type YamlProblem };

/** yaml's options for Compose files, shared by whole-document and per-chunk parses. */
export const YAML_OPTIONS = Object.freeze({ merge: true, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });

export interface ParsedYaml {
  document: Document.Parsed;
  /** The root node, or null for an empty document. */
  root: Node | null;
  problems: YamlProblem[];
  /** The anchored node an alias refers to (the last anchor of that name before it), or undefined. */
  aliasTarget(alias: Alias): Node | undefined;
}

/** `!reset` and `!override` are Compose merge tags; other unknown tags are tolerated too. */
export const IGNORED_WARNINGS = new Set(['TAG_RESOLVE_FAILED']);

/**
 * Parses Compose YAML once, then checks what yaml does not: duplicate keys (in linear time: yaml's
 * own check is quadratic), aliases without anchors, alias cycles, alias bombs and deep nesting.
 * Never throws.
 */
export function parseComposeYaml(text: string, lines: LineIndex = new LineIndex(text)): ParsedYaml {
  const document = parseDocument(text, YAML_OPTIONS);
  const problems = yamlProblems(text, document, 0);
  const root = (document.contents as Node | null) ?? null;
  const targets = checkTree(root, lines, problems);
  return { document, root, problems, aliasTarget: (alias) => targets.get(alias) };
}

/**
 * yaml's errors and warnings as problems, in yaml's order, one per start offset. `offset` is added
 * to their positions (yaml parsed a part of `text` starting there).
 */
export function yamlProblems(text: string, reported: { errors: readonly YAMLError[]; warnings: readonly YAMLWarning[] }, offset: number): YamlProblem[] {
  const problems: YamlProblem[] = [];
  for (const error of [...reported.errors, ...reported.warnings.filter((warning) => !IGNORED_WARNINGS.has(warning.code))]) {
    // yaml catches the stack overflow of deep nesting, sometimes again one level up (how often
    // depends on the caller's stack depth): it gave up once, and one report says so.
    if (error.code === 'RESOURCE_EXHAUSTION' && problems.some((problem) => problem.code === 'RESOURCE_EXHAUSTION')) continue;
    const [start, end] = widen(text, error.code, error.message, error.pos[0] + offset, error.pos[1] + offset);
    // yaml often reports one mistake twice at the same place; the first message is the useful one.
    if (!problems.some((problem) => problem.start === start)) problems.push({ code: error.code, start, end, message: yamlMessage(error.code, error.message) });
  }
  return problems;
}

/**
 * The checks after yaml's own, over a parsed tree: aliases resolved (returned), then repeated keys,
 * undefined aliases, nesting and, when nothing else is wrong, alias expansion, added to `problems`
 * (sorted by position).
 */
export function checkTree(root: Node | null, lines: LineIndex, problems: YamlProblem[]): Map<Alias, Node | undefined> {
  const targets = new Map<Alias, Node | undefined>();
  const yamlGaveUp = problems.some((problem) => problem.code === 'RESOURCE_EXHAUSTION');
  const facts = walkYaml(root, lines, targets, problems, { checkDepth: !yamlGaveUp });
  if (problems.length === 0 && targets.size > 0) {
    const expansion = measureExpansion(targets, facts.aliasDepths);
    const problem = expansion && withinLimits(expansion, facts.count, facts.maxDepth) ? undefined : findExpansionProblem(root, targets, facts.count);
    if (problem) problems.push(problem);
  }
  problems.sort((a, b) => a.start - b.start);
  return targets;
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

/** What one walk of a YAML tree learns (see `walkYaml`). */
export interface WalkFacts {
  /** Nodes in the tree; an alias counts one. */
  count: number;
  /** Depth of the deepest collection (the root collection is at `depth`, 1 by default). */
  maxDepth: number;
  /** Anchors defined in the tree, in order. */
  anchors: [string, Node][];
  /** The depth each alias sits at, for measuring expansion. */
  aliasDepths: Map<Alias, number>;
}

export interface WalkOptions {
  /** Report collections nested deeper than COMPOSE_LIMITS.maxDepth. */
  checkDepth: boolean;
  /** Anchors defined before the tree (the tree's own are added to it). */
  anchors?: Map<string, Node>;
  /** Depth of the root collection: 1 for a document, deeper for a part of one. */
  depth?: number;
}

/**
 * Iterative walk in document order (anchors are defined where they appear, so order matters):
 * resolves aliases into `targets`, and reports undefined aliases, repeated keys and deep nesting.
 */
export function walkYaml(root: Node | null, lines: LineIndex, targets: Map<Alias, Node | undefined>, problems: YamlProblem[], options: WalkOptions): WalkFacts {
  const facts: WalkFacts = { count: 0, maxDepth: 0, anchors: [], aliasDepths: new Map() };
  if (!root) return facts;
  const anchors = options.anchors ?? new Map<string, Node>();
  const nodes: (Node | Pair)[] = [root];
  const depths: number[] = [options.depth ?? 1];
  let depthReported = false;
  while (nodes.length > 0) {
    const node = nodes.pop() as Node | Pair;
    const depth = depths.pop() as number;
    if (isPair(node)) {
      if (node.value) {
        nodes.push(node.value as Node);
        depths.push(depth);
      }
      if (node.key) {
        nodes.push(node.key as Node);
        depths.push(depth);
      }
      continue;
    }
    facts.count++;
    if (node.anchor) {
      anchors.set(node.anchor, node);
      facts.anchors.push([node.anchor, node]);
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      targets.set(node, target);
      facts.aliasDepths.set(node, depth);
      if (!target) problems.push(at(node, 'UNDEFINED_ALIAS', `Alias "*${node.source}" has no anchor "&${node.source}" before it; define the anchor first or fix the name.`));
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > COMPOSE_LIMITS.maxDepth) {
      if (options.checkDepth && !depthReported) problems.push(at(node, 'TOO_DEEP', `Collections nest more than ${COMPOSE_LIMITS.maxDepth} levels deep here; Compose files never need this, so the file was not analysed further.`));
      depthReported = true;
      continue;
    }
    if (depth > facts.maxDepth) facts.maxDepth = depth;
    if (isMap(node)) checkDuplicateKeys(node.items, lines, problems);
    for (let i = node.items.length - 1; i >= 0; i--) {
      nodes.push(node.items[i] as Node | Pair);
      depths.push(depth + 1);
    }
  }
  return facts;
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
