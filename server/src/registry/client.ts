import { createHash } from 'node:crypto';
import { TtlCache } from './cache';
import { registryEndpoint, type RegistryEndpoint } from './endpoint';
import { networkError, RegistryError } from './errors';
import { parseBearerChallenge, tokenUrl } from './www-authenticate';

/** A repository on a registry, normalised as in {@link ImageReference}: `docker.io` + `library/node`. */
export interface RepositoryName {
  domain: string;
  repository: string;
}

/** What a pin can point at: multi-platform indexes first, so a digest covers every platform. */
export const MANIFEST_MEDIA_TYPES: readonly string[] = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_CACHE_TTL_MS = 5 * 60_000;
const MAX_TAG_PAGES = 50;
const PAGE_SIZE = 1000;
/** Tokens without `expires_in` live 60 s by the spec; renew a little early. */
const TOKEN_MARGIN_MS = 5000;

export interface RegistryClientOptions {
  /** Per HTTP request (token, HEAD, each page). */
  timeoutMs?: number;
  cacheTtlMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/**
 * An anonymous client of the Registry HTTP API v2: tag lists (all pages) and manifest digests,
 * with the bearer-token flow, a timeout per request and an in-memory cache. It never sends
 * credentials: private images are pinned from the local engine instead.
 */
export class RegistryClient {
  readonly timeoutMs: number;
  private readonly ttlMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly tags: TtlCache<string[]>;
  private readonly digests: TtlCache<string>;
  private readonly tokens = new Map<string, { token: string; expires: number }>();

  constructor(options: RegistryClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.ttlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.tags = new TtlCache(this.now);
    this.digests = new TtlCache(this.now);
  }

  /** Every tag of the repository, following `Link: <...>; rel="next"` pages. */
  async listTags(name: RepositoryName): Promise<string[]> {
    checkRepository(name);
    return this.tags.get(repositoryKey(name), this.ttlMs, () => this.fetchTags(name));
  }

  /** The tag list when it is cached; never asks the registry (for code-action titles). */
  peekTags(name: RepositoryName): string[] | undefined {
    return this.tags.peek(repositoryKey(name));
  }

  /** The digest of the manifest (or index) a tag points to: `sha256:...`. */
  async manifestDigest(name: RepositoryName, reference: string): Promise<string> {
    checkRepository(name);
    if (!TAG.test(reference) && !DIGEST.test(reference)) throw new RegistryError('protocol', `"${reference}" is not a valid tag or digest.`);
    return this.digests.get(`${repositoryKey(name)}:${reference}`, this.ttlMs, () => this.fetchDigest(name, reference));
  }

  clearCache(): void {
    this.tags.clear();
    this.digests.clear();
    this.tokens.clear();
  }

  private async fetchTags(name: RepositoryName): Promise<string[]> {
    const endpoint = registryEndpoint(name.domain);
    const tags: string[] = [];
    let url: URL | null = new URL(`${endpoint.baseUrl}/v2/${name.repository}/tags/list?n=${PAGE_SIZE}`);
    for (let page = 0; url && page < MAX_TAG_PAGES; page++) {
      const response = await this.request(endpoint, name, url, 'GET', { Accept: 'application/json' });
      if (response.status === 404) throw new RegistryError('not-found', `registry ${endpoint.label} has no repository ${name.repository} (404 Not Found) — check the image name.`);
      this.checkStatus(response, endpoint, name);
      const body = await this.readJson(response, `registry ${endpoint.label}`) as { tags?: unknown } | null;
      if (!body || typeof body !== 'object' || !(Array.isArray(body.tags) || body.tags === null)) {
        throw new RegistryError('protocol', `registry ${endpoint.label} sent a tag list for ${name.repository} that is not {"tags": [...]}.`);
      }
      tags.push(...(body.tags ?? []).filter((tag): tag is string => typeof tag === 'string'));
      url = nextPage(response.headers.get('link'), url);
    }
    return tags;
  }

  private async fetchDigest(name: RepositoryName, reference: string): Promise<string> {
    const endpoint = registryEndpoint(name.domain);
    const url = new URL(`${endpoint.baseUrl}/v2/${name.repository}/manifests/${reference}`);
    const accept = { Accept: MANIFEST_MEDIA_TYPES.join(', ') };
    const head = await this.request(endpoint, name, url, 'HEAD', accept);
    const fromHead = head.ok ? head.headers.get('docker-content-digest') : null;
    if (fromHead) {
      this.checkMediaType(head, endpoint, name, reference);
      return checkDigest(fromHead, endpoint);
    }
    // Some registries answer HEAD without the digest header (or refuse HEAD): hash the manifest itself.
    const get = head.status === 404 ? head : await this.request(endpoint, name, url, 'GET', accept);
    if (get.status === 404) throw new RegistryError('not-found', `registry ${endpoint.label} has no tag "${reference}" in ${name.repository} (404 Not Found) — check the tag.`);
    this.checkStatus(get, endpoint, name);
    this.checkMediaType(get, endpoint, name, reference);
    const body = await this.readBytes(get, `registry ${endpoint.label}`);
    const header = get.headers.get('docker-content-digest');
    return header ? checkDigest(header, endpoint) : `sha256:${createHash('sha256').update(body).digest('hex')}`;
  }

  /** One request, with the anonymous bearer-token flow on a 401: fetch a token for the challenge, retry once. */
  private async request(endpoint: RegistryEndpoint, name: RepositoryName, url: URL, method: string, headers: Record<string, string>): Promise<Response> {
    const scope = `repository:${name.repository}:pull`;
    const tokenKey = `${endpoint.baseUrl} ${scope}`;
    const cached = this.tokens.get(tokenKey);
    const token = cached && cached.expires > this.now() ? cached.token : undefined;
    const first = await this.send(`registry ${endpoint.label}`, url, method, headers, token);
    if (first.status !== 401) return first;
    const challenge = parseBearerChallenge(first.headers.get('www-authenticate'));
    if (!challenge) throw unauthorized(endpoint, name, 'it asks for credentials, not an anonymous token');
    const fresh = await this.fetchToken(endpoint, challenge.realm, tokenUrl(challenge, challenge.scope ?? scope));
    this.tokens.set(tokenKey, { token: fresh.token, expires: this.now() + fresh.lifetimeMs - TOKEN_MARGIN_MS });
    const second = await this.send(`registry ${endpoint.label}`, url, method, headers, fresh.token);
    if (second.status === 401) throw unauthorized(endpoint, name, 'an anonymous token was not enough');
    return second;
  }

  private async fetchToken(endpoint: RegistryEndpoint, realm: string, url: URL): Promise<{ token: string; lifetimeMs: number }> {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RegistryError('protocol', `registry ${endpoint.label} named a token service that is not http(s): ${realm}.`);
    const label = `token service ${url.host} of registry ${endpoint.label}`;
    const response = await this.send(label, url, 'GET', { Accept: 'application/json' }, undefined);
    if (!response.ok) throw new RegistryError('unauthorized', `${label} refused an anonymous token (HTTP ${response.status}) — the repository may be private.`);
    const body = await this.readJson(response, label) as { token?: unknown; access_token?: unknown; expires_in?: unknown } | null;
    const token = typeof body?.token === 'string' ? body.token : typeof body?.access_token === 'string' ? body.access_token : '';
    if (!token) throw new RegistryError('protocol', `${label} answered without a token.`);
    const seconds = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    return { token, lifetimeMs: seconds * 1000 };
  }

  private async send(subject: string, url: URL, method: string, headers: Record<string, string>, token: string | undefined): Promise<Response> {
    try {
      return await this.fetchImpl(url, {
        method,
        headers: token ? { ...headers, Authorization: `Bearer ${token}` } : headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw networkError(subject, error, this.timeoutMs);
    }
  }

  private async readJson(response: Response, subject: string): Promise<unknown> {
    const bytes = await this.readBytes(response, subject);
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch {
      throw new RegistryError('protocol', `${subject} sent something that is not JSON (${response.url || 'its API'}).`);
    }
  }

  private async readBytes(response: Response, subject: string): Promise<Buffer> {
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw networkError(subject, error, this.timeoutMs);
    }
  }

  private checkStatus(response: Response, endpoint: RegistryEndpoint, name: RepositoryName): void {
    if (response.ok) return;
    if (response.status === 429) throw new RegistryError('protocol', `registry ${endpoint.label} is rate-limiting requests (429 Too Many Requests) — try again later.`);
    const status = response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
    throw new RegistryError('protocol', `registry ${endpoint.label} answered HTTP ${status} for ${name.repository}.`);
  }

  private checkMediaType(response: Response, endpoint: RegistryEndpoint, name: RepositoryName, reference: string): void {
    const type = response.headers.get('content-type')?.split(';')[0].trim();
    if (type && !MANIFEST_MEDIA_TYPES.includes(type)) {
      throw new RegistryError('protocol', `registry ${endpoint.label} serves ${name.repository}:${reference} as ${type}, which cannot be pinned by digest (an OCI or Docker v2 manifest or index is needed).`);
    }
  }
}

/** Keyed by where the API lives, so every spelling of Docker Hub shares one entry. */
function repositoryKey(name: RepositoryName): string {
  return `${registryEndpoint(name.domain).baseUrl}/${name.repository}`;
}

function checkRepository(name: RepositoryName): void {
  if (!REPOSITORY.test(name.repository)) throw new RegistryError('protocol', `"${name.repository}" is not a valid repository name.`);
}

function checkDigest(digest: string, endpoint: RegistryEndpoint): string {
  if (!DIGEST.test(digest)) throw new RegistryError('protocol', `registry ${endpoint.label} sent a malformed Docker-Content-Digest: ${digest.slice(0, 80)}.`);
  return digest;
}

function unauthorized(endpoint: RegistryEndpoint, name: RepositoryName, why: string): RegistryError {
  return new RegistryError('unauthorized', `registry ${endpoint.label} refused anonymous access to ${name.repository} (401 Unauthorized: ${why}) — the repository may be private or misspelt.`);
}

/** The `rel="next"` URL of a `Link` header, resolved against the current page; only on the same origin. */
export function nextPage(link: string | null, current: URL): URL | null {
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!match || !/(^|;)\s*rel\s*=\s*"?next"?\s*(;|$)/i.test(match[2])) continue;
    const next = new URL(match[1], current);
    return next.origin === current.origin ? next : null;
  }
  return null;
}
