import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { project, runCli } from './cli-harness';

const WARNING_ONLY = { 'Dockerfile': 'FROM postgres:latest\n' };

describe('cli exit codes and usage errors', () => {
  it('0 without findings, 1 with a warning at the default threshold', () => {
    assert.equal(runCli(['lint'], project({ 'Dockerfile': 'FROM alpine:3.20\n' })).status, 0);
    assert.equal(runCli(['lint'], project(WARNING_ONLY)).status, 1);
  });

  it('with every rule on, the example project fails on the postgres:latest of its db image', () => {
    const run = runCli(['lint', 'examples/cruddur', '--format', 'json'], resolve(__dirname, '../..'), {}, { allRules: true });
    assert.equal(run.status, 1);
    const db = (JSON.parse(run.stdout) as { file: string; findings: { rule: string }[] }[]).find((file) => file.file === 'examples/cruddur/db/Dockerfile');
    assert.ok(db?.findings.some((finding) => finding.rule === 'image-latest-tag'));
  });

  it('--max-severity and its synonym --failure-threshold move the threshold', () => {
    const root = project(WARNING_ONLY);
    assert.equal(runCli(['lint', '--max-severity', 'error'], root).status, 0);
    assert.equal(runCli(['lint', '--failure-threshold', 'error'], root).status, 0);
    assert.equal(runCli(['lint', '--max-severity=warning'], root).status, 1);
    assert.equal(runCli(['lint', '--failure-threshold', 'none'], root).status, 0);
    assert.equal(runCli(['lint', '--rule', 'image-latest-tag=info'], root).status, 0, 'info is below the default threshold');
    assert.equal(runCli(['lint', '--rule', 'image-latest-tag=info', '--failure-threshold', 'info'], root).status, 1);
    assert.equal(runCli(['lint', '--rule', 'image-latest-tag=hint', '--failure-threshold', 'style'], root).status, 1, "hadolint's style is our hint");
  });

  it('--quiet shows and fails on errors only', () => {
    const root = project(WARNING_ONLY);
    const quiet = runCli(['lint', '--quiet'], root);
    assert.equal(quiet.status, 0);
    assert.doesNotMatch(quiet.stdout, /image-latest-tag/);
    const asError = runCli(['lint', '--quiet', '--rule', 'DL3007=error'], root);
    assert.equal(asError.status, 1);
    assert.match(asError.stdout, /error +Image "postgres"/);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['unknown flag', ['lint', '--frobnicate'], /Unknown option '--frobnicate'/],
    ['bad format', ['lint', '--format', 'xml'], /Unknown format "xml"/],
    ['missing flag value', ['lint', '--format'], /--format/],
    ['bad threshold', ['lint', '--max-severity', 'fatal'], /Unknown level "fatal"/],
    ['bad --rule', ['lint', '--rule', 'image-latest-tag'], /Bad --rule "image-latest-tag"/],
    ['bad --rule level', ['lint', '--rule', 'image-latest-tag=loud'], /Bad --rule/],
    ['missing path', ['lint', 'no/such/dir'], /Path not found: no\/such\/dir/],
    ['missing config', ['lint', '--config', 'nope.yaml'], /Config file not found: nope\.yaml/],
    ['unknown command', ['check'], /Unknown command "check"/],
    ['no command', [], /Missing command/],
    ['--fix with --fix-dry-run', ['lint', '--fix', '--fix-dry-run'], /either --fix or --fix-dry-run/],
    ['lint flag on rules', ['rules', '--fix'], /--fix applies to "lint"/],
  ];
  for (const [name, args, message] of usageErrors) {
    it(`exit 2 with a message on stderr: ${name}`, () => {
      const run = runCli(args, project(WARNING_ONLY));
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /^container-hygiene: /);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(run.stdout, '');
    });
  }

  it('an unreadable explicit config is a usage error', () => {
    const root = project({ ...WARNING_ONLY, 'bad.yaml': 'rules: [unclosed\n' });
    const run = runCli(['lint', '--config', 'bad.yaml'], root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bad\.yaml: ignored, it could not be read/);
  });

  it('--help lists flags and exit codes; --version prints the package version', () => {
    const help = runCli(['--help'], process.cwd());
    assert.equal(help.status, 0);
    for (const flag of ['--format', '--fix', '--max-severity', '--failure-threshold', '--config', '--no-config', '--ignore', '--trusted-registry', '--rule', '--quiet', '--version']) {
      assert.ok(help.stdout.includes(flag), `help mentions ${flag}`);
    }
    assert.match(help.stdout, /Exit codes:[\s\S]*0 [\s\S]*1 [\s\S]*2 /);
    const { version } = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
    const run = runCli(['--version'], process.cwd());
    assert.equal(run.stdout.trim(), version);
  });
});
