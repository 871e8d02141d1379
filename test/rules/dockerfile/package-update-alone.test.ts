import { packageUpdateAlone } from '../../../server/src/rules/dockerfile/package-update-alone';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(packageUpdateAlone, {
  valid: [
    'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends mysql-client && rm -rf /var/lib/apt/lists/*',
    'FROM debian:trixie\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y gettext\nEOF',
    'FROM ubuntu:18.04\nRUN apt-get update -y ; apt upgrade -y',
    'FROM alpine:3.20\nRUN apk update && apk add --no-cache git\nRUN apk --update add easy-rsa',
    'FROM fedora:40\nRUN dnf makecache && dnf install -y git',
    'FROM opensuse/tumbleweed\nRUN zypper refresh && zypper install -y curl',
    { name: 'yum/dnf update upgrades packages: not an index refresh', code: 'FROM centos:7\nRUN yum update -y && yum clean all' },
    { name: 'another program\'s update', code: 'FROM maven:3\nRUN sbt update && /bin/sh /scripts/someScript.sh update' },
  ],
  invalid: [
    { name: 'update alone in its RUN', code: 'FROM ubuntu:18.04\nRUN «apt-get update»\nRUN apt-get install -y mysql-client', messageId: 'alone', output: null },
    { name: 'followed by something else', code: 'FROM ubuntu:18.04\nRUN «apt-get update» && adduser mike' },
    { name: 'install before the update does not count', code: 'FROM ubuntu:18.04\nRUN apt-get install -y ca-certificates && «apt-get update»' },
    { name: 'exec form, options before the subcommand', code: 'FROM ubuntu:18.04\nRUN [«"apt-get", "-o", "Acquire::Retries=3", "update"»]' },
    { name: 'apk and zypper', code: 'FROM alpine:3.20\nRUN «apk update»\nRUN «zypper --non-interactive refresh»' },
    { name: 'ONBUILD RUN, lowercase, CRLF', code: 'FROM ubuntu:18.04\r\nonbuild run sudo «apt update»\r\n' },
  ],
});
