import { labelMissing } from '../../../server/src/rules/dockerfile/label-missing';
import { ruleTester } from '../../helpers/rule-tester';

const schema = { labelSchema: { maintainer: 'email' } };

ruleTester(labelMissing, {
  valid: [
    { name: 'no schema configured', code: 'FROM alpine:3.20' },
    { name: 'label present', code: 'FROM alpine:3.20\nLABEL maintainer="a@example.com"', settings: schema },
    { name: 'inherited from the parent stage', code: 'FROM alpine:3.20 AS base\nLABEL maintainer=x\nFROM base', settings: schema },
    { name: 'build stage only copied from', code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nLABEL maintainer=x\nCOPY --from=build /app /app', settings: schema },
    { name: 'build stage copied from by index', code: 'FROM golang:1.22\nFROM alpine:3.20\nLABEL maintainer=x\nCOPY --from=0 /app /app', settings: schema },
    { name: 'stage only mounted by RUN --mount', code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nLABEL maintainer=x\nRUN --mount=type=bind,from=build,source=/out,target=/in cp /in/app /app', settings: schema },
    { name: 'parent of a stage that sets it', code: 'FROM alpine:3.20 AS base\nFROM base\nLABEL maintainer=x', settings: schema },
  ],
  invalid: [
    { name: 'single stage without the label', code: '«FROM» alpine:3.20\nLABEL other=x', settings: schema, messageId: 'missing', messageIncludes: ['maintainer'], output: null },
    { name: 'two unrelated stages', code: '«FROM» alpine:3.20\n«FROM» debian:12', settings: schema },
    { name: 'only the first of two images labelled', code: 'FROM alpine:3.20\nLABEL maintainer=x\n«from» debian:12', settings: schema },
    { name: 'parent and unlabelled child both reported', code: '«FROM» alpine:3.20 AS base\n«FROM» base', settings: schema },
    { name: 'one label per finding', code: '«FROM» alpine:3.20\nLABEL maintainer=x', settings: { labelSchema: { maintainer: 'text', 'org.opencontainers.image.source': 'url' } }, messageIncludes: ['org.opencontainers.image.source'] },
    { name: 'ONBUILD LABEL does not label this image', code: '«FROM» alpine:3.20\nONBUILD LABEL maintainer=x', settings: schema },
  ],
});
