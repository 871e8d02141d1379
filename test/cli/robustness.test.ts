import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintFiles } from '../../server/src/cli/lint';
import { SettingsResolver } from '../../server/src/cli/settings';
import { lintJson, project } from './cli-harness';

describe('cli robustness', () => {
  it('reports a binary file as not analysed instead of failing', () => {
    const root = project({ 'Dockerfile': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]) });
    const { status, files, stderr } = lintJson([], root);
    assert.deepEqual(files[0].findings.map((finding) => finding.rule), ['file-not-analyzed']);
    assert.equal(status, 0, 'file-not-analyzed is info, below the default threshold');
    assert.equal(stderr, '');
  });

  it('decodes invalid UTF-8 with replacement characters and lints the rest', () => {
    const bytes = Buffer.concat([Buffer.from('FROM postgres:latest\nLABEL note="caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"\n')]);
    const { status, files } = lintJson([], project({ 'Dockerfile': bytes }));
    assert.equal(status, 1);
    assert.ok(files[0].findings.some((finding) => finding.rule === 'image-latest-tag'));
  });

  it('declines huge files with one finding, without reading ones far past the limit', () => {
    const root = project({});
    writeFileSync(join(root, 'Dockerfile'), `FROM alpine:3.20\n${'# padding padding padding padding\n'.repeat(260_000)}`);
    writeFileSync(join(root, 'Containerfile'), '');
    truncateSync(join(root, 'Containerfile'), 64 * 1024 * 1024);
    const { files } = lintJson([], root);
    for (const file of files) {
      assert.deepEqual(file.findings.map((finding) => finding.rule), ['file-not-analyzed'], file.file);
      assert.match(file.findings[0].message, /MB, past the \d+ MB analysis limit/);
    }
  });

  it('lints an empty Dockerfile and one without a trailing newline', () => {
    const { status, files, stderr } = lintJson([], project({ 'a/Dockerfile': '', 'b/Dockerfile': 'FROM alpine:3.20' }));
    assert.deepEqual(files.map((file) => file.file), ['a/Dockerfile', 'b/Dockerfile']);
    assert.deepEqual(files[1].findings, []);
    assert.notEqual(status, 2);
    assert.equal(stderr, '');
  });

  it('turns a file that cannot be read into an error finding (in-process: as root every file is readable)', () => {
    const root = project({ 'Dockerfile/keep': '' }); // a folder where a file was expected: EISDIR
    const warnings: string[] = [];
    const resolver = new SettingsResolver({ useConfigFiles: false, overrides: { ignored: [], trustedRegistries: [], severityOverrides: {} } }, root, (m) => warnings.push(m));
    const [report] = lintFiles([{ path: join(root, 'Dockerfile'), kind: 'dockerfile' }], { fix: 'off' }, { cwd: root, resolver, warn: (m) => warnings.push(m) });
    assert.deepEqual(report.findings.map((finding) => [finding.rule, finding.severity]), [['file-not-analyzed', 'error']]);
    assert.match(report.findings[0].message, /could not be read \(EISDIR\)/);
    assert.deepEqual(warnings, []);
  });
});
