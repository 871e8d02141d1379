import { yarnCacheNotCleaned } from '../../../server/src/rules/dockerfile/yarn-cache-not-cleaned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(yarnCacheNotCleaned, {
  valid: [
    'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean',
    'FROM node:22\nRUN yarn && yarn build && yarn cache clean --all',
    'FROM node:22\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn',
    'FROM node:22\nRUN --mount=type=cache,target=/root/.cache/yarn yarn install',
    'FROM node:22\nRUN --mount=type=tmpfs,target=/usr/local/share/.cache/yarn yarn install',
    'FROM node:22\nRUN yarn --version && yarn build && yarn run test',
    { name: 'stage that never reaches the final image', code: 'FROM node:22 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html' },
    { name: 'stage built FROM, but cleaned', code: 'FROM node:22 AS base\nRUN yarn install && yarn cache clean\nFROM base\nRUN echo hi' },
  ],
  invalid: [
    { name: 'install without clean', code: 'FROM node:22\nRUN «yarn install» --frozen-lockfile', messageId: 'cacheKept',
      output: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean' },
    { name: 'clean before the install does not count', code: 'FROM node:22\nRUN yarn cache clean && «yarn install» foo',
      output: 'FROM node:22\nRUN yarn cache clean && yarn install foo && yarn cache clean' },
    { name: 'bare yarn, yarn add and global add: reported once', code: 'FROM node:22\nRUN «yarn» && yarn add left-pad && yarn global add serve; yarn build',
      output: 'FROM node:22\nRUN yarn && yarn add left-pad && yarn global add serve; yarn build && yarn cache clean' },
    { name: 'cache mount elsewhere', code: 'FROM node:22\nRUN --mount=type=cache,target=/var/lib/foobar «yarn install»',
      output: 'FROM node:22\nRUN --mount=type=cache,target=/var/lib/foobar yarn install && yarn cache clean' },
    { name: 'stage the final image is built FROM', code: 'FROM node:22 AS base\nRUN «yarn install»\nFROM base\nRUN echo hi',
      output: 'FROM node:22 AS base\nRUN yarn install && yarn cache clean\nFROM base\nRUN echo hi' },
    { name: 'ONBUILD, lowercase, continuation, CRLF', code: 'FROM node:22 AS base\r\nonbuild run «yarn \\\r\n  install»\r\nFROM scratch\r\n',
      output: 'FROM node:22 AS base\r\nonbuild run yarn \\\r\n  install && yarn cache clean\r\nFROM scratch\r\n' },
    { name: 'heredoc', code: 'FROM node:22\nRUN <<EOF\n«yarn install»\nyarn build\nEOF\n',
      output: 'FROM node:22\nRUN <<EOF\nyarn install\nyarn build\nyarn cache clean\nEOF\n' },
    // Found by test/robustness: the appended command would land inside the unclosed quote.
    { name: 'unclosed quote: no fix', code: 'FROM node:22\nRUN «yarn install» "unterminated\n', messageId: 'cacheKept', output: null },
  ],
});
