import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defineRule } from '../../server/src/analysis/rule';
import { DocumentLinter } from '../../server/src/lsp/linter';
import { SettingsProvider } from '../../server/src/lsp/settings-provider';
import { imageLatestTag } from '../../server/src/rules/dockerfile/image-latest-tag';

const throwing = defineRule({
  id: 'always-throws', kind: 'dockerfile', title: 't', severity: 'warning', aliases: [], messages: { m: 'm' }, fixable: false,
  check() {
    throw new Error('boom');
  },
});

describe('DocumentLinter', () => {
  it('logs a throwing rule once by id and still publishes the other rules', async () => {
    const documents = new Map([1, 2].map((n) => [`untitled:${n}`, TextDocument.create(`untitled:${n}`, 'dockerfile', 1, 'FROM alpine:latest\n')]));
    const published: PublishDiagnosticsParams[] = [];
    const errors: string[] = [];
    let onPublish = (): void => undefined;
    const settings = new SettingsProvider({ fetchClientSettings: async () => ({}), warn: () => undefined }, true);
    const linter = new DocumentLinter({ get: (uri) => documents.get(uri), all: () => [...documents.values()] }, settings, {
      publish: (params) => { published.push(params); onPublish(); },
      logError: (message) => errors.push(message),
    }, { debounceMs: 0, rules: [throwing, imageLatestTag] });
    const both = new Promise<void>((resolve) => (onPublish = () => published.length === 2 && resolve()));
    linter.scheduleAll();
    await both;
    assert.deepEqual(published.map((params) => params.diagnostics.map((d) => d.code)), [['image-latest-tag'], ['image-latest-tag']]);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^Rule always-throws threw.*boom/s);
  });
});

describe('SettingsProvider', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ch-settings-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const documentUri = pathToFileURL(join(folder, 'Dockerfile')).toString();
  const configUri = pathToFileURL(join(folder, '.hadolint.yaml')).toString();

  it('caches disk config per folder until the file is reported changed', async () => {
    writeFileSync(join(folder, '.hadolint.yaml'), 'ignored: [DL3007]\n');
    writeFileSync(join(folder, '.dockerignore'), '.git\n');
    const warnings: string[] = [];
    const provider = new SettingsProvider({ fetchClientSettings: async () => ({ ignoredRules: ['from-editor'] }), warn: (m) => warnings.push(m) }, true);
    const first = await provider.settingsFor(documentUri);
    assert.deepEqual(first.settings.ignored, ['from-editor', 'DL3007']);
    assert.equal(first.context.dockerignore, '.git\n');

    writeFileSync(join(folder, '.hadolint.yaml'), 'ignored: 7\n');
    writeFileSync(join(folder, '.dockerignore'), '.env\n');
    assert.deepEqual((await provider.settingsFor(documentUri)).settings.ignored, ['from-editor', 'DL3007'], 'cached until told');

    assert.equal(provider.fileChanged(configUri), true);
    assert.equal(provider.fileChanged(pathToFileURL(join(folder, '.dockerignore')).toString()), true);
    assert.equal(provider.fileChanged(pathToFileURL(join(folder, 'notes.md')).toString()), false);
    const reread = await provider.settingsFor(documentUri);
    assert.deepEqual(reread.settings.ignored, ['from-editor']);
    assert.equal(reread.context.dockerignore, '.env\n');
    await provider.settingsFor(documentUri);
    assert.equal(warnings.length, 1, 'one warning for the bad "ignored", however often the file is linted');
    assert.match(warnings[0], /"ignored" should be a list/);
  });

  it('warns about a bad setting once, and again after the settings change', async () => {
    const warnings: string[] = [];
    const provider = new SettingsProvider({ fetchClientSettings: async () => ({ rules: { DL3007: 'loud' } }), warn: (m) => warnings.push(m) }, true);
    await provider.settingsFor('untitled:a');
    await provider.settingsFor('untitled:b');
    assert.equal(warnings.length, 1);
    provider.clientSettingsChanged();
    await provider.settingsFor('untitled:a');
    assert.equal(warnings.length, 2);
  });

  it('reads disk config every time when nothing reports file changes', async () => {
    writeFileSync(join(folder, '.hadolint.yaml'), 'ignored: [DL3007]\n');
    const provider = new SettingsProvider({ fetchClientSettings: async () => undefined, warn: () => undefined }, false);
    assert.deepEqual((await provider.settingsFor(documentUri)).settings.ignored, ['DL3007']);
    writeFileSync(join(folder, '.hadolint.yaml'), 'ignored: [DL3000]\n');
    assert.deepEqual((await provider.settingsFor(documentUri)).settings.ignored, ['DL3000']);
  });

  it('gives untitled documents the editor settings only, and survives a failing configuration request', async () => {
    const provider = new SettingsProvider({ fetchClientSettings: async () => { throw new Error('no configuration'); }, warn: () => undefined }, true);
    assert.deepEqual(await provider.settingsFor('untitled:Untitled-1'), { settings: { severityOverrides: {}, ignored: [], trustedRegistries: [] }, context: {} });
  });
});
