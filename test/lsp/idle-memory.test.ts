import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it, mock } from 'node:test';
import { exposedGc, IdleMemoryRelease } from '../../server/src/lsp/idle-memory';

const MB = 1024 * 1024;

/** A release with a fake heap and a counted collection, on mocked timers. */
function harness(minGrowthBytes = 8 * MB) {
  let heap = 50 * MB;
  let collections = 0;
  const release = new IdleMemoryRelease(() => { collections++; heap = 30 * MB; }, { delayMs: 1000, minGrowthBytes }, () => heap);
  return { release, grow: (bytes: number) => { heap += bytes; }, collections: () => collections };
}

describe('IdleMemoryRelease', () => {
  it('collects once after a quiet second when the heap grew, and not again until it grows again', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { release, grow, collections } = harness();
      grow(20 * MB);
      release.activity();
      mock.timers.tick(999);
      assert.equal(collections(), 0);
      mock.timers.tick(1);
      assert.equal(collections(), 1);
      // The heap is back at 30 MB: quiet again with little growth collects nothing.
      release.activity();
      grow(2 * MB);
      mock.timers.tick(5000);
      assert.equal(collections(), 1);
      grow(10 * MB);
      release.activity();
      mock.timers.tick(1000);
      assert.equal(collections(), 2);
      assert.equal(release.releases, 2);
    } finally {
      mock.timers.reset();
    }
  });

  it('waits while activity goes on: each change or publish restarts the wait', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { release, grow, collections } = harness();
      grow(20 * MB);
      for (let step = 0; step < 10; step++) {
        release.activity();
        mock.timers.tick(600);
      }
      assert.equal(collections(), 0, 'typing every 600 ms never pauses for a collection');
      mock.timers.tick(400);
      assert.equal(collections(), 1);
    } finally {
      mock.timers.reset();
    }
  });

  it('does nothing without a collection to call, and dispose cancels a pending one', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const idle = new IdleMemoryRelease(undefined);
      idle.activity();
      mock.timers.tick(2000);
      assert.equal(idle.releases, 0);
      const { release, grow, collections } = harness();
      grow(20 * MB);
      release.activity();
      release.dispose();
      mock.timers.tick(2000);
      assert.equal(collections(), 0);
    } finally {
      mock.timers.reset();
    }
  });

  it('finds gc only when Node exposes it', () => {
    const probe = `require('node:assert').equal(typeof (${exposedGc.toString()})(), process.argv[1]);`;
    for (const [flags, expected] of [[['--expose-gc'], 'function'], [[], 'undefined']] as const) {
      const run = spawnSync(process.execPath, [...flags, '-e', probe, expected], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
    }
  });
});
