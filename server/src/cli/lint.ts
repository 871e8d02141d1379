import { dirname, join } from 'node:path';
import { analyze, severityFor } from '../analysis/analyze';
import { composeAnalysisInput } from '../config/compose-context';
import { DEFAULT_MAX_FILE_SIZE, tooLargeData } from '../analysis/input-guard';
import { formatMessage } from '../analysis/rule';
import type { AnalysisSettings, DocumentKind, Finding } from '../analysis/types';
import { fileNotAnalyzed } from '../rules/file-not-analyzed';
import type { LintOptions } from './args';
import { unifiedDiff } from './diff';
import type { LintTarget } from './discover';
import { readSideFile, readSource, writeSource, type SourceText } from './files';
import { fixDocument, type SideFileChange } from './fix';
import { displayPath } from './paths';
import type { SettingsResolver } from './settings';

export interface FileReport {
  /** Absolute path. */
  path: string;
  kind: DocumentKind;
  /** Findings after any fixes, before `--quiet` filtering. */
  findings: Finding[];
  /** Problems fixed (or, with --fix-dry-run, that would be). */
  fixed: number;
  /** Side files created or extended by fixes, relative to the working folder. */
  sideFiles: { path: string; created: boolean }[];
  /** --fix-dry-run: unified diffs of the file and its side files. */
  diff: string;
}

export interface LintEnvironment {
  cwd: string;
  resolver: SettingsResolver;
  warn: (message: string) => void;
}

/** Lints (and fixes) the files one after another; every problem becomes a finding or a warning, never a throw. */
export function lintFiles(targets: readonly LintTarget[], options: Pick<LintOptions, 'fix'>, env: LintEnvironment): FileReport[] {
  return targets.map((target) => lintFile(target, options, env));
}

function lintFile(target: LintTarget, options: Pick<LintOptions, 'fix'>, env: LintEnvironment): FileReport {
  const report: FileReport = { path: target.path, kind: target.kind, findings: [], fixed: 0, sideFiles: [], diff: '' };
  const shown = displayPath(target.path, env.cwd);
  const settings = env.resolver.settingsFor(target.path);
  const read = readSource(target.path, settings.maxFileSize);
  if (!read.ok) {
    const finding = read.reason === 'tooLarge' ? tooLargeFinding(read.bytes, settings) : unreadableFinding(read.detail, settings);
    report.findings = finding ? [finding] : [];
    return report;
  }
  const onRuleError = (ruleId: string, error: unknown): void => env.warn(`Rule ${ruleId} failed on ${shown} (${(error as Error)?.message ?? String(error)}); its findings are missing. Please report this.`);
  // Compose: the files merged with this one and the paths it names that exist (read afresh: --fix may have rewritten a sibling).
  const compose = target.kind === 'compose' ? composeAnalysisInput(target.path, read.source.text, { maxFileSize: settings.maxFileSize }) : undefined;
  const context = compose ? compose.context : env.resolver.contextFor(target.path);
  const analyzeOptions = { onRuleError, composeDoc: compose?.doc };
  if (options.fix === 'off' || read.source.lossy) {
    if (options.fix !== 'off') env.warn(`Not fixing ${shown}: it is not valid UTF-8, and writing it back would change its bytes.`);
    report.findings = analyze(read.source.text, target.kind, settings, { ...analyzeOptions, context });
    return report;
  }
  const dir = dirname(target.path);
  const sideSources = new Map<string, SourceText | null>();
  const readSide = (relative: string): string | null => {
    if (!sideSources.has(relative)) sideSources.set(relative, safeReadSide(join(dir, relative)));
    return sideSources.get(relative)?.text ?? null;
  };
  const fixed = fixDocument({ text: read.source.text, kind: target.kind, settings, context, readSideFile: readSide, analyzeOptions });
  report.findings = fixed.remaining;
  report.fixed = fixed.fixedCount;
  report.sideFiles = fixed.sideFiles.map((side) => ({ path: displayPath(join(dir, side.path), env.cwd), created: side.before === null }));
  if (options.fix === 'dry-run') {
    report.diff = diffOf(shown, read.source.text, fixed.text, fixed.sideFiles, dir, env.cwd);
    return report;
  }
  if (fixed.text !== read.source.text) {
    try {
      writeSource(target.path, fixed.text, read.source.bom);
    } catch (error) {
      env.warn(`Could not write the fixes to ${shown} (${errorCode(error)}); the file is unchanged.`);
      return { ...report, fixed: 0, sideFiles: [], findings: analyze(read.source.text, target.kind, settings, { ...analyzeOptions, context }) };
    }
  }
  for (const side of fixed.sideFiles) writeSideFile(join(dir, side.path), side, sideSources.get(side.path)?.bom ?? false, env);
  if (fixed.sideFiles.length > 0) env.resolver.forgetContext(target.path);
  return report;
}

function writeSideFile(path: string, side: SideFileChange, bom: boolean, env: LintEnvironment): void {
  try {
    writeSource(path, side.after, bom);
  } catch (error) {
    env.warn(`Could not write ${displayPath(path, env.cwd)} (${errorCode(error)}); a fix that needed it is only half applied.`);
  }
}

function safeReadSide(path: string): SourceText | null {
  try {
    return readSideFile(path);
  } catch {
    return null;
  }
}

function diffOf(shown: string, before: string, after: string, sideFiles: readonly SideFileChange[], dir: string, cwd: string): string {
  let diff = unifiedDiff(`a/${shown}`, `b/${shown}`, before, after);
  for (const side of sideFiles) {
    const sidePath = displayPath(join(dir, side.path), cwd);
    diff += unifiedDiff(side.before === null ? '/dev/null' : `a/${sidePath}`, `b/${sidePath}`, side.before ?? '', side.after);
  }
  return diff;
}

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A file that cannot be read fails the run (as an error) unless file-not-analyzed is turned off. */
function unreadableFinding(detail: string, settings: AnalysisSettings): Finding | undefined {
  if (!severityFor(fileNotAnalyzed, settings)) return undefined;
  return { rule: fileNotAnalyzed.id, aliases: fileNotAnalyzed.aliases, severity: 'error', messageId: 'unreadable',
    message: `This file could not be read (${detail}); check that it exists and is readable.`, range: FILE_START, fixes: [] };
}

function tooLargeFinding(bytes: number, settings: AnalysisSettings): Finding | undefined {
  const severity = severityFor(fileNotAnalyzed, settings);
  if (!severity) return undefined;
  const data = tooLargeData(bytes, settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  return { rule: fileNotAnalyzed.id, aliases: fileNotAnalyzed.aliases, severity, messageId: 'tooLarge',
    message: formatMessage(fileNotAnalyzed.messages.tooLarge, data), range: FILE_START, fixes: [] };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
