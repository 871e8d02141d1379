import { dockerfileSyntax } from '../../../server/src/rules/dockerfile/dockerfile-syntax';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(dockerfileSyntax, {
  valid: [
    'FROM alpine:3.20\nRUN echo hi\n',
    // dockerfile-utils' validator overflows its stack on this (found by test/robustness): checked without the indent.
    '  ARG X=$Y\nFROM alpine:3.20\n',
    // The validator reports a missing quote on a double-quoted value opening with a quote (found by test/robustness).
    'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="\\"quoted string\\" alpine"\n',
    'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="\'single\' alpine"\n',
  ],
  invalid: [
    { name: 'unknown instruction', code: 'FROM alpine:3.20\n«RUNN» echo hi\n', messageId: 'invalid', output: null },
    { name: 'invalid stage name, as the validator words it', code: 'FROM alpine:3.20 AS «9x»\n', messageId: 'invalid', output: null,
      messageIncludes: ['invalid name for build stage: "9x"'] },
    // dockerfile-utils' own check backtracks for minutes on this (found by test/robustness): ours is linear.
    { name: 'long stage name ending in a bad character', code: 'FROM node:20 AS «builder-stage-for-the-production-image-of-the-service:»\n«RUNN» x\n', messageId: 'invalid', output: null },
    { name: 'the validator\'s checks survive its stack overflow, positions kept', code: '\t«ONBUILD» RUN $(\nFROM alpine:3.20\n«RUNN» x\n', messageId: 'invalid', output: null },
    { name: 'an unterminated double quote is still reported', code: 'FROM alpine:3.20\nLABEL a=«"\\"quoted»\n', messageId: 'invalid', output: null },
    { name: 'and a blank line after a lone CR stays a line of its own', code: '  «WORKDIR» ${VAR:?}\r  \n«FROM» \n', messageId: 'invalid', output: null },
  ],
});
