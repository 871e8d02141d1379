import { healthcheckMissing } from '../../../server/src/rules/dockerfile/healthcheck-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(healthcheckMissing, {
  valid: [
    'FROM scratch\nHEALTHCHECK CMD /bin/bla',
    { name: 'explicitly none', code: 'FROM scratch\nHEALTHCHECK NONE' },
    { name: 'inherited from the parent stage', code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base' },
    { name: 'chain ending with NONE', code: 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS end\nHEALTHCHECK NONE' },
    { name: 'lowercase, continuation', code: 'from nginx:1.27\nhealthcheck --interval=30s \\\n  CMD curl -f http://localhost/ || exit 1' },
    { name: 'no FROM at all', code: '' },
  ],
  invalid: [
    { name: 'none at all', code: 'FROM «scratch»', messageId: 'missing', output: null },
    { name: 'final stage not built on the stage that has one', code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM «scratch»', messageId: 'missing' },
    { name: 'other branch has one', code: 'FROM scratch AS base1\nFROM base1 AS a\nHEALTHCHECK NONE\nFROM base1 AS b\nFROM «b» AS end', messageId: 'missing' },
    { name: 'CRLF', code: 'FROM «node:20» AS app\r\nCMD ["node", "a.js"]\r\n', messageId: 'missing' },
  ],
});
