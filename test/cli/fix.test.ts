import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { lintJson, project, read, runCli } from './cli-harness';

/** Rules with a safe fix, each with a Dockerfile line it fixes and a text the fix leaves in it. */
const SAFE_FIX_CANDIDATES = [
  { rule: 'apt-get-missing-yes', line: 'RUN apt-get install curl', expect: /apt-get install -y curl/ },
  { rule: 'maintainer-deprecated', line: 'MAINTAINER me@example.com', expect: /LABEL/ },
];

describe('cli --fix', () => {
  let safe: (typeof SAFE_FIX_CANDIDATES)[number] | undefined;
  before(() => {
    const registered = new Set((JSON.parse(runCli(['rules', '--format', 'json'], process.cwd()).stdout) as { id: string }[]).map((rule) => rule.id));
    safe = SAFE_FIX_CANDIDATES.find((candidate) => registered.has(candidate.rule));
  });

  it('leaves a finding whose only fix is unsafe (workdir-relative) untouched', () => {
    const text = 'FROM alpine:3.20\nWORKDIR app\n';
    const root = project({ 'Dockerfile': text });
    const run = runCli(['lint', '--fix'], root);
    assert.equal(read(root, 'Dockerfile'), text);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^Nothing to fix\.$/m);
    assert.match(run.stdout, /workdir-relative/);
  });

  it('rewrites the file with safe fixes, keeping BOM and CRLF, and reports what it changed and what is left', (t) => {
    if (!safe) return t.skip('no rule with a safe fix is registered yet');
    const original = `\ufeffFROM debian:12\r\nWORKDIR app\r\n${safe.line}\r\n`;
    const root = project({ 'svc/Dockerfile': original });
    const before = runCli(['lint'], root);
    assert.match(before.stdout, /, \d+ fixable with --fix/);

    const run = runCli(['lint', '--fix'], root);
    const bytes = readFileSync(join(root, 'svc/Dockerfile'));
    const fixed = bytes.toString('utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    assert.match(fixed, safe.expect);
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, 'CRLF line breaks kept');
    assert.match(fixed, /WORKDIR app\r\n/, 'the unsafe workdir fix is not applied');
    assert.match(run.stdout, /^Fixed \d+ problems? in 1 file:$/m);
    assert.match(run.stdout, /^ {2}svc\/Dockerfile: \d+ fixed/m);
    assert.doesNotMatch(run.stdout, new RegExp(`${safe.rule}$`, 'm'), 'the fixed finding is gone');
    assert.match(run.stdout, /workdir-relative$/m, 'remaining findings are reported');
    assert.equal(run.status, 1);

    const again = runCli(['lint', '--fix'], root);
    assert.equal(readFileSync(join(root, 'svc/Dockerfile'), 'utf8'), fixed, 'a second --fix changes nothing');
    assert.match(again.stdout, /^Nothing to fix\.$/m);
  });

  it('json with --fix prints the remaining findings; the summary goes to stderr', (t) => {
    if (!safe) return t.skip('no rule with a safe fix is registered yet');
    const root = project({ 'Dockerfile': `FROM debian:12\n${safe.line}\n` });
    const { files, stderr } = lintJson(['--fix'], root);
    assert.ok(!files[0].findings.some((finding) => finding.rule === safe?.rule));
    assert.match(stderr, /fixed \d+ problems? in 1 file/);
    assert.match(read(root, 'Dockerfile'), safe.expect);
  });

  it('--fix-dry-run prints a diff and writes nothing', (t) => {
    if (!safe) return t.skip('no rule with a safe fix is registered yet');
    const text = `FROM debian:12\n${safe.line}\n`;
    const root = project({ 'Dockerfile': text });
    const run = runCli(['lint', '--fix-dry-run'], root);
    assert.equal(read(root, 'Dockerfile'), text);
    assert.match(run.stdout, /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ /m);
    assert.ok(run.stdout.includes(`-${safe.line}\n`), run.stdout);
    assert.match(run.stdout, /^Would fix \d+ problems? in 1 file:$/m);
  });

  it('does not write a file that is not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('FROM debian:12\n# caf'), Buffer.from([0xe9]), Buffer.from('\nRUN apt-get install curl\n')]);
    const root = project({ 'Dockerfile': bytes });
    const run = runCli(['lint', '--fix'], root);
    assert.deepEqual(readFileSync(join(root, 'Dockerfile')), bytes);
    assert.match(run.stderr, /Not fixing Dockerfile: it is not valid UTF-8/);
  });
});
