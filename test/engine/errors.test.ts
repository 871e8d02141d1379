/** Engine down, CLI missing, permission denied, timeouts and cancellation: one clear message each. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine, EngineError, runArgs } from '../../client/src/engine';
import { classifyFailure } from '../../client/src/engine/errors';
import { assertEngineAnswers, buildBusybox, cleanUp, createTestEnv, dockerSync } from './helpers/engine';

function isEngineError(kind: string, message: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof EngineError, `an EngineError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.match(error.message, message);
    assert.doesNotMatch(error.message, /\n\s+at /, 'no stack trace');
    return true;
  };
}

describe('engine errors', () => {
  const env = createTestEnv();
  const socketDir = mkdtempSync(join(tmpdir(), 'cht-socket-'));
  let image = '';

  before(async () => {
    assertEngineAnswers();
    image = await buildBusybox(env, 'errors');
  });
  after(() => {
    cleanUp(env);
    rmSync(socketDir, { recursive: true, force: true });
  });

  it('names DOCKER_HOST and says to start Docker when nothing listens on the socket', async () => {
    // A real socket file nobody listens on: a node process binds it and exits without removing it.
    const socket = join(socketDir, 'closed.sock');
    spawnSync(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socket)}, () => process.exit(0))`]);
    assert.ok(statSync(socket).isSocket(), 'a closed socket file exists');
    const host = `unix://${socket}`;
    const engine = Engine.create({ environment: { DOCKER_HOST: host } });
    await assert.rejects(engine.listVolumes(), isEngineError('engine-down', new RegExp(`tried DOCKER_HOST=${host.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(from containerHygiene\\.environment\\)\\. Start Docker`)));
    await assert.rejects(engine.version(), isEngineError('engine-down', /Start Docker/));
    const status = await engine.status();
    assert.equal(status.answers, false);
    assert.equal(status.endpoint, host);
    assert.equal(status.endpointSource, 'DOCKER_HOST');
    assert.match(status.problem ?? '', /did not answer/);
  });

  it('says the CLI is missing and which setting to change', async () => {
    const engine = Engine.create({ command: 'container-hygiene-no-such-cli' });
    await assert.rejects(engine.listImages(), isEngineError('cli-missing', /^container-hygiene-no-such-cli was not found on PATH; install it or set containerHygiene\.containerCommand\.$/));
    const absolute = Engine.create({ command: '/nonexistent/bin/docker' });
    await assert.rejects(absolute.version(), isEngineError('cli-missing', /^\/nonexistent\/bin\/docker was not found; install it/));
    assert.match((await engine.status()).problem ?? '', /not found on PATH/);
  });

  it('refuses a containerCommand that could be a flag or a command line', () => {
    for (const command of ['--privileged', 'docker -H tcp://evil', 'docker;id']) {
      assert.throws(() => Engine.create({ command }), isEngineError('invalid-input', /container command/));
    }
  });

  it('explains a permission-denied socket', () => {
    const stderr = 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version": dial unix /var/run/docker.sock: connect: permission denied';
    const error = classifyFailure('docker', 'docker version', stderr, 1, {});
    assert.equal(error.kind, 'permission-denied');
    assert.match(error.message, /unix:\/\/\/var\/run\/docker\.sock.*"docker" group/);
  });

  it('turns a daemon refusal into one line with the command that failed', async () => {
    await assert.rejects(env.engine.removeImage(`${env.name('absent')}:1`), isEngineError('not-found', /^docker image rm -- cht-\w+-absent:1 failed: No such image: cht-\w+-absent:1$/));
    await assert.rejects(env.engine.inspectVolume(env.name('absent')), isEngineError('not-found', /^There is no volume named cht-\w+-absent \(it may have been removed\); refresh the Volumes view\.$/));
  });

  it('times out, kills the CLI and cleans up the container', async () => {
    const name = env.name('sleeper');
    const args = runArgs({ image, name, mode: 'attached', labels: env.labels, command: ['sleep', '30'] });
    const started = Date.now();
    await assert.rejects(env.engine.cli.exec(args, { timeoutMs: 1500, cleanup: () => env.engine.removeContainer(name, { force: true }) }), isEngineError('timeout', /did not finish within 2 s/));
    assert.ok(Date.now() - started < 15_000);
    assert.equal(dockerSync(['container', 'inspect', name]).status, 1, 'the container is gone');
  });

  it('cancels through an AbortSignal, before or during the run', async () => {
    const aborted = AbortSignal.abort();
    const logged = env.log.length;
    await assert.rejects(env.engine.listImages({ signal: aborted }), isEngineError('cancelled', /Cancelled before running/));
    assert.equal(env.log.length, logged, 'nothing ran');
    const name = env.name('cancelled');
    const controller = new AbortController();
    const running = env.engine.cli.exec(runArgs({ image, name, mode: 'attached', labels: env.labels, command: ['sleep', '30'] }), {
      signal: controller.signal, cleanup: () => env.engine.removeContainer(name, { force: true }),
    });
    setTimeout(() => controller.abort(), 800);
    await assert.rejects(running, isEngineError('cancelled', /^Cancelled: docker run/));
    assert.equal(dockerSync(['container', 'inspect', name]).status, 1, 'the container is gone');
  });

  it('says so when the helper image is missing', async () => {
    const volume = env.name('helperless');
    await env.engine.createVolume(volume, { labels: env.labels });
    await assert.rejects(env.engine.listVolumeFiles(volume, { helperImage: `${env.name('no-such-helper')}:1` }),
      isEngineError('failed', /volume helper image .* is not available.*containerHygiene\.volumeHelperImage/));
  });
});
