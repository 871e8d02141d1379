import { secretFileCopied } from '../../../server/src/rules/dockerfile/secret-file-copied';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(secretFileCopied, {
  valid: [
    'FROM node:20\nCOPY package.json package-lock.json ./',
    { name: 'env templates', code: 'FROM node:20\nCOPY .env.example .env.sample .env.template /app/' },
    { name: 'public certificates and keys', code: 'FROM alpine:3.20\nCOPY ca.pem /usr/local/share/ca-certificates/\nCOPY fullchain.pem id_rsa.pub /etc/ssl/' },
    { name: 'destination named .env is not a source', code: 'FROM alpine:3.20\nCOPY config/app.env.dist /app/.env' },
    { name: 'from another stage', code: 'FROM alpine:3.20 AS keys\nFROM alpine:3.20\nCOPY --from=keys /root/.ssh/id_rsa /tmp/' },
    { name: 'heredoc body', code: 'FROM alpine:3.20\nCOPY <<EOF /app/.env\nMODE=dev\nEOF' },
    { name: 'variable source', code: 'FROM alpine:3.20\nCOPY ${CONFIG} /app/' },
    { name: 'ADD from a URL', code: 'FROM alpine:3.20\nADD https://example.com/server.key /tmp/' },
  ],
  invalid: [
    { name: '.env', code: 'FROM node:20\nCOPY «.env» /app/', messageId: 'copied', output: null, messageIncludes: ['".env"'] },
    { name: '.env.production among other sources', code: 'FROM node:20\nCOPY package.json «.env.production» ./', messageId: 'copied' },
    { name: 'private keys', code: 'FROM alpine:3.20\nCOPY «id_rsa» «deploy/id_ed25519» /root/.ssh/\nADD «certs/server.key» «tls/privkey.pem» «store.p12» /etc/ssl/', messageId: 'copied' },
    { name: 'package manager and cloud credentials', code: 'FROM node:20\nCOPY «.npmrc» «.pypirc» «.netrc» /root/\nCOPY «.aws/credentials» /root/.aws/\nCOPY «.aws» /root/.aws\nCOPY «.docker/config.json» /root/.docker/',
      messageId: 'copied' },
    { name: 'other credential files', code: 'FROM alpine:3.20\nCOPY «credentials.json» «.git-credentials» «kubeconfig» /secrets/', messageId: 'copied' },
    { name: 'JSON form', code: 'FROM node:20\nCOPY [«".env"», "/app/.env"]', messageId: 'copied' },
    { name: 'globs that pick keys', code: 'FROM nginx:1.27\nCOPY «*.pem» /etc/nginx/\nCOPY «.env*» /app/', messageId: 'copied' },
    { name: 'flags, lowercase, CRLF', code: 'from node:20\r\ncopy --chown=node:node «./.env» /app/\r\n', messageId: 'copied' },
  ],
});
