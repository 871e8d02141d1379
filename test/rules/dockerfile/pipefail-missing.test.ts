import { pipefailMissing } from '../../../server/src/rules/dockerfile/pipefail-missing';
import { ruleTester } from '../../helpers/rule-tester';

const SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

ruleTester(pipefailMissing, {
  valid: [
    'FROM debian:12\nRUN wget -O - https://some.site && wc -l file > /number',
    `FROM debian:12\n${SHELL}\nRUN wget -O - https://some.site | wc -l > /number`,
    'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b',
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN a | b',
    'FROM debian:12\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\nRUN a | b',
    'FROM mcr.microsoft.com/powershell:ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x',
    { name: 'set -o pipefail in the script, before the pipe', code: 'FROM debian:12\nRUN set -euxo pipefail && curl -fsSL x | tar xz' },
    { name: 'pipes inside quotes or $(...)', code: 'FROM debian:12\nRUN echo "a | b" && n=$(ls | wc -l) && grep -E "x|y" f' },
    { name: '|| is not a pipe', code: 'FROM debian:12\nRUN make || true' },
    { name: 'a stage inherits SHELL from the stage it builds on', code: `FROM debian:12 AS base\n${SHELL}\nFROM base\nRUN a | b` },
    { name: 'heredoc with a non-shell interpreter', code: 'FROM python:3.13\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1 | 2)\nEOF\n' },
    { name: 'heredoc with a sh shebang: dash has no pipefail to offer', code: 'FROM debian:12\nRUN <<EOF\n#!/bin/sh\na | b\nEOF\n' },
    { name: 'heredoc with env bash and set -o pipefail', code: 'FROM debian:12\nRUN <<EOF\n#!/usr/bin/env bash\nset -eo pipefail\na | b\nEOF\n' },
    { name: 'exec form has no shell', code: 'FROM debian:12\nRUN ["sh", "-c", "a | b"]' },
  ],
  invalid: [
    {
      name: 'default /bin/sh: SHELL fix preferred, prefix as alternative',
      code: 'FROM debian:12\nRUN wget -O - https://some.site «|» wc -l > /number',
      messageId: 'pipe',
      fixOutputs: [
        `FROM debian:12\n${SHELL}\nRUN wget -O - https://some.site | wc -l > /number`,
        'FROM debian:12\nRUN set -o pipefail && wget -O - https://some.site | wc -l > /number',
      ],
    },
    { name: 'sh with -o pipefail is still sh', code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a «|» b', messageId: 'pipe' },
    { name: 'SHELL resets per unrelated stage', code: `FROM debian:12 AS build\n${SHELL}\nRUN a | b\nFROM debian:12\nRUN a «|» b`, messageId: 'pipe' },
    { name: 'a later SHELL without pipefail', code: `FROM debian:12\n${SHELL}\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN a «|» b`, messageId: 'pipe' },
    {
      name: 'bash without pipefail: the prefix fix comes first',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN a «|» b',
      fixOutputs: ['FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN set -o pipefail && a | b', `FROM debian:12\nSHELL ["/bin/bash", "-c"]\n${SHELL}\nRUN a | b`],
    },
    {
      name: 'RUN flags, continuation, CRLF, only the first pipe',
      code: 'FROM debian:12\r\nRUN --mount=type=cache,target=/var/cache/apt \\\r\n  ! curl -fsSL x «|» tar xz \\\r\n  && ls | wc -l\r\n',
      fixOutputs: [
        `FROM debian:12\r\n${SHELL}\r\nRUN --mount=type=cache,target=/var/cache/apt \\\r\n  ! curl -fsSL x | tar xz \\\r\n  && ls | wc -l\r\n`,
        'FROM debian:12\r\nRUN --mount=type=cache,target=/var/cache/apt \\\r\n  set -o pipefail && ! curl -fsSL x | tar xz \\\r\n  && ls | wc -l\r\n',
      ],
    },
    {
      name: 'ONBUILD RUN, lowercase, indented',
      code: 'FROM debian:12\n  onbuild run a «|&» b',
      fixOutputs: [`FROM debian:12\n  ${SHELL}\n  onbuild run a |& b`, 'FROM debian:12\n  onbuild run set -o pipefail && a |& b'],
    },
    {
      name: 'heredoc script: first line, or SHELL',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\ncurl x «|» sh\nEOF\n',
      fixOutputs: [`FROM debian:12\n${SHELL}\nRUN <<EOF\napt-get update\ncurl x | sh\nEOF\n`, 'FROM debian:12\nRUN <<EOF\nset -o pipefail\napt-get update\ncurl x | sh\nEOF\n'],
    },
    {
      name: 'heredoc with a bash shebang ignores SHELL',
      code: `FROM debian:12\n${SHELL}\nRUN <<EOF\n#!/bin/bash\ncurl x «|» sh\nEOF\n`,
      fixOutputs: [`FROM debian:12\n${SHELL}\nRUN <<EOF\n#!/bin/bash\nset -o pipefail\ncurl x | sh\nEOF\n`],
    },
    { name: 'set -o pipefail after the pipe is too late', code: 'FROM debian:12\nRUN a «|» b && set -o pipefail', messageId: 'pipe' },
    // Found by test/robustness: "set -o pipefail" in the script cannot reach a pipe outside it.
    {
      name: 'unclosed heredoc: only SHELL',
      code: 'FROM debian:12\nRUN <<EOF a «|» b\n',
      fixOutputs: [`FROM debian:12\n${SHELL}\nRUN <<EOF a | b\n`],
    },
  ],
});
