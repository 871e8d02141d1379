import { undefinedVariable } from '../../../server/src/rules/dockerfile/undefined-variable';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(undefinedVariable, {
  valid: [
    'FROM scratch\nARG foo\nCOPY Dockerfile${foo} .',
    { name: 'ARG and ENV inherited from the parent stage', code: 'FROM alpine AS base\nARG foo=Dockerfile\nENV APP=/app\n\nFROM base\nCOPY $foo $APP/' },
    { name: 'RUN is expanded by the shell', code: 'FROM alpine\nRUN echo $PATH $HOME $UNSET' },
    { name: 'PATH is always set', code: 'FROM scratch\nENV PATH=/opt/bin:$PATH' },
    { name: 'defaults handle unset variables', code: 'FROM alpine\nWORKDIR ${APP_DIR:-/app}\nLABEL v=${VERSION-dev} x=${X:+set}' },
    { name: 'single quotes and escapes do not expand', code: 'FROM alpine\nLABEL a=\'$NOPE\' b=\\$NOPE' },
    { name: 'a variable a well-known base image sets', code: 'FROM node:22\nWORKDIR /app\nLABEL node=$NODE_VERSION' },
    { name: 'ARG defaults see the names before them', code: 'FROM a\nARG A=1 B=$A\nARG C=${B}' },
    { name: 'same-ENV references are env-self-reference\'s', code: 'FROM a\nENV A=1 B=$A' },
    { name: 'CMD and HEALTHCHECK are not expanded', code: 'FROM a\nCMD echo $X\nHEALTHCHECK CMD curl $Y' },
  ],
  invalid: [
    { name: 'one per stage', code: '\nFROM scratch AS first\nCOPY «$foo» .\n\nFROM scratch AS second\nCOPY «$bar» .', messageId: 'undefined', output: null },
    { name: 'used before its ARG', code: 'FROM alpine\nCOPY «$foo» .\nARG foo=bar\nRUN echo $foo', messageId: 'undefinedOrBase', messageIncludes: ['"alpine"'] },
    { name: 'a near miss is suggested', code: 'FROM alpine\nARG DIR_ASSETS=assets/\nCOPY «$DIR_ASSET» .', messageId: 'undefinedOrBase', messageIncludes: ['"DIR_ASSETS"'] },
    { name: 'typo of PATH', code: 'FROM alpine\nENV PATH=«$PAHT»:/tmp/bin', messageId: 'undefinedOrBase', messageIncludes: ['"PATH"'] },
    { name: 'predefined argument without ARG in the stage', code: 'FROM --platform=$BUILDPLATFORM golang:1.23\nCOPY bin/«${TARGETARCH}»/app /app', messageId: 'predefined' },
    { name: 'global ARG is not visible in a stage', code: 'ARG VERSION=1\nFROM scratch\nLABEL version=«$VERSION»', messageId: 'undefined' },
    { name: 'WORKDIR, USER, ARG default, continuation', code: 'FROM scratch\nWORKDIR «$HOME»/app\nUSER «${APP_USER}»\nARG B=«$A»\nCOPY a \\\n  «$DEST»', messageId: 'undefined' },
    { name: 'nested default still reads the inner variable', code: 'FROM scratch\nLABEL x=${A:-«$B»}', messageId: 'undefined' },
    { name: 'lowercase, CRLF', code: 'from scratch\r\ncopy «$SRC» /\r\n', messageId: 'undefined' },
  ],
});
