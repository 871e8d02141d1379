import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { project, read, runCli, type CliRun, type JsonFile } from './cli-harness';

/**
 * The Compose rules these tests are about (those that exist now); every other rule is ignored, so
 * Compose rules still being added do not change what these tests see.
 */
const FOCUS = ['compose-version-obsolete', 'compose-schema', 'compose-yaml-syntax', 'reference-undefined', 'service-image-latest', 'service-image-untagged', 'host-port-duplicate', 'service-path-missing'];

const COMPOSE = `# Shop: web, database and cache.
version: "3.8"

services:
  web:
    build: ./web
    env_file: .env.web # not there yet
    ports:
      - "8080:80"
    depends_on: [db, queue]
  db:
    image: postgres:latest
    volumes:
      - pgdata:/var/lib/postgresql/data
  cache:
    image: redis
`;

/** Declares the database volume (so compose.yaml's use of it is fine) and publishes 8080 again. */
const OVERRIDE = `volumes:
  pgdata: {}
services:
  mail:
    image: axllent/mailpit:v1.20
    ports:
      - "8080:8025"
`;

const DOCKERFILE = 'FROM nginx:1.27\n';

describe('cli on Compose projects', () => {
  let registered = new Set<string>();
  let ignoreOthers: string[] = [];
  before(() => {
    const ids = (JSON.parse(runCli(['rules', '--format', 'json'], process.cwd()).stdout) as { id: string }[]).map((rule) => rule.id);
    registered = new Set(ids);
    ignoreOthers = ['--ignore', ids.filter((id) => !FOCUS.includes(id)).join(',')];
  });

  const lint = (args: readonly string[], cwd: string): CliRun => runCli(['lint', ...ignoreOthers, ...args], cwd, {}, { allRules: true });
  const lintJson = (args: readonly string[], cwd: string): { status: number | null; files: JsonFile[]; stderr: string } => {
    const run = lint(['--format', 'json', ...args], cwd);
    return { status: run.status, files: JSON.parse(run.stdout) as JsonFile[], stderr: run.stderr };
  };
  /** `line:column rule` (1-based), as the stylish output shows them. */
  const brief = (file: JsonFile | undefined): string[] => (file?.findings ?? []).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}`);
  const shop = (): string => project({ 'compose.yaml': COMPOSE, 'compose.override.yaml': OVERRIDE, 'web/Dockerfile': DOCKERFILE });

  it('finds Compose files beside Dockerfiles and reports exact findings, the override merged in', () => {
    const { status, files } = lintJson([], shop());
    assert.equal(status, 1);
    assert.deepEqual(files.map((file) => file.file), ['compose.override.yaml', 'compose.yaml', 'web/Dockerfile']);
    const pathMissing = registered.has('service-path-missing') ? ['7:15 service-path-missing'] : [];
    assert.deepEqual(brief(files[1]), [
      '2:1 compose-version-obsolete',
      ...pathMissing,
      '9:10 host-port-duplicate',
      '10:22 reference-undefined',
      '12:21 service-image-latest',
      '16:12 service-image-untagged',
    ]);
    assert.deepEqual(brief(files[0]), ['7:10 host-port-duplicate']);
    assert.deepEqual(files[2].findings, []);

    const version = files[1].findings[0];
    assert.deepEqual(version, {
      rule: 'compose-version-obsolete', aliases: ['no-version-field'], severity: 'warning',
      message: 'The top-level "version" is obsolete: Compose ignores it and warns; remove it.',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } },
      fixes: [{ title: 'Remove the "version" line' }],
    });
    const undefinedRef = files[1].findings.find((f) => f.rule === 'reference-undefined');
    assert.deepEqual(undefinedRef?.range, { start: { line: 9, character: 21 }, end: { line: 9, character: 26 } });
    assert.match(undefinedRef?.message ?? '', /"queue"/);
  });

  it('without the override, its volume is undefined and the port is not shared', () => {
    const root = project({ 'compose.yaml': COMPOSE, 'web/Dockerfile': DOCKERFILE });
    const { files } = lintJson(['compose.yaml'], root);
    assert.deepEqual(brief(files[0]).filter((line) => /reference-undefined|host-port-duplicate/.test(line)), ['10:22 reference-undefined', '14:9 reference-undefined']);
  });

  it('an existing env_file and build context are not reported', (t) => {
    if (!registered.has('service-path-missing')) return t.skip('service-path-missing is not registered yet');
    const root = project({ 'compose.yaml': COMPOSE, 'compose.override.yaml': OVERRIDE, 'web/Dockerfile': DOCKERFILE, '.env.web': 'A=1\n' });
    assert.ok(!brief(lintJson(['compose.yaml'], root).files[0]).some((line) => line.endsWith('service-path-missing')));
    const noContext = project({ 'compose.yaml': COMPOSE, '.env.web': 'A=1\n' });
    assert.deepEqual(brief(lintJson(['compose.yaml'], noContext).files[0]).filter((line) => line.endsWith('service-path-missing')), ['6:12 service-path-missing']);
  });

  it('exit codes follow the threshold for Compose findings too', () => {
    const root = shop();
    assert.equal(lint([], root).status, 1);
    assert.equal(lint(['--max-severity', 'none'], root).status, 0);
    const onlyWarnings = ['--ignore', 'reference-undefined,host-port-duplicate,service-path-missing'];
    assert.equal(lint([...onlyWarnings, '--max-severity', 'error'], root).status, 0);
    assert.equal(lint([...onlyWarnings], root).status, 1);
    const clean = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
    assert.equal(lint([], clean).status, 0);
    assert.equal(lint(['missing.yaml'], clean).status, 2);
  });

  it('--fix removes the obsolete version (a safe fix) and keeps comments and everything else', () => {
    const root = shop();
    const run = lint(['--fix'], root);
    assert.equal(read(root, 'compose.yaml'), COMPOSE.replace('version: "3.8"\n', ''));
    assert.equal(read(root, 'compose.override.yaml'), OVERRIDE);
    assert.match(run.stdout, /^Fixed 1 problem in 1 file:$/m);
    assert.match(run.stdout, /^ {2}compose\.yaml: 1 fixed$/m);
    assert.doesNotMatch(run.stdout, /compose-version-obsolete/);
    assert.equal(run.status, 1, 'the findings without a safe fix remain');
    const again = lint(['--fix'], root);
    assert.match(again.stdout, /^Nothing to fix\.$/m);
  });

  it('--fix-dry-run shows the Compose diff and writes nothing; json --fix keeps stdout parseable', () => {
    const root = shop();
    const dry = lint(['--fix-dry-run'], root);
    assert.match(dry.stdout, /^-version: "3\.8"$/m);
    assert.equal(read(root, 'compose.yaml'), COMPOSE);
    const { files, stderr } = lintJson(['--fix'], root);
    assert.ok(!files.find((file) => file.file === 'compose.yaml')?.findings.some((f) => f.rule === 'compose-version-obsolete'));
    assert.match(stderr, /fixed 1 problem in 1 file/);
  });

  it('sarif lists Compose results with their file and region', () => {
    const run = lint(['--format', 'sarif'], shop());
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[] };
    const version = log.runs[0].results.find((result) => result.ruleId === 'compose-version-obsolete');
    assert.deepEqual(version?.locations[0].physicalLocation.artifactLocation.uri, 'compose.yaml');
    assert.deepEqual(version?.locations[0].physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 8 });
    assert.ok(log.runs[0].results.some((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'compose.override.yaml'));
  });

  it('--compose-pattern adds names (a glob, repeatable); an explicit .yaml file is linted as Compose', () => {
    const stack = 'version: "3"\nservices:\n  web:\n    image: nginx:latest\n';
    const root = project({ 'deploy/stack.yml': stack, 'deploy/prod/app.yaml': stack, 'notes.yaml': 'a: 1\n' });
    assert.deepEqual(lintJson([], root).files, []);
    assert.deepEqual(lintJson(['--compose-pattern', 'stack.yml'], root).files.map((file) => file.file), ['deploy/stack.yml']);
    const both = lintJson(['--compose-pattern', 'stack.yml', '--compose-pattern', 'deploy/**/app.{yml,yaml}'], root);
    assert.deepEqual(both.files.map((file) => file.file), ['deploy/prod/app.yaml', 'deploy/stack.yml']);
    assert.deepEqual(brief(both.files[0]), ['1:1 compose-version-obsolete', '4:18 service-image-latest']);
    assert.deepEqual(brief(lintJson(['deploy/stack.yml'], root).files[0]), ['1:1 compose-version-obsolete', '4:18 service-image-latest']);
  });

  it('broken YAML is one compose-yaml-syntax error, not a crash', () => {
    const root = project({ 'compose.yaml': 'services:\n  web:\n    image: "nginx\n' });
    const { status, files } = lintJson([], root);
    assert.equal(status, 1);
    assert.deepEqual(brief(files[0]), ['3:12 compose-yaml-syntax']);
  });

  it('--stats prints counts per rule: on stdout after stylish, on stderr beside json and sarif', () => {
    const root = shop();
    const stylish = lint(['--stats'], root);
    const table = /^Findings per rule:\n((?: {2}.+\n)+)(.+)$/m.exec(stylish.stdout);
    assert.ok(table, stylish.stdout);
    const counts = Object.fromEntries(table[1].trim().split('\n').map((row) => row.trim().split(/\s+/)).map(([rule, count]) => [rule, Number(count)]));
    assert.equal(counts['host-port-duplicate'], 2);
    assert.equal(counts['compose-version-obsolete'], 1);
    assert.match(table[1], /^ {2}host-port-duplicate +2 {2}in 2 files$/m, 'most frequent first, with the number of files');
    assert.match(table[2], /from \d+ rules in 3 files \(1 Dockerfile, 2 Compose files\)\.$/);

    const json = lint(['--format', 'json', '--stats'], root);
    assert.ok(Array.isArray(JSON.parse(json.stdout)), 'the JSON output keeps its shape');
    assert.match(json.stderr, /^Findings per rule:$/m);
    assert.match(json.stderr, /^ {2}host-port-duplicate +2 {2}in 2 files$/m);
    const sarif = lint(['--format', 'sarif', '--stats'], root);
    assert.equal((JSON.parse(sarif.stdout) as { version: string }).version, '2.1.0');
    assert.match(sarif.stderr, /^Findings per rule:$/m);
    assert.doesNotMatch(lint([], root).stdout, /Findings per rule/, 'only when asked');
  });

  it('--stats and --compose-pattern belong to lint', () => {
    assert.equal(runCli(['rules', '--stats'], process.cwd()).status, 2);
    assert.match(runCli(['rules', '--compose-pattern', 'x.yml'], process.cwd()).stderr, /--compose-pattern applies to "lint"/);
  });
});
