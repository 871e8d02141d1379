import { copyFromUnknownStage } from '../../../server/src/rules/dockerfile/copy-from-unknown-stage';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(copyFromUnknownStage, {
  valid: [
    'FROM scratch AS build\nRUN foo\nFROM node:22\nCOPY --from=build foo .',
    { name: 'stage names are case-insensitive', code: 'FROM scratch AS Build\nFROM node:22\nCOPY --from=build foo .' },
    { name: 'image with a tag', code: 'FROM a\nCOPY --from=haskell:latest bar .' },
    { name: 'image with a registry path', code: 'FROM a\nCOPY --from=gcr.io/distroless/static /x /x' },
    { name: 'earlier stage index', code: 'FROM scratch\nRUN foo\nFROM node:22\nCOPY --from=0 foo .' },
    { name: 'a variable', code: 'FROM a\nARG BASE=builder\nCOPY --from=$BASE /x /x' },
    { name: 'its own stage is copy-from-self', code: 'FROM a AS me\nCOPY --from=me /x /x' },
  ],
  invalid: [
    { name: 'no such stage', code: 'FROM a\nCOPY --from=«foo» bar .', messageId: 'unknownName', output: null },
    { name: 'defined after', code: 'FROM scratch\nCOPY --from=«build» foo .\nFROM node:22 AS build\nRUN baz', messageId: 'laterStage', messageIncludes: ['line 3'] },
    { name: 'index of no earlier stage', code: 'COPY --from=«0» bar .', messageId: 'unknownIndex' },
    { name: 'index past the current stage', code: 'FROM a\nFROM b\nCOPY --from=«2» /x /x', messageId: 'unknownIndex' },
    { name: 'quoted value, CRLF', code: 'FROM a AS base\r\nFROM b\r\nCOPY --from=«"bsae"» /x /x\r\n', messageId: 'unknownName' },
  ],
});
