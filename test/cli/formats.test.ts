import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintJson, project, runCli } from './cli-harness';

const ESC = '\u001b';
const POSTGRES = 'FROM postgres:latest\nENV POSTGRES_USER=app\n';

describe('cli output formats', () => {
  it('json: an array of {file, findings} with LSP-style 0-based ranges and relative posix paths', () => {
    const root = project({ 'db/Dockerfile': POSTGRES });
    const { status, files } = lintJson([], root);
    assert.equal(status, 1);
    assert.equal(files.length, 1);
    assert.deepEqual(Object.keys(files[0]), ['file', 'findings']);
    assert.equal(files[0].file, 'db/Dockerfile');
    const latest = files[0].findings.find((finding) => finding.rule === 'image-latest-tag');
    assert.ok(latest, 'image-latest-tag reported');
    assert.deepEqual(Object.keys(latest), ['rule', 'aliases', 'severity', 'message', 'range', 'fixes']);
    assert.deepEqual(latest.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 20 } });
    assert.ok(latest.aliases.includes('DL3007'));
    assert.equal(latest.severity, 'warning');
    assert.match(latest.message, /latest/);
  });

  it('json: fixes carry their titles only; every linted file is listed, clean ones with no findings', () => {
    const root = project({ 'a/Dockerfile': 'FROM alpine:3.20\nWORKDIR app\n', 'b/Dockerfile': 'FROM alpine:3.20\n' });
    const { files } = lintJson([], root);
    assert.deepEqual(files.map((file) => file.file), ['a/Dockerfile', 'b/Dockerfile']);
    const workdir = files[0].findings.find((finding) => finding.rule === 'workdir-relative');
    assert.deepEqual(workdir?.fixes, [{ title: 'Use /app' }]);
    assert.deepEqual(files[1].findings, []);
  });

  it('stylish: grouped by file, 1-based line:col, severity, message, rule id, and a summary', () => {
    const root = project({ 'Dockerfile': POSTGRES });
    const run = runCli(['lint'], root);
    assert.equal(run.status, 1);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'Dockerfile');
    assert.match(run.stdout, /^ {2}1:15 +warning +Image "postgres" uses the "latest" tag.* +image-latest-tag$/m);
    assert.match(run.stdout, /^⚠ \d+ problems? \(0 errors, \d+ warnings?, \d+ infos?\)/m);
    assert.ok(!run.stdout.includes(ESC), 'no colours when stdout is not a terminal');
  });

  it('stylish: colours with FORCE_COLOR but never with NO_COLOR', () => {
    const root = project({ 'Dockerfile': 'FROM alpine:3.20\nWORKDIR app\n' });
    assert.ok(runCli(['lint'], root, { FORCE_COLOR: '1' }).stdout.includes(`${ESC}[33mwarning`));
    assert.ok(!runCli(['lint'], root, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout.includes(ESC));
    const clean = runCli(['lint'], project({ 'Dockerfile': 'FROM alpine:3.20\n' }));
    assert.equal(clean.status, 0);
    assert.match(clean.stdout, /No problems found in 1 file/);
  });

  it('sarif: 2.1.0 log with the driver, its rules and 1-based regions', () => {
    const root = project({ 'Dockerfile': POSTGRES, 'w/Dockerfile': 'FROM alpine:3.20\nWORKDIR app\n' });
    const run = runCli(['lint', '--format', 'sarif'], root);
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'container-hygiene');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    const rule = driver.rules.find((candidate: { id: string }) => candidate.id === 'image-latest-tag');
    assert.equal(rule.shortDescription.text, 'Base image uses the latest tag');
    assert.match(rule.helpUri, /^https:\/\/.*docs\/rules\/image-latest-tag\.md$/);
    assert.ok(rule.properties.tags.includes('DL3007'));
    assert.equal(rule.defaultConfiguration.level, 'warning');
    for (const candidate of driver.rules) assert.match(candidate.defaultConfiguration.level, /^(error|warning|note)$/);

    const results = log.runs[0].results;
    const latest = results.find((result: { ruleId: string }) => result.ruleId === 'image-latest-tag');
    assert.equal(latest.level, 'warning');
    assert.equal(driver.rules[latest.ruleIndex].id, 'image-latest-tag');
    assert.match(latest.message.text, /latest/);
    const location = latest.locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location.region, { startLine: 1, startColumn: 15, endLine: 1, endColumn: 21 });

    const workdir = results.find((result: { ruleId: string }) => result.ruleId === 'workdir-relative');
    assert.equal(workdir.locations[0].physicalLocation.artifactLocation.uri, 'w/Dockerfile');
    assert.deepEqual(workdir.fixes, [{
      description: { text: 'Use /app' },
      artifactChanges: [{
        artifactLocation: { uri: 'w/Dockerfile', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { startLine: 2, startColumn: 9, endLine: 2, endColumn: 12 }, insertedContent: { text: '/app' } }],
      }],
    }]);
  });

  it('sarif: info findings map to level "note"; a clean run has an empty results list', () => {
    const root = project({ 'Dockerfile': 'FROM postgres:latest\n' });
    const log = JSON.parse(runCli(['lint', '--format', 'sarif', '--rule', 'image-latest-tag=info', '--max-severity', 'info'], root).stdout);
    assert.equal(log.runs[0].results[0].level, 'note');
    const clean = JSON.parse(runCli(['lint', '--format', 'sarif'], project({ 'Dockerfile': 'FROM alpine:3.20\n' })).stdout);
    assert.deepEqual(clean.runs[0].results, []);
  });

  it('rules: lists every rule as a table and as json', () => {
    const table = runCli(['rules'], process.cwd());
    assert.equal(table.status, 0);
    assert.match(table.stdout, /^image-latest-tag +warning +yes +DL3007, DS-0001 +Base image uses the latest tag$/m);
    const list = JSON.parse(runCli(['rules', '--format', 'json'], process.cwd()).stdout);
    const workdir = list.find((rule: { id: string }) => rule.id === 'workdir-relative');
    assert.deepEqual({ severity: workdir.severity, fixable: workdir.fixable }, { severity: 'warning', fixable: true });
    assert.ok(workdir.aliases.includes('DL3000'));
  });
});
