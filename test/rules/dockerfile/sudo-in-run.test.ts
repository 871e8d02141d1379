import { sudoInRun } from '../../../server/src/rules/dockerfile/sudo-in-run';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(sudoInRun, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y sudo',
    'FROM debian:12\nRUN echo sudo && ls /etc/sudoers.d',
    'FROM debian:12\nCMD sudo -u app ./start',
    { name: 'heredoc fed to a command is not run', code: 'FROM debian:12\nRUN cat <<EOF > /x.sh\nsudo rm -rf /\nEOF\n' },
  ],
  invalid: [
    { name: 'plain sudo', code: 'FROM debian:12\nRUN «sudo» apt-get update', messageId: 'sudo', output: null },
    { name: 'chained, after a continuation', code: 'FROM debian:12\nRUN apt-get update \\\n  && «sudo» apt-get install -y curl', messageId: 'sudo' },
    { name: 'inside if/then', code: 'FROM debian:12\nRUN if [ -f /x ]; then «sudo» rm /x; fi', messageId: 'sudo' },
    { name: 'ONBUILD RUN and lowercase run', code: 'FROM debian:12\nONBUILD RUN «sudo» make\nrun «/usr/bin/sudo» -E make install', messageIds: ['sudo', 'sudo'] },
    { name: 'heredoc script', code: 'FROM debian:12\r\nRUN <<EOF\r\n«sudo» make\r\nEOF\r\n', messageId: 'sudo' },
    { name: 'exec form', code: 'FROM debian:12\nRUN [«"sudo"», "make"]', messageId: 'sudo' },
  ],
});
