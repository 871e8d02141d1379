import { labelEmpty } from '../../../server/src/rules/dockerfile/label-empty';
import { ruleTester } from '../../helpers/rule-tester';

const schema = { labelSchema: { description: 'text' } };

ruleTester(labelEmpty, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL description=""' },
    { name: 'value present', code: 'FROM alpine:3.20\nLABEL description="An app"', settings: schema },
    { name: 'other label empty', code: 'FROM alpine:3.20\nLABEL other=""', settings: schema },
  ],
  invalid: [
    { name: 'empty quotes', code: 'FROM alpine:3.20\nLABEL description=«""»', settings: schema, messageId: 'empty', output: null },
    { name: 'only spaces', code: "FROM alpine:3.20\nLABEL description=«'  '»", settings: schema },
    { name: 'continuation, lower-case', code: 'FROM alpine:3.20\nlabel a=1 \\\n  description=«""»', settings: schema },
  ],
});
