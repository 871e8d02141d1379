// No secret value leaves the tool: a Dockerfile and a Compose file with planted secrets are linted by
// the language server (every notification it sends, code-action answers included, and its logs) and
// by the CLI (every format, and its stderr); none of it may contain a planted value.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { main } from '../../server/src/cli/main';
import { repoRoot } from '../helpers/fixtures';
import { TestClient } from '../lsp/helpers/test-client';

const SECRETS = [
  'hunter2-planted-secret', 'ghp_plantedtoken1234567890abcdefABCDEF1234', 'sk-planted-api-key-0987654321', 'npm_plantedNpmToken0000',
  'composePlantedSecret77', 'mysqlPlantedRootPw', 'listPlantedToken55', 'urlPlantedPw', 'AKIAPLANTEDKEY123456', 'planted-private-key-body',
];

const DOCKERFILE = `FROM postgres:16
ENV POSTGRES_PASSWORD=hunter2-planted-secret
ARG GITHUB_TOKEN=ghp_plantedtoken1234567890abcdefABCDEF1234
ENV API_KEY="sk-planted-api-key-0987654321" DB_PASSWORD_FILE=/run/secrets/db
ARG NPM_TOKEN=npm_plantedNpmToken0000
ENV AWS_ACCESS_KEY_ID=AKIAPLANTEDKEY123456
RUN echo "$NPM_TOKEN" > .npmrc && curl -u admin:urlPlantedPw https://example.com/x
`;

const COMPOSE = `services:
  db:
    image: postgres:latest
    environment:
      POSTGRES_PASSWORD: composePlantedSecret77
      MYSQL_ROOT_PASSWORD: "mysqlPlantedRootPw"
  api:
    image: example/api:1.0
    environment:
      - API_TOKEN=listPlantedToken55
      - DATABASE_URL=postgres://app:urlPlantedPw@db:5432/app
      - SSH_KEY=-----BEGIN OPENSSH PRIVATE KEY-----planted-private-key-body
`;

function leaks(label: string, text: string): void {
  const found = SECRETS.filter((secret) => text.includes(secret));
  assert.deepEqual(found, [], `${label} contains planted secret values`);
}

describe('no secret values in diagnostics, logs or output', { timeout: 120_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'ch-secrets-'));
  writeFileSync(join(root, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(root, 'compose.yaml'), COMPOSE);
  let client: TestClient | undefined;
  after(async () => client?.dispose());

  it('the planted secrets are found (or the test proves nothing)', () => {
    assert.ok(analyze(DOCKERFILE, 'dockerfile').filter((f) => f.rule === 'secret-in-env-or-arg').length >= 4);
    assert.ok(analyze(COMPOSE, 'compose').filter((f) => f.rule === 'service-secret-in-environment').length >= 4);
  });

  it('language server: notifications, code actions and logs', async () => {
    client = await TestClient.start({ server: ['--import', 'tsx', join(repoRoot, 'server', 'src', 'server.ts')], initializationOptions: { debounceMs: 0 } });
    const sent: unknown[] = [];
    for (const [name, languageId, text] of [['Dockerfile', 'dockerfile', DOCKERFILE], ['compose.yaml', 'dockercompose', COMPOSE]] as const) {
      const uri = pathToFileURL(join(root, name)).href;
      await client.open(uri, text, languageId);
      const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
      // Every action a user could ask for on every diagnostic, and "fix all".
      for (const diagnostic of published.diagnostics) sent.push(await client.codeActions(uri, diagnostic.range, [diagnostic]));
      sent.push(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']));
    }
    leaks('publishDiagnostics (data and fixes included)', JSON.stringify(client.published));
    leaks('window/logMessage', JSON.stringify(client.logs));
    leaks('window/showMessage', JSON.stringify(client.messages));
    leaks('code actions', JSON.stringify(sent));
    leaks('server stderr', client.stderr);
  });

  it('CLI: stylish, json and sarif, with --stats', () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      let stdout = '';
      let stderr = '';
      main(['lint', '--format', format, '--stats', '.'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root, env: {}, stdoutIsTTY: false });
      assert.ok(stdout.includes('secret-in-env-or-arg') && stdout.includes('service-secret-in-environment'), `${format} reports the findings`);
      leaks(`CLI ${format} stdout`, stdout);
      leaks(`CLI ${format} stderr`, stderr);
    }
  });
});
