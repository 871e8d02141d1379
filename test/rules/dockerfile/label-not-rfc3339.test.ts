import { labelNotRfc3339 } from '../../../server/src/rules/dockerfile/label-not-rfc3339';
import { ruleTester } from '../../helpers/rule-tester';

const schema = { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } };

ruleTester(labelNotRfc3339, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="not-date"' },
    { name: 'other label', code: 'FROM alpine:3.20\nLABEL other="not-date"', settings: schema },
    { name: 'value from a build argument', code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.created="${VALUE}"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2021-03-10T10:26:33.564595127+01:00"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-02-29T23:59:60z"', settings: schema },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=«"not-date"»', settings: schema, messageId: 'format', output: null },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=«"2024-05-01"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=«"2024-05-01 12:00:00Z"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=«"2023-02-29T00:00:00Z"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=«"2024-13-01T00:00:00Z"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=«"2024-05-01T12:00:00"»', settings: schema },
    { name: 'unquoted, continuation, lower-case', code: 'FROM alpine:3.20\nlabel a=1 \\\n  org.opencontainers.image.created=«not-date»', settings: schema, messageIncludes: ['org.opencontainers.image.created'] },
  ],
});
