import { aptGetMissingYes } from '../../../server/src/rules/dockerfile/apt-get-missing-yes';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(aptGetMissingYes, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl',
    'FROM debian:12\nRUN apt-get -y install curl',
    'FROM debian:12\nRUN apt-get install --yes curl && apt-get --assume-yes purge x',
    'FROM debian:12\nRUN apt-get install -qq curl && apt-get install -q -q wget && apt-get install -q=2 git',
    'FROM debian:12\nRUN apt-get -fmy install apt-utils',
    'FROM debian:12\nRUN apt-get install curl -y',
    'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl',
    { name: 'commands that never prompt', code: 'FROM debian:12\nRUN apt-get update && apt-get clean && apt-get source hello' },
    { name: 'only a quoted mention', code: 'FROM debian:12\nRUN echo "apt-get install curl"' },
  ],
  invalid: [
    { name: 'plain install', code: 'FROM debian:12\nRUN «apt-get install» curl', messageId: 'missingYes',
      output: 'FROM debian:12\nRUN apt-get install -y curl' },
    { name: 'a single -q does not answer prompts', code: 'FROM debian:12\nRUN «apt-get install» -q curl',
      output: 'FROM debian:12\nRUN apt-get install -y -q curl' },
    { name: 'options before the subcommand, sudo and env prefix', code: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive sudo «apt-get -o A=B install» curl',
      output: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive sudo apt-get -o A=B install -y curl' },
    { name: 'every prompting call in the RUN', code: 'FROM debian:12\nRUN «apt-get upgrade» && «apt-get install» x && «apt purge» y',
      output: 'FROM debian:12\nRUN apt-get upgrade -y && apt-get install -y x && apt purge -y y' },
    { name: 'line continuation', code: 'FROM debian:12\nRUN apt-get update \\\n && «apt-get \\\n    install» curl',
      output: 'FROM debian:12\nRUN apt-get update \\\n && apt-get \\\n    install -y curl' },
    { name: 'exec form', code: 'FROM debian:12\nRUN [«"apt-get", "install"», "curl"]',
      output: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]' },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get update\n«apt-get install» curl\nEOF\n',
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n' },
    { name: 'ONBUILD RUN, lowercase, CRLF', code: 'FROM debian:12\r\nonbuild run «apt-get install» curl\r\n',
      output: 'FROM debian:12\r\nonbuild run apt-get install -y curl\r\n' },
    { name: 'RUN --mount flags', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt «apt-get install» curl',
      output: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl' },
  ],
});
