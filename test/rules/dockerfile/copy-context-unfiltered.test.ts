import { copyContextUnfiltered } from '../../../server/src/rules/dockerfile/copy-context-unfiltered';
import { ruleTester } from '../../helpers/rule-tester';

const noIgnoreFile = { context: { dockerignore: null } };
const ignoreFile = (dockerignore: string) => ({ context: { dockerignore } });
const CREATED = '# Keep version control data, secrets and local build output out of the build context.\n.git\n.env\n.env.*\n!.env.example\n*.pem\n*.key\nnode_modules\n';

ruleTester(copyContextUnfiltered, {
  valid: [
    { name: 'unknown context: silent', code: 'FROM node:20\nCOPY . /app' },
    { name: 'dockerignore excludes both', code: 'FROM node:20\nCOPY . /app', ...ignoreFile('.git\n.env\n') },
    { name: 'folder and glob spellings', code: 'FROM node:20\nCOPY . /app', ...ignoreFile('/.git/\n**/.env\n') },
    { name: 'star patterns', code: 'FROM node:20\nCOPY . /app', ...ignoreFile('**/.git\n*.env\n') },
    { name: 'exclude everything, re-include sources', code: 'FROM node:20\nCOPY . /app', ...ignoreFile('*\n!src\n!package.json\n') },
    { name: 'specific sources only', code: 'FROM node:20\nCOPY package.json src/ /app/', ...noIgnoreFile },
    { name: 'destination dot is fine', code: 'FROM node:20\nWORKDIR /app\nCOPY package.json .', ...noIgnoreFile },
    { name: 'COPY . from another stage', code: 'FROM node:20 AS build\nFROM nginx:1.27\nCOPY --from=build . /usr/share/nginx/html', ...noIgnoreFile },
  ],
  invalid: [
    { name: 'no .dockerignore: create one', code: 'FROM node:20\nWORKDIR /app\nCOPY «.» .\nRUN npm ci', ...noIgnoreFile, messageId: 'noDockerignore',
      sideFiles: { '.dockerignore': CREATED } },
    { name: 'ADD ./ and JSON form', code: 'FROM node:20\nADD «./» /app/\nCOPY [«"."», "/srv"]', ...noIgnoreFile, messageId: 'noDockerignore' },
    { name: '.env missing: append', code: 'FROM node:20\nCOPY «.» /app', ...ignoreFile('node_modules\n.git\n'), messageId: 'notExcluded', messageIncludes: ['.env'],
      sideFiles: { '.dockerignore': 'node_modules\n.git\n.env\n' } },
    { name: 'no final line break', code: 'FROM node:20\nCOPY «.» /app', ...ignoreFile('node_modules'), messageId: 'notExcluded', messageIncludes: ['.git and .env'],
      sideFiles: { '.dockerignore': 'node_modules\n.git\n.env\n' } },
    { name: 'CRLF dockerignore', code: 'FROM node:20\r\ncopy --chown=node «.» /app\r\n', ...ignoreFile('.git\r\n'), messageId: 'notExcluded',
      sideFiles: { '.dockerignore': '.git\r\n.env\r\n' } },
    { name: 're-included later', code: 'FROM node:20\nCOPY «.» /app', ...ignoreFile('.git\n.env*\n!.env\n'), messageId: 'notExcluded', messageIncludes: ['.env'],
      sideFiles: { '.dockerignore': '.git\n.env*\n!.env\n.env\n' } },
    { name: 'empty dockerignore', code: 'FROM node:20\nCOPY «.» /app', ...ignoreFile(''), messageId: 'notExcluded', sideFiles: { '.dockerignore': '.git\n.env\n' } },
  ],
});
