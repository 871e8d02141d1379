import { strict as assert } from 'node:assert';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { type ExpectedDiagnostic, findOne, hasDiagnostic, open, revertAndCloseAll, ruleOf, SOURCE, waitForDiagnostics } from './helpers';

const { Error: error, Warning: warning } = vscode.DiagnosticSeverity;

/** Waits until every expected diagnostic is there (others may be too: rules keep being added). */
async function expectDiagnostics(relative: string, expected: ExpectedDiagnostic[]): Promise<vscode.Diagnostic[]> {
  const editor = await open(relative);
  const what = expected.map((e) => `${e.rule} at ${e.range.join(':')}`).join(', ');
  return waitForDiagnostics(editor.document.uri, what, (diagnostics) => expected.every((e) => hasDiagnostic(diagnostics, e)));
}

describe('diagnostics on Dockerfiles', () => {
  after(revertAndCloseAll);

  it('the Postgres Dockerfile: the "latest" tag and the password in ENV, on the exact words', async () => {
    const diagnostics = await expectDiagnostics('db/Dockerfile', [
      { rule: 'image-latest-tag', range: [0, 14, 0, 20], severity: warning }, // FROM postgres:«latest»
      { rule: 'secret-in-env-or-arg', range: [6, 4, 6, 21], severity: error }, // ENV «POSTGRES_PASSWORD»=password
    ]);
    const secret = findOne(diagnostics, 'secret-in-env-or-arg');
    assert.doesNotMatch(secret.message, /=password|\bpassword\b/, 'The message must never echo the secret value.');
    assert.match(secret.message, /POSTGRES_PASSWORD_FILE/, 'The message should name the _FILE variant as the remedy.');
  });

  it('the Flask backend Dockerfile: relative WORKDIR and pip cache', async () => {
    await expectDiagnostics('backend-flask/Dockerfile', [
      { rule: 'workdir-relative', range: [3, 8, 3, 21], severity: warning }, // WORKDIR «backend-flask»
      { rule: 'pip-no-cache-dir', range: [6, 4, 6, 16], severity: warning }, // RUN «pip3 install» -r ...
    ]);
  });

  it('every diagnostic carries our source, its rule id and a link to the rule page', async () => {
    const editor = await open('db/Dockerfile');
    const diagnostics = await waitForDiagnostics(editor.document.uri, 'diagnostics', (found) => found.length > 0);
    const foreign = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source !== SOURCE && /hygiene/i.test(d.source ?? ''));
    assert.deepEqual(foreign, [], 'Diagnostics from this extension must all use the source "container-hygiene".');
    for (const diagnostic of diagnostics) {
      assert.equal(typeof diagnostic.code, 'object', `${ruleOf(diagnostic)}: the code should carry a documentation link.`);
      const code = diagnostic.code as { value: string | number; target: vscode.Uri };
      assert.match(String(code.value), /^[a-z0-9]+(-[a-z0-9]+)*$/, 'Rule ids are kebab-case.');
      // The server sends these compact; the client's middleware adds the source and link (client/src/diagnostic-links.ts).
      assert.equal(code.target.toString(true), `https://github.com/container-hygiene/container-hygiene/blob/main/docs/rules/${String(code.value)}.md`);
    }
  });
});
