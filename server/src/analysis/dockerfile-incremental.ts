import { analyze, byPosition, runRules, withoutSuppressedDockerfile, type AnalyzeOptions } from './analyze';
import { DockerfileDoc, type Stage } from './dockerfile-doc';
import { DocumentSegment } from './dockerfile-segment';
import { checkedStage, namesLine, shapeOf, shiftedCheck, type CheckedStage } from './dockerfile-finding-shift';
import { reuseEqualFindings } from './finding-reuse';
import { cutStages, type CutDockerfile, type StagePiece } from './dockerfile-stages-cut';
import { unanalyzableReason } from './input-guard';
import { detached } from './text';
import type { Rule } from './rule';
import type { AnalysisSettings, Finding } from './types';
import { rulesFor } from '../rules/registry';

/** A text parsed once: the lines before the first FROM, blank lines, then stages at their real lines. */
interface Piece {
  doc: DockerfileDoc;
  /** Lower-case stage names and FROM images of the stages that start on the piece's own lines. */
  names: string[];
  bases: string[];
  /** Its instructions on its own lines (a stage piece's copy of the prelude left out), read once for the assembled documents. */
  own: DocumentSegment;
  /** Cut out of a parse of more stages (parseMany): its document goes on past its own lines, so it is not checked on its own. */
  cutOut?: boolean;
}

/** How much work the last call did (tests use it to prove the cached path was taken). */
export interface IncrementalStats {
  full: boolean;
  parsed: number;
  /** Runs of the stage-scoped rules: on one stage's text each, or once on the whole text. */
  checked: number;
  /** Moved but unchanged stages whose findings are the earlier ones moved by as many lines. */
  shifted: number;
  /** Runs (0 or 1) of the rules whose messages name a line, for moved stages that had findings of theirs. */
  relined: number;
  /** Most stages had moved or changed (a line added above them): the text, or the span of moved stages, was parsed at once, then cut into pieces. */
  rebuilt?: boolean;
}

/** The rules of one call, split by how they run. */
interface RuleSets {
  all: readonly Rule<'dockerfile'>[];
  stage: readonly Rule<'dockerfile'>[];
  /** Stage rules whose messages name a line number: run again for a moved stage. */
  namingLines: readonly Rule<'dockerfile'>[];
  namingLineIds: ReadonlySet<string>;
  document: readonly Rule<'dockerfile'>[];
  /** Each rule's place in `all`, by id. */
  rank: ReadonlyMap<string, number>;
}

/** One call: the cut text, how to lint it, and the pieces and checks it uses (kept for the next call). */
interface Call {
  text: string;
  cut: CutDockerfile;
  settings: AnalysisSettings;
  options: AnalyzeOptions;
  rules: RuleSets;
  pieces: Map<string, Piece>;
  checks: Map<string, CheckedStage>;
  /** The checks by shape, but the first stage's (it never moves). Shapes are detached (checkedStage): they keep no texts they were cut from alive. */
  byShape: Map<string, CheckedStage>;
  /** The text parsed whole, when most stages had moved or changed. */
  wholeParse?: DockerfileDoc;
}

/** More stages than this share (and at least MANY_MIN) new or moved: parse (or check) the text whole. */
const MANY_SHARE = 0.25;
const MANY_MIN = 4;

/**
 * Lints one open Dockerfile again and again as it is edited, with the same findings `analyze()`
 * gives, but re-parsing and re-checking only the stages whose text changed. Each stage is parsed
 * in a text of its own (the lines before the first FROM, blank lines, then the stage at its real
 * position), so every position is the document's; the whole-document rules run on a document
 * assembled from those parses. Rules marked `scope: 'stage'` run per stage, in a text that also
 * holds the stages it is built FROM; their findings are kept while that text is unchanged, and
 * moved with it when a line added or removed above only moves it (dockerfile-finding-shift.ts).
 */
export class DockerfileIncrementalAnalyzer {
  /** The last call's parses of single stages, and its stage-rule findings, keyed by `keyOf` their stages. */
  private pieces = new Map<string, Piece>();
  private checks = new Map<string, CheckedStage>();
  /** The same checks by `shapeOf` their stages, to find a moved stage's. */
  private byShape = new Map<string, CheckedStage>();
  private fingerprint = '';
  /**
   * The last call's stage keys (`keyOf`, in stage order): an unchanged stage takes its key again, and a text found
   * in one is a stage that moved. Keys, not the stages: those would keep the last text alive, copied by each scavenge.
   */
  private lastKeys: readonly string[] = [];
  /** The last findings of the rules that run on the whole document at every edit (finding-reuse.ts). */
  private documentFindings: readonly Finding[] = [];
  stats: IncrementalStats = { full: false, parsed: 0, checked: 0, shifted: 0, relined: 0 };

  analyze(text: string, settings: AnalysisSettings, options: AnalyzeOptions = {}): Finding[] {
    const cut = unanalyzableReason(text, settings.maxFileSize) ? undefined : cutStages(text);
    if (!cut) {
      this.pieces.clear();
      this.checks.clear();
      this.byShape.clear();
      this.documentFindings = [];
      this.lastKeys = [];
      this.stats = { full: true, parsed: 1, checked: 1, shifted: 0, relined: 0 };
      return analyze(text, 'dockerfile', settings, options);
    }
    // Every piece holds the prelude: a change there (or to settings) starts afresh.
    const fingerprint = `${fingerprintOf(settings, options)}\0${cut.eol}\0${cut.prelude.text}`;
    if (fingerprint !== this.fingerprint) {
      this.pieces.clear();
      this.checks.clear();
      this.byShape.clear();
    }
    this.fingerprint = fingerprint;
    this.stats = { full: false, parsed: 0, checked: 0, shifted: 0, relined: 0 };
    const call: Call = { text, cut, settings, options, rules: ruleSets(options), pieces: new Map(), checks: new Map(), byShape: new Map() };
    const ownKeys = this.keysOf(cut.stages);
    const missing = ownKeys.map((key, index) => (this.pieces.has(key) ? -1 : index)).filter((index) => index >= 0);
    if (isMany(missing.length, ownKeys.length)) this.parseMany(call, ownKeys, missing);
    const own = cut.stages.map((stage, index) => this.piece(call, [stage], ownKeys[index]));
    const whole = assembledDocument(text, own);
    const findings = this.stageFindings(call, new Ancestry(own), ownKeys, whole);
    this.documentFindings = reuseEqualFindings(runRules(whole, call.rules.document, settings, options), this.documentFindings);
    findings.push(...this.documentFindings);
    this.pieces = call.pieces;
    this.checks = call.checks;
    this.byShape = call.byShape;
    this.lastKeys = ownKeys;
    // analyze() sorts one list built rule by rule: ties in position keep the rules' order.
    const rank = call.rules.rank;
    findings.sort((a, b) => byPosition(a, b) || (rank.get(a.rule) ?? 0) - (rank.get(b.rule) ?? 0));
    return withoutSuppressedDockerfile(whole, call.rules.all, findings);
  }

  /**
   * Each stage's key. Where the last call had the same text at the same line (the stages before and
   * after an edit: compared from both ends, each comparison ending at the first differing character),
   * its key string is taken again: a map look-up then hashes no new string of the stage's whole text.
   */
  private keysOf(stages: readonly StagePiece[]): string[] {
    const last = this.lastKeys;
    const same = (at: number, lastAt: number): boolean => isKeyOf(last[lastAt], stages[at]);
    const keys = stages.map((): string | undefined => undefined);
    let head = 0;
    for (; head < Math.min(stages.length, last.length) && same(head, head); head++) keys[head] = last[head];
    const rest = Math.min(stages.length, last.length) - head;
    for (let tail = 1; tail <= rest && same(stages.length - tail, last.length - tail); tail++) keys[stages.length - tail] = last[last.length - tail];
    // A new key is kept while its stage is unchanged: detached, it keeps no version of the document alive.
    return keys.map((key, index) => key ?? detached(keyOf([stages[index]])));
  }

  /**
   * Many stages lack a piece. A line added or removed above most stages moves them all: parsing each
   * again in a text of its own costs more than one parse of them together. The stages that only moved
   * (their text was the last call's too) are parsed in one text, from the first to the last of them;
   * a stage the edit changed is parsed on its own, as its check needs anyway. When that span is every
   * stage, or most stages changed, the text is parsed whole (and checked whole: checkTheRest).
   */
  private parseMany(call: Call, ownKeys: readonly string[], missing: readonly number[]): void {
    const known = new Set(this.lastKeys.map(textOfKey));
    const moved = missing.filter((index) => known.has(call.cut.stages[index].text));
    const whole = moved.length === 0 || isMany(missing.length - moved.length, ownKeys.length) || (moved[0] === 0 && moved[moved.length - 1] === ownKeys.length - 1);
    const [first, last] = whole ? [0, ownKeys.length - 1] : [moved[0], moved[moved.length - 1]];
    const doc = new DockerfileDoc(whole ? call.text : assemble(call.cut, call.cut.stages.slice(first, last + 1)));
    // The pieces of the stages the parse holds, each its own instructions (the first stage's: those before it too).
    const instructions = byStage(call.cut, doc.instructions, (instruction) => instruction.getRange().start.line);
    const stages = byStage(call.cut, doc.stages, (stage) => stage.from.getRange().start.line);
    for (let index = first; index <= last; index++) {
      call.pieces.set(ownKeys[index], { doc, ...namesAndBases(stages[index]), own: new DocumentSegment(instructions[index]), cutOut: true });
    }
    if (whole) call.wholeParse = doc;
    this.stats.parsed++;
    this.stats.rebuilt = true;
  }

  /** The parse of these stages (the last one's lines its own), from this call or the last, else parsed; `toCheck` wants a text of their own. */
  private piece(call: Call, stages: readonly StagePiece[], key: string, toCheck = false): Piece {
    const found = call.pieces.get(key) ?? this.pieces.get(key);
    if (found && !(toCheck && found.cutOut)) {
      call.pieces.set(key, found);
      return found;
    }
    const doc = new DockerfileDoc(assemble(call.cut, stages));
    const firstLine = stages[stages.length - 1].line;
    const ownStages = doc.stages.filter((stage) => stage.from.getRange().start.line >= firstLine);
    const ownFrom = stages.length === 1 && stages[0] === call.cut.stages[0] ? 0 : firstLine;
    const made: Piece = { doc, ...namesAndBases(ownStages), own: new DocumentSegment(doc.instructions.filter((instruction) => instruction.getRange().start.line >= ownFrom)) };
    this.stats.parsed++;
    // Only single stages are asked for again; a text of a stage and its ancestors serves one check.
    if (stages.length === 1) call.pieces.set(key, made);
    return made;
  }

  /** Each stage's stage-rule findings: kept while its text and line are unchanged, shifted when it only moved, else checked. */
  private stageFindings(call: Call, ancestry: Ancestry, ownKeys: readonly string[], whole: DockerfileDoc): Finding[] {
    const { cut, rules } = call;
    const targets = cut.stages.map((stage, index) => (ancestry.has(index) ? [...ancestry.of(index), index].map((at) => cut.stages[at]) : [stage]));
    const keys = targets.map((stages, index) => (stages.length === 1 ? ownKeys[index] : keyOf(stages)));
    // Moved stages that had findings of rules naming a line, and those rules: a rule that found nothing there before finds nothing now.
    const relined: number[] = [];
    const rulesToRerun = new Set<string>();
    const checks = targets.map((stages, index): CheckedStage | undefined => {
      const kept = this.checks.get(keys[index]);
      if (kept || index === 0) return kept;
      const earlier = this.byShape.get(shapeOf(stages));
      if (!earlier) return undefined;
      this.stats.shifted++;
      const namingLine = earlier.findings.filter((finding) => rules.namingLineIds.has(finding.rule));
      if (namingLine.length > 0) relined.push(index);
      for (const finding of namingLine) rulesToRerun.add(finding.rule);
      return shiftedCheck(earlier, stages, rules.namingLineIds);
    });
    const done = this.checkTheRest(call, targets, keys, checks);
    if (relined.length > 0) this.reline(call, call.wholeParse ?? whole, rules.namingLines.filter((rule) => rulesToRerun.has(rule.id)), done, relined);
    const findings: Finding[] = [];
    done.forEach((check, index) => {
      call.checks.set(keys[index], check);
      if (index > 0) call.byShape.set(check.shape, check);
      for (const finding of check.findings) findings.push(finding);
    });
    return findings;
  }

  /** Checks the stages with nothing to keep or shift: once on the whole parse when there are many, else each in a text of its own. */
  private checkTheRest(call: Call, targets: readonly StagePiece[][], keys: readonly string[], checks: readonly (CheckedStage | undefined)[]): CheckedStage[] {
    const unchecked = checks.filter((check) => !check).length;
    const wholeParse = unchecked > 0 && isMany(unchecked, checks.length) ? call.wholeParse : undefined;
    const found = wholeParse && this.checkWhole(call, wholeParse);
    return checks.map((check, index) => {
      if (check) return check;
      // The first stage never moves: it needs no shape (which would keep the text it was cut from alive).
      const shape = index === 0 ? '' : undefined;
      if (found) return checkedStage(targets[index], found[index], shape);
      const target = this.piece(call, targets[index], keys[index], true);
      const firstLine = index === 0 ? 0 : targets[index][targets[index].length - 1].line;
      this.stats.checked++;
      return checkedStage(targets[index], runRules(target.doc, call.rules.stage, call.settings, call.options).filter((finding) => finding.range.start.line >= firstLine), shape);
    });
  }

  /** The stage rules' findings on the whole parse, per stage. */
  private checkWhole(call: Call, doc: DockerfileDoc): Finding[][] {
    this.stats.checked++;
    return byStage(call.cut, runRules(doc, call.rules.stage, call.settings, call.options), (finding) => finding.range.start.line);
  }

  /** Finds again, on a whole document, what rules whose messages name a line report on the moved stages that need it. */
  private reline(call: Call, doc: DockerfileDoc, rules: readonly Rule<'dockerfile'>[], checks: CheckedStage[], indexes: readonly number[]): void {
    this.stats.relined++;
    const found = byStage(call.cut, runRules(doc, rules, call.settings, call.options), (finding) => finding.range.start.line);
    for (const index of indexes) checks[index] = { ...checks[index], findings: [...checks[index].findings, ...found[index]] };
  }
}

/**
 * Which earlier pieces each piece's stages are built FROM, directly or through others. A FROM
 * naming its image through a variable could name any earlier stage: all of them, then.
 */
class Ancestry {
  private readonly byName = new Map<string, number[]>();

  constructor(private readonly own: readonly Piece[]) {
    own.forEach((piece, index) => {
      for (const name of piece.names) {
        const indexes = this.byName.get(name);
        if (indexes) indexes.push(index);
        else this.byName.set(name, [index]);
      }
    });
  }

  /** Whether the stages of the piece are built FROM an earlier one, or may be (a variable); most are built FROM an image. */
  has(index: number): boolean {
    return this.own[index].bases.some((base) => base.includes('$') || this.byName.has(base));
  }

  /** Indexes of the ancestors, in document order. */
  of(index: number): number[] {
    if (!this.has(index)) return [];
    const found = new Set<number>();
    const visit = (at: number): void => {
      for (const base of this.own[at].bases) {
        const candidates = base.includes('$') ? [...Array(at).keys()] : (this.byName.get(base) ?? []);
        for (const earlier of candidates) {
          if (earlier >= at || found.has(earlier)) continue;
          found.add(earlier);
          visit(earlier);
        }
      }
    };
    visit(index);
    return [...found].sort((a, b) => a - b);
  }
}

/** Split once per rule list: the editor passes the same one at every edit. */
const ruleSetsOf = new WeakMap<readonly Rule[], RuleSets>();

function ruleSets(options: AnalyzeOptions): RuleSets {
  const all = (options.rules ?? rulesFor('dockerfile')) as readonly Rule<'dockerfile'>[];
  let sets = ruleSetsOf.get(all);
  if (!sets) {
    const stage = all.filter((rule) => rule.scope === 'stage');
    const namingLines = stage.filter(namesLine);
    sets = {
      all, stage, namingLines, namingLineIds: new Set(namingLines.map((rule) => rule.id)), document: all.filter((rule) => rule.scope !== 'stage'),
      rank: new Map(all.map((rule, index) => [rule.id, index])),
    };
    ruleSetsOf.set(all, sets);
  }
  return sets;
}

function isMany(count: number, total: number): boolean {
  return count >= MANY_MIN && count > total * MANY_SHARE;
}

/** What a piece or check of these stages is cached by: their lines and texts. */
function keyOf(stages: readonly StagePiece[]): string {
  return stages.map((stage) => `${stage.line}:${stage.text.length}\0${stage.text}`).join('\u0001');
}

/** Whether the key is `keyOf([stage])`: the same line and text, compared where they lie (no new string of the text). */
function isKeyOf(key: string, stage: StagePiece): boolean {
  const head = `${stage.line}:${stage.text.length}\0`;
  return key.length === head.length + stage.text.length && key.startsWith(head) && key.endsWith(stage.text);
}

/** The stage text a one-stage key holds. */
function textOfKey(key: string): string {
  return key.slice(key.indexOf('\0') + 1);
}

/** Items in document order, handed to the stage whose lines hold them (the first stage takes those before it too). */
function byStage<T>(cut: CutDockerfile, items: readonly T[], lineOf: (item: T) => number): T[][] {
  const buckets = cut.stages.map((): T[] => []);
  let index = 0;
  for (const item of items) {
    const line = lineOf(item);
    while (index + 1 < cut.stages.length && line >= cut.stages[index + 1].line) index++;
    buckets[index].push(item);
  }
  return buckets;
}

/** What Ancestry needs of a piece's own stages: their names and the images they are built FROM. */
function namesAndBases(stages: readonly Stage[]): Pick<Piece, 'names' | 'bases'> {
  return { names: stages.flatMap((stage) => (stage.name ? [stage.name] : [])), bases: stages.map((stage) => stage.from.getImageName()?.toLowerCase() ?? '') };
}

/** The prelude, then each piece at its own lines (blank lines pad the gaps), so positions are the document's. */
function assemble(cut: CutDockerfile, stages: readonly StagePiece[]): string {
  let text = cut.prelude.text;
  let line = cut.stages[0].line;
  for (const stage of stages) {
    text += cut.eol.repeat(stage.line - line) + stage.text;
    line = stage.line + lineBreaks(stage.text);
  }
  return text;
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The whole document, made of the instructions each piece parsed on its own lines. */
function assembledDocument(text: string, own: readonly Piece[]): DockerfileDoc {
  return new DockerfileDoc(text, { escapeCharacter: own[0].doc.ast.getEscapeCharacter(), segments: own.map((piece) => piece.own) });
}

function fingerprintOf(settings: AnalysisSettings, options: AnalyzeOptions): string {
  return JSON.stringify([settings, options.context ?? {}, options.rules?.map((rule) => rule.id)], (_key, value: unknown) => (value instanceof Set ? [...value] : value));
}
