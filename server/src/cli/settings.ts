import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultSettings, type AnalysisContext, type AnalysisSettings } from '../analysis/types';
import { loadConfigFile, loadConfigFor, readContextFor, type LoadedConfig } from '../config/load';
import { findRule } from '../rules/registry';
import type { CliOverrides } from './args';
import { UsageError } from './exit-codes';

export interface SettingsSource {
  /** `--config <file>`: read only this file. */
  configFile?: string;
  /** false with `--no-config`: read no config file at all. */
  useConfigFiles: boolean;
  overrides: CliOverrides;
}

/**
 * Settings and context per linted file. Config files are searched once per folder (every file in a
 * folder shares them), and each config warning is reported once however many files it affects.
 */
export class SettingsResolver {
  private readonly settingsByDir = new Map<string, AnalysisSettings>();
  private readonly contextByDir = new Map<string, AnalysisContext>();
  private readonly reported = new Set<string>();
  /** With `--config` or `--no-config`, every file gets the same settings. */
  private readonly sameForAll: AnalysisSettings | undefined;

  constructor(private readonly source: SettingsSource, cwd: string, private readonly warn: (message: string) => void) {
    for (const id of unknownIds(source.overrides)) this.warnOnce(`--rule ${id}: no rule has this id or alias; the setting has no effect.`);
    if (source.configFile !== undefined) {
      const path = resolve(cwd, source.configFile);
      if (!isFile(path)) throw new UsageError(`Config file not found: ${source.configFile}; check the path given to --config.`);
      const loaded = loadConfigFile(path, defaultSettings);
      if (loaded.unreadable?.length) throw new UsageError(loaded.warnings[0] ?? `Cannot read config file ${source.configFile}.`);
      this.sameForAll = this.finish(loaded);
    } else if (!source.useConfigFiles) {
      this.sameForAll = this.finish({ settings: defaultSettings, sources: [], warnings: [] });
    }
  }

  settingsFor(file: string): AnalysisSettings {
    if (this.sameForAll) return this.sameForAll;
    const dir = dirname(file);
    let settings = this.settingsByDir.get(dir);
    if (!settings) {
      settings = this.finish(loadConfigFor(file, defaultSettings));
      this.settingsByDir.set(dir, settings);
    }
    return settings;
  }

  contextFor(file: string): AnalysisContext {
    const dir = dirname(file);
    let context = this.contextByDir.get(dir);
    if (!context) {
      context = readContextFor(file);
      this.contextByDir.set(dir, context);
    }
    return context;
  }

  /** After `--fix` wrote side files (a new `.dockerignore`), the folder's context must be read again. */
  forgetContext(file: string): void {
    this.contextByDir.delete(dirname(file));
  }

  private finish(loaded: LoadedConfig): AnalysisSettings {
    for (const warning of loaded.warnings) this.warnOnce(warning);
    return applyOverrides(loaded.settings, this.source.overrides);
  }

  private warnOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.warn(message);
  }
}

/**
 * Command-line settings win over files: ignores and trusted registries are added, severities
 * replace; a `--rule id=<level>` that turns a rule on also lifts a config file's `ignored` entry.
 */
export function applyOverrides(settings: AnalysisSettings, overrides: CliOverrides): AnalysisSettings {
  const severityOverrides = { ...settings.severityOverrides, ...overrides.severityOverrides };
  const enabledNames = new Set<string>();
  for (const [id, severity] of Object.entries(overrides.severityOverrides)) {
    if (severity === 'off') continue;
    const rule = findRule(id);
    for (const name of rule ? [rule.id, ...rule.aliases] : [id]) enabledNames.add(name.toLowerCase());
  }
  const ignored = [...settings.ignored.filter((id) => !enabledNames.has(id.toLowerCase())), ...overrides.ignored];
  const trustedRegistries = [...new Set([...settings.trustedRegistries, ...overrides.trustedRegistries])];
  return { ...settings, severityOverrides, ignored, trustedRegistries, ...(overrides.maxFileSize !== undefined ? { maxFileSize: overrides.maxFileSize } : {}) };
}

function unknownIds(overrides: CliOverrides): string[] {
  return Object.keys(overrides.severityOverrides).filter((id) => !findRule(id));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
