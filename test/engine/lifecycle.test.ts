/**
 * The whole path on the real engine: build (multi-stage, target, build arg), run with a port, an env
 * var and a named volume, write into the volume, inspect it (size, users, files through the helper
 * container), remove it (refused while in use, done after), prune, list and remove the image.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { EngineError, applyHygiene, hygieneChoices, runArgs, runEnvironment, type RunOptions } from '../../client/src/engine';
import { assertEngineAnswers, busyboxContext, cleanUp, createTestEnv, TEST_LABEL_KEY } from './helpers/engine';

const DOCKERFILE = [
  'FROM scratch AS base',
  'COPY busybox /bin/busybox',
  'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
  'RUN mkdir -p /etc /data && echo "app:x:1000:1000::/data:/bin/sh" > /etc/passwd && chown 1000:1000 /data',
  'ARG BUILT_WITH',
  'RUN echo "$BUILT_WITH" > /built-with.txt',
  'EXPOSE 8080',
  'FROM base AS never-built',
  'RUN false',
].join('\n');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls until the published port serves the file (no fixed sleeps). */
async function fetchWhenUp(url: string, deadlineMs = 20_000): Promise<string> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < deadlineMs) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
      last = response.status;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not answer within ${deadlineMs} ms: ${String(last)}`);
}

describe('build, run, volumes on the real engine', () => {
  const env = createTestEnv();
  const image = `${env.name('app')}:1.0`;
  const volume = env.name('data');
  const secret = 'greeting $(not run) value';
  let container = '';

  before(() => assertEngineAnswers());
  after(() => cleanUp(env));

  it('builds the target stage of a multi-stage Dockerfile with a build arg', async () => {
    const context = busyboxContext(DOCKERFILE);
    try {
      const build = { dockerfile: context.dockerfile, contextDir: context.dir, tags: [image], target: 'base', labels: env.labels, buildArgs: [{ name: 'BUILT_WITH', value: 'arg value' }] };
      const invocation = env.engine.buildInvocation(build);
      assert.deepEqual(invocation.args.slice(0, 7), ['build', '--file', context.dockerfile, '--tag', image, '--build-arg', 'BUILT_WITH']);
      await env.engine.cli.exec(invocation.args, { secretEnv: invocation.env, timeoutMs: 120_000 });
    } finally {
      context.remove();
    }
    const details = await env.engine.inspectImage(image);
    assert.deepEqual(details.exposedPorts, ['8080/tcp']);
    assert.equal(details.labels[TEST_LABEL_KEY], env.runId);
    const output = await env.engine.cli.text(runArgs({ image, mode: 'attached', labels: env.labels, command: ['cat', '/built-with.txt'] }));
    assert.equal(output, 'arg value\n');
  });

  it('offers a non-root user found in the image, and drops capabilities with it', async () => {
    const users = await env.engine.imageUsers(image);
    assert.deepEqual(users.map((user) => [user.name, user.uid]), [['app', 1000]]);
    const choices = hygieneChoices((await env.engine.inspectImage(image)).user, users);
    assert.deepEqual(choices.map((choice) => [choice.option, choice.on]), [['remove', true], ['noNewPrivileges', true], ['user', true], ['capDropAll', true], ['readOnly', false]]);
    const probes = await env.engine.listContainers({ label: { key: 'container-hygiene.helper' } });
    assert.ok(!probes.some((probe) => probe.names.some((name) => name.startsWith('container-hygiene-probe-'))), 'the probe container was removed');
  });

  it('runs a container with a port, an env var and a named volume it writes into', async () => {
    assert.equal(await env.engine.createVolume(volume, { labels: env.labels }), volume);
    const port = await freePort();
    const users = await env.engine.imageUsers(image);
    const base: RunOptions = {
      image, name: env.name('web'), labels: env.labels,
      ports: [{ container: 8080, host: port }],
      env: [{ name: 'GREETING', value: secret }],
      mounts: [{ type: 'volume', source: volume, target: '/data' }],
      entrypoint: 'sh',
      command: ['-c', 'echo "$GREETING" > /data/greeting.txt && mkdir -p /data/sub && echo x > /data/sub/b.txt && exec httpd -f -p 8080 -h /data'],
    };
    const options = applyHygiene({ ...base, readOnly: true }, hygieneChoices('', users).map((choice) => (choice.option === 'readOnly' ? { ...choice, on: true } : choice)));
    const args = runArgs(options);
    assert.deepEqual(args.slice(0, args.indexOf('--publish')), ['run', '--detach', '--rm', '--name', env.name('web'), '--user', 'app', '--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges']);
    assert.ok(args.includes(`127.0.0.1:${port}:8080`), 'published on loopback only');
    container = await env.engine.runDetached(options);
    assert.match(container, /^[0-9a-f]{64}$/);
    assert.equal(await fetchWhenUp(`http://127.0.0.1:${port}/greeting.txt`), `${secret}\n`);
    assert.equal(await fetchWhenUp(`http://127.0.0.1:${port}/sub/b.txt`), 'x\n');
    assert.deepEqual(runEnvironment(options), { GREETING: secret });
    assert.ok(!env.log.some((line) => line.includes(secret)), 'the secret value never reached the command log');
  });

  it('inspects the volume: details, users, size and files through the helper container', async () => {
    const details = await env.engine.inspectVolume(volume);
    assert.deepEqual([details.name, details.driver, details.anonymous, details.labels[TEST_LABEL_KEY]], [volume, 'local', false, env.runId]);
    assert.ok(details.createdAt instanceof Date);
    const users = await env.engine.volumeUsers(volume);
    assert.deepEqual(users.map((user) => [user.names[0], user.state]), [[env.name('web'), 'running']]);
    const size = await env.engine.volumeSize(volume);
    assert.ok(size && size.sizeBytes !== null && size.sizeBytes >= secret.length + 1 + 2, `size ${JSON.stringify(size)}`);
    const list = await env.engine.listVolumeFiles(volume, { helperImage: image });
    assert.deepEqual(list.files.map((file) => [file.path, file.type]), [['/greeting.txt', 'file'], ['/sub', 'directory'], ['/sub/b.txt', 'file']]);
    assert.equal(list.files[0].sizeBytes, secret.length + 1);
    assert.equal(list.truncated, false);
    const helperLine = env.log.find((line) => line.includes('container-hygiene-helper-'));
    assert.match(helperLine ?? '', /--network none --read-only --cap-drop ALL --cap-add DAC_READ_SEARCH .*type=volume,source=[^ ]+,target=\/volume,readonly/);
  });

  it('refuses to remove the volume while a container uses it, and removes it after', async () => {
    await assert.rejects(env.engine.removeVolume(volume), (error: unknown) =>
      error instanceof EngineError && error.kind === 'in-use' && error.message.includes(env.name('web')) && error.message.includes('running'));
    assert.equal((await env.engine.inspectVolume(volume)).name, volume, 'kept');
    await env.engine.removeContainer(container, { force: true });
    await env.engine.removeVolume(volume);
    await assert.rejects(env.engine.inspectVolume(volume), (error: unknown) => error instanceof EngineError && error.kind === 'not-found');
  });

  it('prunes unused volumes and reports what it freed', async () => {
    const unused = [env.name('prune-a'), env.name('prune-b')];
    for (const name of unused) await env.engine.createVolume(name, { labels: env.labels });
    await env.engine.cli.text(runArgs({ image, mode: 'attached', labels: env.labels, mounts: [{ type: 'volume', source: unused[0], target: '/data' }], command: ['sh', '-c', 'echo 12345 > /data/f'] }));
    assert.equal(await env.engine.pruneRemovesNamedVolumes(true), true);
    const result = await env.engine.pruneVolumes({ includeNamed: true, label: { key: TEST_LABEL_KEY, value: env.runId } });
    assert.deepEqual([...result.deleted].sort(), [...unused].sort());
    assert.ok((result.reclaimedBytes ?? 0) >= 6, `reclaimed ${result.reclaimedText}`);
    assert.deepEqual(await env.engine.listVolumes({ label: { key: TEST_LABEL_KEY, value: env.runId } }), []);
  });

  it('lists the image with its size and age, and removes it', async () => {
    const images = await env.engine.listImages({ label: { key: TEST_LABEL_KEY, value: env.runId } });
    const listed = images.find((entry) => entry.reference === image);
    assert.ok(listed, `listed: ${images.map((entry) => entry.reference).join(', ')}`);
    assert.ok((listed.sizeBytes ?? 0) > 500_000 && listed.createdAt instanceof Date);
    const removed = await env.engine.removeImage(image);
    assert.deepEqual(removed.untagged, [image]);
    assert.deepEqual(await env.engine.imageRepoDigests(image), [], 'absent image: no digests, no error');
  });
});
