import { apkUnpinned } from '../../../server/src/rules/dockerfile/apk-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(apkUnpinned, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1 git~2.52 "python3<3.13" "libbz2>=1.0"',
    'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc=13.2.1-r0 && apk del .build-deps',
    'FROM alpine:3.20\nRUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0',
    'FROM alpine:3.20\nRUN apk add --repository=https://example.com/alpine -t deps flow=0.78.0-r0',
    'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/mypackage-1.1.1.apk',
    { name: 'variables cannot be judged', code: 'FROM alpine:3.20\nRUN apk add --no-cache $PACKAGES' },
  ],
  invalid: [
    { name: 'unpinned package', code: 'FROM alpine:3.20\nRUN apk add --no-cache «curl»', messageId: 'unpinned', output: null },
    { name: 'one missed among pinned ones, continuation, CRLF', code: 'FROM alpine:3.20\r\nRUN apk add --no-cache \\\r\n  flex=2.6.4-r1 \\\r\n  «libffi» \\\r\n  python3=3.12.3-r1\r\n' },
    { name: 'ONBUILD, lowercase, heredoc, sudo', code: 'FROM alpine:3.20\nonbuild run <<EOF\nsudo apk add «curl» «git»\nEOF\n' },
    { name: 'multi-stage', code: 'FROM alpine:3.20 AS build\nRUN apk add «gcc»\nFROM alpine:3.20\nRUN apk add «ca-certificates»' },
  ],
});
