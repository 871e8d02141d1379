/**
 * RepoDigests of a local image, as pinning uses them offline: an image pushed to the loopback
 * registry has the digest the registry serves; an unpushed or absent image has none.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { imageRepoDigests } from '../../client/src/engine';
import { REGISTRY, assertEngineAnswers, buildBusybox, cleanUp, createTestEnv, dockerSync } from './helpers/engine';

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
].join(', ');

describe('local RepoDigests', () => {
  const env = createTestEnv();
  const repository = `${REGISTRY}/container-hygiene-test/tiny-${env.runId}`;
  let local = '';
  let registryDigest = '';

  before(async () => {
    assertEngineAnswers();
    const registry = await fetch(`http://${REGISTRY}/v2/`).catch((error: unknown) => error);
    assert.ok(registry instanceof Response && registry.ok, `The registry at ${REGISTRY} does not answer; run "bash scripts/ci/start-engine.sh" first.`);
    local = await buildBusybox(env, 'digests');
  });
  after(async () => {
    if (registryDigest) await fetch(`http://${REGISTRY}/v2/container-hygiene-test/tiny-${env.runId}/manifests/${registryDigest}`, { method: 'DELETE' });
    dockerSync(['image', 'rm', '--force', `${repository}:1.0`]);
    cleanUp(env);
  });

  it('is empty for an image that was never pushed, and for an absent one', async () => {
    assert.deepEqual(await env.engine.imageRepoDigests(local), []);
    assert.deepEqual(await imageRepoDigests(`${env.name('absent')}:1`), []);
  });

  it('is the digest the registry serves once the image is pushed', async () => {
    assert.equal(dockerSync(['tag', local, `${repository}:1.0`]).status, 0);
    const pushed = dockerSync(['push', `${repository}:1.0`]);
    assert.equal(pushed.status, 0, pushed.stderr);
    const head = await fetch(`http://${REGISTRY}/v2/container-hygiene-test/tiny-${env.runId}/manifests/1.0`, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES } });
    registryDigest = head.headers.get('docker-content-digest') ?? '';
    assert.match(registryDigest, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(await imageRepoDigests(`${repository}:1.0`), [`${repository}@${registryDigest}`]);
  });
});
