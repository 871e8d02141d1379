import { dnfUnpinned } from '../../../server/src/rules/dockerfile/dnf-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(dnfUnpinned, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y tomcat-9.0.1 gcc-c++-1.1.1 openssl-1:1.1.1k && dnf clean all',
    'FROM ubi9/ubi-minimal\nRUN microdnf install -y rpm-sign-4.16.1.3 && microdnf module install -y tomcat:9',
    'FROM fedora:41\nRUN dnf -y --setopt=group_package_types="mandatory" group install "Development Tools"',
    'FROM fedora:41\nRUN notdnf install tomcat',
    { name: 'ENV before any FROM', code: 'ENV version=2.51.0-2.fc42\nRUN dnf -y install git-core-${version}' },
    { name: 'ARG of another stage (lenient, as hadolint)', code: 'FROM fedora:41 AS build\nARG version=2.51.0-2.fc42\nFROM fedora:41\nRUN dnf -y install git-core-${version}' },
  ],
  invalid: [
    { name: 'no version', code: 'FROM fedora:41\nRUN dnf install -y «tomcat» && dnf clean all', messageId: 'package', output: null },
    { name: 'microdnf and the in alias', code: 'FROM ubi9/ubi-minimal\nRUN microdnf install -y «rpm-sign» && dnf in -y «python3-devel»', messageIds: ['package', 'package'] },
    { name: 'module', code: 'FROM fedora:41\nRUN dnf module install -y «nodejs»', messageId: 'module' },
    { name: 'undeclared variable expands to nothing', code: 'FROM fedora:41\nRUN dnf -y install «git-core-${version}»', messageId: 'undeclared', messageIncludes: ['git-core-$version', '$version'] },
    { name: 'ONBUILD, lowercase, CRLF', code: 'FROM fedora:41\r\nonbuild run dnf install -y «curl»\r\n', messageId: 'package' },
  ],
});
