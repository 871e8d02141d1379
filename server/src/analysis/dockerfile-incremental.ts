import type { Instruction } from 'dockerfile-ast';
import { analyze, byPosition, runRules, withoutSuppressedDockerfile, type AnalyzeOptions } from './analyze';
import { DockerfileDoc, type Stage } from './dockerfile-doc';
import { reuseEqualFindings } from './finding-reuse';
import { cutStages, type CutDockerfile, type StagePiece } from './dockerfile-stages-cut';
import { unanalyzableReason } from './input-guard';
import type { Rule } from './rule';
import type { AnalysisSettings, Finding } from './types';
import { rulesFor } from '../rules/registry';

/** A text parsed once, and what the stage-scoped rules found on the lines it was made for. */
interface Piece {
  doc: DockerfileDoc;
  /** Lower-case stage names and FROM images of the stages that start on the piece's own lines. */
  names: string[];
  bases: string[];
  /** Its instructions on its own lines (a stage piece's copy of the prelude left out). */
  own: Instruction[];
  findings?: Finding[];
  /** The first line `findings` were kept from: the piece's own lines start there. */
  findingsFrom?: number;
  /** Where its own lines end, when its document goes on (a piece cut from a whole parse). */
  endLine?: number;
}

/** How much work the last call did (tests use it to prove the cached path was taken). */
export interface IncrementalStats {
  full: boolean;
  parsed: number;
  checked: number;
  /** Most stages had moved or changed (a line added above them): one whole parse and check, then cut into pieces. */
  rebuilt?: boolean;
}

/** More stages than this share (and at least REBUILD_MIN) new or moved: parse and check the text whole. */
const REBUILD_SHARE = 0.25;
const REBUILD_MIN = 4;

/**
 * Lints one open Dockerfile again and again as it is edited, with the same findings `analyze()`
 * gives, but re-parsing and re-checking only the stages whose text changed. Each stage is parsed
 * in a text of its own (the lines before the first FROM, blank lines, then the stage at its real
 * position), so every position is the document's; the whole-document rules run on a document
 * assembled from those parses. Rules marked `scope: 'stage'` run per stage, in a text that also
 * holds the stages it is built FROM; their findings are reused while that text is unchanged.
 */
export class DockerfileIncrementalAnalyzer {
  private pieces = new Map<string, Piece>();
  private fingerprint = '';
  /** The last findings of the rules that run on the whole document at every edit (finding-reuse.ts). */
  private documentFindings: readonly Finding[] = [];
  stats: IncrementalStats = { full: false, parsed: 0, checked: 0 };

  analyze(text: string, settings: AnalysisSettings, options: AnalyzeOptions = {}): Finding[] {
    const cut = unanalyzableReason(text, settings.maxFileSize) ? undefined : cutStages(text);
    if (!cut) {
      this.pieces.clear();
      this.documentFindings = [];
      this.stats = { full: true, parsed: 1, checked: 1 };
      return analyze(text, 'dockerfile', settings, options);
    }
    // Every piece holds the prelude: a change there (or to settings) starts afresh.
    const fingerprint = `${fingerprintOf(settings, options)}\0${cut.eol}\0${cut.prelude.text}`;
    if (fingerprint !== this.fingerprint) this.pieces.clear();
    this.fingerprint = fingerprint;
    this.stats = { full: false, parsed: 0, checked: 0 };
    const used = new Map<string, Piece>();
    const keyOf = (stages: readonly StagePiece[]): string => stages.map((stage) => `${stage.line}\0${stage.text}`).join('\u0001');
    /** The piece of these stages (the last one's own), keyed by their lines and text, parsed when new. */
    const piece = (stages: readonly StagePiece[], key = keyOf(stages)): Piece => {
      let found = used.get(key) ?? this.pieces.get(key);
      if (!found) {
        const doc = new DockerfileDoc(assemble(cut, stages));
        const firstLine = stages[stages.length - 1].line;
        const own = doc.stages.filter((stage) => stage.from.getRange().start.line >= firstLine);
        const ownFrom = stages.length === 1 && stages[0] === cut.stages[0] ? 0 : firstLine;
        found = { doc, ...namesAndBases(own), own: doc.instructions.filter((instruction) => instruction.getRange().start.line >= ownFrom) };
        this.stats.parsed++;
      }
      used.set(key, found);
      return found;
    };
    const rules = (options.rules ?? rulesFor('dockerfile')) as readonly Rule<'dockerfile'>[];
    const stageRules = rules.filter((rule) => rule.scope === 'stage');
    const documentRules = rules.filter((rule) => rule.scope !== 'stage');
    // A piece's own lines run from `firstLine` to its end.
    const checkStageRules = (target: Piece, firstLine: number): Finding[] => {
      if (!target.findings || target.findingsFrom !== firstLine) {
        this.stats.checked++;
        target.findingsFrom = firstLine;
        const endLine = target.endLine ?? Number.MAX_SAFE_INTEGER;
        target.findings = runRules(target.doc, stageRules, settings, options).filter((finding) => finding.range.start.line >= firstLine && finding.range.start.line < endLine);
      }
      return target.findings;
    };

    const ownKeys = cut.stages.map((stage) => keyOf([stage]));
    const missing = ownKeys.filter((key) => !this.pieces.has(key)).length;
    if (missing >= REBUILD_MIN && missing > cut.stages.length * REBUILD_SHARE) this.rebuild(text, cut, ownKeys, keyOf, used, stageRules, settings, options);
    const own = cut.stages.map((stage, index) => piece([stage], ownKeys[index]));
    const ancestry = new Ancestry(own);
    const findings: Finding[] = [];
    cut.stages.forEach((stage, index) => {
      const related = ancestry.of(index);
      const target = related.length === 0 ? own[index] : piece([...related, index].map((at) => cut.stages[at]));
      // The first stage's piece answers for the lines before it too: rules there need to see a FROM.
      findings.push(...checkStageRules(target, index === 0 ? 0 : stage.line));
    });
    const whole = assembledDocument(text, own);
    this.documentFindings = reuseEqualFindings(runRules(whole, documentRules, settings, options), this.documentFindings);
    findings.push(...this.documentFindings);
    this.pieces = used;
    // analyze() sorts one list built rule by rule: ties in position keep the rules' order.
    const rank = new Map(rules.map((rule, index) => [rule.id, index]));
    findings.sort((a, b) => byPosition(a, b) || (rank.get(a.rule) ?? 0) - (rank.get(b.rule) ?? 0));
    return withoutSuppressedDockerfile(whole, rules, findings);
  }

  /**
   * A line added or removed above most stages moves them all: parsing each again in a text of its
   * own costs more than one whole parse. The text is parsed and stage-checked whole, and each stage
   * (with its ancestors' key too) gets a piece cut from that parse, so the next edits find them.
   */
  private rebuild(text: string, cut: CutDockerfile, ownKeys: readonly string[], keyOf: (stages: readonly StagePiece[]) => string, used: Map<string, Piece>,
    stageRules: readonly Rule<'dockerfile'>[], settings: AnalysisSettings, options: AnalyzeOptions): void {
    const doc = new DockerfileDoc(text);
    const all = runRules(doc, stageRules, settings, options);
    // Instructions, stages and findings are in document order: one pass each hands them to their stage.
    const starts = cut.stages.map((stage, index) => (index === 0 ? 0 : stage.line));
    const bucket = <T>(items: readonly T[], lineOf: (item: T) => number): T[][] => {
      const buckets = cut.stages.map((): T[] => []);
      let index = 0;
      for (const item of items) {
        const line = lineOf(item);
        while (index + 1 < starts.length && line >= starts[index + 1]) index++;
        buckets[index].push(item);
      }
      return buckets;
    };
    const instructions = bucket(doc.instructions, (instruction) => instruction.getRange().start.line);
    const stages = bucket(doc.stages, (stage) => stage.from.getRange().start.line);
    const findings = bucket(all, (finding) => finding.range.start.line);
    const pieces = cut.stages.map((_stage, index): Piece => ({
      doc, ...namesAndBases(stages[index]), own: instructions[index], findings: findings[index], findingsFrom: starts[index], endLine: starts[index + 1] ?? Number.MAX_SAFE_INTEGER,
    }));
    const ancestry = new Ancestry(pieces);
    pieces.forEach((piece, index) => {
      used.set(ownKeys[index], piece);
      const related = ancestry.of(index);
      if (related.length > 0) used.set(keyOf([...related, index].map((at) => cut.stages[at])), piece);
    });
    this.stats = { full: false, parsed: 1, checked: 1, rebuilt: true };
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

  /** Indexes of the ancestors, in document order. */
  of(index: number): number[] {
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
  return new DockerfileDoc(text, { escapeCharacter: own[0].doc.ast.getEscapeCharacter(), instructions: own.flatMap((piece) => piece.own) });
}

function fingerprintOf(settings: AnalysisSettings, options: AnalyzeOptions): string {
  return JSON.stringify([settings, options.context ?? {}, options.rules?.map((rule) => rule.id)], (_key, value: unknown) => (value instanceof Set ? [...value] : value));
}
