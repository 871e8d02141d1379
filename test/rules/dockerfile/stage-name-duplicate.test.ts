import { stageNameDuplicate } from '../../../server/src/rules/dockerfile/stage-name-duplicate';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(stageNameDuplicate, {
  valid: ['FROM scratch AS build\nRUN foo\nFROM node:22 AS run', 'FROM a\nFROM b'],
  invalid: [
    { name: 'same name twice', code: 'FROM node:22 AS foo\nRUN something\nFROM scratch AS «foo»', messageId: 'duplicate', output: null, messageIncludes: ['line 1'] },
    { name: 'names differ only in case', code: 'FROM a AS build\nfrom b as «BUILD»\nFROM c AS «Build»', messageId: 'duplicate' },
  ],
});
