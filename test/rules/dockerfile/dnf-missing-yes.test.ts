import { dnfMissingYes } from '../../../server/src/rules/dockerfile/dnf-missing-yes';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(dnfMissingYes, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y httpd-2.4.24 && dnf clean all',
    'FROM fedora:41\nRUN dnf -y upgrade && microdnf install -y x && dnf5 --assumeyes in y',
    'FROM fedora:41\nRUN dnf clean all && dnf makecache && dnf repoquery x',
    'FROM fedora:41\nRUN notdnf install httpd',
    { name: 'yum is another rule', code: 'FROM fedora:41\nRUN yum install httpd' },
  ],
  invalid: [
    { name: 'dnf install', code: 'FROM fedora:41\nRUN «dnf install» httpd-2.4.24 && dnf clean all', messageId: 'yes', output: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.24 && dnf clean all' },
    { name: 'microdnf install', code: 'FROM ubi9/ubi-minimal\nRUN «microdnf install» httpd', messageIncludes: ['microdnf install'], output: 'FROM ubi9/ubi-minimal\nRUN microdnf install -y httpd' },
    { name: 'group install', code: 'FROM fedora:41\nRUN «dnf group install» "Development Tools"', output: 'FROM fedora:41\nRUN dnf group install -y "Development Tools"' },
    { name: 'after if/then, CRLF', code: 'FROM fedora:41\r\nRUN if true; then «dnf upgrade»; fi\r\n', output: 'FROM fedora:41\r\nRUN if true; then dnf upgrade -y; fi\r\n' },
    { name: 'ONBUILD RUN, lowercase', code: 'FROM fedora:41\nonbuild run «dnf in» x', output: 'FROM fedora:41\nonbuild run dnf in -y x' },
    { name: 'heredoc', code: 'FROM fedora:41\nRUN <<EOF\n«dnf install» x\nEOF\n', output: 'FROM fedora:41\nRUN <<EOF\ndnf install -y x\nEOF\n' },
  ],
});
