import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { serviceImageLatest } from '../../../server/src/rules/compose/service-image-latest';
import { serviceImageUntagged } from '../../../server/src/rules/compose/service-image-untagged';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(serviceImageLatest, {
  valid: [
    'services:\n  db:\n    image: postgres:16.4\n',
    { name: 'untagged is the other rule', code: 'services:\n  db:\n    image: postgres\n' },
    { name: 'latest pinned by digest', code: 'services:\n  db:\n    image: postgres:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'tag from a variable, even with latest as default', code: 'services:\n  app:\n    image: app:${TAG:-latest}\n' },
    { name: 'a tag that merely contains latest', code: 'services:\n  app:\n    image: app:latest-2024\n' },
    { name: 'build names its result', code: 'services:\n  app:\n    build: .\n    image: myapp:latest\n' },
  ],
  invalid: [
    { name: 'the seed Postgres example: on the word latest', code: 'services:\n  db:\n    image: postgres:«latest»\n', messageId: 'latest', output: null },
    { name: 'double-quoted', code: 'services:\n  db:\n    image: "postgres:«latest»"\n' },
    { name: 'single-quoted with registry port', code: "services:\n  app:\n    image: 'localhost:5000/app:«latest»'\n" },
    { name: 'variable registry, literal latest', code: 'services:\n  app:\n    image: ${REGISTRY:-ghcr.io}/app:«latest»\n' },
    { name: 'through an alias: at the alias', code: 'x-img: &img redis:latest\nservices:\n  cache:\n    image: «*img»\n' },
    { name: 'two services', code: 'services:\n  a:\n    image: nginx:«latest»\n  b:\n    image: redis:«latest»\n', messageIds: ['latest', 'latest'] },
  ],
});

it('image findings carry a pin marker (the whole reference, inside quotes) for the pinning code actions', () => {
  const text = 'services:\n  db:\n    image: "postgres:latest"\n  cache:\n    image: redis\n  app:\n    image: ${REGISTRY:-ghcr.io}/app:latest\n';
  const pins = analyze(text, 'compose', undefined, { rules: [serviceImageLatest, serviceImageUntagged] }).map((f) => [f.rule, f.pin ? `${f.pin.image} ${f.pin.range.start.line}:${f.pin.range.start.character}-${f.pin.range.end.character}` : null]);
  assert.deepEqual(pins, [['service-image-latest', 'postgres:latest 2:12-27'], ['service-image-untagged', 'redis 4:11-16'], ['service-image-latest', null]]);
});
