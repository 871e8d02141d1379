import { copyRelativeWithoutWorkdir } from '../../../server/src/rules/dockerfile/copy-relative-without-workdir';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(copyRelativeWithoutWorkdir, {
  valid: [
    'FROM alpine:3.20\nCOPY app.sh /usr/local/bin/app.sh',
    'FROM alpine:3.20\nCOPY app.sh "/usr/local/bin/app.sh"',
    'FROM alpine:3.20\nWORKDIR /app\nCOPY . .',
    'FROM alpine:3.20\nCOPY src.sh ${TARGET_DIR}',
    'FROM mcr.microsoft.com/windows/servercore\nCOPY app.exe c:\\app\\app.exe',
    'FROM mcr.microsoft.com/windows/servercore\nCOPY app.exe "d:/app/app.exe"',
    'FROM alpine:3.20\nCOPY ["app.sh", "/usr/local/bin/"]',
    { name: 'WORKDIR inherited from the parent stage', code: 'FROM alpine:3.20 AS base\nWORKDIR /app\nFROM alpine:3.20 AS other\nRUN true\nFROM base\nCOPY a b' },
    { name: 'WORKDIR inherited two levels deep', code: 'FROM alpine:3.20 AS base1\nWORKDIR /app\nFROM base1 AS base2\nFROM base2\nCOPY a b' },
    { name: 'ONBUILD COPY after ONBUILD WORKDIR', code: 'FROM alpine:3.20\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar' },
    { name: 'ONBUILD COPY after WORKDIR of this image', code: 'FROM alpine:3.20\nWORKDIR /app\nONBUILD COPY foo bar' },
    { name: 'heredoc with absolute destination', code: 'FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n' },
  ],
  invalid: [
    { name: 'relative destination', code: 'FROM alpine:3.20\nCOPY app.sh «bin/app.sh»', messageId: 'relative', output: null },
    { name: 'quoted relative destination', code: 'FROM alpine:3.20\nCOPY app.sh «"app.sh"»', messageIncludes: ['"app.sh"'] },
    { name: 'no FROM at all', code: 'COPY a «b»' },
    { name: 'WORKDIR of an unrelated stage does not count', code: 'FROM alpine:3.20 AS one\nWORKDIR /usr\nFROM alpine:3.20\nCOPY foo «bar»' },
    { name: 'same image name is not the same stage', code: 'FROM alpine:3.20\nWORKDIR /usr\nFROM alpine:3.20\nCOPY foo «bar»' },
    { name: 'ONBUILD WORKDIR does not apply to this image', code: 'FROM alpine:3.20\nONBUILD WORKDIR /app\nCOPY foo «bar»' },
    { name: 'ONBUILD COPY without any WORKDIR', code: 'FROM alpine:3.20\nONBUILD COPY foo «bar»' },
    { name: 'JSON form', code: 'FROM alpine:3.20\nCOPY ["a", «"b"»]' },
    { name: 'flags, continuation, lower-case', code: 'from alpine:3.20\ncopy --chown=1000 \\\n  a «.»' },
    { name: 'heredoc with relative destination', code: 'FROM alpine:3.20\nCOPY <<EOF «app.conf»\nkey=value\nEOF\n' },
  ],
});
