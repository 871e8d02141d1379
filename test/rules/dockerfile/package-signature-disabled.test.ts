import { packageSignatureDisabled } from '../../../server/src/rules/dockerfile/package-signature-disabled';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(packageSignatureDisabled, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0',
    'FROM fedora:41\nRUN dnf install -y x-1.0 && rpm -i --test ./a.rpm',
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl',
    'FROM debian:12\nRUN echo "deb [signed-by=/usr/share/keyrings/x.gpg] https://example.com stable main" > /etc/apt/sources.list.d/x.list',
    { name: 'repo metadata checks off, package checks on', code: 'FROM fedora:41\nRUN printf "[x]\\ngpgcheck=1\\nrepo_gpgcheck=0\\n" > /etc/yum.repos.d/x.repo' },
    'FROM opensuse/leap:15.6\nRUN zypper --gpg-auto-import-keys -n refresh',
  ],
  invalid: [
    { name: 'apk --allow-untrusted', code: 'FROM alpine:3.20\nRUN apk add «--allow-untrusted» ./local.apk', messageId: 'option', messageIncludes: ['apk'], output: null },
    { name: 'yum and dnf --nogpgcheck', code: 'FROM centos:7\nRUN yum install -y «--nogpgcheck» x && microdnf «--nogpgcheck» install y', messageIds: ['option', 'option'] },
    { name: 'rpm --nosignature --nodigest', code: 'FROM fedora:41\nRUN rpm -ivh «--nosignature» «--nodigest» ./pkg.rpm', messageIds: ['option', 'option'] },
    { name: 'apt-get --allow-unauthenticated and --force-yes', code: 'FROM debian:12\nRUN apt-get install -y «--allow-unauthenticated» a && apt-get install «--force-yes» b', messageIds: ['option', 'option'] },
    { name: 'apt-get -o AllowUnauthenticated', code: 'FROM debian:12\nRUN apt-get «-o APT::Get::AllowUnauthenticated=true» install -y a', messageId: 'option' },
    { name: '[trusted=yes] source', code: 'FROM debian:12\nRUN echo «"deb [arch=amd64 trusted=yes] http://example.com stable main"» > /etc/apt/sources.list.d/x.list', messageId: 'trusted' },
    { name: 'zypper --no-gpg-checks', code: 'FROM opensuse/leap:15.6\nRUN zypper «--no-gpg-checks» -n install x', messageId: 'option' },
    { name: 'gpgcheck=0 in --setopt and repo files', code: 'FROM fedora:41\nRUN dnf «--setopt=gpgcheck=0» install -y x-1 && printf «"[x]\\ngpgcheck=0\\n"» > /etc/yum.repos.d/x.repo', messageIds: ['setting', 'setting'] },
    {
      name: 'ONBUILD, lowercase, continuation, CRLF',
      code: 'FROM alpine:3.20\r\nonbuild run apk add \\\r\n  «--allow-untrusted» \\\r\n  ./x.apk\r\n',
      messageId: 'option',
    },
    { name: 'heredoc script', code: 'FROM fedora:41\nRUN <<EOF\nrpm -i «--nosignature» /tmp/x.rpm\nEOF\n', messageId: 'option' },
  ],
});
