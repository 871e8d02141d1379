import { databaseVolumeWrongPath } from '../../../server/src/rules/compose/database-volume-wrong-path';
import { ruleTester } from '../../helpers/rule-tester';

const VOLUMES = 'volumes:\n  pgdata: {}\n';

ruleTester(databaseVolumeWrongPath, {
  valid: [
    { name: 'postgres 15 at /var/lib/postgresql/data', code: `services:\n  db:\n    image: postgres:15.1-alpine\n    volumes: [pgdata:/var/lib/postgresql/data]\n${VOLUMES}` },
    { name: 'postgres 18 at /var/lib/postgresql', code: `services:\n  db:\n    image: postgres:18-bookworm\n    volumes: [pgdata:/var/lib/postgresql]\n${VOLUMES}` },
    { name: 'postgres latest at /var/lib/postgresql', code: `services:\n  db:\n    image: postgres\n    volumes: [pgdata:/var/lib/postgresql]\n${VOLUMES}` },
    { name: 'postgres 18 with PGDATA set back to the old path (the documented workaround)', code: `services:\n  db:\n    image: postgres:18\n    environment:\n      PGDATA: /var/lib/postgresql/data\n    volumes: [pgdata:/var/lib/postgresql/data]\n${VOLUMES}` },
    { name: 'a wrong mount beside a right one: the data is persisted', code: `services:\n  db:\n    image: postgres:16\n    volumes: [pgdata:/var/lib/postgresql/data, other:/var/lib/postgresql]\n${VOLUMES}` },
    { name: 'no volume at all is database-without-volume\'s finding', code: 'services:\n  db:\n    image: postgres:18\n' },
    { name: 'files mounted inside the data folder are not data volumes', code: 'services:\n  db:\n    image: mysql:8.4\n    volumes: ["./conf/my.cnf:/var/lib/mysql/my.cnf:ro"]\n' },
    { name: 'unrelated paths are not judged', code: 'services:\n  db:\n    image: mongo:7\n    volumes: [./init:/docker-entrypoint-initdb.d, cfg:/data/configdb]\n' },
    { name: 'rabbitmq: the mnesia folder inside the image\'s volume holds the data too', code: 'services:\n  mq:\n    image: rabbitmq:3.13-management\n    volumes: [mq:/var/lib/rabbitmq/mnesia]\nvolumes: {mq: {}}\n' },
    { name: 'elasticsearch declares no VOLUME, so a parent folder holds the data', code: 'services:\n  es:\n    image: elasticsearch:8.15.0\n    volumes: [es:/usr/share/elasticsearch]\nvolumes: {es: {}}\n' },
    { name: 'a tag hidden in a variable: the layout is unknown', code: 'services:\n  db:\n    image: postgres:${PG_TAG}\n    volumes: [pgdata:/var/lib/postgresql/data]\n' },
    { name: 'the correct path added in compose.override.yaml', code: 'services:\n  db:\n    image: postgres:18\n    volumes: [pgdata:/var/lib/postgresql/data]\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  db:\n    volumes: [pg18:/var/lib/postgresql]\n' }] } } },
    { name: 'a wrong path replaced by the override (same target merges)', code: 'services:\n  db:\n    image: postgres:16\n    volumes: [pgdata:/var/lib/postgresql/data]\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  db:\n    image: postgres:16.4\n' }] } } },
  ],
  invalid: [
    {
      name: 'the seed\'s postgres:latest with the pre-18 path',
      code: `services:\n  db:\n    image: postgres:latest\n    volumes:\n      - pgdata:«/var/lib/postgresql/data»\n${VOLUMES}`,
      messageId: 'postgres18',
      messageIncludes: ['postgres 18+', 'taken as the newest'],
      output: `services:\n  db:\n    image: postgres:latest\n    volumes:\n      - pgdata:/var/lib/postgresql\n${VOLUMES}`,
    },
    {
      name: 'postgres 18.1, quoted, with a mode: only the path changes',
      code: `services:\n  db:\n    image: "postgres:18.1"\n    volumes:\n      - "pgdata:«/var/lib/postgresql/data»:rw"  # data\n${VOLUMES}`,
      messageId: 'postgres18',
      output: `services:\n  db:\n    image: "postgres:18.1"\n    volumes:\n      - "pgdata:/var/lib/postgresql:rw"  # data\n${VOLUMES}`,
    },
    {
      name: 'postgres 17 mounted at the 18+ parent: its own VOLUME hides the mount',
      code: `services:\n  db:\n    image: postgres:17.2\n    volumes: [pgdata:«/var/lib/postgresql»]\n${VOLUMES}`,
      messageId: 'wrongPath',
      messageIncludes: ['postgres 17', '"/var/lib/postgresql/data"'],
      output: `services:\n  db:\n    image: postgres:17.2\n    volumes: [pgdata:/var/lib/postgresql/data]\n${VOLUMES}`,
    },
    {
      name: 'mysql at /var/lib/mysql/data; long syntax',
      code: 'services:\n  db:\n    image: mysql:8.4\n    volumes:\n      - type: volume\n        source: mysql\n        target: «/var/lib/mysql/data»\nvolumes:\n  mysql: {}\n',
      messageId: 'wrongPath',
      output: 'services:\n  db:\n    image: mysql:8.4\n    volumes:\n      - type: volume\n        source: mysql\n        target: /var/lib/mysql\nvolumes:\n  mysql: {}\n',
    },
    {
      name: 'mongo at /data (its VOLUME /data/db hides the mount); a bind mount too',
      code: 'services:\n  mongo:\n    image: mongo:7.0\n    volumes: ["./mongo:«/data»"]\n',
      output: 'services:\n  mongo:\n    image: mongo:7.0\n    volumes: ["./mongo:/data/db"]\n',
    },
    {
      name: 'a mount written in the override file is reported there',
      code: 'services:\n  db:\n    volumes:\n      - pg:«/var/lib/postgresql/data»\n',
      context: { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  db:\n    image: postgres:18\nvolumes:\n  pg: {}\n' }] } },
      output: 'services:\n  db:\n    volumes:\n      - pg:/var/lib/postgresql\n',
    },
    {
      name: 'two misplaced mounts: reported, but not both moved to one path',
      code: 'services:\n  db:\n    image: mariadb:11\n    volumes: [mysql:«/var/lib/mysql/data», other:«/var/lib»]\nvolumes: {mysql: {}, other: {}}\n',
      messageIds: ['wrongPath', 'wrongPath'],
      output: null,
    },
    {
      name: 'through a merge key: reported at the merge key, no fix',
      code: 'x-pg: &pg\n  image: postgres:18\n  volumes: [pgdata:/var/lib/postgresql/data]\nservices:\n  db:\n    «<<: *pg»\n' + VOLUMES,
      output: null,
    },
  ],
});
