/**
 * Which files are Dockerfiles and which are Compose files, by name, plus the Compose files that
 * belong together (`compose.yaml` and its `compose.override.yaml`). Pure: the adapters (language
 * server, CLI) read the files; this only says which names to look for.
 */
import type { DocumentKind } from './types';

/** Extra glob patterns from settings (`containerHygiene.composeFiles` and the like). */
export interface ExtraFilePatterns {
  compose?: readonly string[];
  dockerfile?: readonly string[];
}

const COMPOSE_BASE = /^(docker-)?compose\.ya?ml$/i;
const COMPOSE_OVERRIDE = /^(docker-)?compose\.[^/\\]+\.ya?ml$/i;
const DOCKERFILE = /^(Dockerfile|Containerfile)(\..+)?$|^.+\.[Dd]ockerfile$|^.+\.[Cc]ontainerfile$/;

/** The kind of a file by its name (or path), or undefined when it is neither; extra patterns win. */
export function documentKindOf(fileName: string, extra: ExtraFilePatterns = {}): DocumentKind | undefined {
  if (matchesAny(fileName, extra.compose)) return 'compose';
  if (matchesAny(fileName, extra.dockerfile)) return 'dockerfile';
  const name = baseName(fileName);
  if (COMPOSE_BASE.test(name) || COMPOSE_OVERRIDE.test(name)) return 'compose';
  if (DOCKERFILE.test(name)) return 'dockerfile';
  return undefined;
}

/** 'compose' for Compose file names (`compose.yaml`, `docker-compose.override.yml`, `compose.prod.yaml`, extra patterns). */
export function composeKindOf(fileName: string, extraPatterns: readonly string[] = []): 'compose' | undefined {
  return documentKindOf(fileName, { compose: extraPatterns }) === 'compose' ? 'compose' : undefined;
}

/**
 * `base` for `compose.yaml` and `docker-compose.yml`; `override` for the files Compose layers on
 * top (`compose.override.yaml`, `compose.prod.yaml`), which are fragments of a project;
 * undefined for other names.
 */
export function composeFileRole(fileName: string): 'base' | 'override' | undefined {
  const name = baseName(fileName);
  if (COMPOSE_BASE.test(name)) return 'base';
  if (COMPOSE_OVERRIDE.test(name)) return 'override';
  return undefined;
}

/**
 * Names of the sibling files to merge with this one, in the folder of `fileName`, each list in
 * order of preference (read the first that exists): for `compose.yaml`, `after` is its
 * `compose.override.yaml`/`.yml` (which Compose applies automatically); for an override or
 * `compose.<env>.yaml`, `before` is its base `compose.yaml`/`.yml`.
 */
export function composeSideFileNames(fileName: string): { before: string[]; after: string[] } {
  const name = baseName(fileName);
  const stem = /^docker-compose/i.test(name) ? name.slice(0, 'docker-compose'.length) : name.slice(0, 'compose'.length);
  const role = composeFileRole(name);
  if (role === 'base') return { before: [], after: [`${stem}.override.yaml`, `${stem}.override.yml`] };
  if (role === 'override') return { before: [`${stem}.yaml`, `${stem}.yml`], after: [] };
  return { before: [], after: [] };
}

function matchesAny(fileName: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns?.length) return false;
  const path = fileName.replace(/\\/g, '/');
  const name = baseName(path);
  return patterns.some((pattern) => {
    const normalized = pattern.replace(/\\/g, '/');
    const regex = globToRegExp(normalized);
    return normalized.includes('/') ? regex.test(path) || suffixMatch(regex, path) : regex.test(name);
  });
}

/** A pattern with a folder (`deploy/*.yaml`) matches the end of a path. */
function suffixMatch(regex: RegExp, path: string): boolean {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (regex.test(parts.slice(i).join('/'))) return true;
  return false;
}

/** Glob to RegExp: `*` (not across `/`), `**` (across folders), `?`, `[abc]`, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '{') {
      braces++;
      source += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (ch === ',' && braces > 0) source += '|';
    else source += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}${')'.repeat(braces)}$`);
}

function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}
