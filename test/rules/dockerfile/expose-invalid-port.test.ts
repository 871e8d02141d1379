import { exposeInvalidPort } from '../../../server/src/rules/dockerfile/expose-invalid-port';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(exposeInvalidPort, {
  valid: [
    'EXPOSE 60000',
    'EXPOSE ${FOOBAR}',
    'EXPOSE 40000-60000/tcp',
    'EXPOSE 40000-${FOOBAR}',
    'FROM alpine:3.20\nEXPOSE 0 65535 53/udp 9000/sctp 80/TCP ${PORT}/${PROTO}',
    { name: 'host mappings are left to other checks', code: 'EXPOSE 8080:80' },
  ],
  invalid: [
    { name: 'single port', code: 'EXPOSE «80000»', messageId: 'outOfRange', output: null },
    { name: 'range', code: 'EXPOSE «40000-80000/tcp»', messageId: 'outOfRange' },
    { name: 'among valid ones', code: 'FROM alpine:3.13\nUSER mike\nEXPOSE «65536» 8080', messageId: 'outOfRange' },
    { name: 'unknown protocol', code: 'EXPOSE «80/http»', messageId: 'malformed' },
    { name: 'not a number', code: 'expose «http» 443\r\n', messageId: 'malformed' },
    { name: 'reversed range', code: 'EXPOSE «9000-8000»', messageId: 'malformed' },
    { name: 'continuation line', code: 'EXPOSE 80 \\\n  «99999»', messageId: 'outOfRange' },
  ],
});
