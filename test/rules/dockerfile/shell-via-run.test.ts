import { shellViaRun } from '../../../server/src/rules/dockerfile/shell-via-run';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(shellViaRun, {
  valid: [
    'FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl',
    'FROM debian:12\nRUN ln -s foo bar && unrelated && something_with /bin/sh',
    { name: '/bin/sh as the link target, not the link', code: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/shell' },
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]',
  ],
  invalid: [
    { name: 'relinking /bin/sh', code: 'FROM debian:12\nRUN ln -sfv /bin/bash «/bin/sh»', messageId: 'relink', output: null },
    { name: 'after rm, with continuation', code: 'FROM debian:12\nRUN rm /bin/sh \\\n  && ln -s /bin/bash «/usr/bin/sh»', messageId: 'relink' },
    { name: 'ONBUILD, lowercase, CRLF', code: 'FROM debian:12\r\nonbuild run ln -sf bash «/bin/sh»\r\n', messageId: 'relink' },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\nln -sf /bin/bash «/bin/sh»\nEOF\n', messageId: 'relink' },
  ],
});
