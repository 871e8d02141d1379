import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { TestClient, withCode } from './helpers/test-client';

// The Postgres Dockerfile from the course notes the product is built from.
const POSTGRES = `FROM postgres:latest

# Set environment variables for PostgreSQL
# (replace with your database name, user, and password)
ENV POSTGRES_DB=mydatabase
ENV POSTGRES_USER=postgres
ENV POSTGRES_PASSWORD=password
`;

describe('diagnostics', () => {
  let client: TestClient | undefined;
  afterEach(async () => client?.dispose());

  it('reports image-latest-tag on the word latest, with code, source, docs link and pin data', async () => {
    client = await TestClient.start();
    await client.open('untitled:Dockerfile-postgres', POSTGRES);
    const published = await client.waitForDiagnostics('untitled:Dockerfile-postgres');
    assert.equal(published.version, 1);
    const [latest, ...others] = withCode(published, 'image-latest-tag');
    assert.equal(others.length, 0);
    assert.deepEqual(latest.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 20 } });
    assert.equal(latest.source, 'container-hygiene');
    assert.equal(latest.severity, DiagnosticSeverity.Warning);
    assert.equal(latest.codeDescription?.href, 'https://github.com/container-hygiene/container-hygiene/blob/main/docs/rules/image-latest-tag.md');
    assert.match(latest.message, /postgres.*latest/);
    const pin = { image: 'postgres:latest', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 20 } } };
    assert.deepEqual(latest.data, { pin });
  });

  it('leaves the source and docs link to a client that asks for compact diagnostics, which then gets the same quick fixes', async () => {
    const full = await TestClient.start();
    client = await TestClient.start({ initializationOptions: { debounceMs: 0, compactDiagnostics: true } });
    try {
      const uri = 'untitled:Dockerfile-compact';
      await full.open(uri, POSTGRES);
      await client.open(uri, POSTGRES);
      const complete = (await full.waitForDiagnostics(uri)).diagnostics;
      const compact = (await client.waitForDiagnostics(uri)).diagnostics;
      assert.ok(compact.length >= 2, JSON.stringify(compact));
      assert.deepEqual(compact, complete.map(({ source, codeDescription, ...rest }) => {
        assert.equal(source, 'container-hygiene');
        assert.ok(codeDescription?.href.endsWith(`/${String(rest.code)}.md`));
        return rest;
      }));
      // The VS Code client puts the source and link back (client/src/diagnostic-links.ts) and echoes them in code-action requests.
      const relative = withCode({ uri, diagnostics: complete }, 'secret-in-env-or-arg')[0];
      const titles = async (of: TestClient): Promise<string[]> => (await of.codeActions(uri, relative.range, [relative])).map((action) => action.title);
      assert.ok((await titles(client)).length > 0);
      assert.deepEqual(await titles(client), await titles(full));
    } finally {
      await full.dispose();
    }
  });

  it('maps severities and reports syntax errors', async () => {
    client = await TestClient.start();
    await client.open('untitled:Dockerfile-syntax', 'FROM alpine:3.20\nFROBNICATE now\nWORKDIR app\n');
    const published = await client.waitForDiagnostics('untitled:Dockerfile-syntax');
    assert.equal(withCode(published, 'dockerfile-syntax')[0]?.severity, DiagnosticSeverity.Error);
    assert.equal(withCode(published, 'workdir-relative')[0]?.severity, DiagnosticSeverity.Warning);
  });

  for (const debounceMs of [0, 150]) {
    it(`publishes only the newest of five rapid changes last (debounce ${debounceMs} ms)`, async () => {
      client = await TestClient.start({ initializationOptions: { debounceMs } });
      const uri = 'untitled:Dockerfile-rapid';
      await client.open(uri, 'FROM alpine:3.20\n');
      await client.waitForDiagnostics(uri, (params) => params.version === 1);
      const mark = client.mark();
      for (let version = 2; version <= 6; version++) {
        // Only the last text (version 6) has a relative WORKDIR; each earlier one has a different one.
        const text = version === 6 ? 'FROM alpine:3.20\nWORKDIR final\n' : `FROM alpine:3.20\nWORKDIR /v${version}\n`;
        await client.change(uri, version, text);
      }
      const newest = await client.waitForDiagnostics(uri, (params) => params.version === 6, mark);
      assert.deepEqual(withCode(newest, 'workdir-relative').map((d) => d.range), [{ start: { line: 1, character: 8 }, end: { line: 1, character: 13 } }]);
      // A further change is a barrier: anything stale still queued would arrive before its diagnostics.
      await client.change(uri, 7, 'FROM alpine:3.20\n');
      await client.waitForDiagnostics(uri, (params) => params.version === 7, mark);
      const versions = client.published.slice(mark).filter((params) => params.uri === uri).map((params) => params.version);
      assert.deepEqual(versions, [...versions].sort((a, b) => (a ?? 0) - (b ?? 0)), `versions out of order: ${versions.join(', ')}`);
      assert.equal(versions.at(-2), 6);
      assert.equal(versions.at(-1), 7);
      if (debounceMs > 0) assert.deepEqual(versions, [6, 7], 'changes within the debounce window are linted once');
    });
  }

  it('drops a lint whose document changed while its settings were being fetched', async () => {
    client = await TestClient.start();
    let release = (): void => undefined;
    client.configurationGate = new Promise((resolve) => (release = resolve));
    const uri = 'untitled:Dockerfile-held';
    await client.open(uri, 'FROM alpine:3.20\nWORKDIR first\n');
    await client.waitFor(() => (client!.configurationRequests > 0 ? true : undefined), () => 'a workspace/configuration request');
    await client.change(uri, 2, 'FROM alpine:3.20\nWORKDIR second\n');
    await client.change(uri, 3, 'FROM alpine:3.20\n');
    release();
    await client.waitForDiagnostics(uri, (params) => params.version === 3);
    await client.change(uri, 4, 'FROM alpine:3.20\nWORKDIR /barrier\n');
    await client.waitForDiagnostics(uri, (params) => params.version === 4);
    assert.deepEqual(client.published.filter((params) => params.uri === uri).map((params) => params.version), [3, 4]);
  });

  it('clears diagnostics when the document closes', async () => {
    client = await TestClient.start();
    const uri = 'untitled:Dockerfile-close';
    await client.open(uri, 'FROM alpine:latest\n');
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
    const mark = client.mark();
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, () => true, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('publishes nothing for a document closed while it was being linted', async () => {
    client = await TestClient.start();
    let release = (): void => undefined;
    client.configurationGate = new Promise((resolve) => (release = resolve));
    const uri = 'untitled:Dockerfile-closed-mid-lint';
    await client.open(uri, 'FROM alpine:latest\n');
    await client.waitFor(() => (client!.configurationRequests > 0 ? true : undefined), () => 'a workspace/configuration request');
    await client.close(uri);
    release();
    await client.open('untitled:Dockerfile-barrier', 'FROM alpine:3.20\n');
    await client.waitForDiagnostics('untitled:Dockerfile-barrier');
    assert.deepEqual(client.published.filter((params) => params.uri === uri).map((params) => params.diagnostics), [[]]);
  });

  it('ignores documents in other languages', async () => {
    client = await TestClient.start();
    await client.open('untitled:notes.txt', 'FROM alpine:latest\n', 'plaintext');
    await client.open('untitled:Dockerfile-after', 'FROM alpine:latest\n');
    await client.waitForDiagnostics('untitled:Dockerfile-after');
    assert.equal(client.published.filter((params) => params.uri === 'untitled:notes.txt').length, 0);
  });

  it('reports file-not-analyzed for binary content and keeps serving', async () => {
    client = await TestClient.start();
    await client.open('untitled:Dockerfile-binary', 'FROM alpine\u0000\u0001\u0002\u0000latest\n');
    const binary = await client.waitForDiagnostics('untitled:Dockerfile-binary');
    assert.deepEqual(binary.diagnostics.map((d) => d.code), ['file-not-analyzed']);
    assert.equal(binary.diagnostics[0].severity, DiagnosticSeverity.Information);
    await client.open('untitled:Dockerfile-next', 'FROM alpine:latest\n');
    const next = await client.waitForDiagnostics('untitled:Dockerfile-next');
    assert.equal(withCode(next, 'image-latest-tag').length, 1);
    assert.ok(client.running);
  });

  it('survives odd input: empty text, only comments, huge lines, lone CR line breaks', async () => {
    client = await TestClient.start();
    const texts = ['', '# only a comment', `FROM alpine:latest\nRUN echo ${'x'.repeat(200_000)}\n`, 'FROM alpine:latest\rWORKDIR app\r', '\\\n\\\n"', 'FROM\nFROM --platform=\nARG =\n'];
    for (const [index, text] of texts.entries()) await client.open(`untitled:Dockerfile-odd-${index}`, text);
    for (const index of texts.keys()) await client.waitForDiagnostics(`untitled:Dockerfile-odd-${index}`);
    const loneCr = client.published.find((params) => params.uri === 'untitled:Dockerfile-odd-3');
    assert.deepEqual(loneCr && withCode(loneCr, 'workdir-relative').map((d) => d.range.start), [{ line: 1, character: 8 }]);
    assert.ok(client.running);
  });
});
