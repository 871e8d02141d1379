// Seeds the real loopback registry (scripts/ci/start-engine.sh) with a tiny image under the tags,
// variants and manifest media types the pinning tests assert on. Runs the real docker CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REGISTRY = process.env.REGISTRY_ADDR ?? '127.0.0.1:5055';
export const REPOSITORY = 'library/tiny';
export const IMAGE = `${REGISTRY}/${REPOSITORY}`;

/** Image A (one label) and image B (another), so tags pointing at them have different digests. */
export const TAGS_A = ['1.2.3', '1.9.9', '1.2', '1.2-alpine', '1.2.3-alpine', '2.0.0-rc1', '2.0.0-rc1-alpine', '1-slim-bookworm', '20240606'];
export const TAGS_B = ['latest', '1.10.0', '1.10', '1', '1.10.0-alpine', 'alpine', '1.10-slim-bookworm', 'slim-bookworm'];

export interface Seeded {
  /** Manifest digests (Docker v2) of image A and B, from `docker inspect` RepoDigests after the push. */
  digestA: string;
  digestB: string;
  /** A Docker manifest list (`docker manifest create/push`) at tag `multi`. */
  digestManifestList: string;
  /** An OCI image index at tag `oci-index` and an OCI image manifest at `oci-manifest`, PUT to the registry. */
  digestOciIndex: string;
  digestOciManifest: string;
}

const STATE_DIR = process.env.STATE_DIR ?? '/tmp/container-hygiene-ci';
const STATE_FILE = join(STATE_DIR, 'pinning-seed.json');
const LOCK_DIR = join(STATE_DIR, 'pinning-seed.lock');
const DOCKER_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
const LABEL = 'container-hygiene.test=pinning';

/** Fails (never skips) with the command to run when the registry does not answer. */
export async function requireRegistry(): Promise<void> {
  try {
    const response = await fetch(`http://${REGISTRY}/v2/`, { signal: AbortSignal.timeout(3000) });
    assert.equal(response.status, 200, `GET http://${REGISTRY}/v2/ answered ${response.status}`);
  } catch (error) {
    assert.fail(`The loopback registry at ${REGISTRY} is not reachable (${String(error)}). Start it with: bash scripts/ci/start-engine.sh`);
  }
}

/**
 * Pushes the test tags once; later calls (other test files, other runs) reuse them when every tag
 * still has the recorded digest. A lock directory keeps concurrent test files from pushing at once.
 */
export async function seedRegistry(): Promise<Seeded> {
  await requireRegistry();
  mkdirSync(STATE_DIR, { recursive: true });
  await lock();
  try {
    const recorded = existsSync(STATE_FILE) ? (JSON.parse(readFileSync(STATE_FILE, 'utf8')) as Seeded) : undefined;
    if (recorded && (await stillThere(recorded))) return recorded;
    const seeded = await push();
    writeFileSync(STATE_FILE, JSON.stringify(seeded, null, 2));
    return seeded;
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

async function lock(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      mkdirSync(LOCK_DIR);
      return;
    } catch {
      // A lock older than two minutes was left by a killed run.
      if (Date.now() - statSync(LOCK_DIR, { throwIfNoEntry: false })!.mtimeMs > 120_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  assert.fail(`could not take ${LOCK_DIR} within two minutes`);
}

async function stillThere(seeded: Seeded): Promise<boolean> {
  const expected: [string, string][] = [
    ...TAGS_A.map((tag): [string, string] => [tag, seeded.digestA]),
    ...TAGS_B.map((tag): [string, string] => [tag, seeded.digestB]),
    ['multi', seeded.digestManifestList], ['oci-index', seeded.digestOciIndex], ['oci-manifest', seeded.digestOciManifest],
  ];
  for (const [tag, digest] of expected) {
    if ((await headDigest(tag).catch(() => null)) !== digest) return false;
  }
  return true;
}

/** The registry's own answer, independent of the client under test. */
export async function headDigest(reference: string, accept = [DOCKER_V2, 'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.oci.image.index.v1+json', 'application/vnd.oci.image.manifest.v1+json']): Promise<string | null> {
  const response = await fetch(`http://${REGISTRY}/v2/${REPOSITORY}/manifests/${reference}`, { method: 'HEAD', headers: { Accept: accept.join(', ') } });
  return response.ok ? response.headers.get('docker-content-digest') : null;
}

function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

async function push(): Promise<Seeded> {
  const context = mkdtempSync(join(tmpdir(), 'ch-pin-'));
  try {
    copyFileSync('/bin/busybox', join(context, 'busybox'));
    const build = (variant: string): string => {
      writeFileSync(join(context, 'Dockerfile'), `FROM scratch\nCOPY busybox /bin/busybox\nLABEL ${LABEL.replace('=', '="')}" org.example.variant="${variant}"\n`);
      return docker('build', '-q', '--label', `built=${Date.now()}`, context);
    };
    const digestA = tagAndPush(build('a'), TAGS_A);
    const digestB = tagAndPush(build('b'), TAGS_B);
    // A Docker manifest list over both images (the engine's CLI writes and pushes it).
    docker('manifest', 'create', '--insecure', '--amend', `${IMAGE}:multi`, `${IMAGE}@${digestA}`, `${IMAGE}@${digestB}`);
    const digestManifestList = docker('manifest', 'push', '--insecure', '--purge', `${IMAGE}:multi`).split('\n').pop() ?? '';
    // OCI media types: `docker manifest` writes Docker ones only, so these are PUT as the OCI specs describe them.
    const manifestA = await (await fetch(`http://${REGISTRY}/v2/${REPOSITORY}/manifests/${digestA}`, { headers: { Accept: DOCKER_V2 } })).text();
    const index = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [
      { mediaType: DOCKER_V2, digest: digestA, size: Buffer.byteLength(manifestA), platform: { architecture: 'amd64', os: 'linux' } },
    ] });
    const parsed = JSON.parse(manifestA) as { config: { mediaType: string }; layers: { mediaType: string }[] };
    const oci = JSON.stringify({ ...parsed, mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { ...parsed.config, mediaType: 'application/vnd.oci.image.config.v1+json' },
      layers: parsed.layers.map((layer) => ({ ...layer, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' })) });
    const digestOciIndex = await putManifest('oci-index', 'application/vnd.oci.image.index.v1+json', index);
    const digestOciManifest = await putManifest('oci-manifest', 'application/vnd.oci.image.manifest.v1+json', oci);
    assert.match(digestManifestList, /^sha256:[a-f0-9]{64}$/, 'docker manifest push prints the list digest');
    return { digestA, digestB, digestManifestList, digestOciIndex, digestOciManifest };
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** Tags and pushes an image under every tag, removes the local tags, and returns its RepoDigest for this repository. */
function tagAndPush(imageId: string, tags: string[]): string {
  for (const tag of tags) {
    docker('tag', imageId, `${IMAGE}:${tag}`);
    docker('push', '-q', `${IMAGE}:${tag}`);
  }
  const repoDigest = docker('image', 'inspect', '--format', '{{range .RepoDigests}}{{println .}}{{end}}', imageId).split('\n').find((line) => line.startsWith(`${IMAGE}@`));
  assert.ok(repoDigest, `docker inspect shows a RepoDigest for ${IMAGE}`);
  docker('rmi', ...tags.map((tag) => `${IMAGE}:${tag}`));
  return repoDigest.slice(IMAGE.length + 1);
}

async function putManifest(tag: string, mediaType: string, body: string): Promise<string> {
  const response = await fetch(`http://${REGISTRY}/v2/${REPOSITORY}/manifests/${tag}`, { method: 'PUT', headers: { 'Content-Type': mediaType }, body });
  assert.equal(response.status, 201, `PUT ${tag}: ${response.status} ${await response.text()}`);
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  assert.equal(response.headers.get('docker-content-digest'), digest, 'the registry names the manifest by the sha256 of its bytes');
  return digest;
}
