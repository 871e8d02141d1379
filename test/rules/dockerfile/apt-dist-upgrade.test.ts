import { aptDistUpgrade } from '../../../server/src/rules/dockerfile/apt-dist-upgrade';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(aptDistUpgrade, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean',
    'FROM debian:12\nRUN echo "apt-get dist-upgrade"',
    { name: 'not an apt tool', code: 'FROM debian:12\nRUN pip install --upgrade pip==24.0 && npm upgrade' },
  ],
  invalid: [
    { name: 'dist-upgrade', code: 'FROM debian:12\nRUN apt-get update && «apt-get dist-upgrade» && apt-get -y install curl', messageId: 'distUpgrade', output: null },
    { name: 'upgrade', code: 'FROM debian:12\nRUN apt-get update && «apt-get -y upgrade»', messageId: 'upgrade' },
    { name: 'apt full-upgrade, heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get update\n«apt full-upgrade» -y\nEOF\n', messageId: 'distUpgrade' },
    { name: 'ONBUILD RUN, continuation, CRLF', code: 'FROM debian:12\r\nONBUILD RUN apt-get update \\\r\n && «apt-get \\\r\n  dist-upgrade» -y\r\n', messageId: 'distUpgrade' },
  ],
});
