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
import { measureExpansion, withinLimits, type Expansion } from './compose-alias-expansion';
import type { ParsedChunk } from './compose-chunk-parse';
import type { ChunkKind } from './compose-chunks';
import { checkTree, walkYaml, type WalkFacts, type YamlProblem } from './compose-parse';
import { markUniqueKeys } from './compose-yaml-maps';
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
  /** For each service part with aliases, the parts outside `services:` they reach (directly or through other aliases); others reach none. */
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
  if (checked) {
    // The checks found no service name twice (nor a `<<` key, which no part has).
    markUniqueKeys(servicesEntry.value as YAMLMap);
    return { root, problems: [], servicesEntry, outsideServicesKey, ...checked };
  }
  const problems = [...yamlProblems];
  const targets = checkTree(root, lines, problems);
  // No problem after all: what the quick checks refused is an anchor inside a service.
  return problems.length > 0 ? { root, targets, problems, servicesEntry, outsideServicesKey, references: new Map() } : undefined;
}

/**
 * The checks of a whole parse, part by part: alias targets and what each service refers to when
 * nothing is wrong, undefined when something may be (then the whole tree is checked), or a refusal
 * of anchors inside services. Services that refer to no other part are left out of `references`.
 */
function quickChecks(chunks: readonly ParsedChunk[], lines: LineIndex): Pick<StitchedDocument, 'targets' | 'references'> | 'anchor in a service' | undefined {
  const anchors = new Map<string, Node>();
  const outsideIds: number[] = [];
  const outside = new OutsideParts();
  /** The walks with aliases, in order: what the document's alias targets and expansion are made of. */
  const aliased: Walked[] = [];
  const references = new Map<ParsedChunk, ParsedChunk[]>();
  // Keys already known to be unique need no sets (hundreds of names at every edit).
  const names = uniqueKeys(chunks) ? undefined : { tops: new Set<string>(), services: new Set<string>() };
  let count = 1;
  let maxDepth = 1;
  for (const chunk of chunks) {
    if (!chunk.map || !chunk.pair) continue;
    const isService = chunk.kind === 'service';
    const seen = names && (isService ? names.services : names.tops);
    if (seen?.has(chunk.key)) return undefined;
    seen?.add(chunk.key);
    const walked = isService ? walkService(chunk, lines, anchors) : walkOutside(chunk, lines, anchors, outsideIds.join(','));
    if (!walked || walked === 'anchor in a service') return walked;
    if (!isService) {
      outsideIds.push(chunkId(chunk));
      outside.add(chunk, walked.targets);
    } else if (walked.targets.size > 0) {
      references.set(chunk, outside.reachedBy(walked.targets));
    }
    count += walked.facts.count - 1;
    maxDepth = Math.max(maxDepth, walked.facts.maxDepth);
    if (walked.targets.size > 0 || walked.facts.aliasDepths.size > 0) aliased.push(walked);
  }
  const { targets, expansion } = aliasesOf(aliased);
  if (targets.size > 0 && (!expansion || !withinLimits(expansion, count, maxDepth))) return undefined;
  return { targets, references };
}

/** The keys of the parts last found unique (top-level keys and service names apart), in order. */
let uniqueLast: { keys: string[]; services: boolean[] } = { keys: [], services: [] };

/** Whether no top-level key and no service name repeats: known without sets when the parts' keys are those last found unique. */
function uniqueKeys(chunks: readonly ParsedChunk[]): boolean {
  const { keys, services } = uniqueLast;
  let at = 0;
  let same = true;
  for (const chunk of chunks) {
    if (!chunk.map || !chunk.pair) continue;
    same &&= keys[at] === chunk.key && services[at] === (chunk.kind === 'service');
    at++;
  }
  if (same && at === keys.length) return true;
  const found = { keys: [] as string[], services: [] as boolean[] };
  const seen = { top: new Set<string>(), service: new Set<string>() };
  for (const chunk of chunks) {
    if (!chunk.map || !chunk.pair) continue;
    const names = chunk.kind === 'service' ? seen.service : seen.top;
    if (names.has(chunk.key)) return false;
    names.add(chunk.key);
    found.keys.push(chunk.key);
    found.services.push(chunk.kind === 'service');
  }
  uniqueLast = found;
  return true;
}

/** The alias targets and expansion of the last stitch, and the walks they were made of. */
let aliasesLast: { walks: readonly Walked[]; targets: Map<Alias, Node | undefined>; expansion: Expansion | undefined } | undefined;

/**
 * Every alias's target, and their expansion, from the walks with aliases: those of the last stitch
 * when the walks' aliases are the same (an edit of a service without aliases leaves them so).
 */
function aliasesOf(walks: readonly Walked[]): { targets: Map<Alias, Node | undefined>; expansion: Expansion | undefined } {
  const last = aliasesLast;
  if (last && last.walks.length === walks.length && walks.every((walked, i) => walked.targets === last.walks[i].targets && walked.facts.aliasDepths === last.walks[i].facts.aliasDepths)) return last;
  const targets = new Map<Alias, Node | undefined>();
  const aliasDepths = new Map<Alias, number>();
  for (const walked of walks) {
    for (const [alias, target] of walked.targets) targets.set(alias, target);
    for (const [alias, depth] of walked.facts.aliasDepths) aliasDepths.set(alias, depth);
  }
  aliasesLast = { walks, targets, expansion: targets.size > 0 ? measureExpansion(targets, aliasDepths) : undefined };
  return aliasesLast;
}

const NONE: ParsedChunk[] = [];

/** The parts an alias-targets map reached, for the outside parts (`OutsideParts.key`) it was last asked about. */
const reachedBefore = new WeakMap<ReadonlyMap<Alias, Node | undefined>, { key: string; reached: ParsedChunk[] }>();

/** Parts outside `services:` seen so far, and which of them each one's aliases reach. */
class OutsideParts {
  private readonly parts: { chunk: ParsedChunk; reaches: ParsedChunk[] }[] = [];
  /** The parts' identities (`chunkId`), once asked for: their walks, and so what they reach, are kept by identity. */
  private key: string | undefined;

  add(chunk: ParsedChunk, targets: ReadonlyMap<Alias, Node | undefined>): void {
    const entry = { chunk, reaches: [chunk] };
    this.parts.push(entry);
    this.key = undefined;
    entry.reaches = [chunk, ...this.reachedBy(targets).filter((other) => other !== chunk)];
  }

  /** The parts holding these aliases' anchors, and the parts their aliases reach in turn (the same array as last time for the same parts). */
  reachedBy(targets: ReadonlyMap<Alias, Node | undefined>): ParsedChunk[] {
    if (targets.size === 0) return NONE;
    this.key ??= this.parts.map(({ chunk }) => chunkId(chunk)).join(',');
    const before = reachedBefore.get(targets);
    if (before?.key === this.key) return before.reached;
    const reached = new Set<ParsedChunk>();
    for (const node of targets.values()) {
      const start = node?.range?.[0] ?? -1;
      const owner = this.parts.find(({ chunk }) => chunk.offset <= start && start < chunk.offset + chunk.text.length);
      for (const chunk of owner?.reaches ?? []) reached.add(chunk);
    }
    const found = [...reached];
    reachedBefore.set(targets, { key: this.key, reached: found });
    return found;
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

/** A service part's walk, kept as long as the part (null when it found a problem), with the targets its aliases last resolved to. */
const serviceWalks = new WeakMap<ParsedChunk, Walked | null>();

/**
 * A service part's walk: its facts are kept, its aliases resolved against the anchors defined
 * before `services:` at each stitch (a service defines none, so that is all they can see). The
 * same walk comes back while they resolve to the same nodes.
 */
function walkService(chunk: ParsedChunk, lines: LineIndex, anchors: ReadonlyMap<string, Node>): Walked | 'anchor in a service' | undefined {
  let walked = serviceWalks.get(chunk);
  if (walked === undefined) {
    const problems: YamlProblem[] = [];
    // The services map stands at depth 2, so the part's own map is walked as if it were it.
    const facts = walkYaml(chunk.map ?? null, lines, new Map(), problems, { checkDepth: true, depth: 2 });
    // Without anchors every alias is undefined here: those are resolved below, anything else is a problem.
    walked = problems.some((problem) => problem.code !== 'UNDEFINED_ALIAS') ? null : { facts, targets: NO_TARGETS };
    serviceWalks.set(chunk, walked);
  }
  if (!walked) return undefined;
  const { facts } = walked;
  if (facts.anchors.length > 0) return 'anchor in a service';
  if (facts.aliasDepths.size === 0 || resolvedAlike(walked.targets, facts, anchors)) return walked;
  const targets = new Map<Alias, Node | undefined>();
  for (const alias of facts.aliasDepths.keys()) {
    const target = anchors.get(alias.source);
    if (!target) return undefined;
    targets.set(alias, target);
  }
  walked = { facts, targets };
  serviceWalks.set(chunk, walked);
  return walked;
}

/** Whether each of the walk's aliases resolves to the target in `targets` (all of them resolved). */
function resolvedAlike(targets: ReadonlyMap<Alias, Node | undefined>, facts: WalkFacts, anchors: ReadonlyMap<string, Node>): boolean {
  if (targets.size !== facts.aliasDepths.size) return false;
  for (const [alias, target] of targets) if (anchors.get(alias.source) !== target) return false;
  return true;
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
