import { runConsecutive } from '../../../server/src/rules/dockerfile/run-consecutive';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(runConsecutive, {
  valid: [
    'FROM alpine:3.20\nRUN /foo.sh',
    'FROM alpine:3.20\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh',
    { name: 'different flags', code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh' },
    { name: 'different flag values', code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh' },
    { name: 'first is chained', code: 'FROM alpine:3.20\nRUN foo && bar\nRUN foobar' },
    { name: 'second is chained', code: 'FROM alpine:3.20\nRUN foobar\nRUN foo; bar' },
    { name: 'stage boundary', code: 'FROM alpine:3.20\nRUN a\nFROM alpine:3.20\nRUN b' },
    { name: 'RUN and ONBUILD RUN', code: 'FROM alpine:3.20\nRUN a\nONBUILD RUN b' },
  ],
  invalid: [
    { name: 'two RUNs', code: 'FROM alpine:3.20\nRUN /foo.sh\n«RUN» /bar.sh', messageId: 'consecutive',
      output: 'FROM alpine:3.20\nRUN /foo.sh \\\n    && /bar.sh' },
    { name: 'comment lines in between are kept inside the continuation', code: 'FROM alpine:3.20\nRUN /foo.sh\n# a comment\n\n# another\n«RUN» /bar.sh\n',
      output: 'FROM alpine:3.20\nRUN /foo.sh \\\n# a comment\n# another\n    && /bar.sh\n' },
    { name: 'same flags are merged, the second copy dropped', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/c a\n«RUN» --mount=type=cache,target=/c b',
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/c a \\\n    && b' },
    { name: 'three in a row', code: 'FROM alpine:3.20\nRUN foo && bar\nRUN foo\n«RUN» bar', output: 'FROM alpine:3.20\nRUN foo && bar\nRUN foo \\\n    && bar' },
    { name: 'chain of three single commands', code: 'FROM alpine:3.20\nRUN a\n«RUN» b\n«RUN» c', output: 'FROM alpine:3.20\nRUN a \\\n    && b \\\n    && c' },
    { name: 'CRLF and lower case', code: 'FROM alpine:3.20\r\nrun a\r\n«run» b\r\n', output: 'FROM alpine:3.20\r\nrun a \\\r\n    && b\r\n' },
    { name: 'continued first RUN', code: 'FROM alpine:3.20\nRUN apt-get install -y \\\n    curl\n«RUN» b', output: 'FROM alpine:3.20\nRUN apt-get install -y \\\n    curl \\\n    && b' },
    { name: 'backtick escape', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN a\n«RUN» b', output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN a `\n    && b' },
    { name: 'ONBUILD RUNs', code: 'FROM alpine:3.20\nONBUILD RUN a\nONBUILD «RUN» b', output: 'FROM alpine:3.20\nONBUILD RUN a \\\n    && b' },
    { name: 'exec form: no fix', code: 'FROM alpine:3.20\nRUN ["a"]\n«RUN» b', output: null },
    { name: 'heredoc: no fix', code: 'FROM alpine:3.20\nRUN <<EOF\na\nEOF\n«RUN» b\n', output: null },
    { name: 'trailing shell comment: no fix', code: 'FROM alpine:3.20\nRUN a # note\n«RUN» b', output: null },
    { name: 'after SHELL: no fix', code: 'FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-c"]\nRUN a\n«RUN» b', output: null },
  ],
});
