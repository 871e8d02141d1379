import { apkNoCache } from '../../../server/src/rules/dockerfile/apk-no-cache';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(apkNoCache, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0',
    'FROM alpine:3.20\nRUN apk --no-cache add curl',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl',
    'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk/ apk add curl',
    { name: 'cache removed later in the same RUN', code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*' },
    { name: 'other subcommands', code: 'FROM alpine:3.20\nRUN apk del curl && apk info' },
  ],
  invalid: [
    { name: 'plain add', code: 'FROM alpine:3.20\nRUN «apk add» curl', messageId: 'noCache', output: 'FROM alpine:3.20\nRUN apk add --no-cache curl' },
    { name: 'cache mount elsewhere', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo «apk add» -U curl',
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl' },
    { name: 'removal before the add does not count', code: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && «apk add» curl',
      output: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add --no-cache curl' },
    { name: 'continuation, options first, CRLF', code: 'FROM alpine:3.20\r\nRUN «apk -U \\\r\n  add» \\\r\n  curl\r\n',
      output: 'FROM alpine:3.20\r\nRUN apk -U \\\r\n  add --no-cache \\\r\n  curl\r\n' },
    { name: 'ONBUILD, lowercase, heredoc', code: 'FROM alpine:3.20\nonbuild run <<EOF\n«apk add» curl\nEOF\n',
      output: 'FROM alpine:3.20\nonbuild run <<EOF\napk add --no-cache curl\nEOF\n' },
    { name: 'exec form', code: 'FROM alpine:3.20\nRUN [«"apk", "add"», "curl"]', output: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]' },
  ],
});
