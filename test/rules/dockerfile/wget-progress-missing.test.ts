import { wgetProgressMissing } from '../../../server/src/rules/dockerfile/wget-progress-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(wgetProgressMissing, {
  valid: [
    'FROM node:22\nRUN wget --progress=dot:giga my.xyz',
    'FROM node:22\nRUN wget -q my.xyz && wget --quiet b && wget -nv c && wget --no-verbose d',
    'FROM node:22\nRUN wget -qO- my.xyz | tar x',
    'FROM node:22\nRUN wget -o /tmp/wget.log a && wget --output-file=/tmp/l b && wget -a /tmp/l c && wget --append-output=/tmp/l d',
  ],
  invalid: [
    { name: 'plain wget', code: 'FROM node:22\nRUN «wget» my.xyz', messageId: 'progress', output: 'FROM node:22\nRUN wget --progress=dot:giga my.xyz' },
    { name: '-O is not -o', code: 'FROM node:22\nRUN «wget» -O /tmp/a my.xyz', output: 'FROM node:22\nRUN wget --progress=dot:giga -O /tmp/a my.xyz' },
    {
      name: 'continuation lines and CRLF',
      code: 'FROM node:22\r\nRUN apt-get update \\\r\n  && «wget» \\\r\n    https://example.com/a\r\n',
      output: 'FROM node:22\r\nRUN apt-get update \\\r\n  && wget --progress=dot:giga \\\r\n    https://example.com/a\r\n',
    },
    { name: 'ONBUILD RUN, lowercase', code: 'FROM node:22\nonbuild run «wget» my.xyz', output: 'FROM node:22\nonbuild run wget --progress=dot:giga my.xyz' },
    { name: 'exec form', code: 'FROM node:22\nRUN [«"wget"», "my.xyz"]', output: 'FROM node:22\nRUN ["wget", "--progress=dot:giga", "my.xyz"]' },
    { name: 'heredoc', code: 'FROM node:22\nRUN <<EOF\n«wget» a\nwget -q b\nEOF\n', output: 'FROM node:22\nRUN <<EOF\nwget --progress=dot:giga a\nwget -q b\nEOF\n' },
  ],
});
