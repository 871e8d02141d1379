// "Pin to <version tag>" and "Pin to digest" through the built server over stdio, against the real
// loopback registry (bash scripts/ci/start-engine.sh); the local-engine fallback is answered by this
// test client, as the VS Code client answers it from `docker image inspect`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, before, describe, it } from 'node:test';
import { CodeActionResolveRequest, MessageType, type ClientCapabilities, type CodeAction, type Diagnostic, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/analysis/text';
import { LOCAL_IMAGE_DIGESTS_METHOD, type LocalImageDigestsParams, type LocalImageDigestsResult } from '../../server/src/lsp/pinning-protocol';
import { imageRepoDigests } from '../../client/src/engine';
import { localImageDigests } from '../../client/src/pinning';
import { registryProxy } from '../registry/helpers/proxy';
import { IMAGE, seedRegistry, type Seeded } from '../registry/helpers/seed-registry';
import { DEFAULT_CAPABILITIES, TestClient, withCode } from './helpers/test-client';

const RESOLVING: ClientCapabilities = {
  ...DEFAULT_CAPABILITIES,
  textDocument: {
    ...DEFAULT_CAPABILITIES.textDocument,
    codeAction: { ...DEFAULT_CAPABILITIES.textDocument?.codeAction, dataSupport: true, resolveSupport: { properties: ['edit'] } },
  },
};

let seeded: Seeded;
before(async () => {
  seeded = await seedRegistry();
});

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return (action.edit?.documentChanges ?? [])
    .filter((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri)
    .flatMap((change) => change.edits as TextEdit[]);
}

function titled(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

/** A loopback port nothing listens on (the registry is "offline"). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('image pinning code actions', () => {
  let client: TestClient | undefined;
  afterEach(async () => client?.dispose());

  async function open(text: string, code: string, settings: Record<string, unknown> = {}): Promise<{ uri: string; diagnostics: Diagnostic[]; actions: CodeAction[] }> {
    client = await TestClient.start({ capabilities: RESOLVING, settings });
    const uri = `untitled:Dockerfile-pin-${Math.random().toString(36).slice(2)}`;
    await client.open(uri, text);
    const diagnostics = withCode(await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((d) => d.code === code)), code);
    const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics);
    return { uri, diagnostics, actions };
  }

  async function resolve(action: CodeAction): Promise<CodeAction> {
    assert.ok(client);
    return client.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  it('announces codeAction/resolve', async () => {
    client = await TestClient.start();
    assert.deepEqual(client.initializeResult.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll', 'source.fixAll.container-hygiene'], resolveProvider: true });
  });

  it('FROM tiny:latest: lists both pins without edits; resolve gives the exact new text', async () => {
    const text = `FROM ${IMAGE}:latest AS base\nRUN true\n`;
    const { uri, diagnostics, actions } = await open(text, 'image-latest-tag');
    const tag = titled(actions, 'Pin to newest version tag');
    const digest = titled(actions, 'Pin to digest');
    for (const action of [tag, digest]) {
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.edit, undefined, 'no look-up, no edit while listing');
      assert.deepEqual(action.diagnostics, diagnostics);
    }
    const imageRange = { start: { line: 0, character: 5 }, end: { line: 0, character: 5 + `${IMAGE}:latest`.length } };
    const resolvedTag = await resolve(tag);
    assert.deepEqual(editsOf(resolvedTag, uri), [{ range: imageRange, newText: `${IMAGE}:1.10.0` }]);
    assert.equal((resolvedTag.edit?.documentChanges?.[0] as TextDocumentEdit).textDocument.version, 1);
    assert.equal(applyEdits(text, editsOf(resolvedTag, uri)), `FROM ${IMAGE}:1.10.0 AS base\nRUN true\n`);
    const resolvedDigest = await resolve(digest);
    assert.deepEqual(editsOf(resolvedDigest, uri), [{ range: imageRange, newText: `${IMAGE}:latest@${seeded.digestB}` }]);
    assert.deepEqual(client?.messages, [], 'no message when the registry answers');
    // The tag list is cached now, so the title can name the tag without a look-up.
    const again = await client!.codeActions(uri, diagnostics[0].range, diagnostics);
    titled(again, 'Pin to 1.10.0');
  });

  it('FROM tiny (untagged): pins to the newest plain version, or to latest by digest', async () => {
    const text = `FROM ${IMAGE}\n`;
    const { uri, actions } = await open(text, 'image-untagged');
    assert.equal(applyEdits(text, editsOf(await resolve(titled(actions, 'Pin to newest version tag')), uri)), `FROM ${IMAGE}:1.10.0\n`);
    assert.equal(applyEdits(text, editsOf(await resolve(titled(actions, 'Pin to digest')), uri)), `FROM ${IMAGE}:latest@${seeded.digestB}\n`);
  });

  it('image-digest-unpinned (turned on): 1.2-alpine pins within its line and variant, and to its own digest', async () => {
    const text = `FROM --platform=linux/amd64 ${IMAGE}:1.2-alpine\n`;
    const { uri, actions } = await open(text, 'image-digest-unpinned', { rules: { 'image-digest-unpinned': 'warning' } });
    assert.equal(applyEdits(text, editsOf(await resolve(titled(actions, 'Pin to newest version tag')), uri)), `FROM --platform=linux/amd64 ${IMAGE}:1.2.3-alpine\n`);
    assert.equal(applyEdits(text, editsOf(await resolve(titled(actions, 'Pin to digest')), uri)), `FROM --platform=linux/amd64 ${IMAGE}:1.2-alpine@${seeded.digestA}\n`);
  });

  it('a manifest list is pinned by the list digest; a tag with no version line gets a message', async () => {
    const text = `FROM ${IMAGE}:multi\n`;
    const { uri, actions } = await open(text, 'image-digest-unpinned', { rules: { 'image-digest-unpinned': 'warning' } });
    assert.equal(applyEdits(text, editsOf(await resolve(titled(actions, 'Pin to digest')), uri)), `FROM ${IMAGE}:multi@${seeded.digestManifestList}\n`);
    // "multi" reads as a variant word (like "alpine"), and no version tag ends in "-multi".
    const tag = await resolve(titled(actions, 'Pin to newest version tag'));
    assert.equal(tag.edit, undefined);
    assert.match(client!.messages[0].message, new RegExp(`^Container Hygiene: no stable version tag of the same variant as "multi" \\(and more specific than it\\) among the \\d+ tags of ${IMAGE.replace(/\./g, '\\.')}; pin ${IMAGE.replace(/\./g, '\\.')}:multi by hand or by digest\\.$`));
  });

  it('two rules on one image share one pair of pin actions', async () => {
    client = await TestClient.start({ capabilities: RESOLVING, settings: { rules: { 'image-digest-unpinned': 'warning' } } });
    const uri = 'untitled:Dockerfile-two-rules';
    await client.open(uri, `FROM ${IMAGE}:latest\n`);
    const published = await client.waitForDiagnostics(uri);
    const both = [...withCode(published, 'image-latest-tag'), ...withCode(published, 'image-digest-unpinned')];
    assert.equal(both.length, 2);
    const actions = await client.codeActions(uri, both[0].range, both);
    assert.deepEqual(actions.filter((action) => action.title.startsWith('Pin')).map((action) => [action.title, action.diagnostics?.length]),
      [['Pin to newest version tag', 2], ['Pin to digest', 2]]);
  });

  it('diagnostics and the action list make no network request; only resolve does', async () => {
    const connections: string[] = [];
    const listener = createServer((socket) => { connections.push('connection'); socket.destroy(); });
    await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
    try {
      const { port } = listener.address() as AddressInfo;
      const { actions } = await open(`FROM 127.0.0.1:${port}/library/tiny:latest\n`, 'image-latest-tag');
      assert.deepEqual(actions.filter((action) => action.title.startsWith('Pin')).map((action) => action.title), ['Pin to newest version tag', 'Pin to digest']);
      assert.deepEqual(connections, []);
      await resolve(titled(actions, 'Pin to newest version tag'));
      assert.ok(connections.length > 0, 'resolve asked the registry');
    } finally {
      listener.close();
    }
  });

  it('no pin actions for a client that cannot resolve edits later', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-no-resolve';
    await client.open(uri, `FROM ${IMAGE}:latest\n`);
    const diagnostics = withCode(await client.waitForDiagnostics(uri), 'image-latest-tag');
    const titles = (await client.codeActions(uri, diagnostics[0].range, diagnostics)).map((action) => action.title);
    assert.deepEqual(titles.filter((title) => title.startsWith('Pin')), []);
    assert.ok(titles.includes('Disable image-latest-tag for this line'));
  });

  it('offline registry: the digest comes from the local engine, asked through the client', async () => {
    const port = await closedPort();
    const offline = `127.0.0.1:${port}/library/tiny`;
    const text = `FROM ${offline}:latest\n`;
    const { uri, actions } = await open(text, 'image-latest-tag');
    const asked: LocalImageDigestsParams[] = [];
    client!.connection.onRequest(LOCAL_IMAGE_DIGESTS_METHOD, (params: LocalImageDigestsParams): LocalImageDigestsResult => {
      asked.push(params);
      // What `docker image inspect` lists for an image pushed to two registries: only the matching one counts.
      return { repoDigests: [`${IMAGE}@${seeded.digestA}`, `${offline}@${seeded.digestB}`] };
    });
    const resolved = await resolve(titled(actions, 'Pin to digest'));
    assert.deepEqual(asked, [{ image: `${offline}:latest` }]);
    assert.equal(applyEdits(text, editsOf(resolved, uri)), `FROM ${offline}:latest@${seeded.digestB}\n`);
    assert.deepEqual(client!.messages, [{ type: MessageType.Info, message:
      `Container Hygiene: registry 127.0.0.1:${port} refused the connection — is it running, or are you offline? Pinned ${offline}:latest to the digest of the local engine's copy instead, which may be older than the registry's.` }]);

    const tag = await resolve(titled(actions, 'Pin to newest version tag'));
    assert.equal(tag.edit, undefined, 'no version tag without the registry');
    assert.deepEqual(client!.messages[1], { type: MessageType.Warning, message:
      `Container Hygiene: could not pin ${offline}:latest to a version tag: registry 127.0.0.1:${port} refused the connection — is it running, or are you offline?` });
  });

  it('offline registry, real engine: the client module answers from docker image inspect', async () => {
    // Pull through a second address of the registry, then take that address offline: the engine keeps the RepoDigest.
    const proxy = await registryProxy();
    const offline = `${proxy.host}/library/tiny`;
    const docker = promisify(execFile);
    await docker('docker', ['pull', '-q', `${offline}:latest`]);
    await proxy.close();
    try {
      const text = `FROM ${offline}:latest\n`;
      const { uri, actions } = await open(text, 'image-latest-tag');
      client!.connection.onRequest(LOCAL_IMAGE_DIGESTS_METHOD, (params: unknown) => localImageDigests(params, (ref) => imageRepoDigests(ref), true));
      const resolved = await resolve(titled(actions, 'Pin to digest'));
      assert.equal(applyEdits(text, editsOf(resolved, uri)), `FROM ${offline}:latest@${seeded.digestB}\n`);
      assert.equal(client!.messages[0].type, MessageType.Info);
    } finally {
      await docker('docker', ['rmi', `${offline}:latest`]);
    }
  });

  it('registry and local engine both failing: a message and no edit', async () => {
    const port = await closedPort();
    const offline = `127.0.0.1:${port}/library/tiny`;
    const { actions } = await open(`FROM ${offline}:latest\n`, 'image-latest-tag');
    const answers: LocalImageDigestsResult[] = [{ repoDigests: [] }, { repoDigests: [], error: 'The Docker engine is not running (tried DOCKER_HOST unix:///var/run/docker.sock); start it and try again.' }];
    client!.connection.onRequest(LOCAL_IMAGE_DIGESTS_METHOD, () => answers.shift());
    const digest = titled(actions, 'Pin to digest');
    const first = await resolve(digest);
    const second = await resolve(digest);
    assert.equal(first.edit, undefined);
    assert.equal(second.edit, undefined);
    const registry = `Registry: registry 127.0.0.1:${port} refused the connection — is it running, or are you offline?`;
    assert.deepEqual(client!.messages, [
      { type: MessageType.Warning, message: `Container Hygiene: could not pin ${offline}:latest to a digest. ${registry} Local engine: it has no registry digest for ${offline}:latest (pull or push the image once, then try again).` },
      { type: MessageType.Warning, message: `Container Hygiene: could not pin ${offline}:latest to a digest. ${registry} Local engine: The Docker engine is not running (tried DOCKER_HOST unix:///var/run/docker.sock); start it and try again.` },
    ]);
  });

  it('a client that does not answer the local-engine request: a message and no edit', async () => {
    const port = await closedPort();
    const { actions } = await open(`FROM 127.0.0.1:${port}/library/tiny:latest\n`, 'image-latest-tag');
    const resolved = await resolve(titled(actions, 'Pin to digest'));
    assert.equal(resolved.edit, undefined);
    assert.equal(client!.messages.length, 1);
    assert.match(client!.messages[0].message, /Local engine: the editor could not ask it \(.*Unhandled method containerHygiene\/localImageDigests.*\)\.$/);
  });

  it('a document edited after listing: no edit, the user is asked to try again', async () => {
    const text = `FROM ${IMAGE}:latest\n`;
    const { uri, actions } = await open(text, 'image-latest-tag');
    await client!.change(uri, 2, `# a comment\n${text}`);
    const resolved = await resolve(titled(actions, 'Pin to digest'));
    assert.equal(resolved.edit, undefined);
    assert.deepEqual(client!.messages, [{ type: MessageType.Warning, message: 'Container Hygiene: the file changed after "Pin to digest" was offered; nothing was pinned. Ask for the quick fix again.' }]);
  });
});
