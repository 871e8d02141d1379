import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ComposeDoc } from '../../server/src/analysis/compose-doc';
import { mergeModels, normalizeModel, type PlainMap } from '../../server/src/analysis/compose-merge';
import { MergeTag } from '../../server/src/analysis/compose-node';

/** Plain copies (the model uses prototype-less objects) for deepEqual. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function merged(...texts: string[]): PlainMap {
  const [main, ...after] = texts;
  return new ComposeDoc(main, { compose: { after: after.map((text, i) => ({ path: `override${i}.yaml`, text })) } }).project.model;
}

describe('normalising short forms', () => {
  it('lists become maps; strings become lists; build string becomes a context', () => {
    const model = normalizeModel(new ComposeDoc('services:\n  web:\n    environment: [A=1, B]\n    labels: {x: y}\n    depends_on: [db]\n    networks: [front]\n    env_file: .env\n    build: ./app\n').toJS());
    assert.deepEqual(plain(model), { services: { web: {
      environment: { A: '1', B: null }, labels: { x: 'y' }, depends_on: { db: { condition: 'service_started' } },
      networks: { front: null }, env_file: ['.env'], build: { context: './app' },
    } } });
  });
});

describe('merging compose.yaml with its override (Compose Specification merge rules)', () => {
  it('maps merge key by key and scalars are replaced', () => {
    const model = merged('services:\n  web:\n    image: a:1\n    environment: [A=1, B=2]\n', 'services:\n  web:\n    image: a:2\n    environment:\n      B: 3\n      C: 4\n');
    assert.deepEqual(plain(model), { services: { web: { image: 'a:2', environment: { A: '1', B: 3, C: 4 } } } });
  });

  it('command, entrypoint and healthcheck.test are replaced; other lists are appended without duplicates', () => {
    const model = merged(
      'services:\n  web:\n    command: [a, b]\n    healthcheck: {test: [CMD, x]}\n    dns: [1.1.1.1]\n    ports: ["80:80"]\n',
      'services:\n  web:\n    command: [c]\n    healthcheck: {test: [CMD, y]}\n    dns: [1.1.1.1, 8.8.8.8]\n    ports: ["80:80", "443:443"]\n');
    assert.deepEqual(plain(model), { services: { web: { command: ['c'], healthcheck: { test: ['CMD', 'y'] }, dns: ['1.1.1.1', '8.8.8.8'], ports: ['80:80', '443:443'] } } });
  });

  it('volumes merge by container path; secrets by target', () => {
    const model = merged(
      'services:\n  db:\n    volumes: [data:/var/lib/postgresql/data, ./init:/docker-entrypoint-initdb.d]\n    secrets: [pw]\n',
      'services:\n  db:\n    volumes:\n      - type: volume\n        source: other\n        target: /var/lib/postgresql/data\n    secrets: [{source: pw2, target: pw}, extra]\n');
    assert.deepEqual(plain(model), { services: { db: {
      volumes: [{ type: 'volume', source: 'other', target: '/var/lib/postgresql/data' }, './init:/docker-entrypoint-initdb.d'],
      secrets: [{ source: 'pw2', target: 'pw' }, 'extra'],
    } } });
  });

  it('!reset removes a value and !override replaces it whole', () => {
    const model = merged('services:\n  web:\n    ports: ["80:80"]\n    environment: {A: 1, B: 2}\n', 'services:\n  web:\n    ports: !reset []\n    environment: !override\n      C: 3\n');
    assert.deepEqual(plain(model), { services: { web: { environment: { C: 3 } } } });
    assert.ok(!JSON.stringify(plain(model)).includes('MergeTag'));
  });

  it('an override adds services and top-level volumes; the service view reads the merged result', () => {
    const doc = new ComposeDoc('services:\n  db:\n    image: postgres:16\n', { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  db:\n    volumes: [pg:/var/lib/postgresql/data]\n  cache:\n    image: redis:7\nvolumes:\n  pg: {}\n' }] } });
    assert.deepEqual(plain(doc.service('db')!.effective), { image: 'postgres:16', volumes: ['pg:/var/lib/postgresql/data'] });
    assert.ok(doc.isDefined('volumes', 'pg'));
    assert.ok(doc.isDefined('services', 'cache'));
    assert.equal(doc.service('cache'), undefined, 'only services written in this file are listed');
    assert.equal(doc.project.partial, false);
  });

  it('an override file is analysed on top of its base', () => {
    const doc = new ComposeDoc('services:\n  web:\n    depends_on: [db]\n', { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  db:\n    image: postgres:16\n' }] } });
    assert.ok(doc.isDefined('services', 'db'));
  });

  it('a side file that does not parse, or an override without its base, makes the project partial', () => {
    assert.equal(new ComposeDoc('services: {}\n', { compose: { after: [{ path: 'o.yaml', text: 'services: [\n' }] } }).project.partial, true);
    assert.equal(new ComposeDoc('services: {}\n', { compose: { partial: true } }).project.partial, true);
  });

  it('mergeModels works on plain data too, and strips merge tags from the result', () => {
    const result = mergeModels([{ a: { b: 1, c: [1] } }, { a: { c: new MergeTag('!override', [2]), d: new MergeTag('!reset', null) } }]);
    assert.deepEqual(plain(result), { a: { b: 1, c: [2] } });
  });
});
