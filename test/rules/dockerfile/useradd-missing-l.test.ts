import { useraddMissingL } from '../../../server/src/rules/dockerfile/useradd-missing-l';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(useraddMissingL, {
  valid: [
    'FROM debian:12\nRUN useradd luser',
    'FROM debian:12\nRUN useradd -u 12345 luser',
    'FROM debian:12\nRUN useradd -l -u 123456 luser && useradd --no-log-init --uid 1234567 other',
    { name: 'a variable UID is not known', code: 'FROM debian:12\nARG UID=1000\nRUN useradd -u ${UID} app' },
    { name: '-l inside a cluster', code: 'FROM debian:12\nRUN useradd -lmu 123456 luser' },
  ],
  invalid: [
    { name: 'high UID', code: 'FROM debian:12\nRUN useradd «-u 123456» luser', messageId: 'noLogInit', messageIncludes: ['123456'], output: 'FROM debian:12\nRUN useradd -l -u 123456 luser' },
    { name: '--uid=', code: 'FROM debian:12\nRUN useradd -m «--uid=1000000» app', output: 'FROM debian:12\nRUN useradd -l -m --uid=1000000 app' },
    { name: 'value in a cluster', code: 'FROM debian:12\nRUN useradd «-mu 123456» app', output: 'FROM debian:12\nRUN useradd -l -mu 123456 app' },
    {
      name: 'continuation lines and CRLF',
      code: 'FROM debian:12\r\nRUN groupadd -g 123456 app \\\r\n && useradd «-u \\\r\n 123456» -g app app\r\n',
      output: 'FROM debian:12\r\nRUN groupadd -g 123456 app \\\r\n && useradd -l -u \\\r\n 123456 -g app app\r\n',
    },
    { name: 'ONBUILD RUN, lowercase', code: 'FROM debian:12\nonbuild run useradd «-u 999999» app', output: 'FROM debian:12\nonbuild run useradd -l -u 999999 app' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["useradd", «"-u", "123456"», "app"]', output: 'FROM debian:12\nRUN ["useradd", "-l", "-u", "123456", "app"]' },
  ],
});
