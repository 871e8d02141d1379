import { strict as assert } from 'node:assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { note } from '../report';
import { extension, open, revertAndCloseAll, waitForDiagnostics } from './helpers';

// Runs first (specs load in name order): activation is measured from a cold extension.
describe('activation', () => {
  it('activates in well under a second, and the server reports on the first Dockerfile opened', async () => {
    const ext = extension();
    note(`VS Code ${vscode.version} (${vscode.env.appName}); extension loaded from ${ext.extensionPath}`);
    assert.equal(ext.isActive, false, 'The extension was already active before any Dockerfile was opened: activation is not lazy.');

    const started = performance.now();
    await ext.activate();
    const activationMs = performance.now() - started;
    note(`activation: ${activationMs.toFixed(1)} ms`);
    assert.ok(activationMs < 1000, `Activation took ${activationMs.toFixed(0)} ms; it should stay well under a second.`);

    const openedAt = performance.now();
    const editor = await open('db/Dockerfile');
    await waitForDiagnostics(editor.document.uri, 'the first diagnostics', (diagnostics) => diagnostics.length > 0);
    note(`first diagnostics ${(performance.now() - openedAt).toFixed(0)} ms after opening db/Dockerfile (server start included)`);
    await revertAndCloseAll();
  });

  it('is loaded from where the launcher says (development folder or installed .vsix)', () => {
    const expected = process.env.CONTAINER_HYGIENE_EXPECT_EXTENSION_UNDER;
    assert.ok(expected, 'The launcher did not set CONTAINER_HYGIENE_EXPECT_EXTENSION_UNDER.');
    assert.ok(extension().extensionPath.startsWith(expected), `Extension loaded from ${extension().extensionPath}, expected under ${expected}.`);
  });
});
