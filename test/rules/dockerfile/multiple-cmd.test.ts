import { multipleCmd } from '../../../server/src/rules/dockerfile/multiple-cmd';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(multipleCmd, {
  valid: [
    'FROM debian:12\nCMD ["bash"]',
    { name: 'one CMD per stage', code: 'FROM debian:12 AS one\nCMD bash\nFROM debian:12 AS two\nCMD another' },
    { name: 'ONBUILD CMD is not a CMD of this stage', code: 'FROM a\nONBUILD CMD ["x"]\nCMD ["y"]' },
  ],
  invalid: [
    { name: 'all but the last are reported', code: 'FROM debian:12\n«CMD» bash\nRUN foo\n«CMD» other\nCMD ["last"]', messageId: 'overridden', output: null,
      messageIncludes: ['line 5'] },
    { name: 'only the stage with two', code: 'FROM debian:12 AS one\n«cmd» bash\ncmd another\nFROM debian:12 AS two\nCMD another', messageId: 'overridden' },
    { name: 'CRLF', code: 'FROM a\r\n«CMD» a\r\nCMD b\r\n', messageId: 'overridden' },
  ],
});
