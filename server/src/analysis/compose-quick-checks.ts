/**
 * The checks of a whole parse (compose-parse.ts) done part by part for a document stitched from
 * parts (compose-stitch.ts): repeated names, aliases and what they reach, nesting, alias expansion.
 * Each part's walk is kept with it. An instance belongs to one document's parts and keeps the last
 * check's totals: after an edit that changed services only (the same parts outside `services:`,
 * the same service names), only the changed services are walked and the totals updated with them.
 */
import type { Alias, Node } from 'yaml';
import { measureExpansion, withinLimits, type Expansion } from './compose-alias-expansion';
import type { ParsedChunk } from './compose-chunk-parse';
import { walkYaml, type WalkFacts, type YamlProblem } from './compose-parse';
import type { LineIndex } from './text';

/** Alias targets, and for each service part with aliases the parts outside `services:` they reach (directly or through other aliases). */
export interface QuickChecked {
  targets: Map<Alias, Node | undefined>;
  references: Map<ParsedChunk, ParsedChunk[]>;
}

/** Undefined: something may be wrong (check the whole tree); or a refusal of anchors inside services. */
export type QuickOutcome = QuickChecked | 'anchor in a service' | undefined;

interface Walked {
  facts: WalkFacts;
  targets: ReadonlyMap<Alias, Node | undefined>;
}

/** What a check found, to update at the next one. */
interface Checked {
  chunks: readonly ParsedChunk[];
  /** Each part's walk, by position (none for the preamble). */
  walks: (Walked | undefined)[];
  /** The anchors services resolve against and the parts outside `services:` before them, as the first service saw them. */
  serviceAnchors: ReadonlyMap<string, Node>;
  outside: OutsideParts;
  /** Nodes and depth of the tree as written, and its aliases' expansion. */
  count: number;
  maxDepth: number;
  expansion: Expansion | undefined;
  result: QuickChecked;
}

/** The targets of a part without aliases (most services): shared, never written. */
const NO_TARGETS: ReadonlyMap<Alias, Node | undefined> = new Map();
const NONE: ParsedChunk[] = [];

export class QuickChecks {
  private last: Checked | undefined;
  /** The keys of the parts last found unique (top-level keys and service names apart), in order. */
  private uniqueLast: { keys: string[]; services: boolean[] } = { keys: [], services: [] };
  /** The alias targets and expansion of the last check, and the walks they were made of. */
  private aliasesLast: { walks: readonly Walked[]; targets: Map<Alias, Node | undefined>; expansion: Expansion | undefined } | undefined;

  /** The checks for `chunks` (the parts in file order, every one parsed alone). */
  check(chunks: readonly ParsedChunk[], lines: LineIndex): QuickOutcome {
    const last = this.last;
    this.last = undefined;
    const changed = last && changedServices(last.chunks, chunks);
    const outcome = last && changed ? this.update(last, chunks, changed, lines) : this.full(chunks, lines);
    if (!outcome || outcome === 'anchor in a service') return outcome;
    this.last = outcome;
    return outcome.result;
  }

  /** Every part checked in order. */
  private full(chunks: readonly ParsedChunk[], lines: LineIndex): Checked | 'anchor in a service' | undefined {
    const anchors = new Map<string, Node>();
    const outsideIds: number[] = [];
    const outside = new OutsideParts();
    const walks: (Walked | undefined)[] = [];
    const references = new Map<ParsedChunk, ParsedChunk[]>();
    let serviceAnchors: ReadonlyMap<string, Node> | undefined;
    // Keys already known to be unique need no sets (hundreds of names at every edit).
    const names = this.uniqueKeys(chunks) ? undefined : { tops: new Set<string>(), services: new Set<string>() };
    let count = 1;
    let maxDepth = 1;
    for (const chunk of chunks) {
      walks.push(undefined);
      if (!chunk.map || !chunk.pair) continue;
      const isService = chunk.kind === 'service';
      const seen = names && (isService ? names.services : names.tops);
      if (seen?.has(chunk.key)) return undefined;
      seen?.add(chunk.key);
      // Services define no anchor: they see those defined before them (parts after them see more).
      if (isService) serviceAnchors ??= new Map(anchors);
      const walked = isService ? walkService(chunk, lines, anchors) : walkOutside(chunk, lines, anchors, outsideIds.join(','));
      if (!walked || walked === 'anchor in a service') return walked;
      walks[walks.length - 1] = walked;
      if (!isService) {
        outsideIds.push(chunkId(chunk));
        if (!serviceAnchors) outside.add(chunk, walked.targets);
      } else if (walked.targets.size > 0) {
        references.set(chunk, outside.reachedBy(walked.targets));
      }
      count += walked.facts.count - 1;
      maxDepth = Math.max(maxDepth, walked.facts.maxDepth);
    }
    const noAliases = { targets: new Map<Alias, Node | undefined>(), references };
    return this.withAliases({ chunks, walks, serviceAnchors: serviceAnchors ?? anchors, outside, count, maxDepth, expansion: undefined, result: noAliases });
  }

  /** The last check with the services at `changed` (positions; the same names as before) walked again. */
  private update(last: Checked, chunks: readonly ParsedChunk[], changed: readonly number[], lines: LineIndex): Checked | 'anchor in a service' | undefined {
    const { walks, result } = last;
    let { count, maxDepth } = last;
    let deepestGone = false;
    let aliasesChanged = false;
    for (const i of changed) {
      const before = walks[i] as Walked;
      const walked = walkService(chunks[i], lines, last.serviceAnchors);
      if (!walked || walked === 'anchor in a service') return walked;
      walks[i] = walked;
      count += walked.facts.count - before.facts.count;
      deepestGone ||= before.facts.maxDepth === last.maxDepth && walked.facts.maxDepth < before.facts.maxDepth;
      maxDepth = Math.max(maxDepth, walked.facts.maxDepth);
      aliasesChanged ||= hasAliases(before) || hasAliases(walked);
      // The last check's map: the document stitched with it is done with.
      result.references.delete(last.chunks[i]);
      if (walked.targets.size > 0) result.references.set(chunks[i], last.outside.reachedBy(walked.targets));
    }
    if (deepestGone) maxDepth = walks.reduce((deepest, walked) => Math.max(deepest, walked?.facts.maxDepth ?? 0), 1);
    const checked = { ...last, chunks, count, maxDepth };
    if (aliasesChanged) return this.withAliases(checked);
    return withinAliasLimits(checked) ? checked : undefined;
  }

  /** The check with every alias's target and their expansion; undefined when the expansion may be past a limit. */
  private withAliases(checked: Checked): Checked | undefined {
    const aliased = checked.walks.filter((walked): walked is Walked => walked !== undefined && hasAliases(walked));
    const { targets, expansion } = this.aliasesOf(aliased);
    const done = { ...checked, expansion, result: { targets, references: checked.result.references } };
    return withinAliasLimits(done) ? done : undefined;
  }

  /** Whether no top-level key and no service name repeats: known without sets when the parts' keys are those last found unique. */
  private uniqueKeys(chunks: readonly ParsedChunk[]): boolean {
    const { keys, services } = this.uniqueLast;
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
    this.uniqueLast = found;
    return true;
  }

  /**
   * Every alias's target, and their expansion, from the walks with aliases: those of the last check
   * when the walks' aliases are the same (an edit of a service without aliases leaves them so).
   */
  private aliasesOf(walks: readonly Walked[]): { targets: Map<Alias, Node | undefined>; expansion: Expansion | undefined } {
    const last = this.aliasesLast;
    if (last && last.walks.length === walks.length && walks.every((walked, i) => walked.targets === last.walks[i].targets && walked.facts.aliasDepths === last.walks[i].facts.aliasDepths)) return last;
    const targets = new Map<Alias, Node | undefined>();
    const aliasDepths = new Map<Alias, number>();
    for (const walked of walks) {
      for (const [alias, target] of walked.targets) targets.set(alias, target);
      for (const [alias, depth] of walked.facts.aliasDepths) aliasDepths.set(alias, depth);
    }
    this.aliasesLast = { walks, targets, expansion: targets.size > 0 ? measureExpansion(targets, aliasDepths) : undefined };
    return this.aliasesLast;
  }
}

/** Whether the aliases' expansion keeps the document within COMPOSE_LIMITS (true without aliases). */
function withinAliasLimits({ result, expansion, count, maxDepth }: Checked): boolean {
  return result.targets.size === 0 || (expansion !== undefined && withinLimits(expansion, count, maxDepth));
}

function hasAliases(walked: Walked): boolean {
  return walked.targets.size > 0 || walked.facts.aliasDepths.size > 0;
}

/** Positions of the service parts that differ, when nothing else does (the same parts outside `services:`, the same names); else undefined. */
function changedServices(before: readonly ParsedChunk[], after: readonly ParsedChunk[]): number[] | undefined {
  if (before.length !== after.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    const chunk = after[i];
    if (chunk === before[i]) continue;
    if (chunk.kind !== 'service' || before[i].kind !== 'service' || chunk.key !== before[i].key) return undefined;
    changed.push(i);
  }
  return changed;
}

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

/** A top-level part's walk, valid while the parts outside `services:` before it (the anchors it can see) are the same. */
const walks = new WeakMap<ParsedChunk, Walked & { anchorsKey: string }>();

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
