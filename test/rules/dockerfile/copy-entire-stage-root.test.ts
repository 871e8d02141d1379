import { copyEntireStageRoot } from '../../../server/src/rules/dockerfile/copy-entire-stage-root';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(copyEntireStageRoot, {
  valid: [
    'FROM alpine:3.20\nCOPY / /',
    'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /app /',
    'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build / /app',
    'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /app/ /app/',
  ],
  invalid: [
    { name: 'root to root', code: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build «/» /', messageId: 'root', output: null },
    { name: 'quoted paths', code: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build «"/"» "/"', messageIncludes: ['build'] },
    { name: 'JSON form with another flag', code: 'FROM scratch\ncopy --chown=0 --from=alpine:3.20 [«"/"», "/"]', messageIncludes: ['alpine:3.20'] },
    { name: 'line continuation', code: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build \\\n  «/» \\\n  /' },
  ],
});
