import { exposeSsh } from '../../../server/src/rules/dockerfile/expose-ssh';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(exposeSsh, {
  valid: [
    'FROM alpine:3.13\nUSER mike\nEXPOSE 8080',
    'FROM alpine:3.20\nEXPOSE 2222 220 23-80',
    { name: 'UDP 22 is not SSH', code: 'FROM alpine:3.20\nEXPOSE 22/udp' },
    { name: 'variables', code: 'FROM alpine:3.20\nEXPOSE ${SSH_PORT}' },
  ],
  invalid: [
    { name: 'port 22', code: 'FROM alpine:3.13\nUSER mike\nEXPOSE «22»', messageId: 'ssh', output: null },
    { name: 'with protocol', code: 'FROM alpine:3.20\nEXPOSE 80 «22/tcp»', messageId: 'ssh' },
    { name: 'range containing 22', code: 'FROM alpine:3.20\nEXPOSE «20-25»', messageId: 'ssh' },
    { name: 'lowercase, CRLF', code: 'from alpine:3.20\r\nexpose «22»\r\n', messageId: 'ssh' },
  ],
});
