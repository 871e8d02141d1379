import type { Rule } from '../analysis/rule';
import type { DocumentKind } from '../analysis/types';
import { fileNotAnalyzed } from './file-not-analyzed';
import { dockerfileSyntax } from './dockerfile/dockerfile-syntax';
import { workdirRelative } from './dockerfile/workdir-relative';
import { imageLatestTag } from './dockerfile/image-latest-tag';

/** Every rule, explicitly listed: the order here is the order of the docs table. */
export const dockerfileRules: readonly Rule<'dockerfile'>[] = [
  dockerfileSyntax,
  imageLatestTag,
  workdirRelative,
];

export const allRules: readonly Rule[] = [...dockerfileRules, fileNotAnalyzed];

export function rulesFor(kind: DocumentKind): readonly Rule[] {
  return kind === 'dockerfile' ? dockerfileRules : [];
}

export function findRule(idOrAlias: string): Rule | undefined {
  const wanted = idOrAlias.toLowerCase();
  return allRules.find((rule) => rule.id === wanted) ?? allRules.find((rule) => rule.aliases.some((alias) => alias.toLowerCase() === wanted));
}
