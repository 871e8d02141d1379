import { legacyKeyValue } from '../../../server/src/rules/dockerfile/legacy-key-value';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(legacyKeyValue, {
  valid: ['FROM scratch\nENV testkey=value\nLABEL key=value', 'FROM a\nENV A=1 B="two words"', 'FROM a\nARG NAME value'],
  invalid: [
    { name: 'ENV and LABEL', code: 'FROM scratch\nENV «testkey» value\nLABEL «key» value', messageId: 'legacy',
      output: 'FROM scratch\nENV testkey=value\nLABEL key=value' },
    { name: 'a value with spaces gets quotes', code: 'FROM a\nENV «GREETING» hello  world', messageId: 'legacy', output: 'FROM a\nENV GREETING="hello  world"' },
    { name: 'an already quoted value', code: 'FROM a\nLABEL «description» "An app"', messageId: 'legacy', output: 'FROM a\nLABEL description="An app"' },
    { name: 'continuation inside the value', code: 'FROM a\nENV «PATH» /opt/bin:\\\n    $PATH', messageId: 'legacy', output: 'FROM a\nENV PATH="/opt/bin:\\\n    $PATH"' },
    // Found by test/robustness: in key=value form the quotes in the name no longer close, which Docker rejects.
    { name: 'quotes in the name: no fix', code: 'ENV «"unterminated "unterminated» \\\n  alpine\n', messageId: 'legacy', output: null },
    { name: 'mixed quoting: no fix', code: 'FROM a\nENV «MSG» say "hi" now', messageId: 'legacy', output: null },
    { name: 'lowercase, CRLF', code: 'from a\r\nenv «A» b\r\n', messageId: 'legacy', output: 'from a\r\nenv A=b\r\n' },
  ],
});
