import { exposeInvalidFormat } from '../../../server/src/rules/dockerfile/expose-invalid-format';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(exposeInvalidFormat, {
  valid: ['FROM scratch\nEXPOSE 8000 8080/udp 9000-9010', 'FROM a\nARG PORTS=80:80\nEXPOSE ${PORTS}'],
  invalid: [
    { name: 'IP and host mappings', code: 'FROM scratch\nEXPOSE «127.0.0.1:80:80» «[::1]:8080:8080» «5000:5000» 8000', messageId: 'mapping',
      output: 'FROM scratch\nEXPOSE 80 8080 5000 8000' },
    { name: 'protocol kept', code: 'FROM a\nexpose «8080:80/udp»', messageId: 'mapping', output: 'FROM a\nexpose 80/udp', messageIncludes: ['"80/udp"'] },
    { name: 'CRLF', code: 'FROM a\r\nEXPOSE «3000:3000»\r\n', messageId: 'mapping', output: 'FROM a\r\nEXPOSE 3000\r\n' },
    // Found by test/robustness: the port alone would be a syntax error, so no fix.
    { name: 'unknown protocol: no fix', code: 'FROM a\nEXPOSE «localhost:5000/x»', messageId: 'mapping', output: null },
    { name: 'port out of range: no fix', code: 'FROM a\nEXPOSE «80:70000»', messageId: 'mapping', output: null },
  ],
});
