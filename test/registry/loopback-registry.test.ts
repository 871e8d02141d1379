// Pinning against the real registry on loopback (bash scripts/ci/start-engine.sh), seeded by the real
// engine: the exact tag chosen from the pushed tags, and the exact digest for each manifest media type.
// Fails, never skips, when the registry is not running.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseImageReference } from '../../server/src/analysis/images';
import { RegistryClient } from '../../server/src/registry/client';
import { chooseVersionTag } from '../../server/src/registry/versions';
import { registryProxy } from './helpers/proxy';
import { headDigest, IMAGE, REGISTRY, REPOSITORY, seedRegistry, TAGS_A, TAGS_B, type Seeded } from './helpers/seed-registry';

const name = { domain: REGISTRY, repository: REPOSITORY };
let seeded: Seeded;
before(async () => {
  seeded = await seedRegistry();
});

describe('real registry: tag list and tag choice', () => {
  it('lists every pushed tag', async () => {
    const tags = await new RegistryClient().listTags(name);
    for (const tag of [...TAGS_A, ...TAGS_B, 'multi', 'oci-index', 'oci-manifest']) assert.ok(tags.includes(tag), `${tag} in ${tags.join(' ')}`);
  });

  // Starting tag (as written in FROM) -> the tag a "Pin to <version tag>" writes.
  const choices: [string, string | null][] = [
    [`${IMAGE}`, '1.10.0'],
    [`${IMAGE}:latest`, '1.10.0'],
    [`${IMAGE}:alpine`, '1.10.0-alpine'],
    [`${IMAGE}:1.2-alpine`, '1.2.3-alpine'],
    [`${IMAGE}:1`, '1.10.0'],
    [`${IMAGE}:1.2`, '1.2.3'],
    [`${IMAGE}:1.9`, '1.9.9'],
    [`${IMAGE}:slim-bookworm`, '1.10-slim-bookworm'],
    [`${IMAGE}:2`, null],
    [`${IMAGE}:windowsservercore`, null],
  ];
  for (const [image, expected] of choices) {
    it(`${image.slice(REGISTRY.length + 1)} -> ${expected ?? 'no tag'}`, async () => {
      const ref = parseImageReference(image);
      assert.ok(ref);
      const client = new RegistryClient();
      assert.equal(chooseVersionTag(ref.tag, await client.listTags(ref)), expected);
    });
  }
});

describe('real registry: digests', () => {
  it('a tag of image B (latest) and of image A (1.2.3): the digests docker inspect showed after the push', async () => {
    const client = new RegistryClient();
    assert.notEqual(seeded.digestA, seeded.digestB);
    assert.equal(await client.manifestDigest(name, 'latest'), seeded.digestB);
    assert.equal(await client.manifestDigest(name, '1.10.0-alpine'), seeded.digestB);
    assert.equal(await client.manifestDigest(name, '1.2.3'), seeded.digestA);
    assert.equal(await client.manifestDigest(name, '2.0.0-rc1'), seeded.digestA);
  });

  it('a Docker manifest list (docker manifest create/push): the list digest, not a platform manifest', async () => {
    const digest = await new RegistryClient().manifestDigest(name, 'multi');
    assert.equal(digest, seeded.digestManifestList);
    assert.notEqual(digest, seeded.digestA);
    assert.notEqual(digest, seeded.digestB);
  });

  it('an OCI image index and an OCI image manifest', async () => {
    const client = new RegistryClient();
    assert.equal(await client.manifestDigest(name, 'oci-index'), seeded.digestOciIndex);
    assert.equal(await client.manifestDigest(name, 'oci-manifest'), seeded.digestOciManifest);
  });

  it('the Accept header matters: without it this registry converts to schema 1 and names another digest', async () => {
    const plain = await fetch(`http://${REGISTRY}/v2/${REPOSITORY}/manifests/latest`, { method: 'HEAD' });
    assert.notEqual(plain.headers.get('docker-content-digest'), seeded.digestB);
    assert.equal(await headDigest('latest'), seeded.digestB);
  });

  it('without Docker-Content-Digest (a proxy strips it), the sha256 of the manifest body is the same digest', async () => {
    const proxy = await registryProxy({ dropHeaders: ['Docker-Content-Digest'] });
    try {
      const client = new RegistryClient();
      for (const [tag, digest] of [['latest', seeded.digestB], ['multi', seeded.digestManifestList], ['oci-index', seeded.digestOciIndex]] as const) {
        assert.equal(await client.manifestDigest({ domain: proxy.host, repository: REPOSITORY }, tag), digest, tag);
      }
    } finally {
      await proxy.close();
    }
  });

  it('a missing tag is a clear 404', async () => {
    await assert.rejects(new RegistryClient().manifestDigest(name, '9.9.9'), { message: `registry ${REGISTRY} has no tag "9.9.9" in ${REPOSITORY} (404 Not Found) — check the tag.` });
  });
});
