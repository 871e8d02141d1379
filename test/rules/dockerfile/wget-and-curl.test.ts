import { wgetAndCurl } from '../../../server/src/rules/dockerfile/wget-and-curl';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(wgetAndCurl, {
  valid: [
    'FROM node:22\nRUN wget -q https://example.com/a && wget -q https://example.com/b',
    { name: 'different, unrelated stages', code: 'FROM node:22 AS a\nRUN wget -q https://example.com/a\nFROM debian:12\nRUN curl -fsSL https://example.com/b' },
    { name: 'installing both is not using both', code: 'FROM debian:12\nRUN apt-get install -y curl wget\nRUN curl -fsSL https://example.com' },
  ],
  invalid: [
    { name: 'two RUNs: the second tool is reported', code: 'FROM node:22\nRUN wget my.xyz\nRUN «curl» localhost', messageId: 'both', output: null },
    { name: 'same RUN', code: 'FROM node:22\nRUN wget my.xyz && «curl» localhost', messageId: 'both' },
    { name: 'every later RUN using either tool', code: 'FROM node:22\nRUN wget my.xyz\nRUN «curl» my.xyz\nRUN echo hello\nRUN «wget» foo.com', messageIds: ['both', 'both'] },
    { name: 'a stage inherits what its parent stage used', code: 'FROM debian:12 AS base\nRUN wget -q x\nFROM base\nRUN «curl» y', messageId: 'both' },
    { name: 'ONBUILD, lowercase, continuation', code: 'FROM debian:12\nonbuild run curl -fsSL a \\\n  | tar x && «wget» -q b', messageId: 'both' },
  ],
});
