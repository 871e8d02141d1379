import { fromPlatformRedundant } from '../../../server/src/rules/dockerfile/from-platform-redundant';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(fromPlatformRedundant, {
  valid: [
    'FROM alpine:3.24',
    'FROM --platform=$FOOBAR alpine:3.24',
    'FROM --platform=foobar alpine:3.24',
    'FROM --platform=$BUILDPLATFORM alpine:3.24',
    { name: 'target platform with a suffix', code: 'FROM --platform=${TARGETPLATFORM}-x alpine:3.24' },
  ],
  invalid: [
    { name: '$TARGETPLATFORM', code: 'FROM «--platform=$TARGETPLATFORM» alpine:3.24', messageId: 'redundant', output: 'FROM alpine:3.24' },
    { name: '${TARGETPLATFORM}', code: 'FROM «--platform=${TARGETPLATFORM}» scratch AS app\n', messageId: 'redundant', output: 'FROM scratch AS app\n' },
    { name: 'quoted, lowercase, CRLF', code: 'from «--platform="$TARGETPLATFORM"» golang:1.22 as build\r\nrun go build\r\n', messageId: 'redundant',
      output: 'from golang:1.22 as build\r\nrun go build\r\n' },
  ],
});
