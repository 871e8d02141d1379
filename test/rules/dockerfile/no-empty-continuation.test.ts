import { noEmptyContinuation } from '../../../server/src/rules/dockerfile/no-empty-continuation';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(noEmptyContinuation, {
  valid: [
    'FROM scratch\nCOPY Dockerfile \\\n.',
    { name: 'comment lines inside a continuation are fine', code: 'FROM a\nRUN apt-get update && \\\n  # install curl\n  apt-get install -y curl' },
    { name: 'empty lines in a heredoc body', code: 'FROM a\nRUN <<EOF\necho a \\\n\necho b\nEOF' },
    { name: 'empty line between instructions', code: 'FROM a\n\nRUN true' },
  ],
  invalid: [
    { name: 'the line after the gap is reported', code: 'FROM scratch\nCOPY Dockerfile \\\n\n«.»\nCOPY Dockerfile \\\n.', messageId: 'empty',
      output: 'FROM scratch\nCOPY Dockerfile \\\n.\nCOPY Dockerfile \\\n.' },
    { name: 'several blank lines at once', code: 'FROM a\nRUN apt-get update && \\\n  \n\n    «apt-get install -y curl»', messageId: 'empty',
      output: 'FROM a\nRUN apt-get update && \\\n    apt-get install -y curl' },
    { name: 'a gap after a comment line, CRLF', code: 'FROM a\r\nRUN a \\\r\n# note\r\n\r\n  «b»\r\n', messageId: 'empty', output: 'FROM a\r\nRUN a \\\r\n# note\r\n  b\r\n' },
    { name: 'backtick escape', code: '# escape=`\nFROM a\nRUN a `\n\n  «b»', messageId: 'empty', output: '# escape=`\nFROM a\nRUN a `\n  b' },
  ],
});
