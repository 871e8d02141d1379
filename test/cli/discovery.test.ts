import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintJson, project, runCli } from './cli-harness';

const CLEAN = 'FROM alpine:3.20\n';

describe('cli file discovery', () => {
  it('finds Dockerfiles by name in nested folders, in a stable order', () => {
    const root = project({
      'Dockerfile': CLEAN,
      'Containerfile': CLEAN,
      'api/Dockerfile.dev': CLEAN,
      'api/deep/er/Containerfile.prod': CLEAN,
      'web/web.Dockerfile': CLEAN,
      'web/tools.dockerfile': CLEAN,
      'web/README.md': '# not a Dockerfile',
      'web/Dockerfiles/notes.txt': 'nope',
    });
    const { files, status } = lintJson([], root);
    assert.equal(status, 0);
    assert.deepEqual(files.map((file) => file.file), [
      'Containerfile', 'Dockerfile', 'api/Dockerfile.dev', 'api/deep/er/Containerfile.prod', 'web/tools.dockerfile', 'web/web.Dockerfile',
    ]);
  });

  it('skips node_modules, .git and other dot-folders, unless a file there is named explicitly', () => {
    const root = project({
      'app/Dockerfile': CLEAN,
      'node_modules/pkg/Dockerfile': CLEAN,
      'app/node_modules/pkg/Dockerfile': CLEAN,
      '.git/Dockerfile': CLEAN,
      '.devcontainer/Dockerfile': CLEAN,
    });
    assert.deepEqual(lintJson([], root).files.map((file) => file.file), ['app/Dockerfile']);
    assert.deepEqual(lintJson(['node_modules/pkg/Dockerfile'], root).files.map((file) => file.file), ['node_modules/pkg/Dockerfile']);
    assert.deepEqual(lintJson(['.devcontainer'], root).files.map((file) => file.file), ['.devcontainer/Dockerfile'], 'a dot-folder given explicitly is searched');
  });

  it('lints an explicit file whatever its name, once even when also found in a folder', () => {
    const root = project({ 'build/image.txt': 'FROM postgres:latest\n', 'Dockerfile': CLEAN });
    const { files, status } = lintJson(['build/image.txt', '.', 'Dockerfile'], root);
    assert.equal(status, 1);
    assert.deepEqual(files.map((file) => file.file), ['build/image.txt', 'Dockerfile']);
    assert.deepEqual(files[0].findings.map((finding) => finding.rule), ['image-latest-tag']);
  });

  it('follows symlinks without looping', () => {
    const root = project({ 'a/Dockerfile': CLEAN });
    symlinkSync(join(root, 'a'), join(root, 'a', 'loop'));
    symlinkSync(join(root, 'a'), join(root, 'alias'));
    const { files, status } = lintJson([], root);
    assert.equal(status, 0);
    assert.deepEqual(files.map((file) => file.file), ['a/Dockerfile']);
  });

  it('a folder without Dockerfiles or Compose files exits 0 with a note on stderr', () => {
    const root = project({ 'src/index.js': 'console.log(1)\n' });
    mkdirSync(join(root, 'empty'));
    const run = runCli(['lint', 'empty'], root);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /No Dockerfiles or Compose files found under empty/);
    const json = runCli(['lint', '--format', 'json'], root);
    assert.deepEqual(JSON.parse(json.stdout), []);
  });

  it('paths are relative to the working folder, also from a subfolder', () => {
    const root = project({ 'svc/Dockerfile': CLEAN, 'other/Dockerfile': CLEAN });
    const { files } = lintJson(['.', '../other'], join(root, 'svc'));
    assert.deepEqual(files.map((file) => file.file), ['Dockerfile', '../other/Dockerfile']);
  });
});
