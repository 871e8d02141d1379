import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { defaultSettings } from '../../server/src/analysis/types';

function rulesOf(text: string): string[] {
  return analyze(text, 'dockerfile', undefined, { onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${String(error)}`) }).map((f) => `${f.rule}:${f.messageId}`);
}

describe('bad input gets a diagnostic, never a crash', () => {
  it('empty file: says FROM is missing', () => {
    const findings = analyze('', 'dockerfile');
    assert.deepEqual(findings.map((f) => [f.rule, f.message]), [['dockerfile-syntax', 'No source image provided with `FROM`.']]);
  });
  it('binary bytes: one file-not-analyzed diagnostic', () => {
    assert.deepEqual(rulesOf('\x7fELF\x02\x01\x01\x00\x00\x00binary'), ['file-not-analyzed:binary']);
  });
  it('too large: one file-not-analyzed diagnostic naming the size', () => {
    const huge = 'FROM alpine:3.20\n' + 'RUN echo x\n'.repeat(900_000);
    const findings = analyze(huge, 'dockerfile');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].messageId, 'tooLarge');
    assert.match(findings[0].message, /9\.4 MB/);
  });
  it('unknown instruction: a syntax error on the word', () => {
    const findings = analyze('FROM alpine:3.20\nRUNN echo hi\n', 'dockerfile').filter((f) => f.rule === 'dockerfile-syntax');
    assert.deepEqual(findings.map((f) => [f.message, f.range]), [['Unknown instruction: RUNN.', { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }]]);
  });
  it('BOM, CRLF, lone surrogates and NUL-free control characters do not throw', () => {
    assert.ok(rulesOf('\uFEFFFROM postgres:latest\r\n').includes('image-latest-tag:latest'));
    assert.ok(rulesOf('\ud800FROM a:latest\n\udfff').includes('dockerfile-syntax:invalid'));
    assert.ok(rulesOf('FROM alpine:3.20\nWORKDIR app\r\rWORKDIR b\r\n').includes('workdir-relative:relative'));
  });
  it('escape directive, heredocs and thousands of continuation lines finish', () => {
    const continuation = 'FROM debian:12\nRUN echo a \\\n' + '  && echo b \\\n'.repeat(5000) + '  && echo c\nWORKDIR app\n';
    assert.ok(rulesOf(continuation).includes('workdir-relative:relative'));
    assert.ok(rulesOf('# escape=`\nFROM alpine:3.20\nWORKDIR app `\n  /x\n').includes('workdir-relative:relative'));
    assert.ok(rulesOf('FROM alpine:3.20\nRUN <<EOF\nset -e\nEOF\nWORKDIR app\n').includes('workdir-relative:relative'));
    assert.ok(rulesOf('FROM alpine:3.20\nRUN <<EOF\nunterminated heredoc\nWORKDIR app\n').length >= 0);
  });
  it('a 5 MB Dockerfile is analysed (linear parse) when maxFileSize allows it', () => {
    const big = 'FROM alpine:3.20\n' + 'RUN echo hello\n'.repeat(360_000) + 'WORKDIR rel\n';
    assert.ok(big.length > 5 * 1024 * 1024);
    const findings = analyze(big, 'dockerfile', { ...defaultSettings, maxFileSize: 8 * 1024 * 1024 }, { onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${String(error)}`) });
    assert.ok(findings.some((f) => f.rule === 'workdir-relative'));
  });
});
