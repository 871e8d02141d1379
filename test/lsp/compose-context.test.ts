import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, mock } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ComposeIncrementalAnalyzer } from '../../server/src/analysis/compose-incremental';
import { composeAnalysisInput, EXISTING_PATHS_REUSE_MS, readTextFromDisk, type ComposeFileSource } from '../../server/src/config/compose-context';
import { ComposeProjectFiles } from '../../server/src/lsp/compose-files';
import { kindOfDocument } from '../../server/src/lsp/language-kinds';

const BASE = 'services:\n  web:\n    build: ./web\n    env_file: [.env, ./missing.env]\n';
const OVERRIDE = 'services:\n  web:\n    image: web:1\n';

/** A fake file system: path -> text, or null for a file that exists but cannot be read. */
function files(entries: Record<string, string | null>): ComposeFileSource {
  return {
    readText: (path) => (Object.hasOwn(entries, path) ? entries[path] : undefined),
    exists: (path) => Object.hasOwn(entries, path) || Object.keys(entries).some((file) => file.startsWith(`${path}/`)),
  };
}

describe('Compose context from disk (shared by the language server and the CLI)', () => {
  it('compose.yaml gets its override after it, and the referenced paths that exist', () => {
    const input = composeAnalysisInput('/p/compose.yaml', BASE, { files: files({ '/p/compose.override.yaml': OVERRIDE, '/p/.env': 'A=1', '/p/web/Dockerfile': 'FROM x' }) });
    assert.deepEqual(input.context.compose, { before: [], after: [{ path: 'compose.override.yaml', text: OVERRIDE }], partial: false });
    assert.deepEqual([...(input.context.existingPaths ?? [])].sort(), ['.env', 'web']);
    assert.equal(input.doc?.text, BASE);
    assert.equal(input.doc?.context, input.context, 'analyze can reuse the parsed document');
  });

  it('prefers .yaml over .yml, and docker-compose names pair with docker-compose names', () => {
    const both = files({ '/p/compose.override.yaml': OVERRIDE, '/p/compose.override.yml': 'x: 1' });
    assert.equal(composeAnalysisInput('/p/compose.yaml', BASE, { files: both }).context.compose?.after?.[0].path, 'compose.override.yaml');
    const docker = files({ '/p/docker-compose.override.yml': OVERRIDE, '/p/compose.override.yaml': 'x: 1' });
    assert.equal(composeAnalysisInput('/p/docker-compose.yml', BASE, { files: docker }).context.compose?.after?.[0].path, 'docker-compose.override.yml');
  });

  it('an override is analysed on its base; without one the project is partial', () => {
    const withBase = composeAnalysisInput('/p/compose.prod.yaml', OVERRIDE, { files: files({ '/p/compose.yaml': BASE }) });
    assert.deepEqual(withBase.context.compose, { before: [{ path: 'compose.yaml', text: BASE }], after: [], partial: false });
    assert.equal(composeAnalysisInput('/p/compose.override.yaml', OVERRIDE, { files: files({}) }).context.compose?.partial, true);
  });

  it('a sibling that cannot be read, or that analysis would refuse, makes the project partial', () => {
    assert.equal(composeAnalysisInput('/p/compose.yaml', BASE, { files: files({ '/p/compose.override.yaml': null }) }).context.compose?.partial, true);
    assert.equal(composeAnalysisInput('/p/compose.yaml', BASE, { files: files({ '/p/compose.override.yaml': 'a: "\u0000\u0000"' }) }).context.compose?.partial, true);
    assert.equal(composeAnalysisInput('/p/compose.yaml', BASE, { files: files({ '/p/compose.override.yaml': OVERRIDE }), maxFileSize: 10 }).context.compose?.partial, true);
  });

  it('a file analysis will refuse is not parsed', () => {
    const input = composeAnalysisInput('/p/compose.yaml', '\u0000binary', { files: files({}) });
    assert.equal(input.doc, undefined);
    assert.equal(input.context.existingPaths, undefined);
  });

  it('other names get no siblings; absolute referenced paths are checked as they are', () => {
    const input = composeAnalysisInput('/p/stack.yml', 'services:\n  a:\n    env_file: /etc/app.env\n', { files: files({ '/p/compose.override.yaml': OVERRIDE, '/etc/app.env': '' }) });
    assert.deepEqual(input.context.compose, { before: [], after: [], partial: false });
    assert.deepEqual([...(input.context.existingPaths ?? [])], ['/etc/app.env']);
  });

  it('the language server stats the paths of an edited document once per moment, and again after it', () => {
    mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
    try {
      const entries: Record<string, string | null> = { '/p/.env': 'A=1' };
      let stats = 0;
      const counted: ComposeFileSource = { readText: (path) => entries[path] ?? undefined, exists: (path) => { stats++; return Object.hasOwn(entries, path); } };
      const analyzer = new ComposeIncrementalAnalyzer();
      const input = (text: string): ReadonlySet<string> | undefined => composeAnalysisInput('/p/compose.yaml', text, { files: counted, parse: (source, context) => analyzer.document(source, context) }).context.existingPaths;
      const volumes = 'volumes:\n  data:\n';
      assert.deepEqual([...(input(BASE + volumes) ?? [])], ['.env']);
      const statted = stats;
      // An edit that names no other path: the same answer, no stat.
      assert.deepEqual([...(input(`${BASE}    restart: always\n${volumes}`) ?? [])], ['.env']);
      assert.equal(stats, statted);
      // A file created meanwhile is seen once the moment has passed.
      entries['/p/missing.env'] = '';
      mock.timers.tick(EXISTING_PATHS_REUSE_MS);
      assert.deepEqual([...(input(BASE + volumes) ?? [])], ['.env', 'missing.env']);
      assert.ok(stats > statted);
    } finally {
      mock.timers.reset();
    }
  });

  it('reads from disk without a BOM; absent is undefined', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ch-compose-ctx-'));
    try {
      writeFileSync(join(dir, 'compose.yaml'), '\ufeffservices: {}\n');
      assert.equal(readTextFromDisk(join(dir, 'compose.yaml')), 'services: {}\n');
      assert.equal(readTextFromDisk(join(dir, 'nope.yaml')), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ComposeProjectFiles (language server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ch-compose-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const uri = (name: string): string => pathToFileURL(join(dir, name)).toString();

  it('an open document wins over the disk; dependents are the open files that merge the changed one', () => {
    mkdirSync(join(dir, 'web'), { recursive: true });
    writeFileSync(join(dir, 'compose.override.yaml'), OVERRIDE);
    const open = new Map<string, TextDocument>();
    const documents = { get: (u: string) => open.get(u), all: () => [...open.values()] };
    const project = new ComposeProjectFiles(documents, true);
    open.set(uri('compose.yaml'), TextDocument.create(uri('compose.yaml'), 'dockercompose', 1, BASE));
    assert.equal(project.analysisInput(uri('compose.yaml'), BASE)?.context.compose?.after?.[0].text, OVERRIDE);

    const unsaved = 'services:\n  web:\n    image: web:2\n';
    open.set(uri('compose.override.yaml'), TextDocument.create(uri('compose.override.yaml'), 'dockercompose', 1, unsaved));
    assert.equal(project.analysisInput(uri('compose.yaml'), BASE)?.context.compose?.after?.[0].text, unsaved);
    assert.deepEqual(project.dependents(uri('compose.override.yaml')), [uri('compose.yaml')]);
    assert.deepEqual(project.dependents(uri('compose.yaml')), [uri('compose.override.yaml')]);
    assert.deepEqual(project.dependents(uri('Dockerfile')), []);

    // Cached from disk until the file is reported changed.
    open.delete(uri('compose.override.yaml'));
    writeFileSync(join(dir, 'compose.override.yaml'), 'services: {}\n');
    assert.equal(project.analysisInput(uri('compose.yaml'), BASE)?.context.compose?.after?.[0].text, OVERRIDE);
    assert.equal(project.fileChanged(uri('compose.override.yaml')), true);
    assert.equal(project.analysisInput(uri('compose.yaml'), BASE)?.context.compose?.after?.[0].text, 'services: {}\n');
    assert.equal(project.fileChanged(uri('notes.yaml')), false);
    assert.equal(project.analysisInput('untitled:Untitled-1', BASE), undefined);
  });

  it('plain YAML is Compose by its name or an extra pattern; other languages by the table', () => {
    assert.equal(kindOfDocument('yaml', 'file:///p/docker-compose.yml'), 'compose');
    assert.equal(kindOfDocument('yaml', 'file:///p/compose.prod.yaml'), 'compose');
    assert.equal(kindOfDocument('yaml', 'file:///p/.github/workflows/ci.yml'), undefined);
    assert.equal(kindOfDocument('yaml', 'file:///p/deploy/stack.yml', ['deploy/*.yml']), 'compose');
    assert.equal(kindOfDocument('yaml', 'untitled:Untitled-1'), undefined);
    assert.equal(kindOfDocument('dockercompose', 'untitled:Untitled-1'), 'compose');
    assert.equal(kindOfDocument('dockerfile', 'file:///p/compose.yaml'), 'dockerfile');
    assert.equal(kindOfDocument('json', 'file:///p/compose.yaml'), undefined);
  });
});
