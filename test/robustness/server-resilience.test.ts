// The language server stays up: a throwing rule is contained and logged once, hostile documents get
// a diagnostic each, and a fatal error ends the process with a non-zero code so that the client's
// restart (vscode-languageclient restarts a server that exits) gets a fresh server that serves again.
// The server runs from source through tsx (no build needed); test-only rules are preloaded by
// helpers/inject-rules.ts. The editor part (VS Code really restarting it) belongs in test/editor.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TestClient, codesOf, withCode, type StartOptions } from '../lsp/helpers/test-client';
import { repoRoot } from '../helpers/fixtures';
import { THROWING_RULE_ID } from './helpers/inject-rules';
import { aliasBomb, nestedFlow } from './helpers/hostile';

const FROM_SOURCE = ['--import', 'tsx', '--import', join(__dirname, 'helpers', 'inject-rules.ts'), join(repoRoot, 'server', 'src', 'server.ts')];
const WAIT_MS = 60_000;

const clients: TestClient[] = [];
async function start(options: StartOptions = {}): Promise<TestClient> {
  const client = await TestClient.start({ server: FROM_SOURCE, ...options });
  clients.push(client);
  return client;
}

async function diagnosticsFor(client: TestClient, uri: string, text: string, languageId = 'dockerfile'): Promise<ReturnType<typeof codesOf>> {
  const mark = client.mark();
  await client.open(uri, text, languageId);
  const published = await client.waitFor(() => client.published.slice(mark).find((p) => p.uri === uri), () => `diagnostics for ${uri}`, WAIT_MS);
  return codesOf(published);
}

describe('the language server stays up', { timeout: 240_000 }, () => {
  after(async () => {
    for (const client of clients) await client.dispose();
  });

  it('contains a rule that throws: logged once with its id, the other rules still report', async () => {
    const client = await start({ env: { CONTAINER_HYGIENE_TEST_THROWING_RULE: '1' } });
    for (let n = 1; n <= 3; n++) {
      const codes = await diagnosticsFor(client, `file:///robustness/throwing-${n}/Dockerfile`, 'FROM postgres:latest\nWORKDIR app\n');
      assert.ok(codes.includes('image-latest-tag') && codes.includes('workdir-relative'), `other rules still report: ${codes.join(', ')}`);
      assert.ok(!codes.includes(THROWING_RULE_ID));
    }
    const failures = client.logs.filter((log) => log.message.includes(THROWING_RULE_ID));
    assert.equal(failures.length, 1, `logged once, not per document: ${JSON.stringify(client.logs.map((log) => log.message.slice(0, 80)))}`);
    assert.match(failures[0].message, /^Rule test-throwing-rule threw and was skipped/);
    assert.ok(client.running);
    assert.equal(await client.shutdown(), 0);
  });

  it('a fatal error ends the process with a non-zero exit code; a fresh server serves again', async () => {
    const marker = 'PLANTED-CRASH-MARKER';
    const crashing = await start({ env: { CONTAINER_HYGIENE_TEST_CRASH_ON: marker } });
    assert.ok((await diagnosticsFor(crashing, 'file:///robustness/before-crash/Dockerfile', 'FROM postgres:latest\n')).includes('image-latest-tag'));
    await crashing.open('file:///robustness/crash/Dockerfile', `FROM alpine:3.20\n# ${marker}\n`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const code = await Promise.race([crashing.exit, new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), WAIT_MS)))]);
    clearTimeout(timer);
    assert.notEqual(code, 'still running');
    assert.notEqual(code, 0, 'a crash must not look like a clean exit, or the client would not restart the server');
    assert.match(crashing.stderr, /planted fatal error/);
    // What vscode-languageclient does next: start the server again and reopen the documents.
    const fresh = await start({ env: { CONTAINER_HYGIENE_TEST_CRASH_ON: marker } });
    assert.ok((await diagnosticsFor(fresh, 'file:///robustness/after-crash/Dockerfile', 'FROM postgres:latest\n')).includes('image-latest-tag'));
    assert.equal(await fresh.shutdown(), 0);
  });

  it('answers hostile documents with one diagnostic each and keeps serving', async () => {
    const client = await start({ settings: {} });
    const fiftyMb = `FROM alpine:3.20\n${'# padding padding padding padding padding padding\n'.repeat(1_100_000)}`;
    assert.ok(fiftyMb.length > 50 * 1024 * 1024);
    const checks: { name: string; text: string; languageId: string; code: string; message: RegExp }[] = [
      { name: '50 MB', text: fiftyMb, languageId: 'dockerfile', code: 'file-not-analyzed', message: /is 5\d\.\d MB, past the 4 MB analysis limit; raise the containerHygiene\.maxFileSize setting/ },
      { name: 'binary', text: '\x7fELF\x02\x01\x01\x00\x00\x00\x00binary', languageId: 'dockerfile', code: 'file-not-analyzed', message: /binary data/ },
      { name: 'alias bomb', text: aliasBomb(), languageId: 'dockercompose', code: 'compose-yaml-syntax', message: /alias bomb/ },
      { name: '10,000-level nesting', text: nestedFlow(10_000), languageId: 'dockercompose', code: 'compose-yaml-syntax', message: /nest/ },
    ];
    for (const check of checks) {
      const uri = `file:///robustness/hostile/${check.name.replace(/\W+/g, '-')}/${check.languageId === 'dockerfile' ? 'Dockerfile' : 'compose.yaml'}`;
      const mark = client.mark();
      await client.open(uri, check.text, check.languageId);
      const published = await client.waitFor(() => client.published.slice(mark).find((p) => p.uri === uri), () => `diagnostics for ${check.name}`, WAIT_MS);
      const found = withCode(published, check.code);
      assert.equal(found.length, 1, `${check.name}: one ${check.code} diagnostic, got ${JSON.stringify(codesOf(published))}`);
      assert.match(found[0].message, check.message, check.name);
      await client.close(uri);
    }
    assert.ok((await diagnosticsFor(client, 'file:///robustness/hostile/after/Dockerfile', 'FROM postgres:latest\n')).includes('image-latest-tag'), 'still serving');
    assert.equal(await client.shutdown(), 0);
  });

  it('reads containerHygiene.maxFileSize (in MB) from the editor settings', async () => {
    const client = await start({ settings: { maxFileSize: 0.5 } });
    const text = `FROM alpine:3.20\n${'# a comment line to make the file larger than half a megabyte\n'.repeat(10_000)}`;
    const mark = client.mark();
    await client.open('file:///robustness/max-file-size/Dockerfile', text);
    const published = await client.waitFor(() => client.published.slice(mark).find((p) => p.uri.endsWith('max-file-size/Dockerfile')), () => 'diagnostics', WAIT_MS);
    assert.deepEqual(codesOf(published), ['file-not-analyzed']);
    assert.match(published.diagnostics[0].message, /past the 0\.5 MB analysis limit/);
    assert.equal(await client.shutdown(), 0);
  });
});
