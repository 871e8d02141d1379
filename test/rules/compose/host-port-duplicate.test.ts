import { hostPortDuplicate } from '../../../server/src/rules/compose/host-port-duplicate';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(hostPortDuplicate, {
  valid: [
    'services:\n  web:\n    image: nginx:1\n    ports: ["8080:80"]\n  api:\n    image: nginx:1\n    ports: ["8081:80"]\n',
    { name: 'same port, different protocols', code: 'services:\n  dns:\n    image: x:1\n    ports: ["53:53/udp", "53:53/tcp"]\n' },
    { name: 'same port on two specific addresses', code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8080:80"]\n  b:\n    image: x:1\n    ports: ["192.168.1.10:8080:80"]\n' },
    { name: 'container-only ports get random host ports', code: 'services:\n  a:\n    image: x:1\n    ports: ["80", 80, "127.0.0.1::80"]\n  b:\n    image: x:1\n    ports: ["80"]\n' },
    { name: 'different variables could be anything', code: 'services:\n  a:\n    image: x:1\n    ports: ["${A_PORT}:80"]\n  b:\n    image: x:1\n    ports: ["${B_PORT}:80", "8080:80"]\n' },
    { name: 'disjoint ranges', code: 'services:\n  a:\n    image: x:1\n    ports: ["8000-8009:8000-8009"]\n  b:\n    image: x:1\n    ports: ["8010-8019:8000-8009"]\n' },
  ],
  invalid: [
    { name: 'two services: on the second host port', code: 'services:\n  web:\n    image: nginx:1\n    ports:\n      - "8080:80"\n  admin:\n    image: nginx:1\n    ports:\n      - "«8080»:8080"\n', messageId: 'duplicate', messageIncludes: ['8080/tcp', 'service "web" on line 5'], output: null },
    { name: 'all interfaces clash with a specific address', code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:5432:5432"]\n  b:\n    image: x:1\n    ports: [«5432»:5432]\n' },
    { name: 'overlapping ranges', code: 'services:\n  a:\n    image: x:1\n    ports: ["8000-8010:8000-8010"]\n  b:\n    image: x:1\n    ports: ["«8005»:80"]\n' },
    { name: 'long syntax: on the published value', code: 'services:\n  a:\n    image: x:1\n    ports: ["9000:9000"]\n  b:\n    image: x:1\n    ports:\n      - target: 80\n        published: «9000»\n' },
    { name: 'within one service, UDP', code: 'services:\n  dns:\n    image: x:1\n    ports: ["53:53/udp", "«53»:5353/udp"]\n' },
    { name: 'the same variable text twice', code: 'services:\n  a:\n    image: x:1\n    ports: ["${PORT}:80"]\n  b:\n    image: x:1\n    ports: ["«${PORT}»:81"]\n' },
    { name: 'IPv6 brackets', code: 'services:\n  a:\n    image: x:1\n    ports: ["[::1]:8080:80"]\n  b:\n    image: x:1\n    ports: ["[::1]:«8080»:80"]\n' },
    { name: 'clash with a port added by the override', code: 'services:\n  web:\n    image: nginx:1\n    ports: ["«3000»:3000"]\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  debug:\n    image: x:1\n    ports: ["3000:9229"]\n' }] } }, messageIncludes: ['in another file of the project'] },
  ],
});
