import { instructionCasing } from '../../../server/src/rules/dockerfile/instruction-casing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(instructionCasing, {
  valid: [
    'FROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar',
    'from scratch\ncopy Dockerfile /foo',
    { name: 'heredoc lines are not instructions', code: 'FROM alpine\nRUN <<\'EOT\'\nenv\nEOT' },
  ],
  invalid: [
    { name: 'minority lower case', code: 'FROM scratch\n«copy» Dockerfile /foo\nCOPY Dockerfile /bar', messageId: 'inconsistent',
      output: 'FROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar' },
    { name: 'minority upper case', code: '«FROM» scratch\ncopy a /a\ncopy b /b', messageId: 'inconsistent', output: 'from scratch\ncopy a /a\ncopy b /b' },
    { name: 'mixed case is always reported', code: '«From» scratch as base\nFROM scratch AS base2', messageId: 'inconsistent', output: 'FROM scratch as base\nFROM scratch AS base2' },
    { name: 'mixed case against a lower-case majority', code: '«frOM» scratch as base\nfrom scratch as base2', messageId: 'inconsistent', output: 'from scratch as base\nfrom scratch as base2',
      messageIncludes: ['lower case'] },
    { name: 'a tie goes to upper case, CRLF', code: 'FROM a\r\n«run» x\r\n', messageId: 'inconsistent', output: 'FROM a\r\nRUN x\r\n' },
  ],
});
