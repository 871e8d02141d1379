import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import schema from '../../server/src/schemas/compose-spec.json';
import * as generated from '../../server/src/schemas/compose-validators';

const FIXTURES = join(__dirname, '..', 'fixtures', 'compose');

function composeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? composeFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Documents that fail in many ways: types, enums, patterns, unknown keys, oneOf branches, uniqueItems. */
const INVALID: unknown[] = [
  { services: { web: { image: 1, bogus: true, ports: [{ target: 'x' }, { target: 'x' }], restart: 'sometimes' } } },
  { services: { db: { image: 'postgres', volumes: [{ type: 'nowhere' }], healthcheck: { interval: 5 }, deploy: { resources: { limits: { cpus: [] } } } } } },
  { version: 3, services: [], volumes: { data: { driver: 7 } }, networks: 'x' },
  { services: { a: { build: { context: '.', args: [1, 2] }, environment: [{}], depends_on: { b: { condition: 'later' } } } } },
];

describe('generated Compose validators', () => {
  it('report exactly what ajv compiling the schema at run time reports, on the fixtures and on invalid documents', async () => {
    const { OPTIONS } = await import('../../scripts/generate-validators.mjs');
    const ajv = new Ajv(OPTIONS);
    const runtimeDocument = ajv.compile(schema);
    const runtimeService = ajv.getSchema(`${schema.$id}#/definitions/service`);
    assert.ok(runtimeService);
    const documents = [...composeFiles(FIXTURES).flatMap((path) => {
      try {
        return [parse(readFileSync(path, 'utf8'))];
      } catch {
        return []; // the broken fixtures are broken YAML: nothing to validate
      }
    }), ...INVALID];
    assert.ok(documents.length >= 10, `only ${documents.length} documents`);
    let failing = 0;
    for (const data of documents) {
      assert.equal(generated.document(data), runtimeDocument(data));
      assert.deepEqual(generated.document.errors ?? null, runtimeDocument.errors ?? null);
      if (runtimeDocument.errors) failing++;
      const services = (data as { services?: unknown })?.services;
      for (const service of services && typeof services === 'object' ? Object.values(services) : []) {
        assert.equal(generated.service(service), runtimeService(service));
        assert.deepEqual(generated.service.errors ?? null, runtimeService.errors ?? null);
      }
    }
    assert.ok(failing >= INVALID.length, `only ${failing} documents had errors`);
  });
});
