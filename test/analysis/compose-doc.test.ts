import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { ComposeDoc } from '../../server/src/analysis/compose-doc';
import type { ComposeNode } from '../../server/src/analysis/compose-node';
import { COMPOSE_LIMITS } from '../../server/src/analysis/compose-parse';
import { LineIndex } from '../../server/src/analysis/text';
import { defaultSettings, type Range } from '../../server/src/analysis/types';

/** The text a range covers, for readable assertions. */
function textAt(doc: ComposeDoc, range: Range): string {
  return doc.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end));
}

function service(doc: ComposeDoc, name: string): ComposeNode {
  const found = doc.service(name);
  assert.ok(found, `service ${name}`);
  return found.node;
}

const ANCHORS = `x-base: &base
  restart: always   # inherited
  environment:
    TZ: UTC
image-name: &img postgres:16
services:
  web:
    <<: *base
    image: "nginx:1.27"
    ports:
      - "8080:80"
      - 443:443
  db:
    image: *img
    labels: [a=b]
`;

describe('ComposeDoc: services and accessors', () => {
  const doc = new ComposeDoc(ANCHORS);

  it('lists services with their name ranges', () => {
    assert.deepEqual(doc.services.map((s) => [s.name, textAt(doc, s.keyRange)]), [['web', 'web'], ['db', 'db']]);
    assert.equal(doc.rootKind, 'map');
    assert.ok(doc.usable);
  });

  it('reads local values with the value range, the key range and the pair for edits', () => {
    const image = service(doc, 'web').get('image');
    assert.ok(image);
    assert.equal(image.value, 'nginx:1.27');
    assert.equal(image.origin, 'local');
    assert.equal(textAt(doc, image.range), '"nginx:1.27"');
    assert.equal(textAt(doc, image.keyRange), 'image');
    assert.ok(image.pair);
    assert.equal(image.pathText, 'services.web.image');
  });

  it('values inherited through << report at the merge key in the service', () => {
    const restart = service(doc, 'web').get('restart');
    assert.ok(restart);
    assert.equal(restart.value, 'always');
    assert.equal(restart.origin, 'merge');
    assert.equal(textAt(doc, restart.range), '<<: *base');
    assert.equal(textAt(doc, restart.keyRange), '<<: *base');
    assert.equal(textAt(doc, restart.sourceRange), 'always');
    assert.equal(restart.pair, undefined, 'no pair: edits must not touch the anchor');
    const tz = service(doc, 'web').at('environment', 'TZ');
    assert.equal(tz?.value, 'UTC');
    assert.equal(textAt(doc, tz!.range), '<<: *base', 'children of an inherited value report at the same place');
  });

  it('values behind an alias report at the alias', () => {
    const image = service(doc, 'db').get('image');
    assert.equal(image?.value, 'postgres:16');
    assert.equal(image?.origin, 'alias');
    assert.equal(textAt(doc, image!.range), '*img');
  });

  it('entries put own keys first, then merged keys; keys() lists them', () => {
    assert.deepEqual(service(doc, 'web').keys(), ['image', 'ports', 'restart', 'environment']);
  });

  it('sequences: items, strings(), sub-ranges inside a scalar', () => {
    const ports = service(doc, 'web').get('ports');
    assert.deepEqual(ports?.items().map((item) => item.text), ['8080:80', '443:443']);
    const first = ports!.items()[0];
    assert.equal(textAt(doc, first.subRange(0, 4)), '8080');
    assert.equal(textAt(doc, ports!.headRange), 'ports', 'a block list reports at its key');
    assert.deepEqual(service(doc, 'db').get('labels')?.strings().map((s) => s.text), ['a=b']);
  });

  it('dictEntries reads list and map forms of environment/labels', () => {
    const doc2 = new ComposeDoc('services:\n  a:\n    environment:\n      - A=1\n      - B\n      - C=x=y\n  b:\n    environment:\n      A: 1\n      B:\n');
    const list = doc2.service('a')!.get('environment')!.dictEntries();
    assert.deepEqual(list.map((e) => [e.name, e.value, textAt(doc2, e.nameRange), textAt(doc2, e.valueRange)]), [['A', '1', 'A', '1'], ['B', undefined, 'B', 'B'], ['C', 'x=y', 'C', 'x=y']]);
    const map = doc2.service('b')!.get('environment')!.dictEntries();
    assert.deepEqual(map.map((e) => [e.name, e.value, textAt(doc2, e.nameRange)]), [['A', 1, 'A'], ['B', null, 'B']]);
  });

  it('interpolated values are flagged so rules can skip them', () => {
    const doc2 = new ComposeDoc('services:\n  a:\n    image: app:${TAG:-1}\n    ports: ["${PORT}:80"]\n    cpus: $$5\n');
    assert.equal(doc2.service('a')!.get('image')!.isInterpolated, true);
    assert.equal(doc2.service('a')!.node.at('ports', 0)!.isInterpolated, true);
    assert.equal(doc2.service('a')!.get('cpus')!.isInterpolated, false, '$$ is a literal dollar');
  });

  it('toJS applies merge keys and shares aliased values', () => {
    const data = doc.toJS() as { services: { web: { restart: string; environment: unknown }; db: { image: string } } };
    assert.equal(data.services.web.restart, 'always');
    assert.equal(data.services.db.image, 'postgres:16');
    assert.deepEqual({ ...(data.services.web.environment as object) }, { TZ: 'UTC' });
  });

  it('flow maps, empty values, numbers and booleans', () => {
    const doc2 = new ComposeDoc('services:\n  a: {image: "x:1", init: true, cpus: 1.5, tty: }\n  b:\n');
    const a = doc2.service('a')!.node;
    assert.equal(a.isFlow, true);
    assert.equal(a.get('init')?.bool, true);
    assert.equal(a.get('cpus')?.text, '1.5');
    assert.equal(a.get('tty')?.isNull, true);
    assert.equal(doc2.service('b')!.node.isNull, true);
  });

  it('block end lines let a comment above a key cover its block', () => {
    assert.equal(doc.blockEndLine(6), 11, 'web: spans its whole service');
    assert.equal(doc.blockEndLine(9), 11, 'ports: spans its items');
    assert.equal(doc.blockEndLine(10), 10);
  });

  it('referenced paths come out normalised for the adapters', () => {
    const doc2 = new ComposeDoc('services:\n  a:\n    build:\n      context: ./app\n      dockerfile: docker/Dockerfile\n    env_file: [.env, {path: ./opt.env, required: false}]\n  b:\n    build: https://github.com/x/y.git\nsecrets:\n  pw:\n    file: ./secrets/pw.txt\n');
    assert.deepEqual(doc2.referencedPaths().map((p) => [p.field, p.path, p.required]), [
      ['env_file', '.env', true], ['env_file', 'opt.env', false], ['build.context', 'app', true], ['build.dockerfile', 'app/docker/Dockerfile', true], ['secrets.file', 'secrets/pw.txt', true],
    ]);
    const withContext = new ComposeDoc('services: {}\n', { existingPaths: new Set(['app']) });
    assert.equal(withContext.pathExists('./app/'), true);
    assert.equal(withContext.pathExists('other'), false);
    assert.equal(new ComposeDoc('').pathExists('app'), undefined);
  });

  it('a view of some services shares the parse and the project, and is no object built on the document', () => {
    const web = doc.service('web')!;
    const view = doc.withServices([web]);
    assert.deepEqual(view.services, [web]);
    assert.equal(view.allServices, doc.allServices);
    assert.equal(view.project, doc.project);
    assert.equal(view.service('db'), doc.service('db'));
    assert.equal(doc.services.length, 2, 'the document keeps all its services');
    // V8 keeps an object used as a prototype, and all it holds, through young-generation GCs.
    assert.equal(Object.getPrototypeOf(view), ComposeDoc.prototype);
  });
});

describe('ComposeDoc: bad input never throws', () => {
  it('syntax errors carry precise positions', () => {
    const doc = new ComposeDoc('services:\n  web:\n    image: "nginx\n    ports: []\n');
    assert.equal(doc.usable, false);
    assert.ok(doc.problems.length > 0);
    assert.match(doc.problems[0].message, /closing/i);
  });

  it('duplicate keys name the first occurrence (in linear time)', () => {
    const doc = new ComposeDoc('services:\n  web:\n    image: a\n    image: b\n');
    assert.deepEqual(doc.problems.map((p) => [p.code, p.message, textAt(doc, doc.problemRange(p))]), [['DUPLICATE_KEY', 'Key "image" is repeated (first on line 3); Compose rejects repeated keys, so keep one.', 'image']]);
    const many = 'services:\n' + Array.from({ length: 20_000 }, (_, i) => `  s${i}:\n    image: x\n`).join('');
    const started = Date.now();
    assert.ok(new ComposeDoc(many).usable);
    assert.ok(Date.now() - started < 10_000);
  });

  it('an alias without anchor, and an alias inside its own anchor', () => {
    assert.deepEqual(new ComposeDoc('a: *nope\n').problems.map((p) => p.code), ['UNDEFINED_ALIAS']);
    assert.deepEqual(new ComposeDoc('a: &x [1, *x]\n').problems.map((p) => p.code), ['ALIAS_CYCLE']);
  });

  it('an alias bomb is refused quickly, at an alias', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0; i < 9; i++) {
      const from = String.fromCharCode(97 + i);
      const to = String.fromCharCode(98 + i);
      bomb += `${to}: &${to} [${Array(9).fill(`*${from}`).join(',')}]\n`;
    }
    bomb += 'services:\n  web:\n    command: *j\n';
    const started = Date.now();
    const doc = new ComposeDoc(bomb);
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(doc.problems.map((p) => p.code), ['ALIAS_BOMB']);
    assert.match(textAt(doc, doc.problemRange(doc.problems[0])), /^\*[a-j]$/);
    assert.deepEqual(analyze(bomb, 'compose').map((f) => f.rule), ['compose-yaml-syntax']);
  });

  it('10,000 levels of nesting (flow, block lists, maps) give one diagnostic', () => {
    for (const text of ['a: ' + '['.repeat(10_000) + ']'.repeat(10_000), '- '.repeat(10_000) + 'x\n', 'a: ' + '{a: '.repeat(10_000) + '}'.repeat(10_000)]) {
      const findings = analyze(text, 'compose');
      assert.ok(findings.length >= 1 && findings.every((f) => f.rule === 'compose-yaml-syntax'), JSON.stringify(findings.map((f) => f.message)));
    }
    const deep = Array.from({ length: COMPOSE_LIMITS.maxDepth + 5 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + ' x\n';
    assert.deepEqual(new ComposeDoc(deep).problems.map((p) => p.code), ['TOO_DEEP']);
  });

  it('deep nesting through aliases is refused too', () => {
    let text = 'a0: &a0 [x]\n';
    for (let i = 1; i <= COMPOSE_LIMITS.maxDepth + 5; i++) text += `a${i}: &a${i} [*a${i - 1}]\n`;
    assert.deepEqual(new ComposeDoc(text).problems.map((p) => p.code), ['TOO_DEEP']);
  });

  it('a 5 MB document is analysed', () => {
    let big = 'services:\n';
    for (let i = 0; big.length < 5 * 1024 * 1024; i++) big += `  svc${i}:\n    image: "nginx:1.${i}"\n    ports:\n      - "${10_000 + (i % 50_000)}:80"\n    environment:\n      A: b\n`;
    big += '  last:\n    image: nginx:latest\n';
    const started = Date.now();
    // Past the default maxFileSize (4 MB): raised, as a user with a huge generated file would.
    const findings = analyze(big, 'compose', { ...defaultSettings, maxFileSize: 8 * 1024 * 1024 }, { onRuleError: (id, error) => assert.fail(`${id}: ${String(error)}`) });
    assert.ok(findings.some((f) => f.rule === 'service-image-latest'));
    assert.ok(findings.some((f) => f.rule === 'host-port-duplicate'));
    assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`);
  });

  it('binary, empty, comment-only, list and scalar roots', () => {
    assert.deepEqual(analyze('\x7fELF\x00\x01', 'compose').map((f) => f.rule), ['file-not-analyzed']);
    for (const text of ['', '# just a comment\n', '~\n']) {
      assert.equal(new ComposeDoc(text).rootKind, 'empty');
      assert.deepEqual(analyze(text, 'compose').map((f) => f.rule), ['compose-schema']);
    }
    assert.equal(new ComposeDoc('- a\n').rootKind, 'other');
    assert.deepEqual(analyze('- a\n', 'compose').map((f) => f.message), ['The top level of the file must be a mapping.']);
    assert.deepEqual(analyze('hello\n', 'compose').map((f) => f.rule), ['compose-schema']);
  });

  it('tabs, unclosed quotes, several documents and BOM/CRLF', () => {
    assert.match(analyze('services:\n\tweb: {}\n', 'compose')[0].message, /Tabs/);
    assert.match(analyze('services: {}\n---\nservices: {}\n', 'compose')[0].message, /more than one YAML document/);
    const crlf = '\uFEFFversion: "3"\r\nservices:\r\n  web:\r\n    image: nginx:1\r\n';
    // Only the file-level finding matters here (the BOM shifts its column); service rules have their own tests.
    const findings = analyze(crlf, 'compose').filter((f) => f.range.start.line === 0);
    assert.deepEqual(findings.map((f) => [f.rule, f.range.start.line, f.range.start.character]), [['compose-version-obsolete', 0, 1]]);
    assert.equal(new LineIndex(crlf).eol, '\r\n');
  });

  it('!reset and !override tags are accepted', () => {
    const doc = new ComposeDoc('services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: 1\n');
    assert.ok(doc.usable);
    assert.equal(doc.service('web')!.get('ports')!.tag, '!reset');
  });
});
