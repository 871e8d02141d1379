/**
 * Parts of a Compose file parsed on their own (compose-chunk-parse.ts) stitched into the tree a
 * whole parse gives: one root map, `services:` holding one entry per service part, and every alias
 * resolved. What no single part can see (repeated top-level keys or service names, aliases to
 * anchors in other parts, alias bombs, nesting) is checked per part (compose-quick-checks.ts); when
 * that finds anything, the whole tree gets the checks a whole parse runs, so the problems are the
 * same. Anchors defined inside a service give undefined: other services could refer to them, which
 * per-service caching cannot follow.
 */
import { Pair, YAMLMap, type Alias, type Node } from 'yaml';
import type { ParsedChunk } from './compose-chunk-parse';
import type { ChunkKind } from './compose-chunks';
import { checkTree, type YamlProblem } from './compose-parse';
import { chunkId, QuickChecks } from './compose-quick-checks';
import { markUniqueKeys } from './compose-yaml-maps';
import type { LineIndex } from './text';

export { chunkId } from './compose-quick-checks';

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
  /** The service parts in order, when all parsed alone: each is the entry of the stitched services map it holds (its key and pair). */
  services: readonly ServicePart[];
}

/** A service part parsed alone (every one holds its pair). */
type ServicePart = ParsedChunk & { pair: Pair };

/** A part that does not parse alone, as yaml reads it within the file (compose-broken-part.ts). */
export interface RecoveredPart {
  kind: ChunkKind;
  pairs: Pair[];
}

/** Stitches the parts of one document, version after version (its quick checks keep what the last version's found). */
export class Stitcher {
  private readonly quick = new QuickChecks();

  /**
   * Stitches parts (in file order, ranges already at their offsets). `yamlProblems` are yaml's own
   * for a recovered part. Undefined when the parts do not make a Compose document with services, or
   * a service defines an anchor.
   */
  stitch(parts: readonly (ParsedChunk | RecoveredPart)[], lines: LineIndex, yamlProblems: YamlProblem[] = []): StitchedDocument | undefined {
    const rootPairs: Pair[] = [];
    const servicePairs: Pair[] = [];
    const services: ServicePart[] = [];
    const outsideIds: number[] = [];
    let servicesAt = -1;
    for (const part of parts) {
      const into = part.kind === 'service' ? servicePairs : rootPairs;
      if (part.kind === 'services') servicesAt = rootPairs.length;
      if ('pairs' in part) {
        into.push(...part.pairs);
        continue;
      }
      if (part.pair) into.push(part.pair);
      if (part.kind !== 'service') outsideIds.push(chunkId(part));
      else if (part.pair) services.push(part as ServicePart);
    }
    if (servicesAt < 0 || servicePairs.length === 0) return undefined;
    const servicesEntry = new Pair(rootPairs[servicesAt].key, blockMap(servicePairs));
    rootPairs[servicesAt] = servicesEntry;
    const root = blockMap(rootPairs);
    const outsideServicesKey = outsideIds.join(',');
    const complete = yamlProblems.length === 0 && parts.every((part) => !('pairs' in part));
    const checked = complete ? this.quick.check(parts as readonly ParsedChunk[], lines) : undefined;
    if (checked === 'anchor in a service') return undefined;
    if (checked) {
      // The checks found no service name twice (nor a `<<` key, which no part has).
      markUniqueKeys(servicesEntry.value as YAMLMap);
      return { root, problems: [], servicesEntry, outsideServicesKey, services, ...checked };
    }
    const problems = [...yamlProblems];
    const targets = checkTree(root, lines, problems);
    // No problem after all: what the quick checks refused is an anchor inside a service.
    return problems.length > 0 ? { root, targets, problems, servicesEntry, outsideServicesKey, references: new Map(), services } : undefined;
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
