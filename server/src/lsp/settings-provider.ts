import { basename, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigFor, readContextFor, type LoadedConfig } from '../config/load';
import type { AnalysisContext, AnalysisSettings } from '../analysis/types';
import { parseClientSettings, parseComposeFilePatterns, SETTINGS_SECTION } from './client-settings';

/** What the provider needs from the connection, kept narrow so it is easy to follow (and to fake). */
export interface SettingsHost {
  /** The client's `containerHygiene` section for a document (workspace/configuration). */
  fetchClientSettings(uri: string): Promise<unknown>;
  /** Tells the user about a configuration problem; called once per distinct message. */
  warn(message: string): void;
}

export interface EffectiveSettings {
  settings: AnalysisSettings;
  context: AnalysisContext;
}

const CONFIG_FILE = /^\.(?:hadolint|container-hygiene)\.ya?ml$/;
const DOCKERIGNORE = '.dockerignore';

/**
 * Settings for one document: the editor's settings, merged with the config files found above a
 * file: document. Disk reads are cached per folder while the client reports file changes
 * (`cacheDiskConfig`); without that there would be no signal to drop the cache.
 */
export class SettingsProvider {
  private readonly clientSettings = new Map<string, Promise<unknown>>();
  private readonly configs = new Map<string, { folder: string; config: LoadedConfig }>();
  private readonly contexts = new Map<string, AnalysisContext>();
  private readonly shownWarnings = new Set<string>();

  constructor(private readonly host: SettingsHost, private readonly cacheDiskConfig: boolean) {}

  async settingsFor(uri: string): Promise<EffectiveSettings> {
    const client = parseClientSettings(await this.clientSection(uri));
    client.warnings.forEach((warning) => this.warnOnce(warning));
    const filePath = uri.startsWith('file:') ? safeFilePath(uri) : undefined;
    if (!filePath) return { settings: client.settings, context: {} };
    const loaded = this.diskConfig(filePath, client.settings);
    loaded.warnings.forEach((warning) => this.warnOnce(warning));
    return { settings: loaded.settings, context: this.diskContext(filePath) };
  }

  /** Extra file-name globs of Compose files (`containerHygiene.composeFilePatterns`) for a document. */
  async composePatternsFor(uri: string): Promise<string[]> {
    const parsed = parseComposeFilePatterns(await this.clientSection(uri));
    parsed.warnings.forEach((warning) => this.warnOnce(warning));
    return parsed.patterns;
  }

  /** The editor's settings changed: fetch them again on next use. */
  clientSettingsChanged(): void {
    this.clientSettings.clear();
    this.configs.clear();
    // A setting fixed and then broken again deserves a new warning.
    for (const warning of this.shownWarnings) if (warning.startsWith(`Setting ${SETTINGS_SECTION}.`)) this.shownWarnings.delete(warning);
  }

  forget(uri: string): void {
    this.clientSettings.delete(uri);
  }

  /** Drops what a changed file on disk invalidates; true when it matters to open documents. */
  fileChanged(uri: string): boolean {
    const path = safeFilePath(uri);
    if (!path) return false;
    const name = basename(path);
    const folder = dirname(path);
    if (name === DOCKERIGNORE) {
      this.contexts.delete(folder);
      return true;
    }
    if (!CONFIG_FILE.test(name)) return false;
    // Config files apply to their folder and every folder below it.
    for (const [key, entry] of this.configs) {
      if (entry.folder === folder || entry.folder.startsWith(folder + sep)) this.configs.delete(key);
    }
    for (const warning of this.shownWarnings) if (warning.startsWith(path)) this.shownWarnings.delete(warning);
    return true;
  }

  private clientSection(uri: string): Promise<unknown> {
    let pending = this.clientSettings.get(uri);
    if (!pending) {
      pending = this.host.fetchClientSettings(uri).catch(() => undefined);
      this.clientSettings.set(uri, pending);
    }
    return pending;
  }

  private diskConfig(filePath: string, base: AnalysisSettings): LoadedConfig {
    if (!this.cacheDiskConfig) return loadConfigFor(filePath, base);
    const folder = dirname(filePath);
    const key = `${folder}\n${JSON.stringify(base)}`;
    const cached = this.configs.get(key);
    if (cached) return cached.config;
    const config = loadConfigFor(filePath, base);
    this.configs.set(key, { folder, config });
    return config;
  }

  private diskContext(filePath: string): AnalysisContext {
    if (!this.cacheDiskConfig) return readContextFor(filePath);
    const folder = dirname(filePath);
    let context = this.contexts.get(folder);
    if (!context) {
      context = readContextFor(filePath);
      this.contexts.set(folder, context);
    }
    return context;
  }

  private warnOnce(message: string): void {
    if (this.shownWarnings.has(message)) return;
    this.shownWarnings.add(message);
    this.host.warn(message);
  }
}

function safeFilePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
