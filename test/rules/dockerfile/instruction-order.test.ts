import { instructionOrder } from '../../../server/src/rules/dockerfile/instruction-order';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(instructionOrder, {
  valid: [
    'FROM alpine:3.20\nLABEL a=b',
    'ARG VERSION=3.20\nFROM alpine:${VERSION}\nLABEL a=b',
    '# syntax=docker/dockerfile:1\n# a comment\nFROM alpine:3.20',
    'FROM alpine:3.20\nARG A=B\nRUN echo $A',
    { name: 'no FROM at all is left to dockerfile-syntax', code: 'RUN echo hi' },
  ],
  invalid: [
    { name: 'LABEL before FROM', code: '«LABEL» a=b\nFROM alpine:3.20', messageId: 'beforeFrom', output: null },
    { name: 'each instruction before FROM, ARG allowed', code: 'ARG A=1\n«env» B=2\n«RUN» echo\nFROM alpine:3.20\nRUN echo', messageIncludes: [] },
    { name: 'after a comment and a directive, CRLF', code: '# syntax=docker/dockerfile:1\r\n# note\r\n«WORKDIR» /app\r\nFROM alpine:3.20\r\n', messageIncludes: ['WORKDIR'] },
  ],
});
