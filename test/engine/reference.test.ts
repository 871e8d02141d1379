import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isImageId, parseReference } from '../../client/src/engine/reference';

function parsed(text: string) {
  const result = parseReference(text);
  assert.ok(result.ok, `${text} parses: ${result.ok ? '' : result.reason}`);
  return result.value;
}

describe('image reference grammar (distribution/reference)', () => {
  it('accepts the references people write', () => {
    const table: [string, string | null, string, string | null, string | null, string][] = [
      ['node', null, 'node', null, null, 'docker.io/library/node'],
      ['node:20-alpine', null, 'node', '20-alpine', null, 'docker.io/library/node'],
      ['bitnami/redis:7.2', null, 'bitnami/redis', '7.2', null, 'docker.io/bitnami/redis'],
      ['localhost:5000/team/app:v1', 'localhost:5000', 'team/app', 'v1', null, 'localhost:5000/team/app'],
      ['localhost/app', 'localhost', 'app', null, null, 'localhost/app'],
      ['127.0.0.1:5055/library/tiny:1.2.3', '127.0.0.1:5055', 'library/tiny', '1.2.3', null, '127.0.0.1:5055/library/tiny'],
      ['[::1]:5000/app', '[::1]:5000', 'app', null, null, '[::1]:5000/app'],
      ['ghcr.io/org/a__b/c-d.e:TAG_1', 'ghcr.io', 'org/a__b/c-d.e', 'TAG_1', null, 'ghcr.io/org/a__b/c-d.e'],
      [`busybox:1.36@sha256:${'a'.repeat(64)}`, null, 'busybox', '1.36', `sha256:${'a'.repeat(64)}`, 'docker.io/library/busybox'],
      ['index.docker.io/library/alpine', 'index.docker.io', 'library/alpine', null, null, 'docker.io/library/alpine'],
      ['a---b', null, 'a---b', null, null, 'docker.io/library/a---b'],
    ];
    for (const [text, domain, path, tag, digest, canonical] of table) {
      assert.deepEqual(parsed(text), { domain, path, tag, digest, canonicalName: canonical }, text);
    }
  });

  it('rejects what the grammar does not allow, with a reason', () => {
    const rejected: [string, RegExp][] = [
      ['', /empty/],
      ['Node', /lower-case/],
      ['node:', /tag/],
      ['node:-x', /tag/],
      [`node:${'a'.repeat(129)}`, /tag/],
      ['-node', /lower-case letters/],
      ['node@sha256:abc', /digest/],
      [`node@md5:${'a'.repeat(32)}`, /not supported/],
      ['a/', /lower-case letters/],
      ['a//b', /lower-case letters/],
      ['a_-b', /lower-case letters/],
      ['my host/app', /registry|lower-case/],
      [`${'a'.repeat(64)}`, /image id/],
      [`x/${'a'.repeat(300)}`, /longer/],
    ];
    for (const [text, reason] of rejected) {
      const result = parseReference(text);
      assert.equal(result.ok, false, `${JSON.stringify(text)} is rejected`);
      if (!result.ok) assert.match(result.reason, reason, text);
    }
  });

  it('stays fast on inputs that make backtracking grammars explode', () => {
    for (const text of ['a'.repeat(250) + '!', `${'a-'.repeat(120)}!`, `${'a.'.repeat(120)}:`, `${'a'.repeat(60)}.${'b'.repeat(60)}/${'c_'.repeat(60)}`]) {
      const started = process.hrtime.bigint();
      parseReference(text);
      assert.ok(process.hrtime.bigint() - started < 50_000_000n, `under 50 ms for ${text.slice(0, 20)}…`);
    }
  });

  it('recognises image ids', () => {
    assert.ok(isImageId(`sha256:${'f'.repeat(64)}`));
    assert.ok(isImageId('f7b41d57f7d0'));
    assert.ok(!isImageId('f7b41d57'));
    assert.ok(!isImageId('sha256:xyz'));
  });
});
