import { zypperDistUpgrade } from '../../../server/src/rules/dockerfile/zypper-dist-upgrade';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(zypperDistUpgrade, {
  valid: ['FROM opensuse/leap:15.6\nRUN zypper -n update && zypper -n patch', 'FROM opensuse/leap:15.6\nRUN echo zypper dup'],
  invalid: [
    { name: 'dist-upgrade', code: 'FROM opensuse/leap:15.6\nRUN zypper «dist-upgrade»', messageId: 'distUpgrade', output: null },
    { name: 'dup with options', code: 'FROM opensuse/leap:15.6\nRUN zypper -n «dup» --no-recommends', messageIncludes: ['zypper dup'] },
    { name: 'ONBUILD, lowercase, CRLF, continuation', code: 'FROM opensuse/leap:15.6\r\nonbuild run zypper -n ref \\\r\n  && zypper -n «dup»\r\n', messageId: 'distUpgrade' },
  ],
});
