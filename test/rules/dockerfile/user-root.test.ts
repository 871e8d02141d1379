import { userRoot } from '../../../server/src/rules/dockerfile/user-root';
import { ruleTester } from '../../helpers/rule-tester';

const ADD_APP_ALPINE = 'RUN addgroup -S app && adduser -S -G app app';
const ADD_APP_DEBIAN = 'RUN groupadd --system app && useradd --system --gid app --create-home app';

ruleTester(userRoot, {
  valid: [
    'FROM scratch\nUSER foo',
    { name: 'switches back to a non-root user', code: 'FROM scratch\nUSER root\nRUN something\nUSER foo' },
    { name: 'root only in a builder stage', code: 'FROM debian:12 AS base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else' },
    { name: 'ancestor switches back', code: 'FROM debian:12 AS base\nUSER root\nRUN something\nUSER foo\nFROM base\nRUN something else' },
    { name: 'a name that starts with root', code: 'FROM debian:12\nUSER rootless' },
    { name: 'variable', code: 'FROM debian:12\nUSER ${APP_USER}' },
    { name: 'no USER at all (user-missing reports that)', code: 'FROM debian:12\nCMD ["bash"]' },
  ],
  invalid: [
    { name: 'root on scratch', code: 'FROM scratch\nUSER «root»', messageId: 'root', output: 'FROM scratch\nUSER 65532:65532' },
    { name: 'UID 0', code: 'FROM scratch\nUSER «0»', messageId: 'root', output: 'FROM scratch\nUSER 65532:65532' },
    { name: 'root:root', code: 'FROM scratch\nUSER «root:root»\n', messageId: 'root', output: 'FROM scratch\nUSER 65532:65532\n' },
    { name: '0:0', code: 'FROM scratch\nUSER «0:0»', messageId: 'root' },
    { name: 'no fix when a RUN after USER root is still open at the end of the file', code: 'FROM debian:12\nUSER «root»\nRUN apt-get update \\\n', messageId: 'root', output: null },
    { name: 'node ships a user', code: 'FROM node:20\nUSER «root»\nCMD ["node", "app.js"]', messageId: 'root',
      output: 'FROM node:20\nUSER node\nCMD ["node", "app.js"]' },
    { name: 'distroless ships nonroot', code: 'FROM gcr.io/distroless/static-debian12\nUSER «root»', messageId: 'root',
      output: 'FROM gcr.io/distroless/static-debian12\nUSER nonroot' },
    { name: 'unknown base gets a bare UID', code: 'FROM myorg/base:1\nUSER «root»\n', messageId: 'root', output: 'FROM myorg/base:1\nUSER 10001:10001\n' },
    { name: 'user created with useradd', code: 'FROM ubuntu:24.04\nRUN useradd --create-home worker\nUSER «root»', messageId: 'root',
      output: 'FROM ubuntu:24.04\nRUN useradd --create-home worker\nUSER worker' },
    { name: 'switch back to the earlier user after the root steps', code: 'FROM debian:12\nRUN useradd -m appuser\nUSER appuser\nUSER «root»\nRUN apt-get update\nCMD ["bash"]\n', messageId: 'root',
      output: 'FROM debian:12\nRUN useradd -m appuser\nUSER appuser\nUSER root\nRUN apt-get update\nUSER appuser\nCMD ["bash"]\n' },
    { name: 'root still needed by a RUN: new user before CMD', code: 'FROM alpine:3.20\nUSER «root»\nRUN apk add --no-cache curl\nCMD ["sh"]', messageId: 'root',
      output: `FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\n${ADD_APP_ALPINE}\nUSER app\nCMD ["sh"]` },
    { name: 'root replaced in place with the user created first', code: 'FROM alpine:3.20\nUSER «root»\nCMD ["sh"]', messageId: 'root',
      output: `FROM alpine:3.20\n${ADD_APP_ALPINE}\nUSER app\nCMD ["sh"]` },
    { name: 'transitive root from the parent stage', code: 'FROM debian as base\nUSER «root»\nRUN something\nFROM base\nRUN something else\n', messageId: 'root',
      output: `FROM debian as base\nUSER root\nRUN something\nFROM base\nRUN something else\n${ADD_APP_DEBIAN}\nUSER app\n` },
    { name: 'heredoc RUN after root', code: 'FROM alpine:3.20\nUSER «root»\nRUN <<EOF\napk add curl\nEOF\nCMD ["sh"]', messageId: 'root',
      output: `FROM alpine:3.20\nUSER root\nRUN <<EOF\napk add curl\nEOF\n${ADD_APP_ALPINE}\nUSER app\nCMD ["sh"]` },
    { name: 'comments above CMD stay with it', code: 'FROM node:20\nUSER «root»\nRUN npm ci\n# container-hygiene ignore=healthcheck-missing\nCMD ["node", "a.js"]', messageId: 'root',
      output: 'FROM node:20\nUSER root\nRUN npm ci\nUSER node\n# container-hygiene ignore=healthcheck-missing\nCMD ["node", "a.js"]' },
    { name: 'lowercase instructions and CRLF', code: 'from alpine:3.20\r\nuser «root»\r\nrun apk add curl\r\ncmd ["sh"]\r\n', messageId: 'root',
      output: 'from alpine:3.20\r\nuser root\r\nrun apk add curl\r\nrun addgroup -S app && adduser -S -G app app\r\nuser app\r\ncmd ["sh"]\r\n' },
    { name: 'postgres steps down by itself', code: 'FROM postgres:17\nUSER «root»', messageId: 'rootDropsPrivileges', output: null },
  ],
});
