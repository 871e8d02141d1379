import { labelNotUrl } from '../../../server/src/rules/dockerfile/label-not-url';
import { ruleTester } from '../../helpers/rule-tester';

const schema = { labelSchema: { 'org.opencontainers.image.source': 'url' } };

ruleTester(labelNotUrl, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="not-url"' },
    { name: 'other label', code: 'FROM alpine:3.20\nLABEL other="not-url"', settings: schema },
    { name: 'value from a build argument', code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.source="${VALUE}"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="http://example.com"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="git+ssh://git@example.com/app.git"', settings: schema },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=«"not-url"»', settings: schema, messageId: 'format', output: null },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=«"example.com/app"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=«"https://exa mple.com"»', settings: schema },
    { name: 'unquoted, continuation, lower-case', code: 'FROM alpine:3.20\nlabel a=1 \\\n  org.opencontainers.image.source=«not-url»', settings: schema, messageIncludes: ['org.opencontainers.image.source'] },
  ],
});
