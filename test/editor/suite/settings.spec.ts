import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { findOne, open, revertAndCloseAll, ruleOf, waitForDiagnostics } from './helpers';

async function setRules(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('containerHygiene').update('rules', rules, vscode.ConfigurationTarget.Workspace);
}

describe('settings', () => {
  afterEach(async () => {
    await setRules(undefined);
    await revertAndCloseAll();
  });

  it('turning a rule off in containerHygiene.rules takes effect without a reload, and back on again', async () => {
    const { document } = await open('db/Dockerfile');
    const hasLatest = (found: vscode.Diagnostic[]): boolean => found.some((d) => ruleOf(d) === 'image-latest-tag');
    await waitForDiagnostics(document.uri, 'image-latest-tag', hasLatest);

    await setRules({ 'image-latest-tag': 'off' });
    const off = await waitForDiagnostics(document.uri, 'image-latest-tag to go away', (found) => found.length > 0 && !hasLatest(found));
    assert.ok(off.some((d) => ruleOf(d) === 'secret-in-env-or-arg'), 'Only the rule turned off goes away.');

    await setRules(undefined);
    await waitForDiagnostics(document.uri, 'image-latest-tag to come back', hasLatest);
  });

  it('a severity override by hadolint alias (DL3007: error) changes the squiggle', async () => {
    const { document } = await open('db/Dockerfile');
    await setRules({ DL3007: 'error' });
    const found = await waitForDiagnostics(document.uri, 'image-latest-tag as an error',
      (all) => all.some((d) => ruleOf(d) === 'image-latest-tag' && d.severity === vscode.DiagnosticSeverity.Error));
    assert.equal(findOne(found, 'image-latest-tag').severity, vscode.DiagnosticSeverity.Error);
  });
});
