import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, it } from 'node:test';
import { TextDocumentSyncKind, type TextDocumentSyncOptions } from 'vscode-languageserver-protocol/node';
import { version } from '../../package.json';
import { SERVER_PATH, TestClient, withCode } from './helpers/test-client';

function hasScriptCommand(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('lifecycle', () => {
  let client: TestClient | undefined;
  afterEach(async () => client?.dispose());

  it('announces its capabilities in initialize', async () => {
    client = await TestClient.start();
    const { capabilities, serverInfo } = client.initializeResult;
    assert.deepEqual(serverInfo, { name: 'container-hygiene-language-server', version });
    const sync = capabilities.textDocumentSync as TextDocumentSyncOptions;
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, TextDocumentSyncKind.Incremental);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll', 'source.fixAll.container-hygiene'], resolveProvider: true });
  });

  it('ends with exit code 0 after shutdown and exit', async () => {
    client = await TestClient.start();
    await client.open('untitled:Dockerfile', 'FROM alpine:latest\n');
    await client.waitForDiagnostics('untitled:Dockerfile');
    assert.equal(await client.shutdown(), 0);
  });

  it('assumes --stdio when started without a transport and stdin is piped', async () => {
    client = await TestClient.start({ args: [] });
    await client.open('untitled:Dockerfile', 'FROM alpine:latest\n');
    assert.equal((await client.waitForDiagnostics('untitled:Dockerfile')).diagnostics.length > 0, true);
    assert.equal(await client.shutdown(), 0);
  });

  it('serves over Node IPC, as the VS Code client starts it', async () => {
    client = await TestClient.start({ transport: 'ipc' });
    await client.open('untitled:Dockerfile', 'FROM alpine:latest\n');
    assert.equal(withCode(await client.waitForDiagnostics('untitled:Dockerfile'), 'image-latest-tag').length, 1);
    assert.equal(await client.shutdown(), 0);
  });

  it('explains itself and exits 2 when run in a terminal without a transport', { skip: !hasScriptCommand() && 'needs script(1) for a pseudo-terminal' }, () => {
    const run = spawnSync('script', ['-qec', `"${process.execPath}" "${SERVER_PATH}"`, '/dev/null'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.match(run.stdout, /Usage: container-hygiene-language-server --stdio/);
  });

  it('prints usage for --help and its version for --version', () => {
    const help = spawnSync(process.execPath, [SERVER_PATH, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: container-hygiene-language-server --stdio/);
    const printed = spawnSync(process.execPath, [SERVER_PATH, '--version'], { encoding: 'utf8' });
    assert.equal(printed.stdout.trim(), version);
  });
});
