import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { servicePortAllInterfaces } from '../../../server/src/rules/compose/service-port-all-interfaces';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(servicePortAllInterfaces, {
  valid: [
    // Found by test/robustness: an empty port was reported with an empty range and "fixed" to `127.0.0.1::`.
    { name: 'no container port: nothing is published', code: 'services:\n  mail:\n    image: axllent/mailpit:v1.21\n    ports:\n      - ""\n      - "8025:"\n      - |-\n      - !override\n' },
    'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80", "[::1]:8443:443", "127.0.0.1::9000"]\n',
    { name: 'an explicit 0.0.0.0 is a decision', code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["0.0.0.0:80:80"]\n' },
    { name: 'long syntax with host_ip', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n' },
    { name: 'expose does not publish', code: 'services:\n  db:\n    image: postgres:17.2\n    expose: ["5432"]\n' },
    { name: 'variables that may hold an address', code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["${WEB_PORT:-8080}:80", "${BIND_ADDR}:443:443", "${PORTS}"]\n  api:\n    image: x:1\n    ports:\n      - target: 80\n        host_ip: ${API_HOST:-127.0.0.1}\n' },
    { name: 'host networking discards published ports', code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n    ports: ["80:80"]\n' },
    { name: 'dclint disable-line with the alias', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80" # dclint disable-line no-unbound-port-interfaces\n' },
    { name: 'container-hygiene ignore above the service covers it', code: 'services:\n  # container-hygiene ignore=service-port-all-interfaces\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n' },
    { name: 'replaced by compose.override.yaml', code: 'services:\n  db:\n    image: postgres:17.2\n    ports: ["5432:5432"]\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  db:\n    ports: !override ["127.0.0.1:5432:5432"]\n' }] } } },
  ],
  invalid: [
    { name: 'short syntax: on the host port, quotes kept', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "«8080»:80"  # public site\n', messageId: 'allInterfaces', output: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"  # public site\n' },
    { name: 'a database port', code: 'services:\n  db:\n    image: postgres:17.2\n    ports:\n      - "«5432»:5432"\n', messageId: 'database', messageIncludes: ['PostgreSQL'], output: 'services:\n  db:\n    image: postgres:17.2\n    ports:\n      - "127.0.0.1:5432:5432"\n' },
    { name: 'a database image on another port', code: 'services:\n  mq:\n    image: rabbitmq:3-management\n    ports: [\'«15672»:15672\']\n', messageId: 'database', messageIncludes: ['(rabbitmq)'], output: "services:\n  mq:\n    image: rabbitmq:3-management\n    ports: ['127.0.0.1:15672:15672']\n" },
    { name: 'a database port on another host port, plain', code: 'services:\n  cache:\n    image: ghcr.io/acme/cache:1\n    ports:\n      - «6380»:6379\n', messageId: 'database', messageIncludes: ['Redis'], output: 'services:\n  cache:\n    image: ghcr.io/acme/cache:1\n    ports:\n      - 127.0.0.1:6380:6379\n' },
    { name: 'container port only: a random host port, on all interfaces', code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["«80»", «443»]\n', messageIds: ['allInterfaces', 'allInterfaces'], output: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1::80", 127.0.0.1::443]\n' },
    { name: 'ranges, UDP, a variable container port', code: 'services:\n  a:\n    image: x:1\n    ports: ["«8000-8010»:8000-8010", "«53»:53/udp", "«9000»:${PORT}"]\n', output: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8000-8010:8000-8010", "127.0.0.1:53:53/udp", "127.0.0.1:9000:${PORT}"]\n' },
    { name: 'long syntax: on published, adds host_ip', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: «${WEB_PORT:-8080}»\n        protocol: tcp\n', output: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: ${WEB_PORT:-8080}\n        protocol: tcp\n        host_ip: 127.0.0.1\n' },
    { name: 'long syntax in flow style, without published', code: 'services:\n  web:\n    image: nginx:1.27\n    ports: [{target: «80»}]\n', output: 'services:\n  web:\n    image: nginx:1.27\n    ports: [{target: 80, host_ip: 127.0.0.1}]\n' },
    { name: 'through a merge key: at the merge key, no fix', code: 'x-ports: &ports\n  ports: ["8080:80"]\nservices:\n  web:\n    image: nginx:1.27\n    «<<: *ports»\n', output: null },
    { name: 'in the override file', code: 'services:\n  mail:\n    image: axllent/mailpit:v1.20\n    ports:\n      - "«8025»:8025"\n', context: { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n' }] } }, output: 'services:\n  mail:\n    image: axllent/mailpit:v1.20\n    ports:\n      - "127.0.0.1:8025:8025"\n' },
    // Found by test/robustness: a block scalar's range runs past its line breaks; the rewritten port swallowed them and joined the next key.
    { name: 'a block scalar port is rewritten in place, its line breaks kept', code: 'services:\n  mail:\n    image: axllent/mailpit:v1.21\n    ports:\n      - «|-\n        8025:8025»\n\nvolumes:\n  data: {}\n',
      output: 'services:\n  mail:\n    image: axllent/mailpit:v1.21\n    ports:\n      - "127.0.0.1:8025:8025"\n\nvolumes:\n  data: {}\n' },
  ],
});

it('service-port-all-interfaces: error for databases, warning otherwise', () => {
  const code = 'services:\n  db:\n    image: postgres:17.2\n    ports: ["5432:5432"]\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n';
  assert.deepEqual(analyze(code, 'compose', undefined, { rules: [servicePortAllInterfaces] }).map((f) => f.severity), ['error', 'warning']);
});
