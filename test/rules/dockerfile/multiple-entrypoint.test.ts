import { multipleEntrypoint } from '../../../server/src/rules/dockerfile/multiple-entrypoint';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(multipleEntrypoint, {
  valid: [
    'FROM busybox:1.36',
    'ENTRYPOINT /bin/true',
    { name: 'one per stage', code: 'FROM debian:12 AS a\nENTRYPOINT bash\nFROM a AS b\nENTRYPOINT ["other"]' },
  ],
  invalid: [
    { name: 'two in one stage', code: 'FROM debian:12\n«ENTRYPOINT» bash\nRUN foo\nENTRYPOINT another', messageId: 'overridden', output: null },
    { name: 'with a heredoc in between', code: 'FROM scratch\n«ENTRYPOINT» ["/myapp"]\nCOPY <<EOF /a.txt\nENTRYPOINT inside heredoc\nEOF\nENTRYPOINT ["/other"]', messageId: 'overridden' },
  ],
});
