import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type CodeAction, type Diagnostic, type PublishDiagnosticsParams, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { ComposeDoc } from '../../server/src/analysis/compose-doc';
import { applyEdits } from '../../server/src/analysis/text';
import { RULE_DOCS_BASE_URL } from '../../server/src/lsp/diagnostics';
import { TestClient, withCode } from './helpers/test-client';

/**
 * The Compose rules these tests are about. More Compose rules are being added; diagnostics of
 * other rules are filtered out so that they do not change what these tests see.
 */
const FOCUS = new Set(['compose-version-obsolete', 'compose-schema', 'compose-yaml-syntax', 'reference-undefined', 'service-image-latest', 'service-image-untagged', 'host-port-duplicate']);

/** The seed's PostgreSQL example as a Compose file. */
const SEED = `# The course's PostgreSQL example, as a Compose file.
version: "3.8"

services:
  db:
    image: postgres:latest
    environment:
      POSTGRES_DB: mydatabase
      POSTGRES_USER: postgres
      POSTGRES_PASSWORD: password
    ports:
      - "5432:5432"
    volumes:
      - pgdata:/var/lib/postgresql/data
`;

/** Declares the seed's volume and publishes its port again from another service. */
const OVERRIDE = `volumes:
  pgdata: {}
services:
  admin:
    image: dpage/pgadmin4:8.12
    ports:
      - "5432:80"
`;

/** Focus diagnostics as `line:start-end code` (0-based), in order. */
function summary(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.filter((d) => FOCUS.has(String(d.code)))
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${String(d.code)}`);
}

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

function only(params: PublishDiagnosticsParams, code: string): Diagnostic {
  const found = withCode(params, code);
  assert.equal(found.length, 1, `one ${code} expected in ${JSON.stringify(summary(params))}`);
  return found[0];
}

describe('Compose documents over the protocol', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ch-lsp-compose-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  let client: TestClient | undefined;
  afterEach(async () => client?.dispose());

  /** A project folder of its own per test: the server reads siblings from disk. */
  function projectFolder(name: string): string {
    const dir = join(folder, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  it('the seed-like compose.yaml gets our diagnostics: source, code, docs link, severity and exact ranges', async () => {
    client = await TestClient.start();
    const uri = pathToFileURL(join(projectFolder('seed'), 'compose.yaml')).toString();
    await client.open(uri, SEED, 'dockercompose');
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(summary(published), [
      '1:0-7 compose-version-obsolete',
      '5:20-26 service-image-latest',
      '13:8-14 reference-undefined',
    ]);
    const version = only(published, 'compose-version-obsolete');
    assert.equal(version.source, 'container-hygiene');
    assert.equal(version.severity, DiagnosticSeverity.Warning);
    assert.equal(version.codeDescription?.href, `${RULE_DOCS_BASE_URL}/compose-version-obsolete.md`);
    assert.equal(only(published, 'reference-undefined').severity, DiagnosticSeverity.Error);
    assert.equal(published.version, 1);
  });

  it('the compose-version-obsolete quick fix removes the line, keeps the comment, and the re-lint drops it', async () => {
    client = await TestClient.start();
    const uri = pathToFileURL(join(projectFolder('fix'), 'compose.yaml')).toString();
    await client.open(uri, SEED, 'dockercompose');
    const obsolete = only(await client.waitForDiagnostics(uri), 'compose-version-obsolete');
    const fix = titled(await client.codeActions(uri, obsolete.range, [obsolete]), 'Remove the "version" line');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const fixed = applyEdits(SEED, editsFor(fix.edit, uri));
    assert.equal(fixed, SEED.replace('version: "3.8"\n', ''));
    const mark = client.mark();
    await client.change(uri, 2, fixed);
    const relinted = await client.waitForDiagnostics(uri, (params) => params.version === 2, mark);
    assert.deepEqual(summary(relinted), ['4:20-26 service-image-latest', '12:8-14 reference-undefined']);
  });

  it('"Disable <id> for this line/file" write YAML comments: above the nested key, with its indentation', async () => {
    client = await TestClient.start();
    const uri = pathToFileURL(join(projectFolder('disable'), 'compose.yaml')).toString();
    await client.open(uri, SEED, 'dockercompose');
    const latest = only(await client.waitForDiagnostics(uri), 'service-image-latest');
    const actions = await client.codeActions(uri, latest.range, [latest]);
    const forLine = applyEdits(SEED, editsFor(titled(actions, 'Disable service-image-latest for this line').edit, uri));
    assert.equal(forLine, SEED.replace('    image: postgres:latest\n', '    # container-hygiene ignore=service-image-latest\n    image: postgres:latest\n'));
    const forFile = applyEdits(SEED, editsFor(titled(actions, 'Disable service-image-latest for this file').edit, uri));
    assert.equal(forFile, `# container-hygiene ignore-file=service-image-latest\n${SEED}`);

    const mark = client.mark();
    await client.change(uri, 2, forLine);
    const relinted = await client.waitForDiagnostics(uri, (params) => params.version === 2, mark);
    assert.deepEqual(summary(relinted), ['1:0-7 compose-version-obsolete', '14:8-14 reference-undefined'], 'still valid YAML, and silenced');
  });

  it('compose.override.yaml beside it changes the findings: on disk, then open with unsaved text, then closed again', async () => {
    client = await TestClient.start();
    const dir = projectFolder('override');
    const uri = pathToFileURL(join(dir, 'compose.yaml')).toString();
    const overridePath = join(dir, 'compose.override.yaml');
    const overrideUri = pathToFileURL(overridePath).toString();
    await client.open(uri, SEED, 'dockercompose');
    assert.ok(summary(await client.waitForDiagnostics(uri)).includes('13:8-14 reference-undefined'));

    // On disk: the override declares the volume and publishes 5432 again.
    writeFileSync(overridePath, OVERRIDE);
    let mark = client.mark();
    await client.filesChanged([{ uri: overrideUri, type: FileChangeType.Created }]);
    const merged = await client.waitForDiagnostics(uri, () => true, mark);
    assert.deepEqual(summary(merged), ['1:0-7 compose-version-obsolete', '5:20-26 service-image-latest', '11:9-13 host-port-duplicate']);
    assert.match(only(merged, 'host-port-duplicate').message, /"admin" in another file/);

    // Open in the editor with unsaved text: that text wins over the disk.
    mark = client.mark();
    await client.open(overrideUri, 'services:\n  admin:\n    image: dpage/pgadmin4:8.12\n', 'dockercompose');
    const unsaved = await client.waitForDiagnostics(uri, () => true, mark);
    assert.deepEqual(summary(unsaved), ['1:0-7 compose-version-obsolete', '5:20-26 service-image-latest', '13:8-14 reference-undefined']);

    // The override's own diagnostics know its base: no "undefined" for names compose.yaml defines.
    const overrideOwn = await client.waitForDiagnostics(overrideUri);
    assert.deepEqual(summary(overrideOwn), []);

    // Closed: back to the text on disk.
    mark = client.mark();
    await client.close(overrideUri);
    const closed = await client.waitForDiagnostics(uri, () => true, mark);
    assert.deepEqual(summary(closed), summary(merged));

    // Deleted from disk.
    unlinkSync(overridePath);
    mark = client.mark();
    await client.filesChanged([{ uri: overrideUri, type: FileChangeType.Deleted }]);
    assert.ok(summary(await client.waitForDiagnostics(uri, () => true, mark)).includes('13:8-14 reference-undefined'));
  });

  it('languageId yaml: docker-compose.yml is linted by its name, other YAML is not, composeFilePatterns adds names', async () => {
    client = await TestClient.start();
    const dir = projectFolder('yaml');
    const compose = pathToFileURL(join(dir, 'docker-compose.yml')).toString();
    const workflow = pathToFileURL(join(dir, 'ci.yml')).toString();
    const stack = pathToFileURL(join(dir, 'stack.yml')).toString();
    await client.open(workflow, 'version: 2\njobs: {}\n', 'yaml');
    await client.open(stack, SEED, 'yaml');
    await client.open(compose, SEED, 'yaml');
    assert.deepEqual(summary(await client.waitForDiagnostics(compose)), ['1:0-7 compose-version-obsolete', '5:20-26 service-image-latest', '13:8-14 reference-undefined']);
    assert.deepEqual(client.published.filter((params) => params.uri === workflow || params.uri === stack), [], 'plain YAML gets nothing');

    const mark = client.mark();
    await client.configurationChanged({ composeFilePatterns: ['stack.yml'] });
    assert.deepEqual(summary(await client.waitForDiagnostics(stack, () => true, mark)), ['1:0-7 compose-version-obsolete', '5:20-26 service-image-latest', '13:8-14 reference-undefined']);

    // Dropping the pattern clears what was published.
    const cleared = client.mark();
    await client.configurationChanged({});
    await client.waitForDiagnostics(stack, (params) => params.diagnostics.length === 0, cleared);
    assert.deepEqual(client.published.filter((params) => params.uri === workflow), []);
  });

  it('broken YAML gets compose-yaml-syntax at the place, and the server stays up', async () => {
    client = await TestClient.start();
    const uri = pathToFileURL(join(projectFolder('broken'), 'compose.yaml')).toString();
    const broken = 'services:\n  web:\n    image: "nginx:1.27\n    ports:\n      - "80:80"\n';
    await client.open(uri, broken, 'dockercompose');
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['compose-yaml-syntax'], 'only the syntax finding on unusable YAML');
    assert.equal(published.diagnostics[0].range.start.line, 2);
    const mark = client.mark();
    await client.change(uri, 2, 'services:\n  web:\n    image: nginx:1.27\n');
    const repaired = await client.waitForDiagnostics(uri, (params) => params.version === 2, mark);
    assert.deepEqual(summary(repaired), []);
    assert.ok(client.running);
    assert.equal(await client.shutdown(), 0);
  });
});

describe('where a Compose suppression comment goes', () => {
  it('above the key or list item holding the line, never inside a multi-line value', () => {
    const text = 'services:\n  web:\n    command: |\n      echo one\n      echo two\n    ports:\n      - "80:80"\n';
    const doc = new ComposeDoc(text);
    assert.equal(doc.blockStartLine(4), 2, 'inside a block scalar: its key');
    assert.equal(doc.blockStartLine(6), 6, 'a list item');
    assert.equal(doc.blockStartLine(1), 1, 'a service key');
  });
});
