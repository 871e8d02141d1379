import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type CodeAction, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/analysis/text';
import { fixAllEdits } from '../../server/src/lsp/workspace-edits';
import { DEFAULT_CAPABILITIES, TestClient, withCode } from './helpers/test-client';

/** The edits a code action makes to one document, from either `documentChanges` or `changes`. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  const fromDocumentChanges = (edit?.documentChanges ?? [])
    .filter((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri)
    .flatMap((change) => change.edits as TextEdit[]);
  return [...fromDocumentChanges, ...(edit?.changes?.[uri] ?? [])];
}

function titled(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

const WORKDIR_APP = 'FROM alpine:3.20\nWORKDIR app\n';

describe('code actions', () => {
  let client: TestClient | undefined;
  afterEach(async () => client?.dispose());

  it('offers the quick fix of the published finding and it rewrites the text', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-fix';
    await client.open(uri, WORKDIR_APP);
    const [relative] = withCode(await client.waitForDiagnostics(uri), 'workdir-relative');
    const actions = await client.codeActions(uri, relative.range, [relative]);
    const fix = titled(actions, 'Use /app');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [relative]);
    const versioned = fix.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(versioned.textDocument, { uri, version: 1 });
    assert.equal(applyEdits(WORKDIR_APP, editsFor(fix.edit, uri)), 'FROM alpine:3.20\nWORKDIR /app\n');
  });

  it('offers no quick fix for a diagnostic of an older version', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-stale';
    await client.open(uri, WORKDIR_APP);
    const [relative] = withCode(await client.waitForDiagnostics(uri), 'workdir-relative');
    const mark = client.mark();
    await client.change(uri, 2, `# moved down\n${WORKDIR_APP}`);
    await client.waitForDiagnostics(uri, (params) => params.version === 2, mark);
    assert.deepEqual(await client.codeActions(uri, relative.range, [relative]), []);
  });

  it('"Disable <id> for this line" inserts a comment and the re-lint drops the diagnostic', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-disable-line';
    const text = 'FROM alpine:3.20\nWORKDIR app\nWORKDIR other\n';
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    const [first] = withCode(published, 'workdir-relative');
    const disable = titled(await client.codeActions(uri, first.range, [first]), 'Disable workdir-relative for this line');
    const disabled = applyEdits(text, editsFor(disable.edit, uri));
    assert.equal(disabled, 'FROM alpine:3.20\n# container-hygiene ignore=workdir-relative\nWORKDIR app\nWORKDIR other\n');
    const mark = client.mark();
    await client.change(uri, 2, disabled);
    const relinted = await client.waitForDiagnostics(uri, (params) => params.version === 2, mark);
    assert.deepEqual(withCode(relinted, 'workdir-relative').map((d) => d.range.start.line), [3]);
  });

  it('"Disable <id> for this line" goes above a multi-line instruction', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-disable-continued';
    const text = 'FROM alpine:3.20\nWORKDIR \\\n  app\n';
    await client.open(uri, text);
    const [relative] = withCode(await client.waitForDiagnostics(uri), 'workdir-relative');
    assert.equal(relative.range.start.line, 2);
    const disable = titled(await client.codeActions(uri, relative.range, [relative]), 'Disable workdir-relative for this line');
    const disabled = applyEdits(text, editsFor(disable.edit, uri));
    assert.equal(disabled, 'FROM alpine:3.20\n# container-hygiene ignore=workdir-relative\nWORKDIR \\\n  app\n');
    const mark = client.mark();
    await client.change(uri, 2, disabled);
    assert.deepEqual(withCode(await client.waitForDiagnostics(uri, (p) => p.version === 2, mark), 'workdir-relative'), []);
  });

  it('"Disable <id> for this file" adds one file-wide comment for all its diagnostics', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-disable-file';
    const text = '# syntax=docker/dockerfile:1\nFROM alpine:latest AS build\nFROM busybox:latest\n';
    await client.open(uri, text);
    const latest = withCode(await client.waitForDiagnostics(uri), 'image-latest-tag');
    assert.equal(latest.length, 2);
    const actions = await client.codeActions(uri, { start: latest[0].range.start, end: latest[1].range.end }, latest);
    assert.equal(actions.filter((action) => action.title === 'Disable image-latest-tag for this file').length, 1);
    const disable = titled(actions, 'Disable image-latest-tag for this file');
    assert.equal(disable.diagnostics?.length, 2);
    const disabled = applyEdits(text, editsFor(disable.edit, uri));
    assert.equal(disabled, '# syntax=docker/dockerfile:1\n# container-hygiene ignore-file=image-latest-tag\nFROM alpine:latest AS build\nFROM busybox:latest\n');
    const mark = client.mark();
    await client.change(uri, 2, disabled);
    assert.deepEqual(withCode(await client.waitForDiagnostics(uri, (p) => p.version === 2, mark), 'image-latest-tag'), []);
  });

  it('offers no disable action for file-not-analyzed (comments cannot silence unreadable files)', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-binary-actions';
    await client.open(uri, 'FROM alpine\u0000\n');
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(await client.codeActions(uri, published.diagnostics[0].range, published.diagnostics), []);
  });

  it('source.fixAll applies every safe fix (recomputed now) and never an unsafe one', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-fix-all';
    // Problems of several rules; today's fixes for them are unsafe (WORKDIR) or absent, so the expected text is computed.
    const text = 'from alpine:latest\nMAINTAINER someone\nWORKDIR app\nRUN apt-get update\nRUN apt-get install -y curl\nEXPOSE 80/tcp\nCMD node server.js\n';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const safeEdits = fixAllEdits(text, analyze(text, 'dockerfile'));
    for (const only of [['source.fixAll'], ['source.fixAll.container-hygiene'], ['source']]) {
      const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], only);
      if (safeEdits.length === 0) {
        assert.deepEqual(actions, [], `nothing safe to fix, so no action for ${only}`);
        continue;
      }
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll.container-hygiene');
      const fixed = applyEdits(text, editsFor(actions[0].edit, uri));
      assert.equal(fixed, applyEdits(text, safeEdits));
      assert.match(fixed, /WORKDIR app/, 'the unsafe WORKDIR fix is left for the user');
    }
  });

  describe('fixes that write a side file (.dockerignore)', () => {
    const folders: string[] = [];
    after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
    const COPY_ALL = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\n';

    async function openInFolder(files: Record<string, string>, capabilities = DEFAULT_CAPABILITIES) {
      const folder = mkdtempSync(join(tmpdir(), 'ch-side-'));
      folders.push(folder);
      for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
      client = await TestClient.start({ capabilities });
      const uri = pathToFileURL(join(folder, 'Dockerfile')).toString();
      await client.open(uri, COPY_ALL);
      const diagnostics = withCode(await client.waitForDiagnostics(uri), 'copy-context-unfiltered');
      assert.equal(diagnostics.length, 1, 'COPY . without a .dockerignore is reported');
      const sideFileActions = (await client.codeActions(uri, diagnostics[0].range, diagnostics))
        .filter((action) => (action.edit?.documentChanges ?? []).some((change) => !('textDocument' in change) || change.textDocument.uri !== uri));
      return { folder, uri, dockerignoreUri: pathToFileURL(join(folder, '.dockerignore')).toString(), sideFileActions };
    }

    it('creates .dockerignore with CreateFile + TextDocumentEdit, and the re-lint is clean', async () => {
      const { folder, uri, dockerignoreUri, sideFileActions } = await openInFolder({});
      assert.equal(sideFileActions.length, 1);
      const [create, edit] = sideFileActions[0].edit!.documentChanges!;
      assert.deepEqual(create, { kind: 'create', uri: dockerignoreUri, options: { ignoreIfExists: true } });
      assert.deepEqual((edit as TextDocumentEdit).textDocument, { uri: dockerignoreUri, version: null });
      // Play the editor: write the file, then report it as a watched file.
      writeFileSync(join(folder, '.dockerignore'), applyEdits('', (edit as TextDocumentEdit).edits as TextEdit[]));
      const mark = client!.mark();
      await client!.filesChanged([{ uri: dockerignoreUri, type: FileChangeType.Created }]);
      assert.deepEqual(withCode(await client!.waitForDiagnostics(uri, () => true, mark), 'copy-context-unfiltered'), []);
    });

    it('is not offered when the client cannot create files', async () => {
      const capabilities = { ...DEFAULT_CAPABILITIES, workspace: { ...DEFAULT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };
      const { sideFileActions } = await openInFolder({}, capabilities);
      assert.deepEqual(sideFileActions, []);
    });

    it('extends an existing .dockerignore without needing CreateFile', async () => {
      const capabilities = { ...DEFAULT_CAPABILITIES, workspace: { ...DEFAULT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };
      const { folder, dockerignoreUri, sideFileActions } = await openInFolder({ '.dockerignore': 'node_modules\n' }, capabilities);
      assert.equal(sideFileActions.length, 1);
      const changes = sideFileActions[0].edit!.documentChanges! as TextDocumentEdit[];
      assert.deepEqual(changes.map((change) => change.textDocument), [{ uri: dockerignoreUri, version: null }]);
      const extended = applyEdits(readFileSync(join(folder, '.dockerignore'), 'utf8'), changes[0].edits as TextEdit[]);
      assert.match(extended, /^node_modules\n(?:.*\n)*\.git\n/);
      assert.match(extended, /\n\.env\n/);
    });
  });

  it('sends source actions only when asked for, quick fixes only when quickfix is wanted', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-only';
    await client.open(uri, WORKDIR_APP);
    const [relative] = withCode(await client.waitForDiagnostics(uri), 'workdir-relative');
    const all = await client.codeActions(uri, relative.range, [relative]);
    assert.ok(all.every((action) => action.kind === 'quickfix'));
    assert.deepEqual(await client.codeActions(uri, relative.range, [relative], ['refactor']), []);
    assert.ok((await client.codeActions(uri, relative.range, [relative], ['quickfix'])).length >= 3);
  });
});
