import { labelNotSpdx } from '../../../server/src/rules/dockerfile/label-not-spdx';
import { ruleTester } from '../../helpers/rule-tester';

const schema = { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } };

ruleTester(labelNotSpdx, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="not-spdx"' },
    { name: 'other label', code: 'FROM alpine:3.20\nLABEL other="not-spdx"', settings: schema },
    { name: 'value from a build argument', code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.licenses="${VALUE}"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="MIT"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="BSD-3-Clause"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache-2.0 OR MIT"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="GPL-2.0-or-later WITH Classpath-exception-2.0"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="(MIT AND Zlib) OR LicenseRef-acme"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="mit"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="GPL-2.0+"', settings: schema },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=«"not-spdx"»', settings: schema, messageId: 'format', output: null },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=«"MIT OR"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=«"Apache 2.0"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=«"MIT WITH Nothing"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=«"(MIT"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=«"GPL"»', settings: schema },
    { name: 'unquoted, continuation, lower-case', code: 'FROM alpine:3.20\nlabel a=1 \\\n  org.opencontainers.image.licenses=«not-spdx»', settings: schema, messageIncludes: ['org.opencontainers.image.licenses'] },
  ],
});
