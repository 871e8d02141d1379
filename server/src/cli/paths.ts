import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A path as shown to users and written to JSON: relative to the working folder, `/` separators. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  if (rel === '') return '.';
  if (isAbsolute(rel)) return absolute.split(sep).join('/'); // another drive on Windows
  return rel.split(sep).join('/');
}

/**
 * A SARIF artifact URI: relative (to `%SRCROOT%`, the working folder) when the file is inside it,
 * which is what code scanning expects from a run at the repository root; a file: URI otherwise.
 */
export function sarifUri(absolute: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, absolute);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..') return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
