import { maintainerDeprecated } from '../../../server/src/rules/dockerfile/maintainer-deprecated';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(maintainerDeprecated, {
  valid: ['FROM debian:12', 'FROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"'],
  invalid: [
    { name: 'becomes the OCI authors label', code: 'FROM busybox:1.36\n«MAINTAINER» hudu@mail.com', messageId: 'deprecated',
      output: 'FROM busybox:1.36\nLABEL org.opencontainers.image.authors="hudu@mail.com"' },
    { name: 'quotes, dollars and spaces are kept literally', code: 'FROM a\n«MAINTAINER» Jo "JD" Doe <jo@x.io> $5', messageId: 'deprecated',
      output: 'FROM a\nLABEL org.opencontainers.image.authors="Jo \\"JD\\" Doe <jo@x.io> \\$5"' },
    { name: 'before FROM, lowercase', code: '«maintainer» Lukas\nFROM debian:12', messageId: 'deprecated', output: 'label org.opencontainers.image.authors="Lukas"\nFROM debian:12' },
    { name: 'escape directive', code: '# escape=`\nFROM a\n«MAINTAINER» C:\\Users\\me', messageId: 'deprecated', output: '# escape=`\nFROM a\nLABEL org.opencontainers.image.authors="C:\\Users\\me"' },
    { name: 'CRLF', code: 'FROM a\r\n«MAINTAINER» me\r\n', messageId: 'deprecated', output: 'FROM a\r\nLABEL org.opencontainers.image.authors="me"\r\n' },
    { name: 'no value, no fix', code: 'FROM a\n«MAINTAINER»', messageId: 'deprecated', output: null },
    // Found by test/robustness: a form feed is no blank to Docker; leaving it outside the label broke the LABEL.
    { name: 'a trailing form feed stays in the value', code: 'FROM a\n«MAINTAINER» me \f\n', messageId: 'deprecated', output: 'FROM a\nLABEL org.opencontainers.image.authors="me \f"\n' },
    // Found by test/robustness: Docker continues a line ending in `\ \`, dockerfile-ast does not; the LABEL then swallowed FROM.
    { name: 'an escaped blank before a final escape: no fix', code: '«MAINTAINER» \\ \\\r\nFROM alpine', messageId: 'deprecated', output: null },
    // Found by test/robustness: a continuation line holding only a U+2028 is blank to Docker, an argument to dockerfile-ast; as a LABEL it was a syntax error.
    { name: 'a continuation line blank only to Docker: no fix', code: '«MAINTAINER» alpine \\\n  \u2028\n', messageId: 'deprecated', output: null },
  ],
});
