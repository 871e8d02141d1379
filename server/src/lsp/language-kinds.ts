import { fileURLToPath } from 'node:url';
import { composeKindOf } from '../analysis/document-kind';
import type { DocumentKind } from '../analysis/types';

/** Editor language ids the server lints, and the analysis kind each one maps to. */
export const LANGUAGE_KINDS: Readonly<Record<string, DocumentKind>> = Object.freeze({
  dockerfile: 'dockerfile',
  dockercompose: 'compose',
});

/**
 * Languages whose documents are linted only when their file name says what they are: an editor
 * without our `dockercompose` language opens `compose.yaml` (or a name from
 * `containerHygiene.composeFilePatterns`) as plain YAML.
 */
const LANGUAGES_BY_FILE_NAME = new Set(['yaml']);

export function kindOfLanguage(languageId: string): DocumentKind | undefined {
  return Object.hasOwn(LANGUAGE_KINDS, languageId) ? LANGUAGE_KINDS[languageId] : undefined;
}

/** Whether documents of this language may be linted (for some file names: see `kindOfDocument`). */
export function mayLintLanguage(languageId: string): boolean {
  return kindOfLanguage(languageId) !== undefined || LANGUAGES_BY_FILE_NAME.has(languageId);
}

/** The kind of an open document: by its language, or for plain YAML by its file name and the extra Compose patterns. */
export function kindOfDocument(languageId: string, uri: string, composePatterns: readonly string[] = []): DocumentKind | undefined {
  const byLanguage = kindOfLanguage(languageId);
  if (byLanguage || !LANGUAGES_BY_FILE_NAME.has(languageId)) return byLanguage;
  const path = pathOfUri(uri);
  return path ? composeKindOf(path, composePatterns) : undefined;
}

/** The file path of a `file:` URI; for other schemes the URI's path (enough to match a file name). */
export function pathOfUri(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return url.protocol === 'file:' ? fileURLToPath(url) : decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}
