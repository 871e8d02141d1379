import { aptUnpinned } from '../../../server/src/rules/dockerfile/apt-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(aptUnpinned, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 wget=1.21.3-1+b2',
    'FROM debian:12\nRUN apt-get install -y ./wkhtmltox_0.12.5-1.bionic_amd64.deb',
    'FROM debian:12\nRUN apt-get install -y -t bookworm-backports golang=2:1.21~1',
    'FROM debian:12\nRUN apt-get install -y golang/bookworm-backports',
    'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install -y curl=7.88.1-10',
    { name: 'variables cannot be judged', code: 'FROM debian:12\nARG PACKAGES\nRUN apt-get install -y $PACKAGES "${EXTRA}"' },
    { name: 'other subcommands', code: 'FROM debian:12\nRUN apt-get update && apt-get remove -y curl' },
  ],
  invalid: [
    { name: 'one finding per unpinned package', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y «python» curl=7.88.1-10 «git»', messageId: 'unpinned',
      messageIncludes: ['=<version>'], output: null },
    { name: 'continuation lines and CRLF', code: 'FROM debian:12\r\nRUN apt-get install -y \\\r\n    «curl» \\\r\n    wget=1.21\r\n' },
    { name: 'apt, heredoc', code: 'FROM debian:12\nRUN <<EOF\napt install -y «curl»\nEOF\n' },
    { name: 'ONBUILD RUN, lowercase, exec form', code: 'FROM debian:12\nonbuild run ["apt-get", "install", "-y", «"curl"»]' },
    { name: 'sudo and env prefixes', code: 'FROM debian:12\nRUN sudo env DEBIAN_FRONTEND=noninteractive apt-get -yq install «curl»' },
  ],
});
