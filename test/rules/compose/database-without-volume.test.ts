import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { databaseWithoutVolume } from '../../../server/src/rules/compose/database-without-volume';
import { ruleTester } from '../../helpers/rule-tester';

const override = (text: string) => ({ compose: { after: [{ path: 'compose.override.yaml', text }] } });

ruleTester(databaseWithoutVolume, {
  valid: [
    { name: 'postgres 16 with a named volume at its data path', code: 'services:\n  db:\n    image: postgres:16.4\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n' },
    { name: 'postgres 18 at /var/lib/postgresql', code: 'services:\n  db:\n    image: postgres:18\n    volumes: [pgdata:/var/lib/postgresql]\nvolumes: {pgdata: {}}\n' },
    { name: 'postgres 18 at its versioned data folder', code: 'services:\n  db:\n    image: postgres:18.1\n    volumes: [pgdata:/var/lib/postgresql/18/docker]\nvolumes: {pgdata: {}}\n' },
    { name: 'PGDATA below the volume: the volume still holds it', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /var/lib/postgresql/data/pgdata\n    volumes: [pg:/var/lib/postgresql/data]\nvolumes: {pg: {}}\n' },
    { name: 'PGDATA elsewhere, mounted there', code: 'services:\n  db:\n    image: postgres:16\n    environment: [PGDATA=/pgdata]\n    volumes: [pg:/pgdata]\nvolumes: {pg: {}}\n' },
    { name: 'a bind mount also persists (database-bind-mount has its say)', code: 'services:\n  db:\n    image: mysql:8.4\n    volumes: ["./data:/var/lib/mysql"]\n' },
    { name: 'long syntax', code: 'services:\n  mongo:\n    image: mongo:7\n    volumes:\n      - type: volume\n        source: mongo\n        target: /data/db/\nvolumes:\n  mongo:\n' },
    { name: 'a volume added in compose.override.yaml silences it', code: 'services:\n  db:\n    image: postgres:17\n', context: override('services:\n  db:\n    volumes: [pg:/var/lib/postgresql/data]\nvolumes:\n  pg: {}\n') },
    { name: 'the override file itself does not repeat the finding of its base', code: 'services:\n  db:\n    ports: ["127.0.0.1:5432:5432"]\n', context: { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  db:\n    image: postgres:17\n' }] } } },
    { name: 'an override file without its base says nothing', code: 'services:\n  db:\n    image: postgres:17\n', context: { compose: { partial: true } } },
    { name: 'a tmpfs at the data path is a deliberate throw-away database', code: 'services:\n  testdb:\n    image: postgres:16\n    tmpfs: /var/lib/postgresql/data\n  cache:\n    image: redis:7\n    volumes:\n      - type: tmpfs\n        target: /data\n' },
    { name: 'volumes_from: the data lives in another container', code: 'services:\n  db:\n    image: postgres:16\n    volumes_from: [data]\n  data:\n    image: busybox:1\n' },
    { name: 'targets in variables are not judged', code: 'services:\n  db:\n    image: mysql:8\n    volumes: ["db:${MYSQL_DATA}"]\n' },
    { name: 'built images and unknown images are not judged', code: 'services:\n  db:\n    build: ./db\n    image: postgres:16\n  app:\n    image: bitnami/postgresql:16\n  other:\n    image: registry.example.com/team/postgres:16\n' },
    { name: 'a hidden repository is not judged', code: 'services:\n  db:\n    image: ${DB_IMAGE}\n' },
    { name: 'influxdb 3 / latest: layout not known', code: 'services:\n  a:\n    image: influxdb:3-core\n  b:\n    image: influxdb\n' },
    { name: 'a volume at a wrong path is database-volume-wrong-path\'s finding, not this one', code: 'services:\n  db:\n    image: mysql:8\n    volumes: [db:/var/lib/mysql/data]\nvolumes: {db: {}}\n' },
    { name: 'a file mounted inside the data folder does not count as the volume', code: 'services:\n  db:\n    image: mysql:8\n    volumes: [db:/var/lib/mysql, ./my.cnf:/var/lib/mysql/my.cnf]\nvolumes: {db: {}}\n' },
  ],
  invalid: [
    {
      name: 'postgres 15 (the seed\'s docker run): adds the volume and creates the top-level section',
      code: 'services:\n  «db»:\n    image: postgres:15.1-alpine\n    environment:\n      POSTGRES_PASSWORD: ${PW}\n',
      messageId: 'missing',
      messageIncludes: ['postgres 15', '"/var/lib/postgresql/data"'],
      output: 'services:\n  db:\n    image: postgres:15.1-alpine\n    environment:\n      POSTGRES_PASSWORD: ${PW}\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data: {}\n',
    },
    {
      name: 'postgres 18 uses /var/lib/postgresql; appends to existing lists and sections',
      code: 'services:\n  «pg»:\n    image: postgres:18.1\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d:ro  # seed data\n\nvolumes:\n  other: {}\n',
      messageIncludes: ['postgres 18', '"/var/lib/postgresql"'],
      output: 'services:\n  pg:\n    image: postgres:18.1\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d:ro  # seed data\n      - pg-data:/var/lib/postgresql\n\nvolumes:\n  other: {}\n  pg-data: {}\n',
    },
    {
      name: 'postgres:latest is taken as the newest, and the message says so',
      code: 'services:\n  «db»:\n    image: postgres:latest\n',
      messageIncludes: ['"/var/lib/postgresql"', 'taken as the newest, postgres 18+'],
      output: 'services:\n  db:\n    image: postgres:latest\n    volumes:\n      - db-data:/var/lib/postgresql\nvolumes:\n  db-data: {}\n',
    },
    {
      name: 'untagged postgres, 4-space indentation with unindented dashes',
      code: 'services:\n    «db»:\n        image: postgres\n        ports:\n        - "5432:5432"\nnetworks:\n    back: {}\n',
      output: 'services:\n    db:\n        image: postgres\n        ports:\n        - "5432:5432"\n        volumes:\n        - db-data:/var/lib/postgresql\nnetworks:\n    back: {}\nvolumes:\n    db-data: {}\n',
    },
    {
      name: 'flow style service and flow volumes section',
      code: 'services:\n  «db»: {image: "mariadb:11.4"}\nvolumes: {}\n',
      output: 'services:\n  db: {image: "mariadb:11.4", volumes: [db-data:/var/lib/mysql]}\nvolumes: {db-data: {}}\n',
    },
    {
      name: 'the name is not taken twice; empty volumes: section is filled',
      code: 'services:\n  «mongo»:\n    image: mongo:7.0\n    volumes:\nvolumes:\n  mongo-data: {}\n',
      output: 'services:\n  mongo:\n    image: mongo:7.0\n    volumes:\n      - mongo-data-2:/data/db\nvolumes:\n  mongo-data: {}\n  mongo-data-2: {}\n',
    },
    {
      name: 'every known database, by official name, vendor repository and mirror',
      code: 'services:\n  «a»: {image: "mysql:8.4"}\n  «b»: {image: "percona/percona-server:8.0"}\n  «c»: {image: "rabbitmq:3.13-management"}\n  «d»: {image: "couchdb:3"}\n  «e»: {image: "cassandra:5"}\n  «f»: {image: "neo4j:5"}\n  «g»: {image: "clickhouse/clickhouse-server:24.8"}\n  «h»: {image: "influxdb:2.7"}\n  «i»: {image: "docker.elastic.co/elasticsearch/elasticsearch:8.15.0"}\n  «j»: {image: "mirror.gcr.io/library/postgres:16"}\n  «k»: {image: "${REGISTRY}/mongo:7"}\n  «l»: {image: "timescale/timescaledb:2.17.0-pg16"}\n',
      messageId: 'missing',
    },
    {
      name: 'redis: an info that says a pure cache may suppress it',
      code: 'services:\n  «cache»:\n    image: redis:7.4\n    command: ["redis-server", "--appendonly", "yes"]\n',
      messageId: 'cache',
      output: 'services:\n  cache:\n    image: redis:7.4\n    command: ["redis-server", "--appendonly", "yes"]\n    volumes:\n      - cache-data:/data\nvolumes:\n  cache-data: {}\n',
    },
    {
      name: 'an anonymous volume at the data path is named',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - «/var/lib/postgresql/data»\n',
      messageId: 'anonymous',
      output: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data: {}\n',
    },
    {
      name: 'an anonymous long-syntax volume gets a source',
      code: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - «type: volume»\n        target: /var/lib/mysql\n',
      messageId: 'anonymous',
      output: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - type: volume\n        source: db-data\n        target: /var/lib/mysql\nvolumes:\n  db-data: {}\n',
    },
    {
      name: 'a tag in a variable with a default: the default decides the path',
      code: 'services:\n  «db»:\n    image: postgres:${PG_TAG:-16}\n',
      output: 'services:\n  db:\n    image: postgres:${PG_TAG:-16}\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data: {}\n',
    },
    {
      name: 'a tag in a variable without default: reported without a path or a fix',
      code: 'services:\n  «db»:\n    image: postgres:${PG_TAG}\n',
      messageId: 'missingUnknownPath',
      output: null,
    },
    {
      name: 'through a merge key: the service gets its own volumes, comments kept',
      code: 'x-db: &db\n  image: postgres:17\n  restart: always\nservices:\n  «main»:\n    <<: *db  # shared\n    ports: ["127.0.0.1:5432:5432"]\n',
      output: 'x-db: &db\n  image: postgres:17\n  restart: always\nservices:\n  main:\n    <<: *db  # shared\n    ports: ["127.0.0.1:5432:5432"]\n    volumes:\n      - main-data:/var/lib/postgresql/data\nvolumes:\n  main-data: {}\n',
    },
    {
      name: 'an override that adds something else does not silence it',
      code: 'services:\n  «db»:\n    image: postgres:17\n',
      context: override('services:\n  db:\n    ports: ["5432:5432"]\n'),
      output: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data: {}\n',
    },
    {
      name: 'volumes that come through an alias cannot be edited in place: no fix',
      code: 'x-vols: &vols\n  - ./init:/docker-entrypoint-initdb.d\nservices:\n  «db»:\n    image: postgres:17\n    volumes: *vols\n',
      output: null,
    },
    // Found by test/robustness: the new top-level volumes went before a lone CR that YAML reads as part of a value.
    {
      name: 'a file ending in a lone CR: no fix',
      code: 'services:\r\n  «db»:\r\n    image: mongo:7\r\n    volumes:\r\n      - data:/app/data\r\n  cache:\r\n    image: alpine:3\r\n    volumes:\r',
      output: null,
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  «db»:\r\n    image: mysql:8.4\r\n',
      output: 'services:\r\n  db:\r\n    image: mysql:8.4\r\n    volumes:\r\n      - db-data:/var/lib/mysql\r\nvolumes:\r\n  db-data: {}\r\n',
    },
  ],
});

it('database-without-volume: redis (usually a cache) is an info, other databases a warning', () => {
  const text = 'services:\n  cache:\n    image: redis:7.4\n  db:\n    image: postgres:17\n';
  assert.deepEqual(analyze(text, 'compose', undefined, { rules: [databaseWithoutVolume] }).map((f) => f.severity), ['info', 'warning']);
});
