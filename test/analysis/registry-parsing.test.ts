import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageReference } from '../../server/src/analysis/images';
import { withDigest, withTag } from '../../server/src/analysis/pinning';
import { nextPage } from '../../server/src/registry/client';
import { isLoopback, registryEndpoint } from '../../server/src/registry/endpoint';
import { parseBearerChallenge, tokenUrl } from '../../server/src/registry/www-authenticate';

describe('WWW-Authenticate bearer challenges', () => {
  const cases: { name: string; header: string | null; expected: ReturnType<typeof parseBearerChallenge> }[] = [
    { name: "Docker Hub's challenge",
      header: 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"',
      expected: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/node:pull' } },
    { name: 'ghcr.io style, no scope', header: 'Bearer realm="https://ghcr.io/token",service="ghcr.io"',
      expected: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: undefined } },
    { name: 'spaces, upper-case scheme and names, unquoted value',
      header: 'BEARER Realm = "https://auth.example.com/token" , Service=registry.example.com',
      expected: { realm: 'https://auth.example.com/token', service: 'registry.example.com', scope: undefined } },
    { name: 'several challenges, Bearer second', header: 'Basic realm="Registry Realm", Bearer realm="https://r.example/token",scope="repository:a/b:pull,push"',
      expected: { realm: 'https://r.example/token', service: undefined, scope: 'repository:a/b:pull,push' } },
    { name: 'escaped quote in a quoted value', header: 'Bearer realm="https://r.example/t\\"x",service="s"',
      expected: { realm: 'https://r.example/t"x', service: 's', scope: undefined } },
    { name: 'Basic only: credentials needed, no token flow', header: 'Basic realm="Registry Realm"', expected: null },
    { name: 'Bearer without realm', header: 'Bearer service="x"', expected: null },
    { name: 'no header', header: null, expected: null },
  ];
  for (const { name, header, expected } of cases) {
    it(name, () => assert.deepEqual(parseBearerChallenge(header), expected));
  }

  it('the token URL carries service and scope as query parameters', () => {
    const challenge = { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/node:pull' };
    assert.equal(tokenUrl(challenge, undefined).toString(), 'https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Fnode%3Apull');
    assert.equal(tokenUrl({ realm: 'https://r.example/token?x=1' }, 'repository:a:pull').toString(), 'https://r.example/token?x=1&scope=repository%3Aa%3Apull');
  });
});

describe('registry endpoints and names', () => {
  const endpoints: [string, string, string][] = [
    ['node', 'https://registry-1.docker.io', 'library/node'],
    ['docker.io/node', 'https://registry-1.docker.io', 'library/node'],
    ['index.docker.io/library/node:20', 'https://registry-1.docker.io', 'library/node'],
    ['registry-1.docker.io/bitnami/redis', 'https://registry-1.docker.io', 'bitnami/redis'],
    ['ghcr.io/owner/app:1.0', 'https://ghcr.io', 'owner/app'],
    ['127.0.0.1:5055/library/tiny:latest', 'http://127.0.0.1:5055', 'library/tiny'],
    ['localhost:5000/app', 'http://localhost:5000', 'app'],
    ['[::1]:5000/app', 'http://[::1]:5000', 'app'],
    ['registry.example.com:5000/team/app', 'https://registry.example.com:5000', 'team/app'],
  ];
  for (const [image, baseUrl, repository] of endpoints) {
    it(`${image} -> ${baseUrl}/v2/${repository}`, () => {
      const ref = parseImageReference(image);
      assert.ok(ref);
      assert.equal(registryEndpoint(ref.domain).baseUrl, baseUrl);
      assert.equal(ref.repository, repository);
    });
  }

  it('only loopback hosts are plain http', () => {
    assert.deepEqual(['localhost', '127.0.0.1:5055', '127.1.2.3', '[::1]:80', 'localhost.example.com', '10.0.0.1:5000', '127.0.0.1.nip.io'].map(isLoopback),
      [true, true, true, true, false, false, false]);
  });
});

describe('Link header pagination', () => {
  const page = new URL('http://127.0.0.1:5055/v2/library/tiny/tags/list?n=2');
  it('follows a relative next link on the same origin', () => {
    assert.equal(nextPage('</v2/library/tiny/tags/list?last=b&n=2>; rel="next"', page)?.toString(), 'http://127.0.0.1:5055/v2/library/tiny/tags/list?last=b&n=2');
  });
  it('finds next among several links, unquoted rel too', () => {
    assert.equal(nextPage('</x?p=1>; rel="prev", </x?p=3>; rel=next', page)?.toString(), 'http://127.0.0.1:5055/x?p=3');
  });
  it('does not follow a link to another host', () => {
    assert.equal(nextPage('<https://elsewhere.example/v2/x>; rel="next"', page), null);
  });
  it('no header, no next', () => {
    assert.equal(nextPage(null, page), null);
    assert.equal(nextPage('</x>; rel="prev"', page), null);
  });
});

describe('pinned references keep the registry and path as written', () => {
  const digest = `sha256:${'ab'.repeat(32)}`;
  const cases: [string, string, string, string][] = [
    ['node', '22.11.0', 'node:22.11.0', `node:latest@${digest}`],
    ['postgres:latest', '17.2', 'postgres:17.2', `postgres:latest@${digest}`],
    ['127.0.0.1:5055/library/tiny:latest', '1.10.0', '127.0.0.1:5055/library/tiny:1.10.0', `127.0.0.1:5055/library/tiny:latest@${digest}`],
    ['localhost:5000/app', '1.0', 'localhost:5000/app:1.0', `localhost:5000/app:latest@${digest}`],
    ['index.docker.io/library/node:alpine', '23.3.0-alpine', 'index.docker.io/library/node:23.3.0-alpine', `index.docker.io/library/node:alpine@${digest}`],
  ];
  for (const [image, tag, tagged, digested] of cases) {
    it(image, () => {
      assert.equal(withTag(image, tag), tagged);
      assert.equal(withDigest(image, parseImageReference(image)?.tag ?? 'latest', digest), digested);
    });
  }
});
