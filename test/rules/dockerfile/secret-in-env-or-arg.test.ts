import { secretInEnvOrArg } from '../../../server/src/rules/dockerfile/secret-in-env-or-arg';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(secretInEnvOrArg, {
  valid: [
    'FROM debian:bullseye\nENV foobar=barfoo',
    'ARG foobar\nFROM debian:bullseye',
    { name: 'not secrets by name', code: 'FROM scratch\nENV PUBLIC_KEY= sunflower=foo\nARG public_token\nARG SECRET_PASSPHRASE_FILE\nENV password_file=bar secret_File=baz\nARG AUTH_MODULE_VERSION' },
    { name: 'GPG key fingerprints and paths', code: 'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV SSH_KEY_PATH=/run/secrets/key' },
    { name: 'words that only contain a secret word', code: 'FROM python:3.12\nENV TOKENIZERS_PARALLELISM=false MONKEY=1 KEYBOARD=us' },
    { name: 'auth method is configuration', code: 'FROM postgres:17\nENV POSTGRES_HOST_AUTH_METHOD=scram-sha-256' },
  ],
  invalid: [
    { name: "the seed's Postgres password", code: 'FROM postgres:latest\nENV POSTGRES_DB=mydatabase\nENV POSTGRES_USER=postgres\nENV «POSTGRES_PASSWORD»=password\n',
      messageId: 'envValueFile', messageIncludes: ['POSTGRES_PASSWORD_FILE'], messageExcludes: ['password'],
      output: 'FROM postgres:latest\nENV POSTGRES_DB=mydatabase\nENV POSTGRES_USER=postgres\n' },
    { name: 'ENV value', code: 'FROM debian:bullseye\nENV «my_password»=abcdefghijklmnopqrstuvwxyz\nRUN foobar', messageId: 'envValue',
      messageIncludes: ['docker run -e my_password'], messageExcludes: ['abcdefghijklmnopqrstuvwxyz'], output: 'FROM debian:bullseye\nRUN foobar' },
    { name: 'ARG without a value', code: 'ARG «AWS_ACCESS_KEY_ID»\nFROM debian:bullseye\nRUN foobar', messageId: 'argName', output: null, messageIncludes: ['--mount=type=secret'] },
    { name: 'ARG name in another casing', code: 'ARG «openai_api_key»\nFROM debian:bullseye\nONBUILD RUN foobar', messageId: 'argName' },
    { name: 'ARG default', code: 'FROM alpine:3.20\nARG «NPM_TOKEN»=s3cr3t-value\nRUN npm ci', messageId: 'argValue', messageExcludes: ['s3cr3t-value'],
      output: 'FROM alpine:3.20\nRUN npm ci' },
    { name: 'ENV from a build argument still persists', code: 'FROM alpine:3.20\nARG «DB_PASSWORD»\nENV «DB_PASSWORD»=${DB_PASSWORD}', messageIds: ['argName', 'envName'], output: null },
    { name: 'empty ENV', code: 'FROM alpine:3.20\nENV «git_key»=', messageId: 'envName', output: null },
    { name: 'only the secret property is removed', code: 'FROM alpine:3.20\nENV APP_ENV=prod «API_KEY»=abc123 PORT=8080', messageId: 'envValue',
      output: 'FROM alpine:3.20\nENV APP_ENV=prod PORT=8080' },
    { name: 'first property removed', code: 'FROM alpine:3.20\nENV «SECRET_KEY_BASE»=abc123 PORT=8080\n', messageId: 'envValue', output: 'FROM alpine:3.20\nENV PORT=8080\n' },
    { name: 'two secrets on one line: one fix removes both', code: 'FROM scratch\nENV «password»=bar «secret»=baz keep=1', messageIds: ['envValue', 'envValue'],
      output: 'FROM scratch\nENV keep=1' },
    { name: 'all properties secret: the whole line goes', code: 'FROM scratch\nARG «super_duper_secret_token»=foo «auth»=bar\nRUN x', messageIds: ['argValue', 'argValue'], output: 'FROM scratch\nRUN x' },
    { name: 'continuation lines', code: 'FROM scratch\nENV A=1 \\\n    «DB_PASSWORD»=hunter2 \\\n    B=2\n', messageId: 'envValue', messageExcludes: ['hunter2'],
      output: 'FROM scratch\nENV A=1 \\\n    B=2\n' },
    { name: 'legacy ENV form', code: 'FROM scratch\nENV «ADMIN_PASSWORD» correct horse\n', messageId: 'envValue', messageExcludes: ['correct horse'], output: 'FROM scratch\n' },
    { name: 'AWS key id under an innocent name', code: 'FROM scratch\nENV «DEPLOY_ID»=AKIAIOSFODNN7EXAMPLE', messageId: 'secretValue',
      messageIncludes: ['an AWS access key ID'], messageExcludes: ['AKIAIOSFODNN7EXAMPLE'], output: 'FROM scratch\n' },
    { name: 'GitHub token under an innocent name', code: 'FROM scratch\nARG «GH»=ghp_0123456789abcdefghijABCDEFGHIJ012345\n', messageId: 'secretValue', messageExcludes: ['ghp_'], output: 'FROM scratch\n' },
    { name: 'camelCase, lowercase instruction, CRLF', code: 'FROM scratch\r\nenv «dbPassword»=x1\r\nCMD ["a"]\r\n', messageId: 'envValue', output: 'FROM scratch\r\nCMD ["a"]\r\n' },
    { name: 'ENV SUPER_Secret and SECRET_PASSPHRASE', code: 'FROM scratch\nARG «SECRET_PASSPHRASE»\nENV «SUPER_Secret»=foo\nENV «apikey»=bar sunflower=foo', messageIds: ['argName', 'envValue', 'envValue'] },
    // Found by test/robustness: removing key=value left `ENV API_TOKEN alpine`, a new variable in the legacy form.
    { name: 'key=value mixed with bare words: no fix', code: 'FROM scratch\nENV «key»=value «API_TOKEN» alpine\n', messageIds: ['envValue', 'envName'], output: null },
    { name: 'ARG key=value mixed with bare words: no fix', code: 'FROM scratch\nARG «key»=value «API_TOKEN» alpine\n', messageIds: ['argValue', 'argName'], output: null },
    { name: 'RABBITMQ_DEFAULT_PASS has no _FILE variant', code: 'FROM rabbitmq:3.13\nENV «RABBITMQ_DEFAULT_PASS»=guest', messageId: 'envValue', messageExcludes: ['_FILE', 'guest'] },
  ],
});
