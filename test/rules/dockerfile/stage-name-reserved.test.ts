import { stageNameReserved } from '../../../server/src/rules/dockerfile/stage-name-reserved';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(stageNameReserved, {
  valid: ['FROM foo:bar AS foobar', 'FROM scratch\nFROM scratch AS a', { name: 'prototype names are ordinary', code: 'FROM foo:bar AS constructor' }],
  invalid: [
    { name: 'scratch', code: 'FROM foo:bar AS «scratch»', messageId: 'reserved', output: null },
    { name: 'context', code: 'FROM foo:bar AS «context»', messageId: 'reserved', messageIncludes: ['build context'] },
    { name: 'any case, lowercase as', code: 'FROM scratch as «Scratch»\r\nfrom scratch AS «CONTEXT»\r\n', messageId: 'reserved' },
  ],
});
