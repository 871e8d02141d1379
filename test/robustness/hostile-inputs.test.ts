// Hostile inputs, each with the diagnostic or message it must get: alias bombs, 10,000-level nesting,
// 5 MB and 50 MB files, binary files, invalid UTF-8, NUL bytes, CRLF/LF mixes, lone surrogates and
// thousands of continuation lines. In process (analysis and the CLI's main); the protocol side is in
// server-resilience.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { DEFAULT_MAX_FILE_SIZE } from '../../server/src/analysis/input-guard';
import { defaultSettings, type DocumentKind, type Finding } from '../../server/src/analysis/types';
import { main } from '../../server/src/cli/main';
import { aliasBomb, binaryFiles, mergeKeyBomb, nestedBlockSequences, nestedFlow, nestedFlowMaps } from './helpers/hostile';
import { analyzeWithinBound, assertFixBehaves, assertRangesInside } from './helpers/invariants';

const MB = 1024 * 1024;

function only(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((finding) => finding.rule === rule);
}

/** Analysis within the time bound, ranges inside, and every fix behaving: the full contract on one input. */
function contract(text: string, kind: DocumentKind): Finding[] {
  const findings = analyzeWithinBound(text, kind);
  assertRangesInside(text, findings);
  for (const finding of findings) for (const fix of finding.fixes) assertFixBehaves(text, kind, finding, fix, findings);
  return findings;
}

function cli(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd, env: {}, stdoutIsTTY: false });
  return { status, stdout, stderr };
}

function folder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'ch-hostile-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  return root;
}

describe('hostile inputs', () => {
  describe('YAML', () => {
    it('an alias bomb is refused in linear time, with one syntax finding at the alias', () => {
      for (const bomb of [aliasBomb(), mergeKeyBomb()]) {
        const findings = contract(bomb, 'compose');
        assert.deepEqual(findings.map((f) => f.rule), ['compose-yaml-syntax']);
        assert.match(findings[0].message, /^Aliases here expand the document to more than \d+ values \(an alias bomb\); it was not analysed further\.$/);
        assert.ok(findings[0].range.start.line >= 3, 'reported at the bomb, not at the top of the file');
      }
    });

    it('10,000-level nesting (flow sequences, flow maps, block sequences) is refused, not a stack overflow', () => {
      for (const deep of [nestedFlow(10_000), nestedFlowMaps(10_000), nestedBlockSequences(10_000)]) {
        const findings = contract(deep, 'compose');
        assert.ok(findings.length > 0 && findings.every((f) => f.rule === 'compose-yaml-syntax' && /nest/.test(f.message)), JSON.stringify(findings.map((f) => f.message)));
      }
    });
  });

  describe('Dockerfile nesting', () => {
    it('10,000 nested $( ), ( ), [ ] and ${A:-${A:-...}} are analysed without throwing', () => {
      const cases = [
        `FROM alpine:3.20\nRUN echo ${'$('.repeat(10_000)}${')'.repeat(10_000)}\nWORKDIR app\n`,
        `FROM alpine:3.20\nRUN ${'('.repeat(10_000)}true${')'.repeat(10_000)}\nWORKDIR app\n`,
        `FROM alpine:3.20\nCMD ${'['.repeat(10_000)}${']'.repeat(10_000)}\nWORKDIR app\n`,
        `FROM alpine:3.20\nENV A=${'${A:-'.repeat(10_000)}x${'}'.repeat(10_000)}\nWORKDIR app\n`,
      ];
      for (const text of cases) {
        const findings = analyzeWithinBound(text, 'dockerfile');
        assertRangesInside(text, findings);
        assert.equal(only(findings, 'workdir-relative').length, 1, 'the rules after the deep line still run');
      }
    });
  });

  describe('size', () => {
    const fiveMb = `FROM alpine:3.20\n${'RUN echo hello\n'.repeat(360_000)}`;
    const fiftyMb = `services:\n  web:\n    image: nginx:1.27\n${'# padding padding padding padding padding padding padding\n'.repeat(950_000)}`;

    it(`5 MB and 50 MB files are declined past maxFileSize (default ${DEFAULT_MAX_FILE_SIZE / MB} MB) with one info finding`, () => {
      assert.ok(fiveMb.length > 5 * MB && fiftyMb.length > 50 * MB);
      for (const [text, kind, size] of [[fiveMb, 'dockerfile', '5.1'], [fiftyMb, 'compose', '5\\d\\.\\d']] as const) {
        const started = performance.now();
        const findings = analyze(text, kind);
        assert.ok(performance.now() - started < 2000, 'declining does not read the whole text');
        assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['file-not-analyzed', 'info']]);
        assert.match(findings[0].message, new RegExp(`^This file is ${size} MB, past the 4 MB analysis limit; raise the containerHygiene\\.maxFileSize setting \\(--max-file-size on the command line\\) to analyse it\\.$`));
      }
    });

    it('maxFileSize counts UTF-8 bytes, as the CLI measures files on disk', () => {
      const limit = 3000;
      const ascii = `FROM alpine:3.20\n#${'a'.repeat(2900)}\n`;
      const accented = `FROM alpine:3.20\n#${'é'.repeat(1500)}\n`; // under 3000 UTF-16 units, over 3000 bytes
      const settings = { ...defaultSettings, maxFileSize: limit };
      assert.ok(!analyze(ascii, 'dockerfile', settings).some((f) => f.rule === 'file-not-analyzed'));
      assert.deepEqual(analyze(accented, 'dockerfile', settings).map((f) => f.messageId), ['tooLarge']);
    });

    it('the CLI takes --max-file-size and does not read a file past it', () => {
      const root = folder({ 'Dockerfile': `FROM alpine:3.20\n${'# a comment line of sixty characters or so, to fill space...\n'.repeat(10_000)}` });
      const declined = cli(['lint', '--format', 'json', '--max-file-size', '512KB', '.'], root);
      const [file] = JSON.parse(declined.stdout) as { findings: { rule: string; message: string }[] }[];
      assert.deepEqual(file.findings.map((f) => f.rule), ['file-not-analyzed']);
      assert.match(file.findings[0].message, /is 0\.6 MB, past the 0\.5 MB analysis limit/);
      assert.equal(declined.status, 0, 'an info finding does not fail the run');
      const analysed = cli(['lint', '--format', 'json', '.'], root);
      assert.ok(!(JSON.parse(analysed.stdout) as { findings: { rule: string }[] }[])[0].findings.some((f) => f.rule === 'file-not-analyzed'));
      const bad = cli(['lint', '--max-file-size', 'huge', '.'], root);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /Bad --max-file-size "huge"; give a size such as 4MB/);
    });
  });

  describe('bytes that are not text', () => {
    it('binary files get one "binary data" finding, in the analysis and through the CLI', () => {
      for (const { name, bytes } of binaryFiles()) {
        for (const kind of ['dockerfile', 'compose'] as const) {
          const findings = analyze(bytes.toString('utf8'), kind);
          assert.deepEqual(findings.map((f) => f.messageId), ['binary'], `${name} as ${kind}`);
          assert.match(findings[0].message, /holds binary data \(NUL or control bytes\), so it was not analysed/);
        }
      }
      const root = folder(Object.fromEntries(binaryFiles().map(({ name, bytes }, i) => [i % 2 ? `${name.replace(/\W/g, '')}.Dockerfile` : `compose.${name.replace(/\W/g, '')}.yaml`, bytes])));
      const result = cli(['lint', '--format', 'json', '.'], root);
      const files = JSON.parse(result.stdout) as { file: string; findings: { rule: string }[] }[];
      assert.equal(files.length, 4);
      for (const file of files) assert.deepEqual(file.findings.map((f) => f.rule), ['file-not-analyzed'], file.file);
      assert.equal(result.stderr, '');
    });

    it('NUL bytes: at the start the file is binary; past the 8 KB sample the rest is analysed without throwing', () => {
      assert.deepEqual(analyze('FROM alpine:3.20\n\0RUN x\n', 'dockerfile').map((f) => f.messageId), ['binary']);
      const late = `FROM alpine:3.20\n${'# filler line\n'.repeat(700)}RUN echo "a\0b"\nWORKDIR app\n`;
      assert.equal(only(contract(late, 'dockerfile'), 'workdir-relative').length, 1);
      const lateYaml = `services:\n  web:\n    image: nginx:latest\n${'# filler line\n'.repeat(700)}x-nul: "a\0b"\n`;
      contract(lateYaml, 'compose');
    });

    it('invalid UTF-8 is decoded with U+FFFD and linted, Dockerfile and Compose alike', () => {
      const root = folder({
        'Dockerfile': Buffer.concat([Buffer.from('FROM postgres:latest\nLABEL note="caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('"\n')]),
        'compose.yaml': Buffer.concat([Buffer.from('services:\n  db:\n    image: postgres:latest\n    labels:\n      note: "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]),
      });
      const result = cli(['lint', '--format', 'json', '.'], root);
      const files = JSON.parse(result.stdout) as { file: string; findings: { rule: string }[] }[];
      assert.ok(files.find((f) => f.file === 'Dockerfile')?.findings.some((f) => f.rule === 'image-latest-tag'));
      assert.ok(files.find((f) => f.file === 'compose.yaml')?.findings.some((f) => f.rule === 'service-image-latest'));
      for (const text of ['FROM postgres:latest\nLABEL a="\ufffd\ufffd"\n', 'services:\n  db:\n    image: "\ufffd:latest"\n']) contract(text, text.startsWith('FROM') ? 'dockerfile' : 'compose');
    });
  });

  describe('line breaks and characters', () => {
    it('CRLF, LF and lone CR mixed: ranges stay inside lines, fixes keep the other line breaks', () => {
      const dockerfile = 'FROM postgres:latest\r\nRUN apt-get update && apt-get install curl\nWORKDIR app\r\rUSER root\r\nMAINTAINER me\n\rEXPOSE 22\r\n';
      const findings = contract(dockerfile, 'dockerfile');
      for (const rule of ['image-latest-tag', 'apt-get-missing-yes', 'workdir-relative', 'maintainer-deprecated', 'expose-ssh']) assert.ok(only(findings, rule).length > 0, rule);
      const compose = 'services:\r\n  web:\n    image: nginx:latest\r\n    ports:\r\n      - "80:80"\n      - "80:80"\r\n';
      assert.ok(contract(compose, 'compose').some((f) => f.rule === 'service-image-latest'));
    });

    it('a range never ends between the \\r and \\n of a line break', () => {
      const text = 'services:\n  services: nginx:latest\n\r\n  - \n';
      assertRangesInside(text, analyze(text, 'compose'));
    });

    it('lone surrogates, a BOM and astral characters anywhere', () => {
      const dockerfiles = ['\ud800FROM alpine:latest\n', 'FROM alpine:3.20\nRUN echo \udc00 && apt-get install x\n', 'FROM alpine:3.20\nLABEL a="🐳\ud83d"\nWORKDIR 🐳\n', '\ufeffFROM alpine:latest\nUSER \udfff\n'];
      for (const text of dockerfiles) contract(text, 'dockerfile');
      const composeFiles = ['services:\n  web:\n    image: "nginx:\ud800"\n', 'services:\n  \udc00:\n    image: nginx:latest\n', '\ufeffservices:\n  web:\n    image: 🐳:latest\n'];
      for (const text of composeFiles) contract(text, 'compose');
      assert.ok(only(analyze('\ufeffFROM alpine:latest\n', 'dockerfile'), 'image-latest-tag').length === 1, 'a BOM does not hide the first instruction');
    });

    it('thousands of continuation lines in one instruction', () => {
      const run = `FROM debian:12\nRUN apt-get update && apt-get install \\\n${'    pkg \\\n'.repeat(10_000)}    last\nWORKDIR app\n`;
      const findings = analyzeWithinBound(run, 'dockerfile');
      assertRangesInside(run, findings);
      for (const rule of ['apt-get-missing-yes', 'apt-lists-not-removed', 'workdir-relative']) assert.equal(only(findings, rule).length, 1, rule);
      const label = `FROM debian:12\nLABEL ${Array.from({ length: 5000 }, (_, i) => `k${i}=v \\`).join('\n  ')}\n  last=v\nWORKDIR app\n`;
      assert.equal(only(analyzeWithinBound(label, 'dockerfile'), 'workdir-relative').length, 1);
      const empty = `FROM debian:12\nRUN echo a \\\n${'\\\n'.repeat(5000)}  b\nWORKDIR app\n`;
      assert.equal(only(analyzeWithinBound(empty, 'dockerfile'), 'workdir-relative').length, 1);
      const ports = `services:\n  web:\n    image: nginx:latest\n    ports:\n${Array.from({ length: 5000 }, (_, i) => `      - "${10_000 + i}:80"`).join('\n')}\n    command: >\n${'      folded line\n'.repeat(5000)}`;
      assert.ok(analyzeWithinBound(ports, 'compose').some((f) => f.rule === 'service-image-latest'));
    });
  });
});
