import { tlsVerificationDisabled } from '../../../server/src/rules/dockerfile/tls-verification-disabled';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(tlsVerificationDisabled, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/x -o /x && wget -q https://example.com/y',
    'FROM debian:12\nRUN curl -H "k: v" -o k https://example.com',
    'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\nRUN npm config set strict-ssl true',
    'FROM python:3.13\nRUN pip install --index-url https://pypi.example.com/simple flask==3.0.0',
    'FROM alpine:3.20\nRUN git -c http.sslVerify=true clone https://example.com/r.git && git config --global http.sslVerify true',
    'FROM fedora:41\nRUN dnf -y --setopt=sslverify=1 install x-1.0',
    { name: 'a flag named like -k for another tool', code: 'FROM debian:12\nRUN ssh-keygen -k -f /x' },
  ],
  invalid: [
    { name: 'curl -k in a cluster', code: 'FROM debian:12\nRUN curl «-fsSLk» https://example.com | sh', messageId: 'option', messageIncludes: ['curl'], output: null },
    { name: 'curl --insecure behind sudo', code: 'FROM debian:12\nRUN sudo curl «--insecure» -o /x https://example.com', messageId: 'option' },
    { name: 'wget', code: 'FROM debian:12\nRUN wget -q «--no-check-certificate» https://example.com', messageId: 'option' },
    { name: 'git -c', code: 'FROM alpine:3.20\nRUN git «-c http.sslVerify=false» clone https://example.com/r.git', messageId: 'option', messageIncludes: ['http.sslVerify=false'] },
    { name: 'git config', code: 'FROM alpine:3.20\nRUN git config --global «http.sslVerify false»', messageId: 'setting' },
    { name: 'GIT_SSL_NO_VERIFY before a command and in ENV', code: 'FROM alpine:3.20\nENV «GIT_SSL_NO_VERIFY=true»\nRUN «GIT_SSL_NO_VERIFY=1» git clone x', messageIds: ['variable', 'variable'] },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED in ENV (legacy form) and export', code: 'FROM node:22\nENV «NODE_TLS_REJECT_UNAUTHORIZED 0»\nRUN export «NODE_TLS_REJECT_UNAUTHORIZED=0» && npm ci', messageIds: ['variable', 'variable'] },
    { name: 'PYTHONHTTPSVERIFY as ARG default', code: 'FROM python:3.13\nARG «PYTHONHTTPSVERIFY=0»', messageId: 'variable' },
    { name: 'pip --trusted-host and PIP_TRUSTED_HOST', code: 'FROM python:3.13\nENV «PIP_TRUSTED_HOST=pypi.example.com»\nRUN python -m pip install «--trusted-host=pypi.example.com» flask', messageIds: ['variable', 'option'] },
    { name: 'pip config set', code: 'FROM python:3.13\nRUN pip3 config set «global.trusted-host pypi.example.com»', messageId: 'setting' },
    { name: 'npm config set strict-ssl false', code: 'FROM node:22\nRUN npm config set «strict-ssl false» && yarn config set «strict-ssl false»', messageIds: ['setting', 'setting'] },
    { name: 'npm set strict-ssl=false, --strict-ssl false', code: 'FROM node:22\nRUN npm set «strict-ssl=false» && npm install «--strict-ssl false» x', messageIds: ['setting', 'option'] },
    { name: 'NPM_CONFIG_STRICT_SSL', code: 'FROM node:22\nENV «npm_config_strict_ssl=false»', messageId: 'variable' },
    { name: 'yum-config-manager --setopt sslverify', code: 'FROM centos:7\nRUN yum-config-manager «--setopt=docker-ce.sslverify=false» --save', messageId: 'setting' },
    { name: 'sslverify=0 echoed into a config file', code: 'FROM fedora:41\nRUN echo «"sslverify=0"» >> /etc/dnf/dnf.conf', messageId: 'setting' },
    {
      name: 'ONBUILD, lowercase, continuation, CRLF',
      code: 'FROM debian:12\r\nonbuild run curl \\\r\n  «-k» https://example.com \\\r\n  && wget «--no-check-certificate» x\r\n',
      messageIds: ['option', 'option'],
    },
    { name: 'heredoc script', code: 'FROM debian:12\nRUN <<EOF\ncurl «--insecure» https://example.com\nEOF\n', messageId: 'option' },
  ],
});
