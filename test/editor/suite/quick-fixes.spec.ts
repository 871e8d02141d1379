import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { applyCodeAction, findOne, lineText, open, revertAndCloseAll, ruleOf, waitForDiagnostics } from './helpers';

describe('quick fixes', () => {
  afterEach(revertAndCloseAll);

  it('"Use /backend-flask" rewrites the relative WORKDIR and its diagnostic goes away', async () => {
    const { document } = await open('backend-flask/Dockerfile');
    const before = await waitForDiagnostics(document.uri, 'workdir-relative', (found) => found.some((d) => ruleOf(d) === 'workdir-relative'));
    const action = await applyCodeAction(document.uri, findOne(before, 'workdir-relative'), 'Use /backend-flask');
    assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);

    assert.equal(lineText(document, 3), 'WORKDIR /backend-flask');
    await waitForDiagnostics(document.uri, 'workdir-relative to disappear', (found) => !found.some((d) => ruleOf(d) === 'workdir-relative'));
  });

  it('"Disable secret-in-env-or-arg for this line" adds the comment above and silences only that line', async () => {
    const { document } = await open('db/Dockerfile');
    const before = await waitForDiagnostics(document.uri, 'secret-in-env-or-arg', (found) => found.some((d) => ruleOf(d) === 'secret-in-env-or-arg'));
    await applyCodeAction(document.uri, findOne(before, 'secret-in-env-or-arg'), 'Disable secret-in-env-or-arg for this line');

    assert.equal(lineText(document, 6), '# container-hygiene ignore=secret-in-env-or-arg');
    assert.equal(lineText(document, 7), 'ENV POSTGRES_PASSWORD=password');
    const after = await waitForDiagnostics(document.uri, 'secret-in-env-or-arg to disappear',
      (found) => !found.some((d) => ruleOf(d) === 'secret-in-env-or-arg') && found.some((d) => ruleOf(d) === 'image-latest-tag'));
    assert.ok(after.some((d) => ruleOf(d) === 'image-latest-tag'), 'Other rules on the file keep reporting.');
  });
});
