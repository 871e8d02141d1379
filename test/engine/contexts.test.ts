/**
 * Docker contexts listed, shown and switched through the engine module. DOCKER_CONFIG points at a
 * temporary folder (through the settings' environment) so switching never touches the machine's
 * own current context.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine, EngineError } from '../../client/src/engine';
import { assertEngineAnswers } from './helpers/engine';

describe('docker contexts', () => {
  const config = mkdtempSync(join(tmpdir(), 'cht-docker-config-'));
  const engine = Engine.create({ environment: { DOCKER_CONFIG: config } });
  const name = `cht-context-${process.pid}`;

  before(() => {
    assertEngineAnswers();
    const created = spawnSync('docker', ['context', 'create', name, '--description', 'container-hygiene test', '--docker', 'host=unix:///var/run/docker.sock'], {
      env: { ...process.env, DOCKER_CONFIG: config }, encoding: 'utf8',
    });
    assert.equal(created.status, 0, created.stderr);
  });
  after(() => rmSync(config, { recursive: true, force: true }));

  it('lists contexts with the current one marked', async () => {
    const contexts = await engine.listContexts();
    assert.deepEqual(contexts.map((context) => [context.name, context.current]).sort(), [[name, false], ['default', true]].sort());
    assert.equal(contexts.find((context) => context.name === name)?.endpoint, 'unix:///var/run/docker.sock');
    assert.equal(await engine.currentContext(), 'default');
  });

  it('switches the current context the way `docker context use` does, and the status follows', async () => {
    await engine.useContext(name);
    assert.equal(await engine.currentContext(), name);
    const status = await engine.status();
    assert.deepEqual([status.answers, status.context, status.endpointSource], [true, name, 'context']);
    await engine.useContext('default');
    assert.equal(await engine.currentContext(), 'default');
  });

  it('reports an unknown context as a failure with the CLI\'s reason', async () => {
    await assert.rejects(engine.useContext('cht-no-such-context'), (error: unknown) => error instanceof EngineError && /cht-no-such-context/.test(error.message));
  });
});
