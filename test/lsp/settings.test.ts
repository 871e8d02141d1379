import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, afterEach, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, MessageType } from 'vscode-languageserver-protocol/node';
import { DEFAULT_CAPABILITIES, TestClient, withCode } from './helpers/test-client';

const LATEST_AND_RELATIVE = 'FROM alpine:latest\nWORKDIR app\n';

describe('settings', () => {
  let client: TestClient | undefined;
  const folders: string[] = [];
  afterEach(async () => client?.dispose());
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  function tempFolder(files: Record<string, string> = {}): string {
    const folder = mkdtempSync(join(tmpdir(), 'ch-lsp-'));
    folders.push(folder);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return folder;
  }

  it('reads containerHygiene from workspace/configuration and re-lints on didChangeConfiguration', async () => {
    client = await TestClient.start({ settings: { rules: { 'image-latest-tag': 'off' } } });
    const uri = 'untitled:Dockerfile-settings';
    await client.open(uri, LATEST_AND_RELATIVE);
    const off = await client.waitForDiagnostics(uri);
    assert.equal(withCode(off, 'image-latest-tag').length, 0);
    assert.equal(withCode(off, 'workdir-relative').length, 1);

    const mark = client.mark();
    await client.configurationChanged({ rules: { DL3007: 'error' }, ignoredRules: ['DL3000'] });
    const relinted = await client.waitForDiagnostics(uri, () => true, mark);
    assert.equal(relinted.version, 1, 'the same version, linted again without reopening');
    assert.deepEqual(withCode(relinted, 'image-latest-tag').map((d) => d.severity), [DiagnosticSeverity.Error]);
    assert.equal(withCode(relinted, 'workdir-relative').length, 0);
  });

  it('warns once about a setting it cannot use, and still lints', async () => {
    client = await TestClient.start({ settings: { rules: { 'image-latest-tag': 'loud' }, ignoredRules: 'DL3000' } });
    await client.open('untitled:Dockerfile-bad-settings-1', LATEST_AND_RELATIVE);
    await client.open('untitled:Dockerfile-bad-settings-2', LATEST_AND_RELATIVE);
    const published = await client.waitForDiagnostics('untitled:Dockerfile-bad-settings-2');
    assert.equal(withCode(published, 'image-latest-tag').length, 1);
    await client.waitFor(() => (client!.messages.length >= 2 ? true : undefined), () => 'two warnings');
    assert.deepEqual(client.messages.map((m) => m.type), [MessageType.Warning, MessageType.Warning]);
    assert.match(client.messages[0].message, /containerHygiene\.rules: "image-latest-tag" has severity "loud"/);
    assert.match(client.messages[1].message, /containerHygiene\.ignoredRules should be a list/);
  });

  it('uses pushed settings when the client has no workspace/configuration', async () => {
    const capabilities = { ...DEFAULT_CAPABILITIES, workspace: { ...DEFAULT_CAPABILITIES.workspace, configuration: false } };
    client = await TestClient.start({ capabilities });
    const uri = 'untitled:Dockerfile-pushed';
    await client.open(uri, LATEST_AND_RELATIVE);
    assert.equal(withCode(await client.waitForDiagnostics(uri), 'image-latest-tag').length, 1);
    const mark = client.mark();
    await client.configurationChanged({ ignoredRules: ['image-latest-tag'] });
    assert.equal(withCode(await client.waitForDiagnostics(uri, () => true, mark), 'image-latest-tag').length, 0);
    assert.equal(client.configurationRequests, 0);
  });

  it('honours .hadolint.yaml beside a file: document', async () => {
    const folder = tempFolder({ '.hadolint.yaml': 'ignored:\n  - DL3007\n' });
    client = await TestClient.start();
    const uri = pathToFileURL(join(folder, 'Dockerfile')).toString();
    await client.open(uri, LATEST_AND_RELATIVE);
    const published = await client.waitForDiagnostics(uri);
    assert.equal(withCode(published, 'image-latest-tag').length, 0);
    assert.equal(withCode(published, 'workdir-relative').length, 1);
  });

  it('re-reads config files reported by didChangeWatchedFiles', async () => {
    const folder = tempFolder();
    const nested = join(folder, 'service');
    client = await TestClient.start();
    const uri = pathToFileURL(join(nested, 'Dockerfile')).toString();
    await client.open(uri, LATEST_AND_RELATIVE);
    assert.equal(withCode(await client.waitForDiagnostics(uri), 'image-latest-tag').length, 1);

    const configPath = join(folder, '.container-hygiene.yml');
    writeFileSync(configPath, 'rules:\n  image-latest-tag: hint\n');
    let mark = client.mark();
    await client.filesChanged([{ uri: pathToFileURL(configPath).toString(), type: FileChangeType.Created }]);
    const hinted = await client.waitForDiagnostics(uri, () => true, mark);
    assert.deepEqual(withCode(hinted, 'image-latest-tag').map((d) => d.severity), [DiagnosticSeverity.Hint]);

    writeFileSync(configPath, 'rules:\n  image-latest-tag: [nonsense\n');
    mark = client.mark();
    await client.filesChanged([{ uri: pathToFileURL(configPath).toString(), type: FileChangeType.Changed }]);
    const broken = await client.waitForDiagnostics(uri, () => true, mark);
    assert.deepEqual(withCode(broken, 'image-latest-tag').map((d) => d.severity), [DiagnosticSeverity.Warning], 'an unreadable config file is ignored');
    await client.waitFor(() => client!.messages.find((m) => m.message.includes(configPath)), () => 'a warning naming the config file');

    // Unrelated files change nothing and trigger no re-lint.
    mark = client.mark();
    await client.filesChanged([{ uri: pathToFileURL(join(folder, 'README.md')).toString(), type: FileChangeType.Changed }]);
    await client.change(uri, 2, LATEST_AND_RELATIVE);
    await client.waitForDiagnostics(uri, (p) => p.version === 2, mark);
    assert.equal(client.published.slice(mark).length, 1);
    assert.equal(client.messages.filter((m) => m.message.includes(configPath)).length, 1, 'each config warning is shown once');
  });
});
