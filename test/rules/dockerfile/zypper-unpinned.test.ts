import { zypperUnpinned } from '../../../server/src/rules/dockerfile/zypper-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(zypperUnpinned, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y tomcat=9.0.39 && zypper clean',
    'FROM opensuse/leap:15.6\nRUN zypper install -y tomcat\\>=9.0 tomcat\\<9.1 "apache2<2.5" tomcat-9.0.39-1.rpm',
    { name: 'patterns are not versioned packages', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis' },
    { name: 'option values are not packages', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -r oss --from oss x=1' },
    { name: 'version from an ARG', code: 'FROM opensuse/leap:15.6\nARG V=1.2\nRUN zypper -n in x=$V && zypper -n in y-${V}' },
  ],
  invalid: [
    { name: 'no version', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y «tomcat» && zypper clean', messageId: 'package', messageIncludes: ['tomcat=<version>'], output: null },
    { name: 'several', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in «vim» x=1 «git-core»', messageIds: ['package', 'package'] },
    { name: 'ONBUILD, lowercase, continuation, CRLF', code: 'FROM opensuse/leap:15.6\r\nonbuild run zypper -n in \\\r\n  «curl»\r\n', messageId: 'package' },
    { name: 'undeclared variable', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in «x-${V}»', messageId: 'undeclared' },
    { name: 'heredoc', code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in «curl»\nEOF\n', messageId: 'package' },
  ],
});
