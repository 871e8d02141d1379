import { runUnsuitableCommand } from '../../../server/src/rules/dockerfile/run-unsuitable-command';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(runUnsuitableCommand, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y openssh-client ssh vim procps',
    'FROM debian:12\nRUN echo top && command -v ps',
    { name: 'RUN --mount is a flag, not the mount command', code: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache pip install -r req.txt' },
    'FROM debian:12\nCMD service nginx start',
  ],
  invalid: [
    { name: 'top', code: 'FROM debian:12\nRUN «top»', messageId: 'unsuitable', messageIncludes: ['`top`'], output: null },
    { name: 'service behind sudo', code: 'FROM debian:12\nRUN sudo «service» mysql start && mysql < /init.sql', messageId: 'unsuitable' },
    { name: 'several in one script', code: 'FROM debian:12\nRUN «ps» aux | grep x \\\n  && «kill» -9 1 ; «ifconfig»', messageIds: ['unsuitable', 'unsuitable', 'unsuitable'] },
    { name: 'ONBUILD RUN, lowercase', code: 'FROM debian:12\nonbuild run «shutdown» -h now', messageId: 'unsuitable' },
    { name: 'heredoc with CRLF', code: 'FROM debian:12\r\nRUN <<EOF\r\n«free» -m\r\nEOF\r\n', messageId: 'unsuitable' },
  ],
});
