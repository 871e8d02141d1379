import { onbuildForbiddenTrigger } from '../../../server/src/rules/dockerfile/onbuild-forbidden-trigger';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(onbuildForbiddenTrigger, {
  valid: [
    'FROM alpine:3.20\nONBUILD RUN make',
    'FROM alpine:3.20\nONBUILD COPY . /src',
    'FROM alpine:3.20\nONBUILD LABEL a="b"',
    'FROM alpine:3.20\nMAINTAINER "Someone"',
    'FROM alpine:3.20\nONBUILD HEALTHCHECK NONE',
  ],
  invalid: [
    { name: 'ONBUILD ONBUILD', code: 'FROM alpine:3.20\nONBUILD «ONBUILD» RUN anything', messageId: 'forbidden', output: null },
    { name: 'ONBUILD FROM', code: 'FROM alpine:3.20\nONBUILD «FROM» debian:bookworm', messageId: 'forbidden', messageIncludes: ['FROM'] },
    { name: 'ONBUILD MAINTAINER', code: 'FROM alpine:3.20\nONBUILD «MAINTAINER» "BoJack Horseman"', messageId: 'forbidden' },
    { name: 'lower-case instructions', code: 'from alpine:3.20\nonbuild «from» debian', messageId: 'forbidden', messageIncludes: ['FROM'] },
    { name: 'continuation between ONBUILD and its trigger', code: 'FROM alpine:3.20\nONBUILD \\\n  «FROM» debian', messageId: 'forbidden' },
  ],
});
