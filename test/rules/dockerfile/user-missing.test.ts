import { userMissing } from '../../../server/src/rules/dockerfile/user-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(userMissing, {
  valid: [
    'FROM debian:12\nUSER foo',
    { name: 'root is user-root\'s business', code: 'FROM debian:12\nUSER root' },
    { name: 'USER set in the parent stage', code: 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node", "a.js"]' },
    { name: 'distroless nonroot tag', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app' },
    { name: 'image that already runs as non-root', code: 'FROM bitnami/redis:7.2' },
    { name: 'official image with USER in its own Dockerfile', code: 'FROM memcached:1.6' },
    { name: 'Windows images', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    { name: 'node ships a user', code: 'FROM «node:20-alpine»\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]', messageId: 'missingBuiltIn', messageIncludes: ['USER node'],
      output: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]' },
    { name: 'Debian-based python, comment kept with CMD', code: 'FROM «python:3.12-slim»\nRUN pip install flask\n# start it\nCMD ["python", "app.py"]', messageId: 'missing',
      output: 'FROM python:3.12-slim\nRUN pip install flask\nRUN groupadd --system app && useradd --system --gid app --create-home app\nUSER app\n# start it\nCMD ["python", "app.py"]' },
    { name: 'scratch gets a numeric user', code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM «scratch»\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]', messageId: 'missing',
      output: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]' },
    { name: 'alpine, end of file without a line break', code: 'FROM «alpine:3.20»\nRUN apk add curl', messageId: 'missing',
      output: 'FROM alpine:3.20\nRUN apk add curl\nRUN addgroup -S app && adduser -S -G app app\nUSER app' },
    { name: 'fedora, end of file', code: 'FROM «fedora:40»\nRUN dnf -y install httpd\n', messageId: 'missing',
      output: 'FROM fedora:40\nRUN dnf -y install httpd\nRUN groupadd -r app && useradd -r -g app -m app\nUSER app\n' },
    { name: 'RUN after CMD: switch at the end', code: 'FROM «busybox:1.36»\nCMD ["sh"]\nRUN echo hi\n', messageId: 'missing',
      output: 'FROM busybox:1.36\nCMD ["sh"]\nRUN echo hi\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n' },
    { name: 'lowercase instructions and CRLF', code: 'from «debian:12»\r\nrun apt-get update\r\nentrypoint ["bash"]\r\n', messageId: 'missing',
      output: 'from debian:12\r\nrun apt-get update\r\nrun groupadd --system app && useradd --system --gid app --create-home app\r\nuser app\r\nentrypoint ["bash"]\r\n' },
    { name: 'final stage built on a previous stage', code: 'FROM node:20 AS base\nRUN npm ci\nFROM «base»\nCMD ["node", "a.js"]', messageId: 'missingBuiltIn',
      output: 'FROM node:20 AS base\nRUN npm ci\nFROM base\nUSER node\nCMD ["node", "a.js"]' },
    { name: 'user created but never switched to', code: 'FROM «debian:12»\nRUN useradd -m appuser\nCMD ["bash"]', messageId: 'missing',
      output: 'FROM debian:12\nRUN useradd -m appuser\nUSER appuser\nCMD ["bash"]' },
    { name: 'unknown base gets a bare UID', code: 'FROM «myorg/base:1»\nCMD ["x"]', messageId: 'missing', output: 'FROM myorg/base:1\nUSER 10001:10001\nCMD ["x"]' },
    { name: '.NET 8 ships app', code: 'FROM «mcr.microsoft.com/dotnet/aspnet:8.0»\nENTRYPOINT ["dotnet", "app.dll"]', messageId: 'missingBuiltIn',
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\nENTRYPOINT ["dotnet", "app.dll"]' },
    { name: 'base from an ARG default', code: 'ARG BASE=node:20\nFROM «$BASE»\nCMD ["node"]', messageId: 'missingBuiltIn', output: 'ARG BASE=node:20\nFROM $BASE\nUSER node\nCMD ["node"]' },
    { name: 'the seed\'s postgres image steps down by itself', code: 'FROM «postgres:latest»\nENV POSTGRES_DB=mydatabase', messageId: 'dropsPrivileges', output: null },
    { name: 'ONBUILD RUN is not a RUN of this image', code: 'FROM «alpine:3.20»\nONBUILD RUN echo\nCMD ["sh"]', messageId: 'missing',
      output: 'FROM alpine:3.20\nONBUILD RUN echo\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["sh"]' },
    // Found by the property tests: lines added at the end would join an instruction still open there.
    { name: 'no fix when the file ends in a line continuation', code: 'FROM «alpine:3.20»\nCOPY a /b \\\r\n', messageId: 'missing', output: null },
    { name: 'no fix when the file ends in a continuation without a line break', code: 'FROM «alpine:3.20»\nCOPY a /b \\', messageId: 'missing', output: null },
    { name: 'no fix when the file ends inside an unclosed heredoc', code: 'FROM «alpine:3.20»\nRUN <<EOF\necho hi\n', messageId: 'missing', output: null },
    { name: 'no fix when a continuation is followed only by comment and blank lines', code: 'FROM «alpine:3.20»\nLABEL a=b \\\r\n# c\r\n ', messageId: 'missing', output: null },
    // Found by test/robustness: dockerfile-ast's getHeredocs threw on a continuation ending in a lone CR before a comment line.
    { name: 'no fix when a continuation ends in a lone CR before a comment', code: 'FROM «alpine:3.20»\nCOPY a b \\\r# x\n', messageId: 'missing', output: null },
  ],
});
