import { databaseBindMount } from '../../../server/src/rules/compose/database-bind-mount';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(databaseBindMount, {
  valid: [
    { name: 'a named volume', code: 'services:\n  db:\n    image: postgres:17\n    volumes: [pgdata:/var/lib/postgresql/data]\nvolumes: {pgdata: {}}\n' },
    { name: 'bind mounts of init scripts and config files are fine', code: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d:ro\n      - ./postgresql.conf:/etc/postgresql/postgresql.conf\n      - pgdata:/var/lib/postgresql/data\nvolumes: {pgdata: {}}\n' },
    { name: 'a host path in a variable is the user\'s choice', code: 'services:\n  db:\n    image: mysql:8.4\n    volumes: ["${MYSQL_DATA_DIR:-./mysql}:/var/lib/mysql"]\n' },
    { name: 'a bind mount of a non-database image', code: 'services:\n  web:\n    image: nginx:1.27\n    volumes: ["./site:/usr/share/nginx/html:ro"]\n' },
    { name: 'a bind mount at the wrong path is database-volume-wrong-path\'s finding', code: 'services:\n  db:\n    image: postgres:18\n    volumes: ["./pgdata:/var/lib/postgresql/data"]\n' },
    { name: 'replaced by a named volume in compose.override.yaml', code: 'services:\n  db:\n    image: postgres:17\n    volumes: ["./pgdata:/var/lib/postgresql/data"]\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  db:\n    volumes: [pg:/var/lib/postgresql/data]\nvolumes:\n  pg: {}\n' }] } } },
  ],
  invalid: [
    {
      name: 'the seed\'s postgres with a bind mount: named volume, declared at the top level',
      code: 'services:\n  db:\n    image: postgres:15.1-alpine\n    volumes:\n      - «./pgdata»:/var/lib/postgresql/data  # local data\n',
      messageId: 'bind',
      messageIncludes: ['"./pgdata"', 'postgres 15'],
      output: 'services:\n  db:\n    image: postgres:15.1-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data  # local data\nvolumes:\n  db-data: {}\n',
    },
    {
      name: 'quoted, absolute host path, read-write mode kept; existing volumes section',
      code: 'services:\n  mongo:\n    image: mongo:7\n    volumes:\n      - "«/srv/mongo»:/data/db:rw"\nvolumes:\n  unrelated: {}\n',
      output: 'services:\n  mongo:\n    image: mongo:7\n    volumes:\n      - "mongo-data:/data/db:rw"\nvolumes:\n  unrelated: {}\n  mongo-data: {}\n',
    },
    {
      name: 'long syntax: type and source change',
      code: 'services:\n  db:\n    image: mariadb:11.4\n    volumes:\n      - type: bind\n        source: «./mysql»\n        target: /var/lib/mysql\n',
      output: 'services:\n  db:\n    image: mariadb:11.4\n    volumes:\n      - type: volume\n        source: db-data\n        target: /var/lib/mysql\nvolumes:\n  db-data: {}\n',
    },
    {
      name: 'long syntax with bind options: reported, no fix',
      code: 'services:\n  db:\n    image: mariadb:11.4\n    volumes:\n      - type: bind\n        source: «./mysql»\n        target: /var/lib/mysql\n        bind:\n          create_host_path: true\n',
      output: null,
    },
    {
      name: 'Windows host path; redis',
      code: 'services:\n  cache:\n    image: redis:7.4\n    volumes: [«C:\\redis»:/data]\n',
      output: 'services:\n  cache:\n    image: redis:7.4\n    volumes: [cache-data:/data]\nvolumes:\n  cache-data: {}\n',
    },
    {
      name: 'a bind mount written in the override file is reported there',
      code: 'services:\n  db:\n    volumes: ["«./data»:/var/lib/postgresql"]\n',
      context: { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  db:\n    image: postgres:18\n' }] } },
      output: 'services:\n  db:\n    volumes: ["db-data:/var/lib/postgresql"]\nvolumes:\n  db-data: {}\n',
    },
  ],
});
