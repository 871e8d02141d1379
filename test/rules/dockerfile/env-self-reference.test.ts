import { envSelfReference } from '../../../server/src/rules/dockerfile/env-self-reference';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(envSelfReference, {
  valid: [
    { name: 'defined in an earlier ENV', code: 'FROM alpine:3.20\nENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"' },
    { name: 'longer name with the same prefix', code: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="${BLAFOO}/blubb" C=$BLAFOO' },
    { name: 'own right-hand side', code: 'FROM alpine:3.20\nENV PATH=/opt/bin:${PATH}' },
    { name: 'defined earlier by ARG', code: 'FROM alpine:3.20\nARG VERSION=1\nENV VERSION=2 TAG=v$VERSION' },
    { name: 'defined in the parent stage', code: 'FROM alpine:3.20 AS base\nENV A=1\nFROM base\nENV A=2 B=$A' },
    { name: 'escaped dollar is literal', code: 'FROM alpine:3.20\nENV A=1 B=\\$A' },
    { name: 'single quotes do not expand', code: "FROM alpine:3.20\nENV A=1 B='$A'" },
    { name: 'legacy single-pair form', code: 'FROM alpine:3.20\nENV A $A/x' },
  ],
  invalid: [
    { name: 'braced reference', code: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="«${BLA}»/blubb"', messageId: 'sameEnv', output: null },
    { name: 'bare reference', code: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="«$BLA»/$BLAFOO"', messageId: 'sameEnv' },
    { name: 'same name twice in one ENV', code: 'FROM alpine:3.20\nENV PATH=/a:${PATH} PATH=/b:«${PATH}»', messageId: 'sameEnv' },
    { name: 'default-value expansion', code: 'FROM alpine:3.20\nENV A=1 B=«${A:-0}»', messageIncludes: ['refers to A,'] },
    { name: 'only defined in an unrelated stage', code: 'FROM alpine:3.20 AS one\nENV A=1\nFROM alpine:3.20\nENV A=2 B=«$A»' },
    { name: 'line continuation, CRLF, lower-case', code: 'from alpine:3.20\r\nenv A=1 \\\r\n    B=«$A»\r\n' },
    { name: 'double-quoted apostrophe does not start a quote', code: 'FROM alpine:3.20\nENV A=1 B="it\'s «$A»"' },
    { name: 'reference before the definition', code: 'FROM alpine:3.20\nENV B=«$A» A=1' },
  ],
});
