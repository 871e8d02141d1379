import { zypperMissingYes } from '../../../server/src/rules/dockerfile/zypper-missing-yes';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(zypperMissingYes, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.24 && zypper clean',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in a && zypper install -y b && zypper rm --no-confirm c',
    { name: 'hadolint reads -n after the action as non-interactive too', code: 'FROM opensuse/leap:15.6\nRUN zypper install -n httpd' },
    'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean -a && zypper search x',
  ],
  invalid: [
    { name: 'install', code: 'FROM opensuse/leap:15.6\nRUN «zypper install» httpd=2.4.24 && zypper clean', messageId: 'yes', output: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.24 && zypper clean' },
    { name: 'global options before the action', code: 'FROM opensuse/leap:15.6\nRUN «zypper --root /x dup»', output: 'FROM opensuse/leap:15.6\nRUN zypper -n --root /x dup' },
    {
      name: 'continuation lines and CRLF',
      code: 'FROM opensuse/leap:15.6\r\nRUN zypper -n ref \\\r\n && «zypper patch»\r\n',
      output: 'FROM opensuse/leap:15.6\r\nRUN zypper -n ref \\\r\n && zypper -n patch\r\n',
    },
    { name: 'ONBUILD RUN, lowercase', code: 'FROM opensuse/leap:15.6\nonbuild run «zypper in» x', output: 'FROM opensuse/leap:15.6\nonbuild run zypper -n in x' },
    { name: 'exec form', code: 'FROM opensuse/leap:15.6\nRUN [«"zypper", "install"», "x"]', output: 'FROM opensuse/leap:15.6\nRUN ["zypper", "-n", "install", "x"]' },
  ],
});
