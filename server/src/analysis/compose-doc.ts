/**
 * The Compose model rules receive (`ParsedDocuments['compose']`). How a Compose rule works:
 *
 * - Iterate `doc.services` (services written in this file). Read a field with `service.get('user')`
 *   or deeper with `service.node.at('deploy', 'resources', 'limits')`: a ComposeNode, with aliases
 *   and `<<` merge keys resolved. Skip values where `node.isInterpolated` (`${VAR}`).
 * - Decide whether something is missing from `service.effective` (the project as Compose runs it:
 *   compose.override.yaml merged, short forms normalised; compose-merge.ts). Honour
 *   `doc.project.partial` before reporting absences, and `doc.isDefined('volumes', name)` for names.
 * - Report at `node.range` (a value), `node.keyRange` (a key), `node.subRange(start, end)` (a word
 *   inside a value) or `service.keyRange` (something missing from the service). For inherited
 *   values these point at the alias or merge key in the service, where the user edits.
 * - Build fixes with compose-edits.ts (insertKey / insertEntries / appendItem / replaceScalar /
 *   replaceInScalar / deleteEntry / deleteItem); each returns undefined when it cannot edit in place,
 *   and then the finding goes without a fix.
 * - Shared parsers: compose-ports.ts, compose-volumes.ts, compose-references.ts, compose-image.ts,
 *   interpolation.ts. Example rules: rules/compose/compose-version-obsolete.ts (a fix),
 *   service-image-latest.ts (a word inside a value), reference-undefined.ts (merged project).
 */
import { isMap, isPair, isScalar, isSeq, type Alias, type Node, type Pair } from 'yaml';
import { mergeModels, normalizeModel, isPlainMap, type PlainMap } from './compose-merge';
import { ComposeNode, type EntrySource, type NodeHost } from './compose-node';
import { parseComposeYaml, type YamlProblem } from './compose-parse';
import { recordedSettings, recordingReads } from './compose-reads';
import { composeReferencedPathNames, composeReferencedPaths, normalizeRelativePath, type ReferencedPath } from './compose-paths';
import type { ServiceChanges } from './compose-service-folds';
import { LineIndex } from './text';
import type { AnalysisContext, ComposeSideFile, Range } from './types';

/** The rule that reports `ComposeDoc.problems`; the only one that runs on unusable YAML. */
export const COMPOSE_SYNTAX_RULE_ID = 'compose-yaml-syntax';

/** A service written in the analysed file. */
export interface ComposeService {
  readonly name: string;
  /** The service's name key: where service-wide findings go (e.g. "no user set"). */
  readonly keyRange: Range;
  /** The service's value (a map in a valid file): read fields and report at their nodes. */
  readonly node: ComposeNode;
  /**
   * The service as Compose will run it: every file of the project merged and short forms
   * normalised (compose-merge.ts). Decide from it whether something is missing or set; report at `node`.
   */
  readonly effective: PlainMap;
  /** Shorthand for `node.get(key)`. */
  get(key: string): ComposeNode | undefined;
}

/** Top-level sections whose entries services refer to by name. */
export type ComposeSection = 'services' | 'volumes' | 'networks' | 'secrets' | 'configs' | 'models';

/**
 * A Compose file parsed once (yaml, with node ranges) with the views rules need: services,
 * top-level sections, values with aliases and merge keys resolved (ComposeNode), and the project
 * as Compose runs it (this file merged with the files in `context.compose`).
 */
export class ComposeDoc implements NodeHost {
  readonly lines: LineIndex;
  /** Syntax errors and guard trips (compose-yaml-syntax); when any, `usable` is false. */
  readonly problems: readonly YamlProblem[];
  /** The root value (a map in a valid file; `topLevel` reads it), or undefined when the document is empty or unusable. */
  readonly root: ComposeNode | undefined;
  /** `empty` (nothing or only comments), `map`, or `other` (a list or a scalar at the top). */
  readonly rootKind: 'empty' | 'map' | 'other';
  /** The services rules report on: every service of the file, or some of them in a `withServices` view. */
  readonly services: readonly ComposeService[];
  /** Every service written in the file (for rules that compare services with each other). */
  readonly allServices: readonly ComposeService[];
  /** True when built from parts parsed separately (the incremental analyzer), false for one whole parse. */
  readonly assembled: boolean;
  private readonly yamlRootNode: Node | null;
  private readonly targets: (alias: Alias) => Node | undefined;
  private readonly preparsed: PreparsedCompose | undefined;
  /** Built on the first look-up: most edits look up none. */
  private servicesByName: Map<string, ComposeService> | undefined;
  private readonly memos = new Map<string, unknown>();
  private projectCache: ComposeProject | undefined;
  private plain: unknown;
  private blockEnds: Map<number, number> | undefined;

  constructor(readonly text: string, readonly context: AnalysisContext = {}, preparsed?: PreparsedCompose) {
    this.preparsed = preparsed;
    this.assembled = preparsed !== undefined;
    this.lines = preparsed?.lines ?? new LineIndex(text);
    const parsed = preparsed ?? parseComposeYaml(text, this.lines);
    this.yamlRootNode = parsed.root;
    this.targets = parsed.aliasTarget;
    this.problems = parsed.problems;
    const root = parsed.root;
    this.rootKind = !root || (isScalar(root) && root.value === null) ? 'empty' : isMap(root) ? 'map' : 'other';
    this.root = root && this.usable ? new ComposeNode(this, { yaml: root, path: [] }) : undefined;
    this.services = this.readServices();
    this.allServices = this.services;
  }

  get yamlRoot(): Node | null {
    return this.yamlRootNode;
  }

  /** False when the YAML has errors or tripped a guard: only compose-yaml-syntax runs then. */
  get usable(): boolean {
    return this.problems.length === 0;
  }

  /** @internal What changed since the last document built from the same parts (compose-service-folds.ts); undefined for a whole parse. */
  get serviceChanges(): ServiceChanges | undefined {
    return this.preparsed?.serviceChanges?.();
  }

  /** The anchored node an alias refers to. */
  aliasTarget(alias: Parameters<NodeHost['aliasTarget']>[0]): Node | undefined {
    return this.targets(alias);
  }

  /** Where to report a YAML problem: its range, kept to its first line. */
  problemRange(problem: YamlProblem): Range {
    const start = this.lines.positionAt(problem.start);
    const end = this.lines.positionAt(Math.max(problem.start, problem.end));
    return end.line === start.line ? { start, end } : { start, end: { line: start.line, character: this.lines.lineText(start.line).length } };
  }

  /** A top-level entry (`version`, `services`, `volumes`, `x-common`...). */
  topLevel(key: string): ComposeNode | undefined {
    return this.root?.isMap ? this.root.get(key) : undefined;
  }

  service(name: string): ComposeService | undefined {
    if (!this.servicesByName) {
      this.servicesByName = new Map();
      for (const service of this.allServices) if (!this.servicesByName.has(service.name)) this.servicesByName.set(service.name, service);
    }
    return this.servicesByName.get(name);
  }

  /** The project as Compose runs it: the files of `context.compose` merged around this one. */
  get project(): ComposeProject {
    this.projectCache ??= this.preparsed?.project?.(this) ?? buildProject(this, this.context);
    return this.projectCache;
  }

  /**
   * The same document with rules reporting only on `services` (the incremental analyzer re-checks
   * the services whose text changed). It shares the parse, the project and the memos.
   */
  withServices(services: readonly ComposeService[]): ComposeDoc {
    void this.project;
    // A shallow copy, not `Object.create(this)`: V8 keeps an object made a prototype (and all it
    // holds) through young-generation GCs, so each edit's document ended up in old space as garbage.
    return Object.assign(Object.create(ComposeDoc.prototype) as ComposeDoc, this, { services });
  }

  /**
   * What `compute` derives from one service's own text (and the file outside `services:`), kept with
   * the service: the incremental analyzer carries it over edits of other services. Return plain data
   * and positions, never nodes (a re-parse of an anchor replaces them). `compute` gets the service,
   * so that rules calling this for every service at every edit need not make a closure for each.
   */
  serviceMemo<T>(service: ComposeService, key: string, compute: (service: ComposeService) => T): T {
    if (this.preparsed?.memo) return this.preparsed.memo(service, key, compute) as T;
    const id = `${service.name}\u0000${key}`;
    if (!this.memos.has(id)) this.memos.set(id, compute(service));
    return this.memos.get(id) as T;
  }

  /** Whether `name` is defined in a top-level section of the merged project (`volumes`, `networks`...). */
  isDefined(section: ComposeSection, name: string): boolean {
    const value = this.project.model[section];
    return isPlainMap(value) && Object.hasOwn(value, name);
  }

  /**
   * Whether a path the file references exists (relative to the file's folder), from
   * `context.existingPaths`; undefined when the adapters did not say (then stay silent).
   */
  pathExists(path: string): boolean | undefined {
    return this.context.existingPaths?.has(normalizeRelativePath(path));
  }

  /** Files and folders the document names (env_file, build context, Dockerfile...), for the adapters to stat. */
  referencedPaths(): ReferencedPath[] {
    return composeReferencedPaths(this);
  }

  /** The paths of `referencedPaths()` alone, for every service of the file (kept across edits by the incremental analyzer). Shared: do not mutate. */
  referencedPathNames(): readonly string[] {
    return composeReferencedPathNames(this);
  }

  /** The whole document as plain data (merge keys applied); null when empty or unusable. Shared: do not mutate. */
  toJS(): unknown {
    if (this.plain === undefined) this.plain = this.preparsed?.plain?.(this) ?? (this.root ? this.root.toJS() : null);
    return this.plain;
  }

  /**
   * The last line of the block that starts at `line` (a key with its nested value, or a list item):
   * a `# container-hygiene ignore=` comment above a key covers all of it.
   */
  blockEndLine(line: number): number {
    this.blockEnds ??= computeBlockEnds(this.yamlRootNode, this.lines);
    return this.blockEnds.get(line) ?? line;
  }

  /**
   * The first line of the innermost block (key or list item) that holds `line`: where a comment
   * about `line` can go without landing inside a multi-line value (a block scalar, a quoted string).
   */
  blockStartLine(line: number): number {
    this.blockEnds ??= computeBlockEnds(this.yamlRootNode, this.lines);
    let start: number | undefined;
    for (const [first, last] of this.blockEnds) if (first <= line && line <= last && (start === undefined || first > start)) start = first;
    return start ?? line;
  }

  private readServices(): ComposeService[] {
    const services = this.topLevel('services');
    if (!services?.isMap) return [];
    return (this.preparsed?.serviceEntries ?? services.entrySources()).map((source) => new ServiceView(this, services, source));
  }
}

class ServiceView implements ComposeService {
  private effectiveCache: PlainMap | undefined;
  /** `effective` noting the keys read, while reads are recorded (compose-reads.ts). */
  private recordedCache: PlainMap | undefined;

  readonly name: string;
  private nodeCache: ComposeNode | undefined;

  constructor(private readonly doc: ComposeDoc, private readonly services: ComposeNode, private readonly source: EntrySource) {
    this.name = source.key;
  }

  /** Built when first read: an edit re-checks few services, and the others' nodes would go unread. */
  get node(): ComposeNode {
    this.nodeCache ??= this.services.entryNode(this.source);
    return this.nodeCache;
  }

  get keyRange(): Range {
    return this.node.keyRange;
  }

  get effective(): PlainMap {
    if (!this.effectiveCache) {
      const services = this.doc.project.model.services;
      const merged = isPlainMap(services) ? services[this.name] : undefined;
      this.effectiveCache = isPlainMap(merged) ? merged : (Object.create(null) as PlainMap);
    }
    if (!recordingReads()) return this.effectiveCache;
    this.recordedCache ??= recordedSettings(this.name, this.effectiveCache);
    return this.recordedCache;
  }

  get(key: string): ComposeNode | undefined {
    return this.node.get(key);
  }
}

/** A document parsed in parts and stitched (compose-stitch.ts), with views the incremental analyzer assembles from per-part caches. */
export interface PreparsedCompose {
  lines: LineIndex;
  /** The stitched root map. */
  root: Node;
  /** What a whole parse reports for this text (then only compose-yaml-syntax runs). */
  problems: readonly YamlProblem[];
  aliasTarget(alias: Alias): Node | undefined;
  /** What `entrySources()` of the services map lists, known from the parts: their keys and pairs, in order. */
  serviceEntries?: readonly EntrySource[];
  /** `ComposeDoc.project`, assembled from per-service data. */
  project?(doc: ComposeDoc): ComposeProject;
  /** `ComposeDoc.toJS()`, assembled from per-part data. */
  plain?(doc: ComposeDoc): unknown;
  /** Backs `ComposeDoc.serviceMemo` with a store that outlives the document. */
  memo?(service: ComposeService, key: string, compute: (service: ComposeService) => unknown): unknown;
  /** `ComposeDoc.serviceChanges`. */
  serviceChanges?(): ServiceChanges | undefined;
}

/** The merged view of a Compose project. */
export interface ComposeProject {
  /** Every file merged in order and normalised (compose-merge.ts): `model.services.web.environment` is a map. */
  model: PlainMap;
  /** A file of the project could not be read or parsed, or the analysed file is an override without its base. */
  partial: boolean;
  /** The project pulls in other files (`include:`), so names may be defined elsewhere. */
  hasInclude: boolean;
}

function buildProject(doc: ComposeDoc, context: AnalysisContext): ComposeProject {
  let partial = context.compose?.partial === true;
  let tagged = hasMergeTags(doc);
  const side = (file: ComposeSideFile): PlainMap => {
    const other = new ComposeDoc(file.text);
    if (!other.usable || other.rootKind !== 'map') {
      partial = true;
      return Object.create(null) as PlainMap;
    }
    tagged ||= hasMergeTags(other);
    return normalizeModel(modelOf(other));
  };
  const models = [
    ...(context.compose?.before ?? []).map(side),
    normalizeModel(modelOf(doc)),
    ...(context.compose?.after ?? []).map(side),
  ];
  const model = mergeModels(models, tagged);
  return { model, partial, hasInclude: model.include !== undefined };
}

/** The document's data for merging: `!reset` / `!override` kept as MergeTag where the text uses them. */
function modelOf(doc: ComposeDoc): unknown {
  return hasMergeTags(doc) ? doc.root?.toJS({ mergeTags: true }) : doc.toJS();
}

/** Whether the text may use Compose's merge tags (only then does its data hold MergeTag values). */
function hasMergeTags(doc: ComposeDoc): boolean {
  return /!(reset|override)\b/.test(doc.text);
}

/** Line -> last line of the blocks starting on it, by one iterative walk (aliases not followed). */
function computeBlockEnds(root: Node | null, lines: LineIndex): Map<number, number> {
  const ends = new Map<number, number>();
  const lastLine = (node: Node): number => {
    const [start, end] = node.range ?? [0, 0];
    return lines.positionAt(Math.max(start, end - 1)).line;
  };
  const record = (startOffset: number, endLine: number): void => {
    const line = lines.positionAt(startOffset).line;
    ends.set(line, Math.max(ends.get(line) ?? line, endLine));
  };
  const stack: (Node | Pair)[] = root ? [root] : [];
  while (stack.length > 0) {
    const item = stack.pop() as Node | Pair;
    if (isPair(item)) {
      const key = item.key as Node | null;
      const value = item.value as Node | null;
      if (key?.range && value?.range) record(key.range[0], lastLine(value));
      if (value) stack.push(value);
      continue;
    }
    if (isSeq(item)) {
      for (const child of item.items as Node[]) {
        if (child?.range) record(child.range[0], lastLine(child));
        if (child) stack.push(child);
      }
    } else if (isMap(item)) {
      for (const pair of item.items) stack.push(pair);
    }
  }
  return ends;
}
