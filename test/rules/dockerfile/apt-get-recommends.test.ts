import { aptGetRecommends } from '../../../server/src/rules/dockerfile/apt-get-recommends';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(aptGetRecommends, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl',
    'FROM debian:12\nRUN apt-get install -y curl --no-install-recommends',
    'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install python',
    'FROM debian:12\nRUN apt-get -o \'APT::Install-Recommends="0"\' install python',
    'FROM debian:12\nRUN apt-get update && apt-get upgrade -y && apt-get remove -y x',
    { name: 'only a quoted mention', code: 'FROM debian:12\nRUN echo "apt-get install python"' },
  ],
  invalid: [
    { name: 'plain install', code: 'FROM debian:12\nRUN «apt-get install» -y python', messageId: 'recommends',
      output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y python' },
    { name: 'flag before the subcommand', code: 'FROM debian:12\nRUN «apt-get -y install» python',
      output: 'FROM debian:12\nRUN apt-get -y install --no-install-recommends python' },
    { name: 'apt as well as apt-get, heredoc', code: 'FROM debian:12\nRUN <<EOF\n«apt install» -y python\nEOF\n',
      output: 'FROM debian:12\nRUN <<EOF\napt install --no-install-recommends -y python\nEOF\n' },
    { name: 'ONBUILD, continuation and CRLF', code: 'FROM debian:12\r\nONBUILD RUN apt-get update \\\r\n  && «apt-get install» -y \\\r\n  python\r\n',
      output: 'FROM debian:12\r\nONBUILD RUN apt-get update \\\r\n  && apt-get install --no-install-recommends -y \\\r\n  python\r\n' },
    { name: 'multi-stage: every stage', code: 'FROM debian:12 AS build\nRUN «apt-get install» -y gcc\nFROM debian:12\nrun «apt-get install» -y ca-certificates',
      output: 'FROM debian:12 AS build\nRUN apt-get install --no-install-recommends -y gcc\nFROM debian:12\nrun apt-get install --no-install-recommends -y ca-certificates' },
  ],
});
