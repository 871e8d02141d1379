import { dnfCleanMissing } from '../../../server/src/rules/dockerfile/dnf-clean-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(dnfCleanMissing, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y mariadb-10.4 && dnf clean all',
    'FROM ubi9/ubi-minimal\nRUN microdnf install -y x && microdnf clean all',
    'FROM fedora:41\nRUN dnf in -y mariadb-10.4 && rm -rf /var/cache/dnf /var/cache/libdnf5',
    'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4',
    'FROM fedora:41\nRUN --mount=type=tmpfs,target=/var/cache dnf install -y mariadb-10.4',
    'FROM fedora:41\nRUN notdnf install mariadb',
  ],
  invalid: [
    { name: 'no clean', code: 'FROM fedora:41\nRUN «dnf install» -y mariadb-10.4', messageId: 'clean', output: 'FROM fedora:41\nRUN dnf install -y mariadb-10.4 && dnf clean all' },
    { name: 'microdnf is cleaned by microdnf', code: 'FROM ubi9/ubi-minimal\nRUN «microdnf install» -y x', messageIncludes: ['microdnf clean all'], output: 'FROM ubi9/ubi-minimal\nRUN microdnf install -y x && microdnf clean all' },
    { name: 'another tool\'s clean does not count', code: 'FROM fedora:41\nRUN «dnf install» -y x && microdnf clean all', output: 'FROM fedora:41\nRUN dnf install -y x && microdnf clean all && dnf clean all' },
    { name: 'upgrade variants', code: 'FROM fedora:41\nRUN «dnf -y upgrade-minimal»', output: 'FROM fedora:41\nRUN dnf -y upgrade-minimal && dnf clean all' },
    { name: 'removing the cache first does not help', code: 'FROM fedora:41\nRUN rm -rf /var/cache/libdnf5 && «dnf in» -y x', output: 'FROM fedora:41\nRUN rm -rf /var/cache/libdnf5 && dnf in -y x && dnf clean all' },
    {
      name: 'continuation lines and CRLF',
      code: 'FROM fedora:41\r\nRUN «dnf install» -y \\\r\n      x \\\r\n      y\r\n',
      output: 'FROM fedora:41\r\nRUN dnf install -y \\\r\n      x \\\r\n      y && dnf clean all\r\n',
    },
    { name: 'ONBUILD RUN, lowercase, multi-stage', code: 'FROM fedora:41 AS a\nRUN dnf install -y x && dnf clean all\nFROM a\nonbuild run «dnf install» -y y', output: 'FROM fedora:41 AS a\nRUN dnf install -y x && dnf clean all\nFROM a\nonbuild run dnf install -y y && dnf clean all' },
    { name: 'heredoc', code: 'FROM fedora:41\r\nRUN <<EOF\r\n«dnf install» -y x\r\nEOF\r\n', output: 'FROM fedora:41\r\nRUN <<EOF\r\ndnf install -y x\r\ndnf clean all\r\nEOF\r\n' },
    // Found by test/robustness: the new line fell in the body of a heredoc opened on the last line, which is data.
    { name: 'last line opens a heredoc, in an unclosed ONBUILD heredoc: no fix', code: 'ONBUILD RUN <<-EOT «dnf install»\nFROM <<EOF alpine\n', output: null },
  ],
});
