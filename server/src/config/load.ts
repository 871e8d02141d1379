import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse as parsePath } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { AnalysisContext, AnalysisSettings, SeveritySetting } from '../analysis/types';

/** Settings found on disk for one file, plus problems worth telling the user about. */
export interface LoadedConfig {
  settings: AnalysisSettings;
  /** Config files that were read, nearest first. */
  sources: string[];
  warnings: string[];
  /** Config files that exist but could not be read or parsed (their settings were skipped). */
  unreadable?: string[];
}

const OUR_FILES = ['.container-hygiene.yaml', '.container-hygiene.yml'];
const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];
const HADOLINT_SEVERITY: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', ignore: 'off', none: 'off' };
const OUR_SEVERITY = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** The nearest file with one of the names, in the file's folder or above it. */
export function findUp(startDir: string, names: readonly string[]): string | undefined {
  let dir = startDir;
  for (;;) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === parsePath(dir).root) return undefined;
    dir = parent;
  }
}

/**
 * Merges, from weakest to strongest: `base` (editor settings), the nearest `.hadolint.yaml`
 * (`ignored`, `trustedRegistries`, `override`, `label-schema`, `strict-labels`) and the nearest
 * `.container-hygiene.yaml` (`ignored`, `trustedRegistries`, `rules: {id: severity}`).
 */
export function loadConfigFor(filePath: string, base: AnalysisSettings): LoadedConfig {
  const settings = cloneSettings(base);
  const result: LoadedConfig = { settings, sources: [], warnings: [] };
  const dir = dirname(filePath);
  const hadolint = findUp(dir, HADOLINT_FILES);
  if (hadolint) applyHadolint(readYaml(hadolint, result), settings, hadolint, result);
  const ours = findUp(dir, OUR_FILES);
  if (ours) applyOurs(readYaml(ours, result), settings, ours, result);
  return result;
}

/**
 * Reads one named config file (the CLI's `--config`) instead of searching: hadolint's format when
 * the file name mentions hadolint, ours otherwise.
 */
export function loadConfigFile(path: string, base: AnalysisSettings): LoadedConfig {
  const settings = cloneSettings(base);
  const result: LoadedConfig = { settings, sources: [], warnings: [] };
  const config = readYaml(path, result);
  if (/hadolint/i.test(parsePath(path).base)) applyHadolint(config, settings, path, result);
  else applyOurs(config, settings, path, result);
  return result;
}

function cloneSettings(base: AnalysisSettings): AnalysisSettings {
  return { ...base, severityOverrides: { ...base.severityOverrides }, ignored: [...base.ignored], trustedRegistries: [...base.trustedRegistries] };
}

function readYaml(path: string, result: LoadedConfig): Record<string, unknown> {
  result.sources.push(path);
  try {
    const value: unknown = parseYaml(readFileSync(path, 'utf8'), { maxAliasCount: 100 });
    if (value === null || value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a mapping at the top level');
    return value as Record<string, unknown>;
  } catch (error) {
    result.unreadable = [...(result.unreadable ?? []), path];
    result.warnings.push(`${path}: ignored, it could not be read (${(error as Error).message.split('\n')[0]}).`);
    return {};
  }
}

function stringList(value: unknown, key: string, path: string, result: LoadedConfig): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  result.warnings.push(`${path}: "${key}" should be a list of strings; ignored.`);
  return [];
}

function applyHadolint(config: Record<string, unknown>, settings: AnalysisSettings, path: string, result: LoadedConfig): void {
  settings.ignored.push(...stringList(config.ignored, 'ignored', path, result));
  const trusted = stringList(config.trustedRegistries, 'trustedRegistries', path, result);
  if (trusted.length > 0) settings.trustedRegistries = trusted;
  const override = config.override;
  if (override && typeof override === 'object') {
    for (const [level, ids] of Object.entries(override as Record<string, unknown>)) {
      const severity = HADOLINT_SEVERITY[level];
      if (!severity) { result.warnings.push(`${path}: unknown override level "${level}"; ignored.`); continue; }
      for (const id of stringList(ids, `override.${level}`, path, result)) settings.severityOverrides[id] = severity;
    }
  }
  const schema = config['label-schema'];
  if (schema && typeof schema === 'object') settings.labelSchema = schema as Record<string, string>;
  if (typeof config['strict-labels'] === 'boolean') settings.strictLabels = config['strict-labels'];
}

function applyOurs(config: Record<string, unknown>, settings: AnalysisSettings, path: string, result: LoadedConfig): void {
  settings.ignored.push(...stringList(config.ignored, 'ignored', path, result));
  const trusted = stringList(config.trustedRegistries, 'trustedRegistries', path, result);
  if (trusted.length > 0) settings.trustedRegistries = trusted;
  const rules = config.rules;
  if (rules && typeof rules === 'object') {
    for (const [id, level] of Object.entries(rules as Record<string, unknown>)) {
      if (typeof level === 'string' && OUR_SEVERITY.has(level)) settings.severityOverrides[id] = level as SeveritySetting;
      else result.warnings.push(`${path}: rule "${id}" has severity ${JSON.stringify(level)}; use error, warning, info, hint or off.`);
    }
  }
}

/** Reads the facts analysis needs from beside the Dockerfile (its build context's `.dockerignore`). */
export function readContextFor(filePath: string): AnalysisContext {
  const dockerignore = join(dirname(filePath), '.dockerignore');
  try {
    return { dockerignore: existsSync(dockerignore) ? readFileSync(dockerignore, 'utf8') : null };
  } catch {
    return { dockerignore: undefined };
  }
}
