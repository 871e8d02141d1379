// ComposeIncrementalAnalyzer against its oracle, analyze(): every Compose rule-test document, the
// fixtures and generated files, random edit sequences (one analyzer across the sequence), and
// proof that a one-line edit re-parses one part instead of silently analysing the whole file.
// FC_SEED=<n|random> and FC_RUNS=<multiplier> explore further, as in test/robustness.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, type AnalyzeOptions } from '../../server/src/analysis/analyze';
import { changedRegion, splitComposeFile, type ComposeSplit } from '../../server/src/analysis/compose-chunks';
import { ComposeIncrementalAnalyzer } from '../../server/src/analysis/compose-incremental';
import { applyEdits } from '../../server/src/analysis/text';
import { defaultSettings, type AnalysisSettings, type Finding } from '../../server/src/analysis/types';
import { bigCompose, composeFile } from '../../scripts/bench/generate';
import { typingEdits } from '../../scripts/bench/latency';
import { repoRoot } from '../helpers/fixtures';
import { collectRuleCases } from '../helpers/rule-tester';
import { SEEDS } from '../robustness/helpers/arbitraries';

const runsFactor = Number(process.env.FC_RUNS ?? 1);
const seed = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261128);
const params = <T>(numRuns: number): fc.Parameters<T> => ({ numRuns: Math.max(1, Math.round(numRuns * runsFactor)), ...(seed === undefined ? {} : { seed }) });

/** Deep-equal to analyze() for the same inputs, with the text in the message when not. */
function assertSame(analyzer: ComposeIncrementalAnalyzer, text: string, settings: AnalysisSettings = defaultSettings, options: AnalyzeOptions = {}): void {
  assert.deepEqual(analyzer.analyze(text, settings, options), analyze(text, 'compose', settings, options), `text: ${JSON.stringify(text)}`);
}

const RULE_TESTS = join(repoRoot, 'test', 'rules', 'compose');
const loadTestFile = createRequire(join(RULE_TESTS, 'index.ts'));

const SETTINGS: AnalysisSettings[] = [
  defaultSettings,
  { ...defaultSettings, ignored: ['service-image-latest', 'DS-0009'], severityOverrides: { 'service-resource-limits-missing': 'info', 'compose-schema': 'hint' } },
  { ...defaultSettings, severityOverrides: { 'service-user-missing': 'off', 'reference-undefined': 'warning' } },
];

/** Lines a person types or pastes into a Compose file, the awkward ones included. */
const LINES = [
  '  extra:', '    image: nginx:latest', '    image: postgres', '    <<: *defaults', '    <<: [*defaults]', 'x-more: &more', '  restart: always',
  '  user: root', '    environment:', '      PASSWORD: hunter2', '      - API_KEY=sk-1234567890abcdef', '# a comment', '  # an indented comment',
  '    ports: ["80:80"]', '    ports:', '      - "8080:80"', '    command: !reset []', '    privileged: true', '  web: &web', '    extends: web',
  'volumes:', '  data:', '    container_name: same', '    depends_on: [db]', '    depends_on:', '      db: {condition: service_healthy}', '---', '\t- x',
  '    image: "unterminated', '    healthcheck: {test: [CMD, "true"]}', '# container-hygiene ignore=service-image-latest', '    volumes: [db-data:/var/lib/postgresql/data]',
  '    image: *img', 'x-img: &img redis:7', '    user: "1000:1000"x', 'services:', '  db:', '    build: .', '    cap_add: [SYS_ADMIN]', '', '    read_only: false',
];

/** Short texts typed at any offset. */
const PIECES = ['x', ' ', ':', '"', "'", '#', '&a ', '*a', '- ', '[', ']', '{', '}', '\n', '\n  ', '\n    ', '${X}', '\r\n', ': ', 'latest'];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insertLine' | 'deleteLine' | 'duplicateLine'; line: number; text: string }
  | { kind: 'settings'; which: number }
  | { kind: 'paths'; which: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('insertLine' as const, 'deleteLine' as const, 'duplicateLine' as const), line: fc.nat(), text: fc.constantFrom(...LINES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), which: fc.nat({ max: SETTINGS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('paths' as const), which: fc.nat({ max: 2 }) }) },
);

/** The paths that exist, as the language server tells analysis (undefined: unknown). */
const PATHS: (ReadonlySet<string> | undefined)[] = [undefined, new Set(['.env', 'web', 'web/Dockerfile']), new Set()];

function applyEdit(text: string, step: Edit): string {
  const lines = text.split('\n');
  switch (step.kind) {
    case 'insert': { const at = step.at % (text.length + 1); return text.slice(0, at) + step.text + text.slice(at); }
    case 'delete': { const at = step.at % (text.length + 1); return text.slice(0, at) + text.slice(at + step.length); }
    case 'insertLine': lines.splice(step.line % (lines.length + 1), 0, step.text); return lines.join('\n');
    case 'deleteLine': lines.splice(step.line % lines.length, 1); return lines.join('\n');
    case 'duplicateLine': { const i = step.line % lines.length; lines.splice(i, 0, lines[i]); return lines.join('\n'); }
    default: return text;
  }
}

const SMALL_SEEDS = [
  ...SEEDS.compose,
  composeFile(3, 6), composeFile(17, 9),
  'x-defaults: &defaults\n  restart: always\n  environment:\n    DB_PASSWORD: hunter2\nx-img: &img postgres:16\nservices:\n  web:\n    <<: *defaults\n    image: nginx:latest\n    ports: ["80:80", "8080:80"]\n  db:\n    <<: *defaults\n    image: *img\n    container_name: same\n  cache:\n    image: redis\n    container_name: same\n    depends_on:\n      db: {condition: service_healthy}\nvolumes:\n  data:\n',
];

describe('ComposeIncrementalAnalyzer', () => {
  it('matches analyze() on every Compose rule-test document, with each test\'s settings and context', () => {
    const cases = collectRuleCases(() => {
      for (const name of readdirSync(RULE_TESTS).filter((file) => file.endsWith('.test.ts'))) loadTestFile(join(RULE_TESTS, name));
    });
    assert.ok(cases.length > 300, `found ${cases.length} documents`);
    for (const testCase of cases) {
      const settings = { ...defaultSettings, ...testCase.settings };
      assertSame(new ComposeIncrementalAnalyzer(), testCase.code, settings, { context: testCase.context });
      assertSame(new ComposeIncrementalAnalyzer(), testCase.code, settings, { context: testCase.context, rules: [testCase.rule] });
    }
  });

  it('matches analyze() on the fixtures, the example workspace and generated files', () => {
    const texts = [...SEEDS.compose, bigCompose(300), bigCompose(60, 7), ...Array.from({ length: 40 }, (_, i) => composeFile(i))];
    for (const text of texts) {
      for (const settings of SETTINGS) assertSame(new ComposeIncrementalAnalyzer(), text, settings);
      assertSame(new ComposeIncrementalAnalyzer(), text, defaultSettings, { context: { existingPaths: new Set(['.env']), compose: { before: [], after: [], partial: false } } });
    }
  });

  it('matches analyze() after every edit of random edit sequences (characters, lines, services, anchors, settings)', () => {
    const steps = { all: 0, incremental: 0 };
    fc.assert(fc.property(fc.constantFrom(...SMALL_SEEDS), fc.array(edit, { minLength: 1, maxLength: 16 }), (start, edits) => {
      const analyzer = new ComposeIncrementalAnalyzer();
      let text = start;
      let settings = defaultSettings;
      let existingPaths: ReadonlySet<string> | undefined;
      assertSame(analyzer, text);
      for (const step of edits) {
        if (step.kind === 'settings') settings = SETTINGS[step.which];
        if (step.kind === 'paths') existingPaths = PATHS[step.which];
        text = applyEdit(text, step);
        assertSame(analyzer, text, settings, existingPaths ? { context: { existingPaths } } : {});
        steps.all++;
        if (analyzer.lastRun.incremental) steps.incremental++;
      }
    }), params(70));
    // Random damage often leaves YAML only a whole parse can judge; many steps must still be incremental.
    assert.ok(steps.incremental > steps.all / 5, `${steps.incremental} of ${steps.all} steps incremental`);
  });

  it('matches analyze() after random edits of anchors that services merge, alias and share secrets through', () => {
    const anchors = 'x-defaults: &defaults\n  restart: always\n  environment:\n    DB_PASSWORD: hunter2\n    TZ: UTC\n  ports: ["80:80"]\n  user: root\nx-img: &img postgres:16\nx-env: &env\n  API_KEY: sk-1234567890abcdef1234\n';
    const services = Array.from({ length: 8 }, (_, i) => `  s${i}:\n${i % 2 ? '    <<: *defaults\n' : ''}    image: ${i % 3 ? '*img' : 'nginx:1'}\n`
      + `${i % 4 === 1 ? '    environment: *env\n' : ''}${i % 4 === 2 ? '    environment:\n      A: *img\n' : ''}    container_name: c${i % 3}\n`).join('');
    const start = `${anchors}services:\n${services}volumes:\n  data:\n`;
    const pieces = ['x', ' ', '1', 'root', 'always', '"', ':', '#', '&a', '*img', '\n  extra: 1', '\n    X: y', 'hunter', 'sk-abcdefabcdefabcdef1234', 'API_TOKEN', '-rc'];
    const anchorEdit = fc.record({ at: fc.nat({ max: anchors.length + 40 }), length: fc.nat({ max: 4 }), text: fc.constantFrom(...pieces) });
    fc.assert(fc.property(fc.array(anchorEdit, { minLength: 1, maxLength: 12 }), (edits) => {
      const analyzer = new ComposeIncrementalAnalyzer();
      let text = start;
      analyzer.analyze(text);
      for (const { at, length, text: typed } of edits) {
        const offset = Math.min(at, text.length);
        text = text.slice(0, offset) + typed + text.slice(offset + length);
        assertSame(analyzer, text);
      }
    }), params(60));
  });

  it('matches analyze() while typing in a 300-service file, re-checking only the edited services', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    let text = bigCompose(300);
    analyzer.analyze(text);
    for (const typed of typingEdits(text, 24, 'dockercompose')) {
      text = applyEdits(text, [{ range: typed.range, newText: typed.text }]);
      assertSame(analyzer, text);
      assert.ok(analyzer.lastRun.incremental, `analysed whole after typing on line ${typed.range.start.line + 1}`);
      assert.ok(analyzer.lastRun.partsParsed <= 1, `parsed ${analyzer.lastRun.partsParsed} parts`);
    }
  });

  it('a one-line edit inside one service parses that service alone and re-checks only it', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const text = bigCompose(60);
    analyzer.analyze(text);
    const lines = text.split('\n');
    const line = lines.findIndex((candidate, index) => index > lines.length / 2 && /^ {4}image: /.test(candidate));
    const withLine = (changed: string): string => [...lines.slice(0, line), changed, ...lines.slice(line + 1)].join('\n');

    assertSame(analyzer, withLine(`${lines[line]}-rc`));
    assert.deepEqual(analyzer.lastRun, { incremental: true, partsParsed: 1, servicesChecked: 1 });
    // Back to the text before: the part that edit replaced comes back, with its findings.
    assertSame(analyzer, text);
    assert.deepEqual(analyzer.lastRun, { incremental: true, partsParsed: 0, servicesChecked: 0 });
    // Enter: the services below move (their findings are checked again) but none is parsed again.
    assertSame(analyzer, withLine(`${lines[line]}\n`));
    assert.equal(analyzer.lastRun.incremental, true);
    assert.equal(analyzer.lastRun.partsParsed, 1);
    // Half-typed YAML in one service: its syntax problem without parsing the whole file.
    assertSame(analyzer, withLine(`${lines[line]}\n    user: "1000:1000"x`));
    assert.deepEqual(analyzer.lastRun, { incremental: true, partsParsed: 1, servicesChecked: 0 });
  });

  it('Enter and Backspace between services of a 300-service file keep the moved services\' findings, mapped', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const text = bigCompose(300);
    analyzer.analyze(text);
    const lines = text.split('\n');
    const first = lines.indexOf('services:') + 1;
    const last = lines.findIndex((line, index) => index > first && /^\S/.test(line));
    const keys = lines.flatMap((line, index) => (index > first && index < last && /^ {2}\S+:$/.test(line) ? [index] : []));
    // In services that publish no port: a line added above a port moves it within its service, so the service it clashes with is checked again.
    const publishes = (line: number): boolean => lines.slice([...keys].reverse().find((key) => key < line), keys.find((key) => key > line) ?? last).some((near) => /^ {4}ports:/.test(near));
    const images = lines.flatMap((line, index) => (index > first && index < last && /^ {4}image: \S+$/.test(line) && !publishes(index) ? [index] : []));
    const edited = (at: number, replaced: number, ...added: string[]): string => [...lines.slice(0, at), ...added, ...lines.slice(at + replaced)].join('\n');
    const expectMapped = (what: string): void => {
      assert.equal(analyzer.lastRun.incremental, true, what);
      assert.ok(analyzer.lastRun.servicesChecked <= 1, `${what}: re-checked ${analyzer.lastRun.servicesChecked} services`);
    };
    for (let k = 1; k <= 8; k++) {
      const key = keys[Math.floor(keys.length * k / 9)];
      // Enter before a service (a blank line), then Backspace.
      assertSame(analyzer, edited(key, 0, ''));
      expectMapped(`Enter above line ${key + 1}`);
      assertSame(analyzer, text);
      expectMapped(`Backspace above line ${key + 1}`);
      // Enter inside a line: `image: x` split over two lines (the same value).
      const image = images[Math.floor(images.length * k / 9)];
      assertSame(analyzer, edited(image, 1, '    image:', `      ${lines[image].slice('    image: '.length)}`));
      expectMapped(`split line ${image + 1}`);
      assertSame(analyzer, text);
      expectMapped(`joined line ${image + 1}`);
    }
    // Backspace removing a line of a service that publishes no port (no other service names its lines).
    const line = lines.findIndex((candidate, index) => index > last / 2 && /^ {4}restart: /.test(candidate) && !publishes(index));
    assert.ok(line > 0);
    assertSame(analyzer, edited(line, 1));
    expectMapped(`deleted line ${line + 1}`);
  });

  it('maps fixes that insert at the end of the document (a top-level volumes:) as lines are added above', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const text = 'services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1\n  cache:\n    image: redis:7\n';
    const endEdit = (findings: Finding[]): string => JSON.stringify(findings.find((finding) => finding.rule === 'database-without-volume' && finding.message.includes('"db"'))?.fixes[0].edits[1]);
    const before = endEdit(analyzer.analyze(text));
    assert.match(before, /"line":6,"character":18.*\\nvolumes:/);
    // Enter between web and cache: db is kept (mapped), its fix now inserts a line lower.
    const moved = text.replace('  cache:', '\n  cache:');
    assertSame(analyzer, moved);
    assert.deepEqual(analyzer.lastRun, { incremental: true, partsParsed: 1, servicesChecked: 1 });
    assert.match(endEdit(analyzer.analyze(moved)), /"line":7,"character":18/);
    // A line above everything, then a service appended at the end (the end moves: all checked again).
    for (const next of [`# the stack\n${moved}`, `# the stack\n${moved}  worker:\n    image: busybox:1\n`, `# the stack\n${moved}`, moved, text]) {
      assertSame(analyzer, next);
      assert.equal(analyzer.lastRun.incremental, true);
    }
  });

  it('moves findings that name no service (a top-level volume binding a sensitive path) with the sections', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const text = 'services:\n  web:\n    image: nginx:1\n    volumes: [data:/data]\n  api:\n    image: nginx:1\nvolumes:\n  data:\n    driver_opts: {type: none, o: bind, device: /etc}\n';
    assert.ok(analyzer.analyze(text).some((finding) => finding.rule === 'service-sensitive-host-mount' && finding.range.start.line === 8));
    // No service is checked again (that would find them anew): they move with the lines above them.
    for (const next of [`x-note: 1\n${text}`, `x-note: 1\n\n${text}`, text]) {
      assertSame(analyzer, next);
      assert.equal(analyzer.lastRun.incremental, true);
      assert.equal(analyzer.lastRun.servicesChecked, 0);
    }
  });

  it('maps the line host-port-duplicate names, and re-checks a message whose own text reads "line 9"', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const text = [
      'services:', '  a:', '    image: nginx:1', '    ports: ["8080:80"]', '  b:', '    image: nginx:1', '    ports: ["8080:80"]',
      '    environment:', '      "DB_PASSWORD line 9": hunter2', '',
    ].join('\n');
    const messages = (findings: Finding[], rule: string): string[] => findings.filter((finding) => finding.rule === rule).map((finding) => finding.message);
    const first = analyzer.analyze(text);
    assert.ok(messages(first, 'host-port-duplicate').some((message) => message.includes('on line 4;')), JSON.stringify(messages(first, 'host-port-duplicate')));
    assert.ok(messages(first, 'service-secret-in-environment').some((message) => message.includes('DB_PASSWORD line 9')), JSON.stringify(messages(first, 'service-secret-in-environment')));
    // A line above both services: the named line moves to 5; the secret's name is the user's text and stays.
    const moved = `x-note: 1\n${text}`;
    const after = analyzer.analyze(moved);
    assert.deepEqual(after, analyze(moved, 'compose'));
    assert.ok(messages(after, 'host-port-duplicate').some((message) => message.includes('on line 5;')));
    assert.ok(messages(after, 'service-secret-in-environment').some((message) => message.includes('DB_PASSWORD line 9')));
  });

  it('matches analyze() after random line insertions and deletions that move services, anchors and sections', () => {
    const seeds = [bigCompose(12), composeFile(17, 9), SMALL_SEEDS[SMALL_SEEDS.length - 1]];
    const added = ['', '# a comment', '  # an indented comment', '    # a deeper comment', ...LINES];
    const lineEdit = fc.record({ kind: fc.constantFrom('insertLine' as const, 'insertLine' as const, 'deleteLine' as const, 'duplicateLine' as const), line: fc.nat(), text: fc.constantFrom(...added) });
    const steps = { all: 0, mapped: 0 };
    fc.assert(fc.property(fc.constantFrom(...seeds), fc.array(lineEdit, { minLength: 1, maxLength: 12 }), (start, edits) => {
      const analyzer = new ComposeIncrementalAnalyzer();
      let text = start;
      assertSame(analyzer, text);
      for (const step of edits) {
        text = applyEdit(text, step);
        assertSame(analyzer, text);
        steps.all++;
        if (analyzer.lastRun.incremental && analyzer.lastRun.servicesChecked <= 1) steps.mapped++;
      }
    }), params(40));
    // Most steps move services: many of them must keep (map) what was found rather than check every service again.
    assert.ok(steps.mapped > steps.all / 4, `${steps.mapped} of ${steps.all} steps kept the findings of moved services`);
  });

  it('an edit of a merged anchor re-checks only the services whose checks read the keys it changed', () => {
    const services = Array.from({ length: 12 }, (_, i) => `  svc${i}:\n${i % 3 === 0 ? '' : '    <<: *defaults\n'}    image: nginx:1.${i}\n    user: "1000:1000"\n`).join('');
    const text = `x-defaults: &defaults\n  restart: always\n  environment:\n    TZ: UTC\nservices:\n${services}`;
    const analyzer = new ComposeIncrementalAnalyzer();
    analyzer.analyze(text);
    // No rule reads `restart`: every service keeps its findings (only the schema check runs again).
    assertSame(analyzer, text.replace('restart: always', 'restart: unless-stopped'));
    assert.deepEqual(analyzer.lastRun, { incremental: true, partsParsed: 1, servicesChecked: 0 });
    // `environment` is read (secrets): the eight services that merge the anchor are checked again.
    assertSame(analyzer, text.replace('TZ: UTC', 'API_TOKEN: abcdef0123456789abcdef'));
    assert.deepEqual(analyzer.lastRun, { incremental: true, partsParsed: 1, servicesChecked: 8 });
  });

  it('a typing edit keeps every other service\'s findings; whole-file cases fall back to a whole parse', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const text = composeFile(11, 12);
    analyzer.analyze(text);
    assertSame(analyzer, text.replace('image: ', 'image:  '));
    assert.equal(analyzer.lastRun.servicesChecked, 1);
    for (const whole of [`${text}---\n`, text.replace('services:', 'services: !!map'), `${text}  extra: !reset {}\n`, `services: {web: {image: nginx}}\n`]) {
      assertSame(analyzer, whole);
      assert.equal(analyzer.lastRun.incremental, false, JSON.stringify(whole.slice(-40)));
    }
    // Other files in the project: parsed whole, since the merged project depends on them.
    assertSame(analyzer, text, defaultSettings, { context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  web:\n    user: root\n' }] } } });
    assert.equal(analyzer.lastRun.incremental, false);
  });
  it('a part taken back after an edit that changed the settings is checked again with the new settings', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const text = bigCompose(12);
    const typed = text.replace('image: redis:7-alpine', 'image: redis:7-alpinex');
    const quieter: AnalysisSettings = { ...defaultSettings, severityOverrides: { 'service-no-new-privileges': 'off', 'service-root-user': 'hint' } };
    assertSame(analyzer, text);
    assertSame(analyzer, typed, quieter);
    assertSame(analyzer, text, quieter);
    assert.deepEqual(analyzer.lastRun, { incremental: true, partsParsed: 0, servicesChecked: 1 });
    assertSame(analyzer, typed);
    assertSame(analyzer, text);
  });

  it('re-checks a service whose other port now clashes, though the clashing service and line are the same', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const text = 'services:\n  t:\n    image: x:1\n    ports: ["8080:1"]\n  s:\n    image: x:1\n    ports: ["8080:80", "9090:80"]\n';
    assertSame(analyzer, text);
    assertSame(analyzer, text.replace('"8080:1"', '"9090:1"'));
    assert.equal(analyzer.lastRun.servicesChecked, 2);
    assertSame(analyzer, text);
  });

  it('notices a suppression comment, a lone CR or a !reset tag typed anywhere, one character at a time', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const base = bigCompose(12);
    const at = base.indexOf('\n', base.indexOf('\n  db:')) + 1;
    analyzer.analyze(base);
    for (const typed of ['    # container-hygiene ignore=service-no-new-privileges\n', '    command: !reset []\n']) {
      for (let length = 1; length <= typed.length; length++) assertSame(analyzer, base.slice(0, at) + typed.slice(0, length) + base.slice(at));
      assertSame(analyzer, base);
      assert.equal(analyzer.lastRun.incremental, true);
    }
    // `!resetx` is no tag; deleting the x makes one.
    const untagged = `${base.slice(0, at)}    command: "!resetx"\n${base.slice(at)}`;
    assertSame(analyzer, untagged);
    assert.equal(analyzer.lastRun.incremental, true);
    assertSame(analyzer, untagged.replace('!resetx"', '!reset"'));
    assert.equal(analyzer.lastRun.incremental, false);
    assertSame(analyzer, base.slice(0, at) + '    user: "1000"\r' + base.slice(at));
    assert.equal(analyzer.lastRun.incremental, false);
    assertSame(analyzer, base);
  });

  it('keeps the indentation its fixes use right as services that set it are added and removed', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const wide = (name: string): string => `  ${name}:\n      image: nginx:1\n      environment:\n          TZ: UTC\n`;
    const narrow = (name: string): string => `  ${name}:\n    image: nginx:1\n    environment:\n      TZ: UTC\n`;
    const versions = [
      `services:\n${wide('a')}${wide('b')}${narrow('c')}`,
      `services:\n${wide('a')}${narrow('c')}`,
      `services:\n${wide('a')}${narrow('c')}${narrow('d')}`,
      `services:\n${narrow('c')}${narrow('d')}`,
      `services:\n${wide('a')}${wide('b')}${narrow('c')}`,
    ];
    for (const text of versions) {
      assertSame(analyzer, text);
      assert.equal(analyzer.lastRun.incremental, true);
    }
  });

  it('keeps whole-file results (clashing ports, container names, healthy waits, shared secrets) only while the edited service leaves them', () => {
    const analyzer = new ComposeIncrementalAnalyzer();
    const service = (name: string, lines: string): string => `  ${name}:\n    image: nginx:1.27\n${lines}`;
    let text = 'x-defaults: &defaults\n  restart: always\nservices:\n'
      + service('web', '    container_name: web\n    ports:\n      - "8080:80"\n    depends_on:\n      db:\n        condition: service_started\n')
      + service('db', '    environment:\n      POSTGRES_DB: app\n')
      + service('cache', '    <<: *defaults\n    ports:\n      - "6379:6379"\n')
      + 'volumes:\n  data:\n';
    const found = (rule: string, service: string): boolean => analyzer.analyze(text).some((finding) => finding.rule === rule && finding.message.includes(`"${service}"`));
    const edit = (from: string, to: string, occurrence = 1): void => {
      let at = -1;
      for (let n = 0; n < occurrence; n++) at = text.indexOf(from, at + 1);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      assertSame(analyzer, text);
      assert.equal(analyzer.lastRun.incremental, true, `after ${from} -> ${to}`);
    };
    assertSame(analyzer, text);
    // Each edit changes one service; the finding it makes or removes may be another service's.
    edit('"6379:6379"', '"8080:6379"');
    assert.ok(found('host-port-duplicate', 'web'));
    edit('"8080:80"', '"8081:80"');
    assert.ok(!found('host-port-duplicate', 'web'));
    edit('condition: service_started', 'condition: service_healthy');
    assert.ok(analyzer.analyze(text).some((finding) => finding.messageId === 'waitedFor'));
    edit('    <<: *defaults\n', '    <<: *defaults\n    container_name: web\n');
    assert.ok(found('container-name-duplicate', 'web'));
    edit('container_name: web', 'container_name: www');
    assert.ok(!found('container-name-duplicate', 'web'));
    edit('      POSTGRES_DB: app\n', '      POSTGRES_DB: app\n      DB_PASSWORD: hunter2\n');
    edit('    <<: *defaults\n', '    <<: *defaults\n    environment:\n      DB_PASSWORD: hunter3\n');
    assert.ok(analyzer.analyze(text).some((finding) => finding.message.includes('DB_DB_PASSWORD') || finding.message.includes('CACHE_DB_PASSWORD')));
    // What only the whole file shows: an alias to no anchor, an anchor inside a service.
    edit('image: nginx:1.27', 'image: *nope', 2);
    assert.ok(found('compose-yaml-syntax', 'nope') || analyzer.analyze(text).some((finding) => finding.rule === 'compose-yaml-syntax'));
    text = text.replace('image: *nope', 'image: &mine nginx:1.27');
    assertSame(analyzer, text);
    assert.equal(analyzer.lastRun.incremental, false);
  });

  it('splits a file again only around an edit, as a split of the whole text would', () => {
    const resplit = (before: string, after: string): void => {
      const last = splitComposeFile(before);
      assert.ok(last, JSON.stringify(before));
      const changed = changedRegion(before, after);
      assert.deepEqual(splitComposeFile(after, changed, last), splitComposeFile(after, changed), JSON.stringify(after));
    };
    const file = 'x-a: 1\nvolumes:\n  v:\nservices:\n  web:\n    image: a\n  db:\n    image: b\nnetworks:\n  n:\n';
    // A second `services:` above the first one; the first service indented otherwise; a service key typed at the top level.
    resplit(file, `services:\n  api:\n    image: c\n${file}`);
    resplit(file, file.replace('x-a: 1\n', 'x-a: 1\nservices:\n  api:\n    image: c\n'));
    resplit(file, file.replace('  web:', '   web:'));
    resplit(file, file.replace('  db:', 'db:'));
    resplit(file, file.replace('\n  db:', '\n\n  db:'));
    const piece = fc.oneof(fc.constantFrom(...PIECES, 'services:', '\nservices:\n', '\nvolumes:\n', '\n  web:\n', '\t', '---', '%', '<<: *a'), fc.constantFrom(...LINES).map((line) => `${line}\n`));
    const step = fc.tuple(fc.nat(), fc.nat({ max: 8 }), piece);
    fc.assert(fc.property(fc.constantFrom(...SMALL_SEEDS, bigCompose(20, 3)), fc.array(step, { minLength: 1, maxLength: 20 }), (start, steps) => {
      let last: { text: string; split: ComposeSplit } | undefined;
      let text = start;
      for (const [at, length, inserted] of steps) {
        const offset = at % (text.length + 1);
        text = text.slice(0, offset) + inserted + text.slice(offset + length);
        const changed = changedRegion(last?.text ?? '', text);
        const split = splitComposeFile(text, changed, last?.split);
        assert.deepEqual(split, splitComposeFile(text, changed), JSON.stringify(text));
        if (split) last = { text, split };
      }
    }), params(200));
  });
});
