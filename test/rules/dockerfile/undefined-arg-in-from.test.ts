import { undefinedArgInFrom } from '../../../server/src/rules/dockerfile/undefined-arg-in-from';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(undefinedArgInFrom, {
  valid: [
    'ARG base=scratch\nFROM $base\nCOPY Dockerfile .',
    'FROM --platform=$BUILDPLATFORM scratch',
    'ARG DEBUG\nFROM scratch${DEBUG}',
    'ARG DEBUG\nFROM scra${DEBUG:-tch}',
    'ARG DEBUG=""\nFROM scratch${DEBUG-@bogus}',
  ],
  invalid: [
    { name: 'misspelt platform argument', code: 'FROM --platform=«$BULIDPLATFORM» scratch', messageId: 'undeclared', output: null, messageIncludes: ['"BUILDPLATFORM"'] },
    { name: 'misspelt global ARG', code: 'ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/«${MYARCH}» busybox', messageId: 'undeclared', messageIncludes: ['"MY_ARCH"'] },
    { name: 'one of two variables', code: 'ARG tag=latest\nFROM busybox:${tag}«${version}» AS b', messageId: 'undeclared' },
    { name: 'an ARG inside a stage does not count for the next FROM', code: 'FROM a\nARG IMAGE=alpine\nFROM «$IMAGE»', messageId: 'undeclared' },
    { name: 'a default does not declare it, CRLF', code: 'from «${BASE:-alpine}»\r\n', messageId: 'undeclared' },
  ],
});
