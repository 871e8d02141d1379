import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintJson, project, rulesOf, runCli } from './cli-harness';

const TWO_PROBLEMS = 'FROM postgres:latest\nWORKDIR app\n';

describe('cli settings: config files, comments and flags', () => {
  it('honours .hadolint.yaml `ignored` (by hadolint code) for files below it', () => {
    const root = project({ '.hadolint.yaml': 'ignored:\n  - DL3007\n', 'svc/Dockerfile': TWO_PROBLEMS });
    assert.deepEqual(rulesOf(lintJson([], root).files, 'svc/Dockerfile'), ['workdir-relative']);
  });

  it('honours `# hadolint ignore=DL3007` on the next instruction', () => {
    const root = project({ 'Dockerfile': '# hadolint ignore=DL3007\nFROM postgres:latest\nFROM node:latest\n' });
    const { files } = lintJson([], root);
    assert.deepEqual(files[0].findings.map((finding) => `${finding.rule}@${finding.range.start.line}`), ['image-latest-tag@2']);
  });

  it('reads the nearest .container-hygiene.yaml per folder', () => {
    const root = project({
      '.container-hygiene.yaml': 'rules:\n  image-latest-tag: error\n',
      'a/Dockerfile': TWO_PROBLEMS,
      'b/.container-hygiene.yaml': 'ignored: [workdir-relative]\n',
      'b/Dockerfile': TWO_PROBLEMS,
      'b/Dockerfile.dev': TWO_PROBLEMS,
    });
    const { files } = lintJson([], root);
    assert.equal(files.find((file) => file.file === 'a/Dockerfile')?.findings[0].severity, 'error');
    assert.deepEqual(rulesOf(files, 'b/Dockerfile'), ['image-latest-tag']);
    assert.deepEqual(rulesOf(files, 'b/Dockerfile.dev'), ['image-latest-tag']);
  });

  it('command-line flags win over config files; --ignore takes ids or aliases', () => {
    const root = project({ '.container-hygiene.yaml': 'ignored: [image-latest-tag]\n', 'Dockerfile': TWO_PROBLEMS });
    assert.deepEqual(rulesOf(lintJson(['--rule', 'DL3007=error'], root).files, 'Dockerfile'), ['image-latest-tag', 'workdir-relative']);
    assert.deepEqual(rulesOf(lintJson(['--no-config'], root).files, 'Dockerfile'), ['image-latest-tag', 'workdir-relative']);
    assert.deepEqual(rulesOf(lintJson(['--no-config', '--ignore', 'DL3000'], root).files, 'Dockerfile'), ['image-latest-tag']);
    assert.deepEqual(rulesOf(lintJson(['--no-config', '--ignore', 'DL3000,image-latest-tag'], root).files, 'Dockerfile'), []);
  });

  it('--config reads only the named file (ours or hadolint\'s)', () => {
    const root = project({
      '.container-hygiene.yaml': 'ignored: [image-latest-tag]\n',
      'ci/strict.yaml': 'rules:\n  workdir-relative: error\n',
      'ci/.hadolint.yaml': 'override:\n  error: [DL3007]\n',
      'Dockerfile': TWO_PROBLEMS,
    });
    const strict = lintJson(['--config', 'ci/strict.yaml'], root).files[0].findings;
    assert.deepEqual(strict.map((finding) => `${finding.rule}:${finding.severity}`), ['image-latest-tag:warning', 'workdir-relative:error']);
    const hadolint = lintJson(['--config', 'ci/.hadolint.yaml'], root).files[0].findings;
    assert.deepEqual(hadolint.map((finding) => `${finding.rule}:${finding.severity}`), ['image-latest-tag:error', 'workdir-relative:warning']);
  });

  it('prints each config warning once on stderr and still lints', () => {
    const root = project({ '.container-hygiene.yaml': 'rules:\n  image-latest-tag: loud\n', 'a/Dockerfile': TWO_PROBLEMS, 'b/Dockerfile': TWO_PROBLEMS });
    const run = runCli(['lint'], root);
    assert.equal(run.status, 1);
    const warnings = run.stderr.split('\n').filter((line) => line.includes('"loud"'));
    assert.equal(warnings.length, 1, run.stderr);
    assert.match(run.stderr, /use error, warning, info, hint or off/);
  });

  it('warns about an unknown rule id in --rule', () => {
    const run = runCli(['lint', '--rule', 'no-such-rule=error'], project({ 'Dockerfile': 'FROM alpine:3.20\n' }));
    assert.equal(run.status, 0);
    assert.match(run.stderr, /--rule no-such-rule: no rule has this id or alias/);
  });
});
