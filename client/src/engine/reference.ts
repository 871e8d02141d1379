/**
 * The image-reference grammar of distribution/reference (the library the docker CLI parses names
 * with), written out because the npm ports are either unvalidated (docker-parse-image) or carry the
 * old `[-]*` separator that backtracks exponentially (@swimlane/docker-reference: 20 characters
 * took minutes). Every repetition here starts with a character its body cannot, so matching is
 * linear; lengths are checked before any regular expression runs.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path-component ( "/" path-component )*
 *   domain    := host [ ":" port ]        host := domain-name | "[" ipv6 "]"
 *   path-component := [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := algorithm ":" hex{32,}
 */

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const TAG_RE = new RegExp(`^${TAG}$`);
const DIGEST_RE = new RegExp(`^${DIGEST}$`);
const IMAGE_ID_RE = /^(?:sha256:[a-f0-9]{64}|[a-f0-9]{12,64})$/;
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** distribution/reference's limit on the name (domain and path). */
export const NAME_MAX_LENGTH = 255;
/** Longer text is rejected before any regular expression sees it. */
const TEXT_MAX_LENGTH = NAME_MAX_LENGTH + 1 + 128 + 1 + 7 + 1 + 128;

export interface ParsedReference {
  /** Registry host as written (`localhost:5000`, `ghcr.io`), or null for implicit Docker Hub. */
  domain: string | null;
  /** Repository path as written (`library/node`, `node`, `team/app`). */
  path: string;
  tag: string | null;
  digest: string | null;
  /** `docker.io/library/node`-style full name, without tag or digest. */
  canonicalName: string;
}

export type ReferenceResult = { ok: true; value: ParsedReference } | { ok: false; reason: string };

function fail(reason: string): ReferenceResult {
  return { ok: false, reason };
}

/** Splits off `@digest`, then `:tag` (a colon after the last slash), then the domain by Docker's rule. */
export function parseReference(text: string): ReferenceResult {
  if (text.length === 0) return fail('it is empty');
  if (text.length > TEXT_MAX_LENGTH) return fail(`it is longer than ${TEXT_MAX_LENGTH} characters`);
  const at = text.indexOf('@');
  const digest = at >= 0 ? text.slice(at + 1) : null;
  const beforeDigest = at >= 0 ? text.slice(0, at) : text;
  if (digest !== null) {
    const problem = digestProblem(digest);
    if (problem) return fail(problem);
  }
  const lastSlash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > lastSlash;
  const tag = hasTag ? beforeDigest.slice(colon + 1) : null;
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  if (tag !== null && !TAG_RE.test(tag)) return fail(`the tag "${tag}" is not valid (letters, digits, _ . - up to 128 characters, not starting with . or -)`);
  if (name.length === 0) return fail('the repository name is empty');
  if (name.length > NAME_MAX_LENGTH) return fail(`the repository name is longer than ${NAME_MAX_LENGTH} characters`);
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : null;
  const isDomain = first !== null && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const domain = isDomain ? first : null;
  const path = isDomain ? name.slice(slash + 1) : name;
  if (domain !== null && !DOMAIN_RE.test(domain)) return fail(`the registry "${domain}" is not a valid host[:port]`);
  if (!PATH_RE.test(path)) {
    return fail(path !== path.toLowerCase()
      ? 'repository names must be lower-case'
      : 'repository names are lower-case letters and digits, separated by ".", "_", "__", "-" or "/"');
  }
  if (domain === null && IMAGE_ID_RE.test(path) && path.length === 64) return fail('a 64-character hex string is an image id, not a name');
  return { ok: true, value: { domain, path, tag, digest, canonicalName: canonicalName(domain, path) } };
}

function digestProblem(digest: string): string | null {
  if (!DIGEST_RE.test(digest)) return `the digest "${digest}" is not algorithm:hex`;
  const [algorithm, hex] = digest.split(':');
  const expected = DIGEST_LENGTHS[algorithm];
  if (expected === undefined) return `the digest algorithm "${algorithm}" is not supported`;
  if (hex.length !== expected) return `a ${algorithm} digest has ${expected} hex characters`;
  return null;
}

function canonicalName(domain: string | null, path: string): string {
  const host = domain === null || domain === 'index.docker.io' ? 'docker.io' : domain;
  return host === 'docker.io' && !path.includes('/') ? `docker.io/library/${path}` : `${host}/${path}`;
}

/** A tag on its own, as `docker build -t name:TAG` takes it. */
export function isValidTag(tag: string): boolean {
  return tag.length <= 128 && TAG_RE.test(tag);
}

/** `sha256:<64 hex>` or a (short) hex image id as `docker images` prints it. */
export function isImageId(text: string): boolean {
  return text.length <= 71 && IMAGE_ID_RE.test(text);
}
