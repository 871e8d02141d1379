import { exposeProtoCasing } from '../../../server/src/rules/dockerfile/expose-proto-casing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(exposeProtoCasing, {
  valid: ['FROM scratch\nEXPOSE 80/tcp 8080/udp 9000', 'FROM a\nARG P=80/TCP\nEXPOSE $P'],
  invalid: [
    { name: 'two upper-case protocols', code: 'FROM scratch\nEXPOSE 80/«TcP» 8080/«TCP» 8080/udp', messageId: 'casing',
      output: 'FROM scratch\nEXPOSE 80/tcp 8080/tcp 8080/udp' },
    { name: 'continuation, lowercase instruction', code: 'from a\nexpose 53/«UDP» \\\n  8000-8010/«Tcp»', messageId: 'casing', output: 'from a\nexpose 53/udp \\\n  8000-8010/tcp' },
  ],
});
