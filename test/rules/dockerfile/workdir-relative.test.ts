import { workdirRelative } from '../../../server/src/rules/dockerfile/workdir-relative';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(workdirRelative, {
  valid: ['FROM alpine:3.20\nWORKDIR /app', 'FROM alpine:3.20\nWORKDIR $HOME/app', 'FROM alpine:3.20\nWORKDIR "/quoted"'],
  invalid: [
    { name: 'plain relative path', code: 'FROM alpine:3.20\nWORKDIR «app»', messageId: 'relative', output: 'FROM alpine:3.20\nWORKDIR /app' },
    { name: 'dot-slash path', code: 'FROM alpine:3.20\nWORKDIR «./src»\nRUN make', messageId: 'relative', output: 'FROM alpine:3.20\nWORKDIR /src\nRUN make' },
    { name: 'CRLF keeps line breaks', code: 'FROM alpine:3.20\r\nWORKDIR «app»\r\n', messageId: 'relative', output: 'FROM alpine:3.20\r\nWORKDIR /app\r\n' },
  ],
});
