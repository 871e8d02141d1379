import { stageNameCasing } from '../../../server/src/rules/dockerfile/stage-name-casing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(stageNameCasing, {
  valid: ['FROM scratch AS base\nFROM base AS app', 'FROM node:22', 'FROM Node:22 AS build'],
  invalid: [
    { name: 'definition and every reference', messageId: 'notLowercase',
      code: 'FROM golang:1.23 AS «BuildStage»\nRUN go build -o /app\nFROM BuildStage AS test\nFROM alpine:3.20\nCOPY --from=BuildStage /app /app\nRUN --mount=type=bind,from=buildstage,target=/src true',
      output: 'FROM golang:1.23 AS buildstage\nRUN go build -o /app\nFROM buildstage AS test\nFROM alpine:3.20\nCOPY --from=buildstage /app /app\nRUN --mount=type=bind,from=buildstage,target=/src true' },
    { name: 'RUN --mount reference in another case', messageId: 'notLowercase',
      code: 'FROM a AS «Deps»\nFROM b\nRUN --mount=type=cache,target=/root,from=Deps ls',
      output: 'FROM a AS deps\nFROM b\nRUN --mount=type=cache,target=/root,from=deps ls' },
    { name: 'two stages, CRLF', messageId: 'notLowercase', code: 'FROM a AS «One»\r\nFROM b AS «TWO»\r\nCOPY --from=One /x /x\r\n',
      output: 'FROM a AS one\r\nFROM b AS two\r\nCOPY --from=one /x /x\r\n' },
  ],
});
