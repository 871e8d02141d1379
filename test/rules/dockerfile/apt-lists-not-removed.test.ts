import { aptListsNotRemoved } from '../../../server/src/rules/dockerfile/apt-lists-not-removed';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(aptListsNotRemoved, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl \\\n && apt-get clean \\\n && rm -rf /var/lib/apt/lists /var/cache/apt/archives',
    { name: 'install without update creates no lists', code: 'FROM debian:12\nRUN apt-get install -y ./local.deb' },
    { name: 'cache mount of the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl' },
    { name: 'cache mounts of /var/lib/apt and /var/cache/apt', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=tmpfs,target=/var/cache/apt apt-get update' },
    { name: 'intermediate stage that never reaches the final image', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /out' },
    { name: 'heredoc that cleans up', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n' },
  ],
  invalid: [
    { name: 'update and install', code: 'FROM debian:12\nRUN «apt-get update» && apt-get install -y curl', messageId: 'listsKept',
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*' },
    { name: 'cleanup before the update does not count', code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && «apt update» && apt install -y curl;',
      output: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt update && apt install -y curl \\\n    && rm -rf /var/lib/apt/lists/*;' },
    { name: 'removing something else does not count', code: 'FROM debian:12\nRUN «apt-get update» && apt-get install -y curl && rm -rf /tmp/*',
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /tmp/* \\\n    && rm -rf /var/lib/apt/lists/*' },
    { name: 'intermediate stage the final image is built FROM', code: 'FROM debian:12 AS base\nRUN «apt-get update» && apt-get install -y curl\nFROM base\nRUN echo hi',
      output: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nFROM base\nRUN echo hi' },
    { name: 'only the apt archive cache is mounted', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt «apt-get update» && apt-get install -y curl',
      output: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*' },
    { name: 'continuation lines, CRLF and a trailing comment line', code: 'FROM debian:12\r\nRUN «apt-get update» \\\r\n    && apt-get install -y curl \\\r\n    # done\r\n',
      output: 'FROM debian:12\r\nRUN apt-get update \\\r\n    && apt-get install -y curl \\\r\n    && rm -rf /var/lib/apt/lists/* \\\r\n    # done\r\n' },
    { name: 'backtick escape directive', code: '# escape=`\nFROM debian:12\nRUN «apt-get update» `\n    && apt-get install -y curl',
      output: '# escape=`\nFROM debian:12\nRUN apt-get update `\n    && apt-get install -y curl `\n    && rm -rf /var/lib/apt/lists/*' },
    { name: 'heredoc: a new line before the terminator', code: 'FROM debian:12\nRUN <<EOF\n«apt-get update»\napt-get install -y curl\nEOF\n',
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n' },
    { name: 'ONBUILD RUN reaches a child image whatever the stage', code: 'FROM debian:12 AS base\nonbuild run «aptitude update»\nFROM scratch',
      output: 'FROM debian:12 AS base\nonbuild run aptitude update \\\n    && rm -rf /var/lib/apt/lists/*\nFROM scratch' },
    { name: 'exec form: no fix', code: 'FROM debian:12\nRUN [«"apt-get", "update"»]', output: null },
    // Found by test/robustness: the appended command would join a continuation left open at the end of the file.
    { name: 'dangling continuation at the end of the file: no fix', code: 'FROM debian:12\nRUN «apt-get update» \\', messageId: 'listsKept', output: null },
    // Found by test/robustness: after an escaped blank, dockerfile-ast ends the RUN at the continuation's escape.
    { name: 'escaped blank before the end: appended on the same line', code: 'FROM debian:12\nRUN «apt-get update» \\ ;\n', messageId: 'listsKept',
      output: 'FROM debian:12\nRUN apt-get update \\  && rm -rf /var/lib/apt/lists/*;\n' },
  ],
});
