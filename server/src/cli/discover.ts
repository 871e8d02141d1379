import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { documentKindOf } from '../analysis/document-kind';
import type { DocumentKind } from '../analysis/types';
import { UsageError } from './exit-codes';

/** The names searched for in folders (by `documentKindOf`, as in the editor), for the help text. */
export const FILE_NAMES: readonly { kind: string; names: string }[] = [
  { kind: 'Dockerfiles', names: 'Dockerfile, Containerfile, Dockerfile.*, Containerfile.*, *.Dockerfile, *.dockerfile' },
  { kind: 'Compose files', names: 'compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml,\ncompose.*.yaml, docker-compose.*.yml (overrides such as compose.override.yaml, compose.prod.yaml)' },
];

/** Folders never searched (they are still linted when named on the command line). */
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface LintTarget {
  /** Absolute path. */
  path: string;
  kind: DocumentKind;
}

export interface Discovery {
  targets: LintTarget[];
  /** Folders given on the command line in which nothing was found. */
  emptyRoots: string[];
  warnings: string[];
}

/**
 * Expands the command-line paths into files to lint, in a stable order. Folders are searched for
 * Dockerfiles and Compose files (`composePatterns` name more Compose files: globs matched against the
 * file name, or the end of the path when they hold a `/`). A file given explicitly is linted whatever
 * its name: as Compose when its name says so or it ends in `.yml`/`.yaml`, as a Dockerfile otherwise.
 */
export function discover(paths: readonly string[], cwd: string, composePatterns: readonly string[] = []): Discovery {
  const kindOf = (path: string): DocumentKind | undefined => documentKindOf(path, { compose: composePatterns });
  const roots = paths.map((path) => ({ given: path, absolute: resolve(cwd, path), stats: statOrThrow(path, resolve(cwd, path)) }));
  const result: Discovery = { targets: [], emptyRoots: [], warnings: [] };
  const seenFiles = new Set<string>();
  const add = (path: string, kind: DocumentKind): void => {
    const real = realpathOr(path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    result.targets.push({ path, kind });
  };
  for (const root of roots) {
    if (root.stats.isFile()) {
      add(root.absolute, kindOf(root.absolute) ?? (/\.ya?ml$/i.test(basename(root.absolute)) ? 'compose' : 'dockerfile'));
      continue;
    }
    const before = result.targets.length;
    walk(root.absolute, new Set(), kindOf, add, result.warnings);
    if (result.targets.length === before) result.emptyRoots.push(root.given);
  }
  return result;
}

function statOrThrow(given: string, absolute: string): Stats {
  let stats: Stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR'
      ? `Path not found: ${given}; check the spelling or run from the project folder.`
      : `Cannot open ${given} (${code ?? (error as Error).message}).`);
  }
  if (!stats.isFile() && !stats.isDirectory()) throw new UsageError(`${given} is neither a file nor a folder; give a Dockerfile or a folder to search.`);
  return stats;
}

/** Depth-first, sorted; follows symlinks but enters each real folder once, so links cannot loop. */
function walk(dir: string, visited: Set<string>, kindOf: (path: string) => DocumentKind | undefined, add: (path: string, kind: DocumentKind) => void, warnings: string[]): void {
  const real = realpathOr(dir);
  if (visited.has(real)) return;
  visited.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    warnings.push(`Skipped folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      continue; // a dangling symlink or a file removed meanwhile: nothing to lint
    }
    if (stats.isDirectory()) {
      if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) walk(path, visited, kindOf, add, warnings);
    } else if (stats.isFile()) {
      const kind = kindOf(path);
      if (kind) add(path, kind);
    }
  }
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
