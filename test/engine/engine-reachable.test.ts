import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../client/src/engine';
import { assertEngineAnswers } from './helpers/engine';

describe('the engine the tests need', () => {
  it('answers docker info (run scripts/ci/start-engine.sh otherwise)', () => {
    assertEngineAnswers();
  });

  it('reports its version and status through the engine module', async () => {
    const engine = Engine.create();
    const version = await engine.version();
    assert.match(version.serverVersion ?? '', /^\d+\.\d+/);
    assert.match(version.serverApiVersion ?? '', /^1\.\d+$/);
    const status = await engine.status();
    assert.equal(status.answers, true);
    assert.equal(status.problem, null);
    assert.ok(status.context, 'a context is named');
    assert.match(status.endpoint ?? '', /^unix:\/\//);
  });
});
