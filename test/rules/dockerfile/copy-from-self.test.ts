import { copyFromSelf } from '../../../server/src/rules/dockerfile/copy-from-self';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(copyFromSelf, {
  valid: [
    'FROM scratch AS build\nRUN foo\nFROM node:22 AS run\nCOPY --from=build foo .',
    'FROM a AS one\nFROM b\nCOPY --from=0 /x /x',
    { name: 'an image reference', code: 'FROM a AS app\nCOPY --from=app:1.0 /x /x' },
  ],
  invalid: [
    { name: 'by name', code: 'FROM node:22 AS foo\nCOPY --from=«foo» bar .', messageId: 'self', output: null },
    { name: 'by name in another case', code: 'FROM node:22 AS foo\ncopy --from=«Foo» bar .', messageId: 'self' },
    { name: 'by index', code: 'FROM a\nFROM b\nCOPY --from=«1» /x /x', messageId: 'self' },
  ],
});
