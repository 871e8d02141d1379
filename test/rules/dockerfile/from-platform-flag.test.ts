import { fromPlatformFlag } from '../../../server/src/rules/dockerfile/from-platform-flag';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(fromPlatformFlag, {
  valid: [
    'FROM debian:jessie',
    'FROM --platform=$BUILDPLATFORM debian:jessie',
    'FROM --platform="$BUILDPLATFORM" debian:jessie',
    'FROM --platform=${BUILDPLATFORM:-} debian:jessie',
    'FROM --platform=$TARGETPLATFORM debian:jessie',
    { name: 'stage named after the architecture', code: 'FROM --platform=linux/amd64 scratch AS my_amd64_stage' },
    { name: 'stage named after the OS', code: 'FROM --platform=linux/amd64 scratch AS linux' },
  ],
  invalid: [
    { name: 'OS only', code: 'FROM «--platform=linux» debian:jessie', messageId: 'constant', output: 'FROM debian:jessie' },
    { name: 'OS and architecture', code: 'FROM «--platform=linux/amd64» scratch', messageId: 'constant', output: 'FROM scratch' },
    { name: 'quoted, with a stage name that says nothing', code: 'FROM «--platform="linux/arm64/v8"» node:20 AS build\nRUN make', messageId: 'constant',
      output: 'FROM node:20 AS build\nRUN make' },
    { name: 'architecture only', code: 'FROM «--platform=arm64» alpine:3.20', messageId: 'constant', output: 'FROM alpine:3.20' },
    { name: 'lowercase, CRLF, continuation', code: 'from «--platform=linux/amd64» \\\r\n  alpine:3.20\r\n', messageId: 'constant', output: 'from \\\r\n  alpine:3.20\r\n' },
  ],
});
