// The registry client's HTTP behaviour against small local servers playing a registry and a token
// service: the bearer-token flow, pagination, digests without the header, timeouts, errors, cache.
// The real registry is exercised in loopback-registry.test.ts; these cover what it does not do
// (it needs no token and ignores `n`).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { RegistryClient } from '../../server/src/registry/client';
import { RegistryError } from '../../server/src/registry/errors';

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

const servers: Server[] = [];
after(() => servers.forEach((server) => server.close()));

/** A server on a free loopback port; returns its `host:port` and the requests it saw. */
async function serve(handler: Handler): Promise<{ host: string; seen: { method: string; path: string; auth?: string }[] }> {
  const seen: { method: string; path: string; auth?: string }[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    seen.push({ method: request.method ?? '', path: url.pathname + url.search, auth: request.headers.authorization });
    handler(request, response, url);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, `a RegistryError, not ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('registry client: anonymous bearer-token flow', () => {
  it('answers 401 with a token request to the realm, then retries with the token (and reuses it)', async () => {
    let host = '';
    const registry = await serve((request, response, url) => {
      if (url.pathname === '/token') {
        assert.equal(url.searchParams.get('service'), 'registry.test');
        assert.equal(url.searchParams.get('scope'), 'repository:library/node:pull');
        return json(response, 200, { token: 'tok-1', access_token: 'tok-1', expires_in: 300, issued_at: new Date().toISOString() });
      }
      if (request.headers.authorization !== 'Bearer tok-1') {
        return json(response, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, {
          'WWW-Authenticate': `Bearer realm="http://${host}/token",service="registry.test",scope="repository:library/node:pull"`,
        });
      }
      if (url.pathname === '/v2/library/node/tags/list') return json(response, 200, { name: 'library/node', tags: ['22.11.0', 'latest'] });
      response.writeHead(200, { 'Docker-Content-Digest': `sha256:${'1'.repeat(64)}`, 'Content-Type': 'application/vnd.oci.image.index.v1+json' });
      response.end();
    });
    host = registry.host;
    const client = new RegistryClient();
    const name = { domain: host, repository: 'library/node' };
    assert.deepEqual(await client.listTags(name), ['22.11.0', 'latest']);
    assert.equal(await client.manifestDigest(name, 'latest'), `sha256:${'1'.repeat(64)}`);
    assert.deepEqual(registry.seen.map((r) => `${r.method} ${r.path} ${r.auth ?? '-'}`), [
      'GET /v2/library/node/tags/list?n=1000 -',
      'GET /token?service=registry.test&scope=repository%3Alibrary%2Fnode%3Apull -',
      'GET /v2/library/node/tags/list?n=1000 Bearer tok-1',
      // The token is kept for the scope: the manifest request sends it straight away.
      'HEAD /v2/library/node/manifests/latest Bearer tok-1',
    ]);
  });

  it("Docker Hub: docker.io/library normalisation, registry-1.docker.io and auth.docker.io (recorded answers)", async () => {
    const calls: string[] = [];
    const hubFetch: typeof fetch = async (input, init) => {
      const url = String(input);
      const auth = new Headers(init?.headers).get('authorization');
      calls.push(`${init?.method ?? 'GET'} ${url}${auth ? ` (${auth})` : ''}`);
      if (url.startsWith('https://auth.docker.io/token')) return new Response(JSON.stringify({ token: 'hub', access_token: 'hub', expires_in: 300 }), { status: 200 });
      if (!auth) {
        return new Response('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}', { status: 401, headers: {
          'www-authenticate': 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"',
        } });
      }
      return new Response(null, { status: 200, headers: { 'docker-content-digest': `sha256:${'2'.repeat(64)}`, 'content-type': 'application/vnd.oci.image.index.v1+json' } });
    };
    const client = new RegistryClient({ fetch: hubFetch });
    for (const domain of ['docker.io', 'index.docker.io']) {
      assert.equal(await client.manifestDigest({ domain, repository: 'library/node' }, '22'), `sha256:${'2'.repeat(64)}`);
    }
    assert.deepEqual(calls, [
      'HEAD https://registry-1.docker.io/v2/library/node/manifests/22',
      'GET https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Fnode%3Apull',
      'HEAD https://registry-1.docker.io/v2/library/node/manifests/22 (Bearer hub)',
      // index.docker.io is another spelling of docker.io: same cache entry, no second request.
    ]);
  });

  it('a registry that wants credentials (Basic) gets a clear 401 message, and no token request', async () => {
    const registry = await serve((_request, response) => json(response, 401, {}, { 'WWW-Authenticate': 'Basic realm="Registry"' }));
    const error = await rejection(new RegistryClient().listTags({ domain: registry.host, repository: 'team/private' }));
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.message, `registry ${registry.host} refused anonymous access to team/private (401 Unauthorized: it asks for credentials, not an anonymous token) — the repository may be private or misspelt.`);
    assert.equal(registry.seen.length, 1);
  });

  it('a token that is not enough (private repository) is a 401 message too', async () => {
    let host = '';
    const registry = await serve((_request, response, url) => {
      if (url.pathname === '/token') return json(response, 200, { token: 'anon' });
      json(response, 401, {}, { 'WWW-Authenticate': `Bearer realm="http://${host}/token",service="s",scope="repository:team/private:pull",error="insufficient_scope"` });
    });
    host = registry.host;
    const error = await rejection(new RegistryClient().manifestDigest({ domain: host, repository: 'team/private' }, '1.0'));
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, /refused anonymous access to team\/private \(401 Unauthorized: an anonymous token was not enough\)/);
  });
});

describe('registry client: tag lists, digests, errors, cache', () => {
  it('follows Link rel="next" pages', async () => {
    const pages: Record<string, { tags: string[]; next?: string }> = {
      '': { tags: ['1.0', '1.1'], next: '/v2/app/tags/list?last=1.1&n=2' },
      '1.1': { tags: ['1.2', '2.0'], next: '/v2/app/tags/list?last=2.0&n=2' },
      '2.0': { tags: ['latest'] },
    };
    const registry = await serve((_request, response, url) => {
      const page = pages[url.searchParams.get('last') ?? ''];
      json(response, 200, { name: 'app', tags: page.tags }, page.next ? { Link: `<${page.next}>; rel="next"` } : {});
    });
    assert.deepEqual(await new RegistryClient().listTags({ domain: registry.host, repository: 'app' }), ['1.0', '1.1', '1.2', '2.0', 'latest']);
    assert.equal(registry.seen.length, 3);
  });

  it('hashes the manifest body when the registry sends no Docker-Content-Digest', async () => {
    const body = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}';
    const registry = await serve((request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.index.v1+json', 'Content-Length': Buffer.byteLength(body) });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
    const digest = await new RegistryClient().manifestDigest({ domain: registry.host, repository: 'app' }, '1.0');
    assert.equal(digest, `sha256:${createHash('sha256').update(body).digest('hex')}`);
    assert.deepEqual(registry.seen.map((r) => r.method), ['HEAD', 'GET']);
  });

  it('refuses a schema 1 manifest (its digest is not what docker pulls by)', async () => {
    const registry = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/vnd.docker.distribution.manifest.v1+prettyjws', 'Docker-Content-Digest': `sha256:${'3'.repeat(64)}` });
      response.end();
    });
    const error = await rejection(new RegistryClient().manifestDigest({ domain: registry.host, repository: 'old' }, '1'));
    assert.match(error.message, /serves old:1 as application\/vnd\.docker\.distribution\.manifest\.v1\+prettyjws, which cannot be pinned by digest/);
  });

  it('a malformed digest header is an error, never a pin', async () => {
    const registry = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.index.v1+json', 'Docker-Content-Digest': 'sha256:not-hex' });
      response.end();
    });
    const error = await rejection(new RegistryClient().manifestDigest({ domain: registry.host, repository: 'app' }, '1'));
    assert.equal(error.message, `registry ${registry.host} sent a malformed Docker-Content-Digest: sha256:not-hex.`);
  });

  it('times out with "did not answer within ... are you offline?"', async () => {
    const registry = await serve(() => undefined); // accepts, never answers
    const started = Date.now();
    const error = await rejection(new RegistryClient({ timeoutMs: 300 }).listTags({ domain: registry.host, repository: 'app' }));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.message, `registry ${registry.host} did not answer within 0.3 s — are you offline?`);
    assert.ok(Date.now() - started < 3000, 'the timeout is enforced');
  });

  it('the default timeout is 5 s', () => {
    assert.equal(new RegistryClient().timeoutMs, 5000);
  });

  it('a closed port says the registry refused the connection', async () => {
    const registry = await serve(() => undefined);
    const closed = servers.pop() as Server;
    await new Promise((resolve) => closed.close(resolve));
    const error = await rejection(new RegistryClient().listTags({ domain: registry.host, repository: 'app' }));
    assert.equal(error.kind, 'unreachable');
    assert.equal(error.message, `registry ${registry.host} refused the connection — is it running, or are you offline?`);
  });

  it('404s name what is missing', async () => {
    const registry = await serve((_request, response) => json(response, 404, { errors: [{ code: 'NAME_UNKNOWN' }] }));
    const client = new RegistryClient();
    assert.equal((await rejection(client.listTags({ domain: registry.host, repository: 'nope' }))).message,
      `registry ${registry.host} has no repository nope (404 Not Found) — check the image name.`);
    assert.equal((await rejection(client.manifestDigest({ domain: registry.host, repository: 'nope' }, '9.9'))).message,
      `registry ${registry.host} has no tag "9.9" in nope (404 Not Found) — check the tag.`);
  });

  it('caches answers for the TTL, shares concurrent look-ups and forgets failures', async () => {
    let fail = true;
    const registry = await serve((_request, response) => (fail ? json(response, 500, {}) : json(response, 200, { tags: ['1.0'] })));
    let now = 1_000_000;
    const client = new RegistryClient({ cacheTtlMs: 60_000, now: () => now });
    const name = { domain: registry.host, repository: 'app' };
    assert.match((await rejection(client.listTags(name))).message, /answered HTTP 500 Internal Server Error for app\./);
    fail = false;
    assert.equal(client.peekTags(name), undefined);
    const [a, b] = await Promise.all([client.listTags(name), client.listTags(name)]);
    assert.deepEqual([a, b], [['1.0'], ['1.0']]);
    assert.deepEqual(client.peekTags(name), ['1.0']);
    assert.equal(registry.seen.length, 2, 'one failed request, then one shared by both calls');
    now += 59_000;
    await client.listTags(name);
    assert.equal(registry.seen.length, 2, 'fresh: from the cache');
    now += 2000;
    assert.equal(client.peekTags(name), undefined, 'stale entries are not peeked');
    await client.listTags(name);
    assert.equal(registry.seen.length, 3, 'stale: asked again');
  });

  it('rejects names that are not repository names before any request', async () => {
    const calls: string[] = [];
    const client = new RegistryClient({ fetch: async (input) => { calls.push(String(input)); return new Response('{}'); } });
    await rejection(client.listTags({ domain: 'ghcr.io', repository: '../../etc' }));
    await rejection(client.manifestDigest({ domain: 'ghcr.io', repository: 'a/b' }, '../x'));
    assert.deepEqual(calls, []);
  });
});
