import { labelSuperfluous } from '../../../server/src/rules/dockerfile/label-superfluous';
import { ruleTester } from '../../helpers/rule-tester';

const strict = { labelSchema: { required: 'text' }, strictLabels: true };

ruleTester(labelSuperfluous, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL other=x', settings: { strictLabels: true } },
    { name: 'schema without strict labels', code: 'FROM alpine:3.20\nLABEL other=x', settings: { labelSchema: { required: 'text' } } },
    { name: 'only schema labels', code: 'FROM alpine:3.20\nLABEL required="foo"', settings: strict },
    { name: 'no labels', code: 'FROM alpine:3.20', settings: strict },
  ],
  invalid: [
    { name: 'other label', code: 'FROM alpine:3.20\nLABEL «other»="bar"', settings: strict, messageId: 'superfluous', output: null },
    { name: 'other label beside the required one', code: 'FROM alpine:3.20\nLABEL required="foo" «other»="bar"', settings: strict, messageIncludes: ['other'] },
    { name: 'several LABELs, continuation', code: 'FROM alpine:3.20\nLABEL «a»=1 \\\n  required=2\nlabel «b»=3', settings: strict },
  ],
});
