import { yumUnpinned } from '../../../server/src/rules/dockerfile/yum-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(yumUnpinned, {
  valid: [
    'FROM centos:7\nRUN yum install -y tomcat-9.2 openssl-1:1.1.1k rpm-sign-4.16.1.3 gcc-c++-1.1.1 java-11-openjdk-11.0.20.0.8-1.el8 && yum clean all',
    'FROM centos:7\nRUN yum module install -y tomcat:9',
    { name: 'files, URLs, groups and capabilities are not package names', code: 'FROM centos:7\nRUN yum install -y ./local.rpm https://example.com/x.rpm @development "pkgconfig(zlib)"' },
    { name: 'option values are not packages', code: 'FROM centos:7\nRUN yum install -y --exclude kernel --enablerepo epel x-1.0 > /dev/null 2>&1' },
    { name: 'version from an ARG', code: 'FROM fedora:41\nARG version=2.51.0-2.fc42\nRUN yum -y install git-core-$version' },
    { name: 'version from the ENV of a parent stage', code: 'FROM fedora:41 AS build\nENV version=2.51.0-2.fc42\nFROM build\nRUN yum -y install git-core-${version}' },
    { name: 'a package list from a command', code: 'FROM centos:7\nRUN yum install -y $(cat /packages.txt)' },
    'FROM centos:7\nRUN yum group install -y "Development Tools" && yum update -y',
  ],
  invalid: [
    { name: 'no version', code: 'FROM centos:7\nRUN yum install -y «tomcat» && yum clean all', messageId: 'package', messageIncludes: ['"tomcat"'], output: null },
    { name: 'a dash is not a version', code: 'FROM centos:7\nRUN yum install -y «rpm-sign» «java-11-openjdk» python3-3.9.1', messageIds: ['package', 'package'] },
    { name: 'module without stream', code: 'FROM centos:8\nRUN yum module install -y «tomcat»', messageId: 'module' },
    { name: 'ENV of an unrelated stage', code: 'FROM fedora:41 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:41\nRUN yum -y install «git-core-${version}»', messageId: 'undeclared', messageIncludes: ['git-core-$version', '$version'] },
    { name: 'ONBUILD, lowercase, continuation, CRLF', code: 'FROM centos:7\r\nonbuild run yum install -y \\\r\n  «httpd» \\\r\n  mod_ssl-2.4.6\r\n', messageId: 'package' },
    { name: 'heredoc and behind sudo', code: 'FROM centos:7\nRUN <<EOF\nsudo yum install -y «vim»\nEOF\n', messageId: 'package' },
  ],
});
