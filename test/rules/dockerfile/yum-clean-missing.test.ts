import { yumCleanMissing } from '../../../server/src/rules/dockerfile/yum-clean-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(yumCleanMissing, {
  valid: [
    'FROM centos:7\nRUN yum install -y mariadb-10.4 && yum clean all',
    'FROM centos:7\nRUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*',
    'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y mariadb-10.4',
    { name: 'yum is dnf on current systems: dnf clean all empties the same cache', code: 'FROM rockylinux:9\nRUN yum install -y x-1 && dnf clean all' },
    'FROM centos:7\nRUN yum remove -y x && yum info y',
    'FROM centos:7\nRUN bash -c `# not even a yum command`',
  ],
  invalid: [
    { name: 'no clean', code: 'FROM centos:7\nRUN «yum install» -y mariadb-10.4', messageId: 'clean', output: 'FROM centos:7\nRUN yum install -y mariadb-10.4 && yum clean all' },
    { name: 'clean before install', code: 'FROM centos:7\nRUN yum clean all && «yum install» -y x', output: 'FROM centos:7\nRUN yum clean all && yum install -y x && yum clean all' },
    { name: 'clean in a later RUN is another layer', code: 'FROM centos:7\nRUN «yum -y update»\nRUN yum clean all', output: 'FROM centos:7\nRUN yum -y update && yum clean all\nRUN yum clean all' },
    {
      name: 'continuation lines, CRLF and a trailing shell comment',
      code: 'FROM centos:7\r\nRUN «yum install» -y \\\r\n    httpd \\\r\n && echo done # note\r\nCMD ["httpd"]\r\n',
      output: 'FROM centos:7\r\nRUN yum install -y \\\r\n    httpd \\\r\n && echo done && yum clean all # note\r\nCMD ["httpd"]\r\n',
    },
    { name: 'heredoc: a new last line before the terminator', code: 'FROM centos:7\nRUN <<EOF\n«yum install» -y x\nEOF\n', output: 'FROM centos:7\nRUN <<EOF\nyum install -y x\nyum clean all\nEOF\n' },
    { name: 'ONBUILD RUN, lowercase', code: 'FROM centos:7\nonbuild run «yum install» -y x', output: 'FROM centos:7\nonbuild run yum install -y x && yum clean all' },
    // Found by test/robustness: the appended command landed inside the unclosed `$(` (or quote) and was never run.
    { name: 'heredoc ending in an unclosed $(: no fix', code: 'RUN <<-EOT «yum install» -y\n  $(', output: null },
    { name: 'shell form ending in an unclosed $(: no fix', code: 'FROM centos:7\nRUN «yum install» -y x $(', output: null },
    { name: 'heredoc ending in an unclosed quote: no fix', code: 'FROM centos:7\nRUN <<EOT\n«yum install» -y x "a\nEOT', output: null },
    { name: 'heredoc on the RUN line feeds the command: no fix', code: 'FROM centos:7\nRUN <<EOT «yum install» -y x\nEOT\n', output: null },
    { name: 'exec form cannot be extended', code: 'FROM centos:7\nRUN [«"yum", "install"», "-y", "x"]', output: null },
  ],
});
