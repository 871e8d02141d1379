import { execFormRecommended } from '../../../server/src/rules/dockerfile/exec-form-recommended';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(execFormRecommended, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    'FROM node:22\nENTRYPOINT [ "docker-entrypoint.sh" ]\nHEALTHCHECK NONE',
    { name: 'JSON split over continuation lines', code: 'FROM a\nCMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]' },
    { name: 'custom SHELL in the stage', code: 'FROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand' },
    { name: 'custom SHELL inherited from the parent stage', code: 'FROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nENTRYPOINT mycommand' },
    'FROM a\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]',
    'FROM a\nRUN echo shell form is fine for RUN',
  ],
  invalid: [
    { name: 'plain command becomes an exec array', code: 'FROM node:22\nCMD «node server.js»', messageId: 'shellForm',
      output: 'FROM node:22\nCMD ["node", "server.js"]' },
    { name: 'shell syntax keeps the shell explicitly', code: 'FROM a\nCMD «echo "$HOME" && exec app»', messageId: 'shellForm',
      output: 'FROM a\nCMD ["/bin/sh", "-c", "echo \\"$HOME\\" && exec app"]' },
    { name: 'ENTRYPOINT offers the exec array (not safe) and the explicit shell (safe)', code: 'FROM a\nENTRYPOINT «./run.sh --port 80»', messageId: 'shellForm',
      fixOutputs: ['FROM a\nENTRYPOINT ["./run.sh", "--port", "80"]', 'FROM a\nENTRYPOINT ["/bin/sh", "-c", "./run.sh --port 80"]'] },
    { name: 'HEALTHCHECK CMD after flags', code: 'FROM a\nHEALTHCHECK --interval=5s CMD «curl -f http://localhost/ || exit 1»', messageId: 'healthcheck',
      output: 'FROM a\nHEALTHCHECK --interval=5s CMD ["/bin/sh", "-c", "curl -f http://localhost/ || exit 1"]' },
    { name: 'line continuation joins the command', code: 'FROM a\nCMD «echo a && \\\n  echo b»', messageId: 'shellForm',
      output: 'FROM a\nCMD ["/bin/sh", "-c", "echo a &&   echo b"]' },
    { name: 'lowercase instruction, CRLF', code: 'from a\r\ncmd «serve --port 80»\r\n', messageId: 'shellForm',
      output: 'from a\r\ncmd ["serve", "--port", "80"]\r\n' },
    { name: 'invalid JSON is shell form, but a broken array gets no fix', code: 'FROM a\nCMD «[\'app\', \'--port\']»', messageId: 'shellForm', output: null },
    { name: 'SHELL in another stage does not count', code: 'FROM a AS one\nSHELL ["/bin/bash", "-c"]\nFROM b\nCMD «app»', messageId: 'shellForm', output: 'FROM a AS one\nSHELL ["/bin/bash", "-c"]\nFROM b\nCMD ["app"]' },
    // Found by test/robustness: Docker continues a line ending in `\ \`, dockerfile-ast does not; the array then swallowed RUN.
    { name: 'an escaped blank before a final escape: no fix', code: 'FROM a\nCMD «a \\» \\\nRUN x', messageId: 'shellForm', output: null },
    { name: 'escape directive: no fix, the default shell may be cmd', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nCMD «app.exe»', messageId: 'shellForm', output: null },
  ],
});
