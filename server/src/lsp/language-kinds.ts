import type { DocumentKind } from '../analysis/types';

/** Editor language ids the server lints, and the analysis kind each one maps to. Compose: add `dockercompose: 'compose'`. */
export const LANGUAGE_KINDS: Readonly<Record<string, DocumentKind>> = Object.freeze({
  dockerfile: 'dockerfile',
});

export function kindOfLanguage(languageId: string): DocumentKind | undefined {
  return Object.hasOwn(LANGUAGE_KINDS, languageId) ? LANGUAGE_KINDS[languageId] : undefined;
}
