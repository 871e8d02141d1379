import { userNameUnresolvable } from '../../../server/src/rules/dockerfile/user-name-unresolvable';
import { ruleTester } from '../../helpers/rule-tester';

/** The rule is off by default; these cases turn it on. */
const on = { settings: { severityOverrides: { 'user-name-unresolvable': 'info' as const } } };

ruleTester(userNameUnresolvable, {
  valid: [
    { name: 'off by default', code: 'FROM debian:12\nUSER app' },
    { code: 'USER 12345', ...on },
    { code: 'USER 1234:5678', ...on },
    { name: 'defined ARG', code: 'ARG APP_UID\nFROM foobar:barfoo\nUSER ${APP_UID}', ...on },
    { name: 'variable user with a named group is judged by the user', code: 'FROM debian:12\nUSER $UID:app', ...on },
  ],
  invalid: [
    { name: 'name', code: 'USER «foobar»', ...on, messageId: 'name', output: null },
    { name: 'name and group', code: 'USER «foobar:barfoo»', ...on, messageId: 'name' },
    { name: 'node user has a known UID', code: 'FROM node:20\nUSER «node»', ...on, messageId: 'name', output: 'FROM node:20\nUSER 1000:1000' },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/base-debian12\nuser «nonroot»\r\n', ...on, messageId: 'name', output: 'FROM gcr.io/distroless/base-debian12\nuser 65532:65532\r\n' },
    { name: 'known image but another user: no fix', code: 'FROM node:20\nUSER «app»', ...on, messageId: 'name', output: null },
  ],
});
