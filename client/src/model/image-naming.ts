/** Naming built images: a default repository name from the folder, and the tag warnings. */
import { isValidTag, parseReference } from '../engine/reference';

/** `My App_2` → `my-app_2`: a valid repository name from a folder name, or `app`. */
export function suggestImageName(folderName: string): string {
  const cleaned = folderName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').replace(/[._-]{3,}/g, '-');
  return cleaned !== '' && parseReference(cleaned).ok ? cleaned : 'app';
}

export type TagProblem = 'empty' | 'latest' | null;

/** Why a tag deserves a warning: empty means `latest` implicitly, and `latest` says nothing about the version. */
export function tagProblem(tag: string): TagProblem {
  const trimmed = tag.trim();
  if (trimmed === '') return 'empty';
  if (trimmed === 'latest') return 'latest';
  return null;
}

export function tagWarning(problem: Exclude<TagProblem, null>, name: string): string {
  return problem === 'empty'
    ? `No tag given: ${name} will be tagged "latest", which does not say which version it is. Use a version tag such as 1.0.0 or a commit id.`
    : `The tag "latest" does not say which version ${name} is and moves with every build. Use a version tag such as 1.0.0 or a commit id.`;
}

/** Message for an input box, or null when the name is valid (`name` without tag or digest). */
export function imageNameProblem(name: string): string | null {
  if (name.includes('@')) return 'Give the name without a digest.';
  const lastSlash = name.lastIndexOf('/');
  if (name.lastIndexOf(':') > lastSlash) return 'Give the name without a tag; the tag is asked next.';
  const parsed = parseReference(name);
  return parsed.ok ? null : `Not a valid image name: ${parsed.reason}.`;
}

export function tagInputProblem(tag: string): string | null {
  return tag === '' || isValidTag(tag) ? null : 'A tag has letters, digits, _ . - (up to 128), and does not start with . or -.';
}

/** `name` or `name:tag`. */
export function imageReference(name: string, tag: string): string {
  return tag.trim() === '' ? name : `${name}:${tag.trim()}`;
}
