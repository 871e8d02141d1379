import { cdInRun } from '../../../server/src/rules/dockerfile/cd-in-run';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(cdInRun, {
  valid: [
    'FROM debian:12\nWORKDIR /opt',
    'FROM debian:12\nRUN echo cd /opt && make -C /src',
    { name: 'CMD is not a build step', code: 'FROM nginx:1.27\nCMD cd /usr/share/nginx/html && nginx -g "daemon off;"' },
  ],
  invalid: [
    { name: 'cd alone', code: 'FROM debian:12\nRUN «cd» /opt', messageId: 'cd', output: null },
    { name: 'every cd of a script', code: 'FROM debian:12\nRUN «cd» /src && make \\\n && «cd» /doc && make', messageIds: ['cd', 'cd'] },
    { name: 'in a loop body', code: 'FROM debian:12\nRUN for d in a b; do «cd» $d; done', messageId: 'cd' },
    { name: 'ONBUILD, lowercase and CRLF', code: 'FROM debian:12\r\nonbuild run «cd» /app && make\r\n', messageId: 'cd' },
    { name: 'second stage', code: 'FROM golang:1.23 AS build\nWORKDIR /src\nFROM debian:12\nRUN «cd» /tmp', messageId: 'cd' },
  ],
});
