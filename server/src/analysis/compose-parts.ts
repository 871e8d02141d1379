/**
 * The parts of the last version of a Compose file (compose-chunks.ts), parsed, with what was derived
 * from each: the next version reuses every part whose text did not change, parses the others, and
 * gets a ComposeDoc stitched from them. Per-part data is kept while what it depends on holds:
 * plain data while the anchors a service refers to are the same, per-service results
 * (`ComposeDoc.serviceMemo`, findings) while the part also starts on the same line, the layout of
 * the file outside `services:` is the same, and an edit of an anchor it merges changed no key
 * they read (compose-reads.ts, compose-anchor-edits.ts). An edit that only moves a service, the
 * anchors it refers to and the layout (Enter above them) keeps its findings, mapped through the
 * edit (compose-finding-shift.ts).
 */
import type { Pair } from 'yaml';
import { moveChunk, parseChunk, type ParsedChunk } from './compose-chunk-parse';
import { recoverBrokenPart } from './compose-broken-part';
import { changedRegion, splitComposeFile, type ChangedRegion, type ChunkSpan, type ComposeSplit } from './compose-chunks';
import { ComposeDoc } from './compose-doc';
import { addInto, entryStyleCounts, keptEntryStyleCounts, keptStyleCounts, noCounts, removeFrom, styleFromCounts, styleOf, type StyleCounts, type YamlStyle } from './compose-style';
import { keysChangedByAnchors } from './compose-anchor-edits';
import { mayHaveSuppressions, suppressionsNear } from './compose-findings';
import { ALL_KEYS } from './compose-reads';
import { chunkId, Stitcher, type StitchedDocument } from './compose-stitch';
import type { LineSpan } from './compose-order';
import { PartIndex } from './compose-part-index';
import { EditShift, insertionPoint, layoutFollows, type LayoutPlaces } from './compose-finding-shift';
import { emptyResults, shiftedResults, type CachedFindings, type Results } from './compose-part-results';
import { PartData, type PartValues } from './compose-part-data';
import { ServiceChangeLog, type ServiceChanges } from './compose-service-folds';
import { detachedSlice, LineIndex } from './text';
import type { AnalysisContext } from './types';

export type { CachedFindings } from './compose-part-results';

/** One part of the file and what is kept with it. */
interface Part {
  chunk: ParsedChunk;
  /** The first line of the part in the current text. */
  line: number;
  /** Whether the last build moved it as its edit moved the text around it (`EditShift.follows`). */
  follows: boolean;
  data: PartValues;
  results: Results;
}

/** Top-level sections service rules read (declared names, where to declare more); other entries matter only through anchors. */
const SECTIONS = new Set(['volumes', 'networks', 'secrets', 'configs', 'include']);

/** What a part that refers to no other part refers to (shared, never written). */
const NO_REFERENCES: readonly ParsedChunk[] = [];

/** How far ahead of the last reused part to look for the next one (parts added or removed by one edit). */
const LOOKAHEAD = 8;

export class ComposeParts {
  private parts: Part[] = [];
  /** The text the parts were split from (their offsets point into it), and that split. */
  private text = '';
  private split: ComposeSplit | undefined;
  /** Parts by name (kept across edits). */
  private readonly byName = new PartIndex<Part>();
  private readonly data = new PartData(this.byName);
  private readonly stitcher = new Stitcher();
  /** Which services each build changed (compose-service-folds.ts). */
  private readonly changeLog = new ServiceChangeLog();
  /** The file outside `services:` (its parts, where they start, the indentation style): what per-service results may depend on. */
  layoutKey = '';
  /** Changes when the layout changes other than by moving with an edit (then kept findings cannot be mapped). */
  layoutGeneration = 0;
  /** The last build's edit when the layout moved with it: the positions of findings kept before it map through it. */
  movedBy: EditShift | undefined;
  /** The layout of the last text a build laid out, and that text. */
  private layout: (LayoutPlaces & { text: string }) | undefined;
  /** Lines of `text`. */
  private lines: LineIndex | undefined;
  /** The edit of the current build, when the previous text was laid out. */
  private shift: EditShift | undefined;
  /** Parts parsed (not reused) by the last `build`. */
  parsedLastTime = 0;
  /** Set while service-scoped rules (or their dependencies) run: memo values read then are what their findings rest on. */
  usingForFindings = false;
  /** The style counts of `parts` summed (`styleOf`). */
  private styleSum: { parts: readonly Part[]; counts: StyleCounts } | undefined;
  /** What the last build changed: the parts before it, those it parsed and those it dropped. */
  private changes: { before: readonly Part[]; added: Part[]; dropped: Part[] } = { before: [], added: [], dropped: [] };
  /** Whether `text` may hold a suppression comment (`mayHaveSuppressions`). */
  private suppressible = false;
  /** The parts outside `services:` before the current build, by key: to tell which lines of an anchor an edit changed. */
  private outsideBefore = new Map<string, { text: string; line: number }>();

  /** The stitched document, or undefined when the file cannot be split into parts (then parse it whole). */
  build(text: string, context: AnalysisContext): ComposeDoc | undefined {
    const changed = changedRegion(this.text, text);
    // `this.text` split, so whole-text checks need only look where the text changed, and its split is rescanned only there.
    const split = splitComposeFile(text, changed, this.split);
    if (!split) return undefined;
    const spans = split.spans;
    const parts: Part[] = [];
    // Reused parts with where they go (not objects: one edit moves hundreds).
    const moved: Part[] = [];
    const movedTo = new Float64Array(3 * spans.length);
    const outsideBefore = new Map<string, { text: string; line: number }>();
    for (const part of this.parts) if (part.chunk.kind !== 'service') outsideBefore.set(part.chunk.key, { text: part.chunk.text, line: part.line });
    let broken: { span: ChunkSpan; at: number } | undefined;
    const added: Part[] = [];
    const kept = new Uint8Array(this.parts.length);
    // Typing a character and deleting it again gives a part the last build dropped its text back.
    const restorable = [...this.changes.dropped];
    let cursor = 0;
    let parsed = 0;
    for (const span of spans) {
      const index = this.previousPart(text, span, cursor, changed);
      const found = index < 0 ? undefined : this.parts[index];
      cursor = found ? index + 1 : cursor;
      if (found) kept[index] = 1;
      const reused = found ?? takeRestorable(restorable, text, span);
      const chunk = reused?.chunk ?? parseChunk(span.kind, detachedSlice(text, span.start, span.end), span.start);
      if (!reused) parsed++;
      if (chunk === 'broken' && !broken) broken = { span, at: parts.length };
      else if (!chunk || chunk === 'broken') return undefined;
      else parts.push(reused ?? newPart(chunk, span.line));
      // Parts new to this build (parsed, or taken back) add their style counts.
      if (!found && chunk !== 'broken') added.push(parts[parts.length - 1]);
      if (reused) {
        const at = 3 * moved.push(reused) - 3;
        movedTo[at] = span.start;
        movedTo[at + 1] = span.line;
        movedTo[at + 2] = found ? 1 : 0;
      }
    }
    const lines = new LineIndex(text, this.lines, changed);
    const shift = this.layout?.text === this.text && this.lines ? new EditShift(this.text, changed, this.lines, lines) : undefined;
    // Parts move only once the text is taken: until then they still match the previous text.
    this.outsideBefore = outsideBefore;
    moved.forEach((part, i) => {
      part.follows = shift !== undefined && movedTo[3 * i + 2] === 1 && shift.follows(part.chunk.offset, part.chunk.text.length, movedTo[3 * i]);
      moveChunk(part.chunk, movedTo[3 * i]);
      part.line = movedTo[3 * i + 1];
    });
    this.changes = { before: this.parts, added, dropped: this.parts.filter((_, i) => kept[i] === 0) };
    this.parts = parts;
    for (const part of added) this.touch(part);
    for (const part of this.changes.dropped) this.touch(part);
    this.suppressible = this.text !== '' && !this.suppressible ? suppressionsNear(text, changed) : mayHaveSuppressions(text);
    this.text = text;
    this.split = split;
    this.lines = lines;
    this.shift = shift;
    this.movedBy = undefined;
    this.parsedLastTime = parsed;
    return broken ? this.buildBroken(text, context, lines, broken) : this.buildWhole(text, context, lines);
  }

  /**
   * The previous part with the span's text: found by offset when the span lies before or after the
   * region the edit changed, else compared in place a few parts ahead of `cursor` (parts keep their
   * order; an edit changes one and may add or remove a few). Its index, or -1.
   */
  private previousPart(text: string, span: ChunkSpan, cursor: number, changed: ChangedRegion): number {
    const length = span.end - span.start;
    const unchangedAt = span.end <= changed.start ? span.start : span.start >= changed.end ? span.start - changed.delta : undefined;
    for (let index = cursor; index < this.parts.length; index++) {
      const part = this.parts[index];
      if (unchangedAt !== undefined) {
        if (part.chunk.offset > unchangedAt) return -1;
        if (part.chunk.offset === unchangedAt) return part.chunk.kind === span.kind && part.chunk.text.length === length ? index : -1;
        continue;
      }
      if (index >= cursor + LOOKAHEAD) return -1;
      if (part.chunk.kind === span.kind && part.chunk.text.length === length && text.startsWith(part.chunk.text, span.start)) return index;
    }
    return -1;
  }

  private buildWhole(text: string, context: AnalysisContext, lines: LineIndex): ComposeDoc | undefined {
    const stitched = this.stitcher.stitch(this.parts.map((part) => part.chunk), lines);
    if (!stitched || stitched.problems.length > 0) this.changeLog.interrupt();
    if (!stitched) return undefined;
    if (stitched.problems.length > 0) return new ComposeDoc(text, context, { lines, root: stitched.root, problems: stitched.problems, aliasTarget: (alias) => stitched.targets.get(alias) });
    this.index(stitched);
    // Known once the parts' results below are settled; nothing reads it before.
    const changes: { since?: ServiceChanges } = {};
    const doc = new ComposeDoc(text, context, {
      lines,
      root: stitched.root,
      problems: [],
      aliasTarget: (alias) => stitched.targets.get(alias),
      serviceEntries: stitched.services,
      project: (built) => this.data.project(built, context),
      plain: (built) => this.data.plain(built),
      memo: (service, key, compute) => this.data.memo(service, key, compute, this.usingForFindings),
      serviceChanges: () => changes.since,
    });
    const previousKey = this.layoutKey;
    const layout = this.layoutOf(doc, stitched);
    // Only an edit that moved every place of the layout keeps findings (mapped) across a layout change.
    const shift = this.shift && this.layout && layoutFollows(this.shift, this.layout, layout.places, layout.sectionsFollow) ? this.shift : undefined;
    if (layout.key !== previousKey && !shift) this.layoutGeneration++;
    this.layoutKey = layout.key;
    this.layout = { ...layout.places, text };
    this.movedBy = shift;
    // Most parts refer to no anchor: their key is the layout's alone.
    const unanchoredKey = `${this.layoutKey}|`;
    // Services refer only to parts outside `services:`; many refer to the same one.
    const lineOf = new Map<ParsedChunk, number>();
    for (const part of this.parts) if (part.chunk.kind !== 'service') lineOf.set(part.chunk, part.line);
    const followed = new Set(shift ? this.parts.filter((part) => part.follows && part.chunk.kind !== 'service').map((part) => part.chunk) : []);
    const movesWithEdit = (part: Part, references: readonly ParsedChunk[]): boolean => part.follows && part.chunk.kind === 'service' && references.every((chunk) => followed.has(chunk))
      && part.results.layoutKey === `${previousKey}|${references.map((chunk) => `${chunkId(chunk)}@${this.outsideBefore.get(chunk.key)?.line}`).join(',')}`;
    // Memo values hold positions in the service and the anchors it refers to: kept where none of them moved.
    const unmoved = (part: Part, references: readonly ParsedChunk[]): boolean => part.results.line === part.line && references.every((chunk) => lineOf.get(chunk) === this.outsideBefore.get(chunk.key)?.line);
    const keysOfAnchor = new Map<ParsedChunk, { key: string; anchors: string }>();
    for (const part of this.parts) {
      const references = stitched.references.get(part.chunk) ?? NO_REFERENCES;
      if (references.length === 0) {
        if (part.results.line === part.line && part.results.layoutKey === unanchoredKey) continue;
        part.results = shift && movesWithEdit(part, references) ? shiftedResults(part.results, part.line, unanchoredKey, '[]', shift, unmoved(part, references)) : emptyResults(part.line, unanchoredKey, '[]');
        this.touch(part, 'results');
        continue;
      }
      let keys = references.length === 1 ? keysOfAnchor.get(references[0]) : undefined;
      if (!keys) {
        keys = {
          key: `${unanchoredKey}${references.map((chunk) => `${chunkId(chunk)}@${lineOf.get(chunk)}`).join(',')}`,
          anchors: JSON.stringify(references.map((chunk) => [chunk.key, lineOf.get(chunk)])),
        };
        if (references.length === 1) keysOfAnchor.set(references[0], keys);
      }
      const { key, anchors } = keys;
      const kept = part.results.line === part.line && (part.results.layoutKey === key || (part.results.anchors === anchors && this.keepAcrossAnchorEdit(doc, part, references, lineOf)));
      if (kept) {
        part.results.layoutKey = key;
        continue;
      }
      part.results = shift && movesWithEdit(part, references) ? shiftedResults(part.results, part.line, key, anchors, shift, unmoved(part, references)) : emptyResults(part.line, key, anchors);
      this.touch(part, 'results');
    }
    changes.since = this.changeLog.next(doc.allServices.map((service) => service.name));
    return doc;
  }

  /**
   * Notes a part whose text, data or results (memo values) this build replaced (compose-service-folds.ts).
   * Results outside `services:` hold nothing whole-file results are made of.
   */
  private touch(part: Part, what: 'text or data' | 'results' = 'text or data'): void {
    if (part.chunk.kind === 'service') this.changeLog.touchService(part.chunk.key);
    else if (what !== 'results') this.changeLog.touchOutside();
  }

  /** One part does not parse alone: what yaml makes of it in the file, when that stays inside it (compose-broken-part.ts). */
  private buildBroken(text: string, context: AnalysisContext, lines: LineIndex, broken: { span: ChunkSpan; at: number }): ComposeDoc | undefined {
    this.changeLog.interrupt();
    // Suppression comments would read the recovered tree's block ends, which nothing checks against a whole parse.
    if (this.suppressible) return undefined;
    const chunks = this.parts.map((part) => part.chunk);
    const recovered = recoverBrokenPart(text, broken.span, chunks[broken.at - 1], chunks[broken.at]);
    if (!recovered) return undefined;
    const stitched = this.stitcher.stitch([...chunks.slice(0, broken.at), recovered.part, ...chunks.slice(broken.at)], lines, recovered.problems);
    if (!stitched || stitched.problems.length === 0) return undefined;
    return new ComposeDoc(text, context, { lines, root: stitched.root, problems: stitched.problems, aliasTarget: (alias) => stitched.targets.get(alias) });
  }

  /**
   * Whether a service whose only change is an edit of the one anchor it refers to (the same entry
   * as before) keeps its results: when the anchor kept its place and length, and no key its checks
   * read changed (memo values that read a changed key are dropped).
   */
  private keepAcrossAnchorEdit(doc: ComposeDoc, part: Part, references: readonly ParsedChunk[], lineOf: ReadonlyMap<ParsedChunk, number>): boolean {
    const results = part.results;
    const anchor = references.length === 1 ? references[0] : undefined;
    const before = anchor && this.outsideBefore.get(anchor.key);
    const service = part.chunk.kind === 'service' ? doc.service(part.chunk.key) : undefined;
    if (!anchor || !before || !service || !results.layoutKey.startsWith(`${this.layoutKey}|`) || before.line !== lineOf.get(anchor) || results.reads.has(ALL_KEYS)) return false;
    const oldLines = before.text.split('\n');
    const newLines = anchor.text.split('\n');
    if (oldLines.length !== newLines.length) return false;
    const changedLines = new Set<number>();
    newLines.forEach((text, index) => text !== oldLines[index] && changedLines.add(before.line + index));
    const changed = keysChangedByAnchors(doc, service, part.data.before, this.data.serviceData(service, 'plain'), changedLines);
    const stale = (reads: ReadonlySet<string>): boolean => reads.has(ALL_KEYS) || [...reads].some((key) => changed.has(key));
    if (changed.has(ALL_KEYS) || stale(results.reads) || [...results.memo.values()].some((entry) => entry.forFindings && stale(entry.reads))) return false;
    for (const [name, entry] of results.memo) {
      if (!stale(entry.reads)) continue;
      results.memo.delete(name);
      this.touch(part, 'results');
    }
    return true;
  }

  /** `mayHaveSuppressions(text)`, known without a scan for the text of the last build. */
  mayHaveSuppressions(text: string): boolean {
    return text === this.text ? this.suppressible : mayHaveSuppressions(text);
  }

  /** Keys a re-check of a service read (compose-reads.ts): a later anchor edit changing one of them re-checks it. */
  noteReads(service: string, keys: ReadonlySet<string>): void {
    const results = this.byName.services.get(service)?.results;
    if (results) for (const key of keys) results.reads.add(key);
  }

  /** `lineSpan` of every service of the last document built, in order (`ComposeDoc.allServices`). */
  lineSpans(): readonly LineSpan[] {
    return this.byName.spans;
  }

  /** Cached findings of a service (by name), by the rule's position in the rules the analyzer runs. */
  findings(service: string): (CachedFindings | undefined)[] {
    return (this.byName.services.get(service) as Part).results.findings;
  }

  /** Forgets every kept finding (settings, rules or context changed). */
  clearFindings(): void {
    for (const part of this.parts) part.results.findings = [];
    // The parts the next build may take back.
    for (const part of this.changes.dropped) part.results.findings = [];
  }

  /** Finds parts by name, and drops plain data whose anchors changed (a service's: those it refers to; a top-level entry's: any). */
  private index(stitched: StitchedDocument): void {
    this.byName.update(this.parts);
    for (const part of this.parts) {
      // A service missing from `references` refers to no other part; the same array is the same parts.
      const references = part.chunk.kind === 'service' ? stitched.references.get(part.chunk) ?? NO_REFERENCES : undefined;
      if (references && part.data.references === references) continue;
      const dataKey = references ? references.map(chunkId).join(',') : stitched.outsideServicesKey;
      if (part.data.dataKey !== dataKey) {
        part.data = { dataKey, before: part.data.plain };
        this.touch(part);
      }
      part.data.references = references;
    }
  }

  /**
   * What every service's results may depend on outside `services:`: the sections rules read and
   * where they are, where a new section would be inserted (the end of the root's last entry), the
   * indentation style and the line breaks. Anchors a service refers to are added per service.
   */
  private layoutOf(doc: ComposeDoc, stitched: StitchedDocument): { key: string; places: LayoutPlaces; sectionsFollow: boolean } {
    const sections = this.parts.filter((part) => part.chunk.kind === 'services' || (part.chunk.kind === 'top' && SECTIONS.has(part.chunk.key)));
    const style = this.styleOf(doc, stitched.servicesEntry);
    const insertion = insertionPoint(doc, stitched.root.items[stitched.root.items.length - 1]);
    const styleKey = `${style.indent},${style.sequenceIndent}|${doc.lines.eol === '\n' ? 'lf' : 'crlf'}`;
    return {
      key: `${sections.map((part) => `${part.chunk.key}:${chunkId(part.chunk)}@${part.line}`).join(',')}|${insertion ? `${insertion.line}:${insertion.character}` : ''}|${styleKey}`,
      places: { shape: `${sections.map((part) => `${part.chunk.key}:${chunkId(part.chunk)}`).join(',')}|${styleKey}`, insertion },
      sectionsFollow: sections.every((part) => part.follows),
    };
  }

  /**
   * `styleOf(doc)` from counts kept with each part (a part's columns do not change when it moves),
   * summed once and then updated with the parts each build added and dropped.
   */
  private styleOf(doc: ComposeDoc, servicesEntry: Pair): YamlStyle {
    const { before, added, dropped } = this.changes;
    // A part's counts are kept with its parsed chunk: its columns do not change when it moves.
    const counts = (part: Part): StyleCounts => keptEntryStyleCounts(doc, part.chunk, part.chunk.pair as Pair);
    let sum = this.styleSum?.parts === before && dropped.every((part) => !countsStyle(part) || keptStyleCounts(part.chunk)) ? this.styleSum.counts : undefined;
    if (sum) {
      for (const part of dropped) if (countsStyle(part)) removeFrom(sum, keptStyleCounts(part.chunk) as StyleCounts);
      for (const part of added) if (countsStyle(part)) addInto(sum, counts(part));
    } else {
      sum = noCounts();
      for (const part of this.parts) if (countsStyle(part)) addInto(sum, counts(part));
    }
    this.styleSum = { parts: this.parts, counts: sum };
    // The `services:` line parsed alone has no value: its step to the stitched services map is counted here.
    return styleFromCounts(doc, [sum, entryStyleCounts(doc, servicesEntry, true)]) ?? styleOf(doc);
  }
}

/** Parts whose own counts `styleOf` sums: entries other than the `services:` line. */
function countsStyle(part: Part): boolean {
  return part.chunk.pair !== undefined && part.chunk.kind !== 'services';
}

/** The part among `parts` with the span's kind and text, taken out of `parts`. */
function takeRestorable(parts: Part[], text: string, span: ChunkSpan): Part | undefined {
  const index = parts.findIndex(({ chunk }) => chunk.kind === span.kind && chunk.text.length === span.end - span.start && text.startsWith(chunk.text, span.start));
  return index < 0 ? undefined : parts.splice(index, 1)[0];
}

function newPart(chunk: ParsedChunk, line: number): Part {
  return { chunk, line, follows: false, data: { dataKey: '' }, results: emptyResults(line, '', '') };
}
