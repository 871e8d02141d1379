import { labelKeyInvalid } from '../../../server/src/rules/dockerfile/label-key-invalid';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(labelKeyInvalid, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.title="app" validlabel=x',
    'FROM alpine:3.20\nLABEL org.valid-key.label3="foo"',
    'FROM alpine:3.20\nLABEL "com.example.vendor"="ACME"',
    'FROM alpine:3.20\nONBUILD LABEL Not_Checked=here',
  ],
  invalid: [
    { name: 'reserved namespace', code: 'FROM alpine:3.20\nLABEL «com.docker.label»="foo"', messageId: 'reserved', output: null },
    { name: 'io.docker namespace', code: 'FROM alpine:3.20\nLABEL «io.docker.label»="foo"', messageId: 'reserved', messageIncludes: ['io.docker.'] },
    { name: 'invalid character', code: 'FROM alpine:3.20\nLABEL «invalid$character»="foo"', messageId: 'invalid' },
    { name: 'upper case', code: 'FROM alpine:3.20\nLABEL «Maintainer»="me"', messageId: 'invalid' },
    { name: 'starts with a dot', code: 'FROM alpine:3.20\nLABEL «.invalid»="foo"', messageId: 'invalid', messageIncludes: ['start'] },
    { name: 'starts with a digit', code: 'FROM alpine:3.20\nLABEL «1invalid»="foo"', messageId: 'invalid' },
    { name: 'ends with a dash', code: 'FROM alpine:3.20\nLABEL «invalid-»="foo"', messageId: 'invalid', messageIncludes: ['end'] },
    { name: 'consecutive separators', code: 'FROM alpine:3.20\nLABEL «invalid..character»="foo" «in--valid»=x', messageIds: ['invalid', 'invalid'] },
    { name: 'second pair on a continuation line, lower-case instruction', code: 'FROM alpine:3.20\nlabel ok=1 \\\n  «Bad»=2' },
    { name: 'quoted key keeps its quotes in the range', code: 'FROM alpine:3.20\nLABEL «"com.docker.x"»=1', messageId: 'reserved' },
  ],
});
