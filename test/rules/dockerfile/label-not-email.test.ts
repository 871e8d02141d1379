import { labelNotEmail } from '../../../server/src/rules/dockerfile/label-not-email';
import { ruleTester } from '../../helpers/rule-tester';

const schema = { labelSchema: { 'maintainer': 'email' } };

ruleTester(labelNotEmail, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL maintainer="not-email"' },
    { name: 'other label', code: 'FROM alpine:3.20\nLABEL other="not-email"', settings: schema },
    { name: 'value from a build argument', code: 'FROM alpine:3.20\nARG VALUE\nLABEL maintainer="${VALUE}"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL maintainer="abcd@google.com"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL maintainer="first.last+tag@sub.example.org"', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL maintainer="user@[192.168.0.1]"', settings: schema },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nLABEL maintainer=«"not-email"»', settings: schema, messageId: 'format', output: null },
    { code: 'FROM alpine:3.20\nLABEL maintainer=«"a@"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL maintainer=«"@example.com"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL maintainer=«"John <john@example.com>"»', settings: schema },
    { code: 'FROM alpine:3.20\nLABEL maintainer=«"a b@example.com"»', settings: schema },
    { name: 'unquoted, continuation, lower-case', code: 'FROM alpine:3.20\nlabel a=1 \\\n  maintainer=«not-email»', settings: schema, messageIncludes: ['maintainer'] },
  ],
});
