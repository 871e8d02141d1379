import { labelNotGitHash } from '../../../server/src/rules/dockerfile/label-not-git-hash';
import { ruleTester } from '../../helpers/rule-tester';

const schema = { labelSchema: { 'org.opencontainers.image.revision': 'hash' } };

ruleTester(labelNotGitHash, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="not-git-hash"' },
    { name: 'other label', code: 'FROM alpine:3.20\nLABEL other="not-git-hash"', settings: schema },
    { name: 'value from a build argument', code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.revision="${VALUE}"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="2dbfae9"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="43c572f1272b6b3171dd1db9e41b7027128ce080"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="43C572F1272B"', settings: schema },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision=«"not-git-hash"»', settings: schema, messageId: 'format', output: null },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision=«"abc12"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision=«"43c572f1272b6b3171dd1db9e41b7027128ce0801"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision=«"v1.2.3"»', settings: schema },
    { name: 'unquoted, continuation, lower-case', code: 'FROM alpine:3.20\nlabel a=1 \\\n  org.opencontainers.image.revision=«not-git-hash»', settings: schema, messageIncludes: ['org.opencontainers.image.revision'] },
  ],
});
