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

ruleTester(workdirRelative, {
  valid: [
    { name: 'Windows drive paths are absolute', code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR 'C:\\'\nWORKDIR C:/app" },
    { name: 'relative after an absolute WORKDIR in the same stage', code: 'FROM alpine:3.20\nWORKDIR /app\nWORKDIR src' },
    { name: 'relative after an absolute WORKDIR in the parent stage', code: 'FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nWORKDIR sub/' },
  ],
  invalid: [
    { name: 'an absolute WORKDIR in an unrelated stage does not count', code: 'FROM alpine:3.20 AS a\nWORKDIR /app\nFROM alpine:3.20\nWORKDIR «sub»', messageId: 'relative', output: 'FROM alpine:3.20 AS a\nWORKDIR /app\nFROM alpine:3.20\nWORKDIR /sub' },
  ],
});
