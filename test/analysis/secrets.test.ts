import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSecretFilePath, isSecretName, nameWords, secretValueKind } from '../../server/src/analysis/secrets';

describe('secret detection', () => {
  it('splits names into words', () => {
    assert.deepEqual(nameWords('SUPER_Secret'), ['super', 'secret']);
    assert.deepEqual(nameWords('dbPassword'), ['db', 'password']);
    assert.deepEqual(nameWords('api-key.v2'), ['api', 'key', 'v2']);
  });
  it('flags secret-like names with BuildKit\'s words, and spares files, public keys and versions', () => {
    for (const name of ['SECRET_PASSPHRASE', 'password', 'auth', 'apikey', 'git_key', 'AWS_ACCESS_KEY_ID', 'openai_api_key', 'DBPASSWORD', 'OKTA_OAUTH2_CLIENTSECRET', 'RABBITMQ_DEFAULT_PASS']) {
      assert.ok(isSecretName(name), name);
    }
    for (const name of ['sunflower', 'PUBLIC_KEY', 'public_token', 'SECRET_PASSPHRASE_FILE', 'AUTH_MODULE_VERSION', 'GPG_KEY', 'TOKENIZERS_PARALLELISM', 'MONKEY', 'PWD']) {
      assert.ok(!isSecretName(name), name);
    }
  });
  it('recognises credential-shaped values without returning them', () => {
    assert.equal(secretValueKind('AKIAIOSFODNN7EXAMPLE'), 'an AWS access key ID');
    assert.equal(secretValueKind('-----BEGIN OPENSSH PRIVATE KEY-----\nabc'), 'a private key');
    assert.equal(secretValueKind('ghp_0123456789abcdefghijABCDEFGHIJ012345'), 'a GitHub token');
    assert.equal(secretValueKind('production'), null);
  });
  it('recognises credential files', () => {
    for (const path of ['.env', './.env.production', 'id_rsa', 'keys/id_ed25519', 'tls/privkey.pem', 'server.key', 'a.p12', '.npmrc', '.aws/credentials', '.docker/config.json', 'C:\\Users\\me\\.netrc', '*.pem', '.env*', '.ssh/']) {
      assert.ok(isSecretFilePath(path), path);
    }
    for (const path of ['.env.example', '.env.sample', 'ca.pem', 'cert.pem', 'fullchain.pem', 'id_rsa.pub', 'app.env.dist', 'src', '.', 'package.json']) {
      assert.ok(!isSecretFilePath(path), path);
    }
  });
});
