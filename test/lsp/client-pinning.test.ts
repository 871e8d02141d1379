import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerLocalImageDigests, engineSettingsFrom, localImageDigests } from '../../client/src/pinning';
import { LOCAL_IMAGE_DIGESTS_METHOD } from '../../server/src/lsp/pinning-protocol';

const DIGEST = `127.0.0.1:5055/library/tiny@sha256:${'a'.repeat(64)}`;

describe("client: answering the server's local-engine digest request", () => {
  it('registers for containerHygiene/localImageDigests and answers from the engine look-up', async () => {
    let handler: ((params: unknown) => unknown) | undefined;
    const asked: string[] = [];
    answerLocalImageDigests({ onRequest: ((method: string, h: (params: unknown) => unknown) => {
      assert.equal(method, LOCAL_IMAGE_DIGESTS_METHOD);
      handler = h;
      return { dispose: () => undefined };
    }) as never }, async (ref) => { asked.push(ref); return [DIGEST]; }, () => true);
    assert.ok(handler);
    assert.deepEqual(await handler({ image: '127.0.0.1:5055/library/tiny:latest' }), { repoDigests: [DIGEST] });
    assert.deepEqual(asked, ['127.0.0.1:5055/library/tiny:latest']);
  });

  it('runs nothing in an untrusted workspace, and says why', async () => {
    let ran = false;
    const result = await localImageDigests({ image: 'node:22' }, async () => { ran = true; return []; }, false);
    assert.equal(ran, false);
    assert.deepEqual(result, { repoDigests: [], error: 'this workspace is not trusted, so the editor runs no container command; trust the workspace to let it ask the engine.' });
  });

  it('never passes something that reads as a flag or a shell word to the engine', async () => {
    for (const image of ['--privileged', '-v', 'x; touch /tmp/pwned', '$(id)', 'a b', '', 42, null]) {
      let ran = false;
      const result = await localImageDigests({ image }, async () => { ran = true; return []; }, true);
      assert.equal(ran, false, String(image));
      assert.equal(result.error, 'the request did not name a valid image reference.');
    }
  });

  it("the engine's error becomes the answer's error", async () => {
    const result = await localImageDigests({ image: 'node:22' }, async () => { throw new Error('The Docker engine is not running; start it and try again.'); }, true);
    assert.deepEqual(result, { repoDigests: [], error: 'The Docker engine is not running; start it and try again.' });
  });

  it('reads containerCommand and environment for the engine, ignoring empty or mistyped values', () => {
    const section = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T | undefined });
    assert.deepEqual(engineSettingsFrom(section({ containerCommand: 'podman', environment: { CONTAINER_HOST: 'unix:///run/podman.sock' } })),
      { command: 'podman', environment: { CONTAINER_HOST: 'unix:///run/podman.sock' } });
    assert.deepEqual(engineSettingsFrom(section({ containerCommand: '  ', environment: 'DOCKER_HOST=x' })), {});
  });
});
