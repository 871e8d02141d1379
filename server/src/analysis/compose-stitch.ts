/**
 * Parts of a Compose file parsed on their own (compose-chunk-parse.ts) stitched into the tree a
 * whole parse gives: one root map, `services:` holding one entry per service part, and every alias
 * resolved. What no single part can see (repeated top-level keys or service names, aliases to
 * anchors in other parts, alias bombs, nesting) is checked per part, with walks of service parts
 * kept across edits; when that finds anything, the whole tree gets the checks a whole parse runs,
 * so the problems are the same. Anchors defined inside a service give undefined: other services
 * could refer to them, which per-service caching cannot follow.
 */
import { Pair, YAMLMap, type Alias, type Node } from 'yaml';
import { measureExpansion, withinLimits } from './compose-alias-expansion';
import type { ParsedChunk } from './compose-chunk-parse';
import type { ChunkKind } from './compose-chunks';
import { checkTree, walkYaml, type WalkFacts, type YamlProblem } from './compose-parse';
import type { LineIndex } from './text';

/** The stitched document: its root map, the anchored node of every alias, and its problems (none when usable). */
export interface StitchedDocument {
  root: YAMLMap;
  targets: Map<Alias, Node | undefined>;
  problems: YamlProblem[];
  /** The root's `services:` entry, holding the stitched services map. */
  servicesEntry: Pair;
  /** Identities of the parts outside `services:`, in order: what aliases in services can refer to. */
  outsideServicesKey: string;
  /** For each service part, the parts outside `services:` its aliases reach (directly or through other aliases). */
  references: Map<ParsedChunk, ParsedChunk[]>;
}

/** A part that does not parse alone, as yaml reads it within the file (compose-broken-part.ts). */
export interface RecoveredPart {
  kind: ChunkKind;
  pairs: Pair[];
}

interface Walked {
  facts: WalkFacts;
  targets: ReadonlyMap<Alias, Node | undefined>;
}

/** The targets of a part without aliases (most services): shared, never written. */
const NO_TARGETS: ReadonlyMap<Alias, Node | undefined> = new Map();

/** A top-level part's walk, valid while the parts outside `services:` before it (the anchors it can see) are the same. */
const walks = new WeakMap<ParsedChunk, Walked & { anchorsKey: string }>();
const chunkIds = new WeakMap<ParsedChunk, number>();
let nextChunkId = 0;

/** A number naming a parsed part for as long as it lives (kept across edits of other parts). */
export function chunkId(chunk: ParsedChunk): number {
  let id = chunkIds.get(chunk);
  if (id === undefined) {
    id = ++nextChunkId;
    chunkIds.set(chunk, id);
  }
  return id;
}

/**
 * Stitches parts (in file order, ranges already at their offsets). `yamlProblems` are yaml's own
 * for a recovered part. Undefined when the parts do not make a Compose document with services, or
 * a service defines an anchor.
 */
export function stitchChunks(parts: readonly (ParsedChunk | RecoveredPart)[], lines: LineIndex, yamlProblems: YamlProblem[] = []): StitchedDocument | undefined {
  const rootPairs: Pair[] = [];
  const servicePairs: Pair[] = [];
  const outsideIds: number[] = [];
  let servicesAt = -1;
  for (const part of parts) {
    const pairs = 'pairs' in part ? part.pairs : part.pair ? [part.pair] : [];
    if (part.kind === 'service') {
      servicePairs.push(...pairs);
      continue;
    }
    if (!('pairs' in part)) outsideIds.push(chunkId(part));
    if (part.kind === 'services') servicesAt = rootPairs.length;
    rootPairs.push(...pairs);
  }
  if (servicesAt < 0 || servicePairs.length === 0) return undefined;
  const servicesEntry = new Pair(rootPairs[servicesAt].key, blockMap(servicePairs));
  rootPairs[servicesAt] = servicesEntry;
  const root = blockMap(rootPairs);
  const outsideServicesKey = outsideIds.join(',');
  const complete = yamlProblems.length === 0 && parts.every((part) => !('pairs' in part));
  const checked = complete ? quickChecks(parts as readonly ParsedChunk[], lines) : undefined;
  if (checked === 'anchor in a service') return undefined;
  if (checked) return { root, problems: [], servicesEntry, outsideServicesKey, ...checked };
  const problems = [...yamlProblems];
  const targets = checkTree(root, lines, problems);
  // No problem after all: what the quick checks refused is an anchor inside a service.
  return problems.length > 0 ? { root, targets, problems, servicesEntry, outsideServicesKey, references: new Map() } : undefined;
}

/**
 * The checks of a whole parse, part by part: alias targets and what each service refers to when
 * nothing is wrong, undefined when something may be (then the whole tree is checked), or a refusal
 * of anchors inside services.
 */
function quickChecks(chunks: readonly ParsedChunk[], lines: LineIndex): Pick<StitchedDocument, 'targets' | 'references'> | 'anchor in a service' | undefined {
  const anchors = new Map<string, Node>();
  const outsideIds: number[] = [];
  const outside = new OutsideParts();
  const targets = new Map<Alias, Node | undefined>();
  const aliasDepths = new Map<Alias, number>();
  const references = new Map<ParsedChunk, ParsedChunk[]>();
  const topKeys = new Set<string>();
  const serviceNames = new Set<string>();
  let count = 1;
  let maxDepth = 1;
  for (const chunk of chunks) {
    if (!chunk.map || !chunk.pair) continue;
    const isService = chunk.kind === 'service';
    const names = isService ? serviceNames : topKeys;
    if (names.has(chunk.key)) return undefined;
    names.add(chunk.key);
    const walked = isService ? walkService(chunk, lines, anchors) : walkOutside(chunk, lines, anchors, outsideIds.join(','));
    if (!walked || walked === 'anchor in a service') return walked;
    if (isService) references.set(chunk, outside.reachedBy(walked.targets));
    else {
      outsideIds.push(chunkId(chunk));
      outside.add(chunk, walked.targets);
    }
    count += walked.facts.count - 1;
    maxDepth = Math.max(maxDepth, walked.facts.maxDepth);
    // Most services have no alias: no iterators for them.
    if (walked.targets.size > 0) for (const [alias, target] of walked.targets) targets.set(alias, target);
    if (walked.facts.aliasDepths.size > 0) for (const [alias, depth] of walked.facts.aliasDepths) aliasDepths.set(alias, depth);
  }
  if (targets.size > 0) {
    const expansion = measureExpansion(targets, aliasDepths);
    if (!expansion || !withinLimits(expansion, count, maxDepth)) return undefined;
  }
  return { targets, references };
}

const NONE: ParsedChunk[] = [];

/** Parts outside `services:` seen so far, and which of them each one's aliases reach. */
class OutsideParts {
  private readonly parts: { chunk: ParsedChunk; reaches: ParsedChunk[] }[] = [];

  add(chunk: ParsedChunk, targets: ReadonlyMap<Alias, Node | undefined>): void {
    const entry = { chunk, reaches: [chunk] };
    this.parts.push(entry);
    entry.reaches = [chunk, ...this.reachedBy(targets).filter((other) => other !== chunk)];
  }

  /** The parts holding these aliases' anchors, and the parts their aliases reach in turn. */
  reachedBy(targets: ReadonlyMap<Alias, Node | undefined>): ParsedChunk[] {
    if (targets.size === 0) return NONE;
    const reached = new Set<ParsedChunk>();
    for (const node of targets.values()) {
      const start = node?.range?.[0] ?? -1;
      const owner = this.parts.find(({ chunk }) => chunk.offset <= start && start < chunk.offset + chunk.text.length);
      for (const chunk of owner?.reaches ?? []) reached.add(chunk);
    }
    return [...reached];
  }
}

/** A block map of `pairs`, ranged as yaml ranges one: from the first key to the end of the last value. */
function blockMap(pairs: Pair[]): YAMLMap {
  const map = new YAMLMap();
  map.items = pairs;
  const last = pairs[pairs.length - 1];
  const end = (last.value as Node | null)?.range?.[2] ?? (last.key as Node).range?.[2] ?? 0;
  map.range = [(pairs[0].key as Node).range?.[0] ?? 0, end, end];
  return map;
}

/** A service part's walk without anchors (they are resolved per stitch), kept as long as the part; null when it found a problem. */
const serviceWalks = new WeakMap<ParsedChunk, WalkFacts | null>();

/**
 * A service part's walk: its facts are kept, its aliases resolved against the anchors defined
 * before `services:` at each stitch (a service defines none, so that is all they can see).
 */
function walkService(chunk: ParsedChunk, lines: LineIndex, anchors: ReadonlyMap<string, Node>): Walked | 'anchor in a service' | undefined {
  let facts = serviceWalks.get(chunk);
  if (facts === undefined) {
    const problems: YamlProblem[] = [];
    // The services map stands at depth 2, so the part's own map is walked as if it were it.
    facts = walkYaml(chunk.map ?? null, lines, new Map(), problems, { checkDepth: true, depth: 2 });
    // Without anchors every alias is undefined here: those are resolved below, anything else is a problem.
    if (problems.some((problem) => problem.code !== 'UNDEFINED_ALIAS')) facts = null;
    serviceWalks.set(chunk, facts);
  }
  if (!facts) return undefined;
  if (facts.anchors.length > 0) return 'anchor in a service';
  if (facts.aliasDepths.size === 0) return { facts, targets: NO_TARGETS };
  const targets = new Map<Alias, Node | undefined>();
  for (const alias of facts.aliasDepths.keys()) {
    const target = anchors.get(alias.source);
    if (!target) return undefined;
    targets.set(alias, target);
  }
  return { facts, targets };
}

/** A top-level part's walk; the anchors it defines are added to `anchors`. */
function walkOutside(chunk: ParsedChunk, lines: LineIndex, anchors: Map<string, Node>, anchorsKey: string): Walked | undefined {
  const known = walks.get(chunk);
  if (known && known.anchorsKey === anchorsKey) {
    for (const [name, node] of known.facts.anchors) anchors.set(name, node);
    return known;
  }
  const walked = walk(chunk, lines, anchors, 1);
  if (walked) walks.set(chunk, { ...walked, anchorsKey });
  return walked;
}

function walk(chunk: ParsedChunk, lines: LineIndex, anchors: Map<string, Node>, depth: number): Walked | undefined {
  const problems: YamlProblem[] = [];
  const targets = new Map<Alias, Node | undefined>();
  const facts = walkYaml(chunk.map ?? null, lines, targets, problems, { checkDepth: true, anchors, depth });
  return problems.length > 0 ? undefined : { facts, targets };
}
