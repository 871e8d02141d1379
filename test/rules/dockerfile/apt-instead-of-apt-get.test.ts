import { aptInsteadOfAptGet } from '../../../server/src/rules/dockerfile/apt-instead-of-apt-get';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(aptInsteadOfAptGet, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    'FROM debian:12\nRUN apt-cache policy curl && echo apt install',
    { name: 'a file or folder named apt', code: 'FROM debian:12\nCOPY apt /etc/apt\nRUN ls /etc/apt' },
  ],
  invalid: [
    { name: 'apt install', code: 'FROM ubuntu:24.04\nRUN «apt» install -y python3', messageId: 'apt',
      output: 'FROM ubuntu:24.04\nRUN apt-get install -y python3' },
    { name: 'every call, with prefixes', code: 'FROM ubuntu:24.04\nRUN «apt» update && DEBIAN_FRONTEND=noninteractive sudo «apt» install -y x',
      output: 'FROM ubuntu:24.04\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive sudo apt-get install -y x' },
    { name: 'full path', code: 'FROM ubuntu:24.04\nRUN «/usr/bin/apt» remove -y x', output: 'FROM ubuntu:24.04\nRUN /usr/bin/apt-get remove -y x' },
    { name: 'exec form', code: 'FROM ubuntu:24.04\nRUN [«"apt"», "install", "-y", "x"]', output: 'FROM ubuntu:24.04\nRUN ["apt-get", "install", "-y", "x"]' },
    { name: 'heredoc, ONBUILD, lowercase, CRLF', code: 'FROM ubuntu:24.04\r\nonbuild run <<EOF\r\n«apt» install -y x\r\nEOF\r\n',
      output: 'FROM ubuntu:24.04\r\nonbuild run <<EOF\r\napt-get install -y x\r\nEOF\r\n' },
    { name: 'subcommands apt-get lacks: no fix', code: 'FROM ubuntu:24.04\nRUN «apt» list --installed && «apt» full-upgrade -y', output: null },
  ],
});
