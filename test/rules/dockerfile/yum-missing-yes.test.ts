import { yumMissingYes } from '../../../server/src/rules/dockerfile/yum-missing-yes';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(yumMissingYes, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.24 && yum clean all',
    'FROM centos:7\nRUN yum -y install httpd && yum --assumeyes update && yum -qy remove x',
    'FROM centos:7\nRUN yum --setopt=assumeyes=1 install httpd',
    'FROM centos:7\nRUN yum clean all && yum makecache && yum info httpd',
    'FROM centos:7\nRUN bash -c `# not even a yum command`',
    'FROM centos:7\nRUN notyum install httpd',
  ],
  invalid: [
    { name: 'install', code: 'FROM centos:7\nRUN «yum install» httpd-2.4.24 && yum clean all', messageId: 'yes', messageIncludes: ['yum install'], output: 'FROM centos:7\nRUN yum install -y httpd-2.4.24 && yum clean all' },
    { name: 'global options before the action', code: 'FROM centos:7\nRUN «yum --enablerepo epel update»', output: 'FROM centos:7\nRUN yum --enablerepo epel update -y' },
    { name: 'module install', code: 'FROM centos:8\nRUN «yum module install» nodejs:18', output: 'FROM centos:8\nRUN yum module install -y nodejs:18' },
    {
      name: 'continuation lines and CRLF',
      code: 'FROM centos:7\r\nRUN yum makecache \\\r\n && «yum \\\r\n   install» \\\r\n   httpd\r\n',
      output: 'FROM centos:7\r\nRUN yum makecache \\\r\n && yum \\\r\n   install -y \\\r\n   httpd\r\n',
    },
    { name: 'ONBUILD RUN, lowercase, behind sudo', code: 'FROM centos:7\nonbuild run sudo «yum remove» x', output: 'FROM centos:7\nonbuild run sudo yum remove -y x' },
    { name: 'exec form', code: 'FROM centos:7\nRUN [«"yum", "install"», "httpd"]', output: 'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]' },
    { name: 'heredoc', code: 'FROM centos:7\nRUN <<EOF\n«yum install» httpd\nyum clean all\nEOF\n', output: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nyum clean all\nEOF\n' },
  ],
});
