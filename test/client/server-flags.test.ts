// The Node flags the VS Code client starts the language server with (client/src/server-flags.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SERVER_NODE_FLAGS, serverNodeFlags } from '../../client/src/server-flags';

describe('server flags', () => {
  it('passes every flag to a runtime that knows the Node options among them', () => {
    assert.deepEqual(serverNodeFlags(process.allowedNodeEnvironmentFlags), [...SERVER_NODE_FLAGS]);
    assert.ok(SERVER_NODE_FLAGS.includes('--v8-pool-size=1'));
  });

  it('leaves out a Node option the runtime does not know (it would stop the server), but keeps V8\'s flags', () => {
    const flags = serverNodeFlags(new Set(['--max-old-space-size']));
    assert.ok(!flags.some((flag) => flag.startsWith('--v8-pool-size')), flags.join(' '));
    assert.deepEqual(flags, SERVER_NODE_FLAGS.filter((flag) => !flag.startsWith('--v8-pool-size')));
    assert.ok(flags.includes('--single-threaded-gc') && flags.includes('--expose-gc'));
  });
});
