import type { AnalysisSettings, SeveritySetting } from '../analysis/types';

/** The settings section the client owns: `containerHygiene.*`. */
export const SETTINGS_SECTION = 'containerHygiene';

const SEVERITY_SETTINGS = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Turns the client's `containerHygiene` section (any JSON: users edit it by hand) into analysis
 * settings, with a warning for each entry it had to drop.
 */
export function parseClientSettings(raw: unknown): { settings: AnalysisSettings; warnings: string[] } {
  const warnings: string[] = [];
  const section = isObject(raw) ? raw : {};
  const severityOverrides: Record<string, SeveritySetting> = {};
  if (isObject(section.rules)) {
    for (const [id, level] of Object.entries(section.rules)) {
      if (typeof level === 'string' && SEVERITY_SETTINGS.has(level)) severityOverrides[id] = level as SeveritySetting;
      else warnings.push(`Setting ${SETTINGS_SECTION}.rules: "${id}" has severity ${JSON.stringify(level)}; use error, warning, info, hint or off.`);
    }
  } else if (section.rules !== undefined && section.rules !== null) {
    warnings.push(`Setting ${SETTINGS_SECTION}.rules should be an object of rule id to severity; ignored.`);
  }
  return {
    settings: {
      severityOverrides,
      ignored: stringList(section.ignoredRules, 'ignoredRules', warnings),
      trustedRegistries: stringList(section.trustedRegistries, 'trustedRegistries', warnings),
      ...maxFileSize(section.maxFileSize, warnings),
    },
    warnings,
  };
}

/** `containerHygiene.maxFileSize` is in megabytes (as users think of it); analysis wants bytes. */
function maxFileSize(value: unknown, warnings: string[]): Pick<AnalysisSettings, 'maxFileSize'> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return { maxFileSize: Math.round(value * 1024 * 1024) };
  warnings.push(`Setting ${SETTINGS_SECTION}.maxFileSize should be a number of megabytes above 0 (for example 4); the default applies.`);
  return {};
}

/** `containerHygiene.composeFilePatterns`: extra globs naming Compose files (beyond compose.yaml and its variants). */
export function parseComposeFilePatterns(raw: unknown): { patterns: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const section = isObject(raw) ? raw : {};
  return { patterns: stringList(section.composeFilePatterns, 'composeFilePatterns', warnings), warnings };
}

function stringList(value: unknown, key: string, warnings: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  warnings.push(`Setting ${SETTINGS_SECTION}.${key} should be a list of strings; ignored.`);
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
