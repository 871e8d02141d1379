/**
 * Alias bombs, alias cycles and nesting through aliases: how big and deep a Compose document is
 * with its aliases expanded. The quick measure visits only the anchored nodes; when it says the
 * document is within limits, that is exact (the root is the biggest and deepest node). Only a
 * document past a limit is walked node by node, to point at the first culprit.
 */
import { isAlias, isMap, isPair, isSeq, type Alias, type Node, type Pair } from 'yaml';
import { COMPOSE_LIMITS, type YamlProblem } from './compose-limits';

/** The document with aliases expanded: node count and collection depth. */
export interface Expansion {
  /** Nodes the aliases add (each alias stands for its anchor's expanded nodes). */
  aliasNodes: number;
  /** How many aliases there are. */
  aliases: number;
  /** Deepest nesting reached through an alias (0 when none). */
  depth: number;
}

/**
 * Expansion of every alias in `aliasDepths` (alias -> its walk depth, the root collection at 1),
 * computing each anchored node once. Undefined when an alias refers to a node that contains it (a cycle).
 */
export function measureExpansion(targets: ReadonlyMap<Alias, Node | undefined>, aliasDepths: ReadonlyMap<Alias, number>): Expansion | undefined {
  const anchored = [...new Set([...targets.values()].filter((node): node is Node => !!node))];
  // Inner anchors before the anchors that hold them: by end, then by start from the last.
  anchored.sort((a, b) => (a.range?.[1] ?? 0) - (b.range?.[1] ?? 0) || (b.range?.[0] ?? 0) - (a.range?.[0] ?? 0));
  const measured = new Map<Node, { size: number; depth: number }>();
  for (const node of anchored) {
    const inside = measureSubtree(node, targets, measured);
    if (!inside) return undefined;
    measured.set(node, inside);
  }
  let aliasNodes = 0;
  let depth = 0;
  for (const [alias, at] of aliasDepths) {
    const target = targets.get(alias);
    const extent = target && measured.get(target);
    if (!extent) return undefined;
    aliasNodes += extent.size;
    depth = Math.max(depth, at - 1 + extent.depth);
  }
  return { aliasNodes, aliases: aliasDepths.size, depth };
}

/** True when a document of `nodeCount` nodes and raw depth `rawDepth` stays within COMPOSE_LIMITS once expanded. */
export function withinLimits(expansion: Expansion, nodeCount: number, rawDepth: number): boolean {
  const total = nodeCount - expansion.aliases + expansion.aliasNodes;
  return total <= nodeCount + COMPOSE_LIMITS.maxAliasExpansion && Math.max(rawDepth, expansion.depth) <= COMPOSE_LIMITS.maxDepth;
}

/** Size and depth of one anchored node with its aliases expanded; undefined when an alias inside is not measured yet (a cycle). */
function measureSubtree(root: Node, targets: ReadonlyMap<Alias, Node | undefined>, measured: ReadonlyMap<Node, { size: number; depth: number }>): { size: number; depth: number } | undefined {
  const nodes: (Node | Pair)[] = [root];
  const depths: number[] = [1];
  const push = (node: Node | Pair, at: number): void => {
    nodes.push(node);
    depths.push(at);
  };
  let size = 0;
  let depth = 0;
  while (nodes.length > 0) {
    const node = nodes.pop() as Node | Pair;
    const at = depths.pop() as number;
    if (isPair(node)) {
      if (node.value) push(node.value as Node, at);
      if (node.key) push(node.key as Node, at);
      continue;
    }
    if (isAlias(node)) {
      const target = targets.get(node);
      const extent = target && measured.get(target);
      if (!extent) return undefined;
      size += extent.size;
      depth = Math.max(depth, at - 1 + extent.depth);
      continue;
    }
    size++;
    if (!isMap(node) && !isSeq(node)) continue;
    depth = Math.max(depth, at);
    for (const item of node.items) if (item) push(item as Node | Pair, at + 1);
  }
  return { size, depth };
}

/**
 * The exact check, for a document past a limit: sizes and depths computed once per node in
 * post-order, reporting the first node past a limit, or an alias cycle (`&a [*a]`).
 */
export function findExpansionProblem(root: Node | null, targets: ReadonlyMap<Alias, Node | undefined>, nodeCount: number): YamlProblem | undefined {
  if (!root) return undefined;
  const limit = nodeCount + COMPOSE_LIMITS.maxAliasExpansion;
  const size = new Map<Node, number>();
  const depth = new Map<Node, number>();
  const open = new Set<Node>();
  const stack: { node: Node; kids: Node[]; next: number }[] = [{ node: root, kids: childrenOf(root, targets), next: 0 }];
  open.add(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next < frame.kids.length) {
      const child = frame.kids[frame.kids.length - 1 - frame.next++];
      if (size.has(child)) continue;
      if (open.has(child)) return at(frame.node, 'ALIAS_CYCLE', `Alias "*${isAlias(frame.node) ? frame.node.source : ''}" refers to a node that contains it, which never ends; point it at another anchor.`);
      open.add(child);
      stack.push({ node: child, kids: childrenOf(child, targets), next: 0 });
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    let total = isAlias(frame.node) ? 0 : 1;
    let deepest = 0;
    for (const kid of frame.kids) {
      total += size.get(kid) ?? 0;
      deepest = Math.max(deepest, depth.get(kid) ?? 0);
    }
    const ownDepth = deepest + (isMap(frame.node) || isSeq(frame.node) ? 1 : 0);
    const culprit = (): Node => (isAlias(frame.node) ? frame.node : firstAliasUnder(frame.node, targets) ?? frame.node);
    if (total > limit) return at(culprit(), 'ALIAS_BOMB', `Aliases here expand the document to more than ${limit} values (an alias bomb); it was not analysed further.`);
    if (ownDepth > COMPOSE_LIMITS.maxDepth) return at(culprit(), 'TOO_DEEP', `Aliases nest collections more than ${COMPOSE_LIMITS.maxDepth} levels deep; it was not analysed further.`);
    size.set(frame.node, total);
    depth.set(frame.node, ownDepth);
  }
  return undefined;
}

/** Keys and values of a map, items of a sequence, the target of an alias. */
function childrenOf(node: Node, targets: ReadonlyMap<Alias, Node | undefined>): Node[] {
  if (isAlias(node)) {
    const target = targets.get(node);
    return target ? [target] : [];
  }
  const kids: Node[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (pair.key && typeof pair.key === 'object') kids.push(pair.key as Node);
      if (pair.value && typeof pair.value === 'object') kids.push(pair.value as Node);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) if (item && typeof item === 'object') kids.push(item as Node);
  }
  return kids;
}

function firstAliasUnder(node: Node, targets: ReadonlyMap<Alias, Node | undefined>): Node | undefined {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (isAlias(current) && targets.has(current)) return current;
    if (isMap(current)) for (const pair of [...current.items].reverse()) stack.push(...[pair.value, pair.key].filter((n): n is Node => !!n && typeof n === 'object'));
    else if (isSeq(current)) stack.push(...[...current.items].reverse().filter((n): n is Node => !!n && typeof n === 'object'));
  }
  return undefined;
}

export function at(node: Node, code: string, message: string): YamlProblem {
  const [start, end] = node.range ?? [0, 0];
  return { code, start, end, message };
}
