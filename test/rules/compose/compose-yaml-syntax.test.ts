import { composeYamlSyntax } from '../../../server/src/rules/compose/compose-yaml-syntax';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(composeYamlSyntax, {
  valid: [
    { name: 'a plain file', code: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'anchors, aliases and merge keys', code: 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n  api:\n    <<: [*base]\n' },
    { name: 'override tags', code: 'services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: 1\n' },
    { name: 'a tab between key and value is allowed', code: 'services:\n  web:\n    image:\tnginx:1\n' },
    { name: 'repeated merge keys are not repeated keys', code: 'a: &a {x: 1}\nb: &b {y: 1}\nc:\n  <<: *a\n  <<: *b\n' },
  ],
  invalid: [
    { name: 'unclosed quote, shown from the opening quote', code: 'services:\n  web:\n    image: «"nginx»\n    ports: []\n', messageIncludes: ['no closing "'], output: null },
    { name: 'a repeated key, on the second one', code: 'services:\n  web:\n    image: a\n    «image»: b\n', messageIncludes: ['first on line 3'] },
    { name: 'tab indentation', code: 'services:\n«\t»web: {}\n', messageIncludes: ['Tabs'] },
    { name: 'alias without anchor', code: 'services:\n  web:\n    image: «*nope»\n', messageIncludes: ['"*nope"'] },
    { name: 'unquoted ": " in a value', code: 'services:\n  web:\n    image: «nginx: latest»\n', messageIncludes: ['quote a value'] },
    { name: 'alias inside its own anchor', code: 'a: &a [1, «*a»]\n', messageIncludes: ['contains it'] },
    { name: 'several documents', code: 'services: {}\n«---»\nservices: {}\n', messageIncludes: ['more than one YAML document'] },
    { name: 'CRLF positions', code: 'services:\r\n  web:\r\n    image: a\r\n    «image»: b\r\n' },
  ],
});
