import { labelNotSemver } from '../../../server/src/rules/dockerfile/label-not-semver';
import { ruleTester } from '../../helpers/rule-tester';

const schema = { labelSchema: { 'org.opencontainers.image.version': 'semver' } };

ruleTester(labelNotSemver, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="not-sem-ver"' },
    { name: 'other label', code: 'FROM alpine:3.20\nLABEL other="not-sem-ver"', settings: schema },
    { name: 'value from a build argument', code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.version="${VALUE}"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="2.0.1-rc1"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0-alpha.1+build.5"', settings: schema },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=«"not-sem-ver"»', settings: schema, messageId: 'format', output: null },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=«"1.0"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=«"v1.0.0"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=«"01.0.0"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=«"1.0.0-"»', settings: schema },
    { name: 'unquoted, continuation, lower-case', code: 'FROM alpine:3.20\nlabel a=1 \\\n  org.opencontainers.image.version=«not-sem-ver»', settings: schema, messageIncludes: ['org.opencontainers.image.version'] },
  ],
});
