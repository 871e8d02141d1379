// Packages the extension with vsce exactly as `npm run package` does (into a temp folder) and checks
// what a user would install: the bundles, grammars and docs, and nothing else.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as yauzl from 'yauzl';

const root = join(__dirname, '..', '..');
const MAX_BYTES = 3 * 1024 * 1024;

function listEntries(path: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error(`cannot open ${path}`));
      const entries = new Map<string, number>();
      zip.on('entry', (entry: yauzl.Entry) => { entries.set(entry.fileName, entry.uncompressedSize); zip.readEntry(); });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Files that contributes points at: grammars, language configurations, icons (codicons like $(play) are not files). */
function filesNamedBy(contributes: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (['path', 'configuration', 'icon', 'light', 'dark'].includes(key) && !value.startsWith('$(')) found.push(value.replace(/^\.\//, ''));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (typeof value === 'object' && value !== null) {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
    }
  };
  visit(contributes, '');
  return [...new Set(found)];
}

describe('the packaged .vsix', () => {
  let dir: string;
  let vsix: string;
  let files: string[];

  before(async () => {
    for (const bundle of ['dist/client/extension.js', 'dist/server.js']) {
      assert.ok(existsSync(join(root, bundle)), `${bundle} is missing: run \`npm run build\` before the package test.`);
    }
    dir = mkdtempSync(join(tmpdir(), 'ch-vsix-'));
    vsix = join(dir, 'container-hygiene.vsix');
    const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, `vsce package failed:\n${result.stdout}\n${result.stderr}`);
    files = [...(await listEntries(vsix)).keys()].filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the bundled client and server, README, LICENSE, package.json and every file the manifest names', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; contributes: unknown };
    assert.ok(filesNamedBy(manifest.contributes).some((file) => file.startsWith('syntaxes/')), 'package.json should contribute the grammars.');
    const required = [
      manifest.main.replace(/^\.\//, ''),
      'dist/server.js',
      'package.json',
      'readme.md',
      'LICENSE.txt',
      ...filesNamedBy(manifest.contributes),
    ];
    const missing = required.filter((file) => !files.includes(file));
    assert.deepEqual(missing, [], `missing from the .vsix: ${missing.join(', ')}; it holds ${files.join(', ')}`);
  });

  it('holds no sources, tests, source maps, node_modules or local state', () => {
    const unwanted = files.filter((file) => /\.ts$|\.map$|(^|\/)node_modules\/|^(client|server|test|scripts|out|examples|\.cache|\.ci|\.vscode)\/|^syntaxes\/test\/|\.vsix$|tsconfig|eslint/.test(file));
    assert.deepEqual(unwanted, [], `the .vsix should not ship: ${unwanted.join(', ')}`);
  });

  it(`stays under ${MAX_BYTES / 1024 / 1024} MB`, () => {
    const size = statSync(vsix).size;
    console.log(`.vsix size: ${(size / 1024).toFixed(0)} KB (${files.length} files)`);
    assert.ok(size < MAX_BYTES, `The .vsix is ${(size / 1024 / 1024).toFixed(2)} MB; keep it under ${MAX_BYTES / 1024 / 1024} MB.`);
  });
});
