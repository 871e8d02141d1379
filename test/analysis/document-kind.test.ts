import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeFileRole, composeKindOf, composeSideFileNames, documentKindOf, globToRegExp } from '../../server/src/analysis/document-kind';

describe('document kinds by file name', () => {
  it('Dockerfiles', () => {
    for (const name of ['Dockerfile', 'Containerfile', 'Dockerfile.dev', 'api.Dockerfile', 'api.dockerfile', '/repo/docker/Dockerfile', 'C:\\repo\\Dockerfile']) assert.equal(documentKindOf(name), 'dockerfile', name);
  });

  it('Compose files and their override/environment variants', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'compose.override.yaml', 'docker-compose.override.yml', 'compose.prod.yaml', 'docker-compose.ci.yml', '/srv/app/compose.yaml']) {
      assert.equal(documentKindOf(name), 'compose', name);
      assert.equal(composeKindOf(name), 'compose', name);
    }
  });

  it('other names are neither', () => {
    for (const name of ['compose.json', 'my-compose.yaml', 'values.yaml', 'Dockerfile-notes.txt', 'composer.yml', 'README.md']) assert.equal(documentKindOf(name), undefined, name);
    assert.equal(composeKindOf('Dockerfile'), undefined);
  });

  it('extra glob patterns from settings', () => {
    assert.equal(documentKindOf('stack.yml', { compose: ['stack*.yml'] }), 'compose');
    assert.equal(documentKindOf('/repo/deploy/prod.yaml', { compose: ['deploy/*.yaml'] }), 'compose');
    assert.equal(documentKindOf('/repo/other/prod.yaml', { compose: ['deploy/*.yaml'] }), undefined);
    assert.equal(documentKindOf('/repo/a/b/c.yaml', { compose: ['**/b/*.yaml'] }), 'compose');
    assert.equal(documentKindOf('build.containerfile.txt', { dockerfile: ['*.containerfile.txt'] }), 'dockerfile');
    assert.equal(composeKindOf('x.yml', ['{x,y}.yml']), 'compose');
    assert.ok(globToRegExp('a?[bc].yaml').test('a1c.yaml'));
    assert.ok(!globToRegExp('*.yaml').test('dir/a.yaml'));
  });

  it('roles and the sibling files to merge', () => {
    assert.equal(composeFileRole('compose.yaml'), 'base');
    assert.equal(composeFileRole('compose.override.yml'), 'override');
    assert.equal(composeFileRole('compose.prod.yaml'), 'override');
    assert.equal(composeFileRole('stack.yml'), undefined);
    assert.deepEqual(composeSideFileNames('/p/compose.yaml'), { before: [], after: ['compose.override.yaml', 'compose.override.yml'] });
    assert.deepEqual(composeSideFileNames('docker-compose.yml'), { before: [], after: ['docker-compose.override.yaml', 'docker-compose.override.yml'] });
    assert.deepEqual(composeSideFileNames('compose.override.yaml'), { before: ['compose.yaml', 'compose.yml'], after: [] });
    assert.deepEqual(composeSideFileNames('docker-compose.prod.yml'), { before: ['docker-compose.yaml', 'docker-compose.yml'], after: [] });
    assert.deepEqual(composeSideFileNames('stack.yml'), { before: [], after: [] });
  });
});
