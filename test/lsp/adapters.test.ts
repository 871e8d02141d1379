import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import type { Finding } from '../../server/src/analysis/types';
import { parseClientSettings } from '../../server/src/lsp/client-settings';
import { isRequested } from '../../server/src/lsp/code-actions';
import { decideStartup } from '../../server/src/lsp/command-line';
import { diagnosticData, RULE_DOCS_BASE_URL, toDiagnostic } from '../../server/src/lsp/diagnostics';
import { readInitOptions } from '../../server/src/lsp/init-options';
import { kindOfLanguage } from '../../server/src/lsp/language-kinds';

describe('findings to diagnostics', () => {
  const finding: Finding = {
    rule: 'image-latest-tag', aliases: ['DL3007'], severity: 'hint', message: 'Pin it.', messageId: 'latest',
    range: { start: { line: 0, character: 14 }, end: { line: 0, character: 20 } },
    fixes: [{ title: 'Pin', edits: [], safe: true }],
  };

  it('carries code, source, docs link and severity; the fixes stay in the server', () => {
    const diagnostic = toDiagnostic(finding);
    assert.equal(diagnostic.data, undefined);
    assert.equal(diagnostic.code, 'image-latest-tag');
    assert.equal(diagnostic.source, 'container-hygiene');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Hint);
    assert.equal(diagnostic.codeDescription?.href, `${RULE_DOCS_BASE_URL}/image-latest-tag.md`);
    assert.deepEqual(diagnosticData(diagnostic), { rule: 'image-latest-tag', fixes: [] });
    // What an older server's diagnostic carries (its version and fixes) is still read.
    assert.deepEqual(diagnosticData({ ...diagnostic, data: { rule: 'x', version: 1, fixes: finding.fixes } }), { rule: 'image-latest-tag', version: 1, fixes: finding.fixes });
  });

  it('ignores data of other sources and data it does not recognise', () => {
    const diagnostic = toDiagnostic(finding);
    assert.equal(diagnosticData({ ...diagnostic, source: 'hadolint' }), undefined);
    assert.equal(diagnosticData({ ...diagnostic, data: 'nonsense' }), undefined);
    assert.equal(diagnosticData({ ...diagnostic, code: 3 }), undefined);
    assert.equal(diagnosticData({ ...diagnostic, data: { rule: 'x', version: '1', fixes: [] } }), undefined);
    assert.deepEqual(diagnosticData({ ...diagnostic, data: { rule: 'x', version: 1, fixes: [null, { title: 3 }] } })?.fixes, []);
    assert.equal(diagnosticData({ ...diagnostic, data: { rule: 'x', version: 1, fixes: 'all' } }), undefined);
  });

  it('carries the pin marker through data, and drops a malformed one', () => {
    const pin = { image: 'postgres:latest', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 20 } } };
    const diagnostic = toDiagnostic({ ...finding, pin });
    assert.deepEqual(diagnostic.data, { pin });
    assert.deepEqual(diagnosticData(diagnostic), { rule: 'image-latest-tag', fixes: [], pin });
    const data = diagnostic.data as Record<string, unknown>;
    assert.equal(diagnosticData({ ...diagnostic, data: { ...data, pin: { image: 'x', range: { start: 1 } } } })?.pin, undefined);
  });
});

describe('client settings', () => {
  it('maps the containerHygiene section to analysis settings', () => {
    const { settings, warnings } = parseClientSettings({ rules: { DL3007: 'error', 'workdir-relative': 'off' }, ignoredRules: ['DL3000'], trustedRegistries: ['registry.example.com'] });
    assert.deepEqual(settings, { severityOverrides: { DL3007: 'error', 'workdir-relative': 'off' }, ignored: ['DL3000'], trustedRegistries: ['registry.example.com'] });
    assert.deepEqual(warnings, []);
  });

  it('drops what it cannot use, with a warning each', () => {
    const { settings, warnings } = parseClientSettings({ rules: { a: 'loud', b: 2, c: 'hint' }, ignoredRules: 'DL3000', trustedRegistries: [1] });
    assert.deepEqual(settings, { severityOverrides: { c: 'hint' }, ignored: [], trustedRegistries: [] });
    assert.equal(warnings.length, 4);
    assert.deepEqual(parseClientSettings(null), { settings: { severityOverrides: {}, ignored: [], trustedRegistries: [] }, warnings: [] });
    assert.equal(parseClientSettings({ rules: ['x'] }).warnings.length, 1);
  });
});

describe('code action kinds', () => {
  it('matches requested kinds and their parents', () => {
    assert.equal(isRequested('quickfix', undefined, false), true);
    assert.equal(isRequested('source.fixAll.container-hygiene', undefined, true), false);
    assert.equal(isRequested('source.fixAll.container-hygiene', ['source.fixAll'], true), true);
    assert.equal(isRequested('source.fixAll.container-hygiene', ['source'], true), true);
    assert.equal(isRequested('source.fixAll.container-hygiene', ['source.fix'], true), false);
    assert.equal(isRequested('quickfix', ['source.fixAll'], false), false);
  });
});

describe('start-up', () => {
  const node = ['node', 'server.js'];

  it('serves on the transport it is given', () => {
    assert.deepEqual(decideStartup([...node, '--stdio'], true), { action: 'serve', argv: [...node, '--stdio'] });
    assert.deepEqual(decideStartup([...node, '--node-ipc', '--clientProcessId=1'], false), { action: 'serve', argv: [...node, '--node-ipc', '--clientProcessId=1'] });
    assert.deepEqual(decideStartup([...node, '--socket=5007'], false), { action: 'serve', argv: [...node, '--socket=5007'] });
  });

  it('assumes stdio when piped, explains itself and exits 2 in a terminal', () => {
    assert.deepEqual(decideStartup(node, false), { action: 'serve', argv: [...node, '--stdio'] });
    const terminal = decideStartup(node, true);
    assert.equal(terminal.action === 'print' && terminal.exitCode, 2);
    assert.match(terminal.action === 'print' ? terminal.text : '', /--stdio/);
    const help = decideStartup([...node, '--help'], true);
    assert.equal(help.action === 'print' && help.exitCode, 0);
  });

  it('reads initializationOptions defensively', () => {
    assert.equal(readInitOptions({ debounceMs: 0 }).debounceMs, 0);
    assert.equal(readInitOptions(undefined).debounceMs, 150);
    assert.equal(readInitOptions({ debounceMs: -1 }).debounceMs, 150);
    assert.equal(readInitOptions({ debounceMs: '5' }).debounceMs, 150);
    assert.equal(readInitOptions({ compactDiagnostics: true }).compactDiagnostics, true);
    assert.equal(readInitOptions({ compactDiagnostics: 'yes' }).compactDiagnostics, false);
    assert.equal(readInitOptions(undefined).compactDiagnostics, false);
  });

  it('lints only languages in the table', () => {
    assert.equal(kindOfLanguage('dockerfile'), 'dockerfile');
    assert.equal(kindOfLanguage('plaintext'), undefined);
    assert.equal(kindOfLanguage('constructor'), undefined);
  });
});
