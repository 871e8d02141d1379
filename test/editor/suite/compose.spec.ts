import { strict as assert } from 'node:assert';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { applyCodeAction, extension, findOne, hasDiagnostic, lineText, open, revertAndCloseAll, ruleOf, waitForDiagnostics } from './helpers';

interface LanguageContribution { id: string; filenames?: string[] }

describe('Compose files', () => {
  before(async () => {
    // VS Code's built-in YAML extension already registers the `dockercompose` language, so its presence
    // in getLanguages() proves nothing about us: the extension must contribute and lint it itself.
    assert.ok((await vscode.languages.getLanguages()).includes('dockercompose'), 'VS Code knows no dockercompose language.');
    const contributes = (extension().packageJSON as { contributes?: { languages?: LanguageContribution[] } }).contributes;
    const compose = contributes?.languages?.find((language) => language.id === 'dockercompose');
    assert.ok(compose, 'Compose support is missing: package.json contributes no `dockercompose` language.');
    const { document } = await open('docker-compose.yml');
    await waitForDiagnostics(document.uri, 'any diagnostic', (found) => found.length > 0, 10_000).catch(() => {
      throw new Error('Compose support is missing: the server reports nothing on docker-compose.yml (language '
        + `"${document.languageId}"). The client's documentSelector and the server's LANGUAGE_KINDS need \`dockercompose\`.`);
    });
  });
  afterEach(revertAndCloseAll);

  it('docker-compose.yml opens as dockercompose and gets our diagnostics on exact ranges', async () => {
    const { document } = await open('docker-compose.yml');
    assert.equal(document.languageId, 'dockercompose');
    const expected = { rule: 'compose-version-obsolete', range: [0, 0, 0, 7] as [number, number, number, number], severity: vscode.DiagnosticSeverity.Warning };
    await waitForDiagnostics(document.uri, 'compose-version-obsolete on «version»', (found) => hasDiagnostic(found, expected));
  });

  it('the "Remove the version line" quick fix removes it and the diagnostic goes away', async () => {
    const { document } = await open('docker-compose.yml');
    const found = await waitForDiagnostics(document.uri, 'compose-version-obsolete', (all) => all.some((d) => ruleOf(d) === 'compose-version-obsolete'));
    await applyCodeAction(document.uri, findOne(found, 'compose-version-obsolete'), 'Remove the "version" line');
    assert.equal(lineText(document, 0), 'services:');
    await waitForDiagnostics(document.uri, 'compose-version-obsolete to disappear', (all) => !all.some((d) => ruleOf(d) === 'compose-version-obsolete'));
  });
});
