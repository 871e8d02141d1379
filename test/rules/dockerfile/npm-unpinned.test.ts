import { npmUnpinned } from '../../../server/src/rules/dockerfile/npm-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(npmUnpinned, {
  valid: [
    'FROM node:22\nRUN npm install && npm ci && npm install --progress=false',
    'FROM node:22\nRUN npm install express@4.19.2 @myorg/privatepackage@">=0.1.0 <0.2.0"',
    'FROM node:22\nRUN npm install -g typescript@5.5.4 && npm i --global pnpm@9',
    'FROM node:22\nRUN npm install ./folder ../x /abs ~/home package-v1.2.3.tgz file:../lib',
    'FROM node:22\nRUN npm install git+https://github.com/npm/cli.git#v10.8.2 npm/cli#v10.8.2',
    'FROM node:22\nRUN npm install --registry https://registry.example.com --loglevel verbose sax@0.1.1',
    'FROM node:22\nRUN npm run --crazy install && npm --version',
    { name: 'boolean flag with an explicit value', code: 'FROM node:22\nRUN npm install --save-exact false sax@1.4.1' },
    { name: 'variables cannot be judged', code: 'FROM node:22\nRUN npm install -g "$TOOL"' },
  ],
  invalid: [
    { name: 'unpinned package', code: 'FROM node:22\nRUN npm install «express»', messageId: 'unpinned', output: null },
    { name: 'scoped, aliases and @latest', code: 'FROM node:22\nRUN npm i «@myorg/privatepackage» && npm add «left-pad@latest»', messageIncludes: ['@<version>'] },
    { name: 'git URL without a ref, registry=value', code: 'FROM node:22\nRUN npm install --registry=https://example.com «git://github.com/npm/npm.git»' },
    { name: 'ONBUILD, lowercase, continuation, CRLF', code: 'FROM node:22\r\nonbuild run npm install -g \\\r\n  «npm»\r\n' },
    { name: 'heredoc, multi-stage', code: 'FROM node:22 AS a\nRUN <<EOF\nnpm install «express» sax@0.1.1\nEOF\nFROM node:22\nRUN npm install --global «typescript»' },
  ],
});
