import { zypperCleanMissing } from '../../../server/src/rules/dockerfile/zypper-clean-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(zypperCleanMissing, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4 && zypper clean',
    'FROM opensuse/leap:15.6\nRUN zypper -n in mariadb=10.4 && zypper -n cc -a',
    'FROM opensuse/leap:15.6\nRUN zypper -n in x=1 && rm -rf /var/cache/zypp/*',
    'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb',
    'FROM opensuse/leap:15.6\nRUN zypper -n rm x && zypper -n ref',
  ],
  invalid: [
    { name: 'no clean', code: 'FROM opensuse/leap:15.6\nRUN «zypper install» -y mariadb=10.4', messageId: 'clean', output: 'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4 && zypper clean --all' },
    { name: 'clean before install', code: 'FROM opensuse/leap:15.6\nRUN zypper clean && «zypper -n in» x', output: 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper -n in x && zypper clean --all' },
    {
      name: 'continuation lines and CRLF',
      code: 'FROM opensuse/leap:15.6\r\nRUN «zypper -n install» \\\r\n      x=1\r\n',
      output: 'FROM opensuse/leap:15.6\r\nRUN zypper -n install \\\r\n      x=1 && zypper clean --all\r\n',
    },
    { name: 'ONBUILD RUN, lowercase', code: 'FROM opensuse/leap:15.6\nonbuild run «zypper -n up»', output: 'FROM opensuse/leap:15.6\nonbuild run zypper -n up && zypper clean --all' },
    { name: 'heredoc', code: 'FROM opensuse/leap:15.6\nRUN <<EOF\n«zypper -n in» x\nEOF\n', output: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in x\nzypper clean --all\nEOF\n' },
  ],
});
