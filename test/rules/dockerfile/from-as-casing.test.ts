import { fromAsCasing } from '../../../server/src/rules/dockerfile/from-as-casing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(fromAsCasing, {
  valid: [
    'FROM scratch AS base',
    'from scratch as base',
    'FROM scratch',
    { name: 'mixed-case FROM is instruction-casing\'s', code: 'From scratch as base' },
    { name: 'platform flag', code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build' },
  ],
  invalid: [
    { name: 'upper FROM, lower as', code: 'FROM scratch «as» base', messageId: 'mismatch', output: 'FROM scratch AS base' },
    { name: 'lower from, upper AS', code: 'from scratch «AS» base\nfrom scratch as base2', messageId: 'mismatch', output: 'from scratch as base\nfrom scratch as base2' },
    { name: 'mixed-case As after flags, CRLF', code: 'FROM --platform=linux/amd64 a «As» b\r\n', messageId: 'mismatch', output: 'FROM --platform=linux/amd64 a AS b\r\n' },
  ],
});
