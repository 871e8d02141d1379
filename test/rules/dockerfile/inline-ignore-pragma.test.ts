import { inlineIgnorePragma } from '../../../server/src/rules/dockerfile/inline-ignore-pragma';
import { ruleTester } from '../../helpers/rule-tester';

// Off by default (opt-in, as in hadolint): every case turns it on.
const on = { severityOverrides: { 'inline-ignore-pragma': 'warning' as const } };

ruleTester(inlineIgnorePragma, {
  valid: [
    { name: 'off by default', code: '# hadolint ignore=DL3003\nFROM alpine:3.20', settings: {} },
    { name: 'other hadolint pragma', code: '# hadolint shell=powershell\nFROM alpine:3.20\nRUN foo bar', settings: on },
    { name: 'plain comment', code: '# foobar\nFROM alpine:3.20\nRUN foo bar', settings: on },
    { name: 'file-wide ignore is configuration, not inline', code: '# hadolint global ignore=DL3003\nFROM alpine:3.20', settings: on },
    { name: 'container-hygiene ignore-file', code: '# container-hygiene ignore-file=run-consecutive\nFROM alpine:3.20', settings: on },
    { name: 'heredoc body line is script text', code: 'FROM alpine:3.20\nRUN <<EOF\n# hadolint ignore=DL3003\necho hi\nEOF\n', settings: on },
  ],
  invalid: [
    { name: 'hadolint inline pragma', code: '«# hadolint ignore=DL3003»\nRUN foo bar', settings: on, messageId: 'inline', messageIncludes: ['hadolint'], output: null },
    { name: 'container-hygiene inline pragma, indented, CRLF', code: 'FROM alpine:3.20\r\n  «# container-hygiene ignore=run-consecutive»\r\nRUN a\r\n', settings: on, messageIncludes: ['container-hygiene'] },
    { name: 'comment inside a line continuation', code: 'FROM alpine:3.20\nRUN apt-get update \\\n  «#hadolint ignore=DL3008»\n  && apt-get install -y curl', settings: on },
  ],
});
