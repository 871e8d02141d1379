import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { serviceSecretInEnvironment } from '../../../server/src/rules/compose/service-secret-in-environment';
import { ruleTester } from '../../helpers/rule-tester';

const SECRET = 'hunter2';

ruleTester(serviceSecretInEnvironment, {
  valid: [
    { name: 'interpolated values: ${VAR}, ${VAR:?err}, $VAR, a URL with a variable password', code: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      PGPASSWORD: "${PW:?set PW in .env}"\n      API_TOKEN: $API_TOKEN\n      DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app\n' },
    { name: 'list form with variables and names only', code: 'services:\n  db:\n    image: postgres:17\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?err}\n      - API_TOKEN\n      - "SECRET_KEY=${SECRET_KEY}"\n' },
    { name: 'empty values: Compose takes them from the shell or leaves them empty', code: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD:\n      REDIS_PASSWORD: ""\n      API_KEY: ~\n' },
    { name: '_FILE variables, switches and settings about secrets', code: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/root\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      MYSQL_RANDOM_ROOT_PASSWORD: true\n      POSTGRES_HOST_AUTH_METHOD: trust\n      JWT_TOKEN_TTL: 3600\n      AUTH_PROVIDER: github\n      GF_AUTH_ANONYMOUS_ENABLED: "true"\n      PASSWORD_MIN_LENGTH: 12\n' },
    { name: 'names that are not secrets, and a URL without a password', code: 'services:\n  web:\n    image: node:22\n    environment:\n      NODE_ENV: production\n      POSTGRES_USER: app\n      DATABASE_URL: postgres://app@db:5432/app\n      PUBLIC_KEY: ssh-ed25519 AAAA\n' },
    { name: 'secrets in other fields are other rules\' concern', code: 'services:\n  web:\n    image: node:22\n    labels:\n      password: nope\n' },
    { name: 'suppressed above the variable', code: 'services:\n  db:\n    image: postgres:17\n    environment:\n      # container-hygiene ignore=service-secret-in-environment\n      POSTGRES_PASSWORD: dev-only\n' },
  ],
  invalid: [
    {
      name: 'the seed\'s postgres (map form): .env interpolation, or a Compose secret with POSTGRES_PASSWORD_FILE',
      code: 'services:\n  db:\n    image: postgres:latest\n    environment:\n      POSTGRES_DB: mydatabase\n      POSTGRES_USER: postgres\n      «POSTGRES_PASSWORD»: password\n    ports:\n      - "5432:5432"\n',
      messageId: 'hardCodedFile',
      messageIncludes: ['POSTGRES_PASSWORD_FILE', '${POSTGRES_PASSWORD}'],
      messageExcludes: [': password', 'password,', 'password;'],
      fixOutputs: [
        'services:\n  db:\n    image: postgres:latest\n    environment:\n      POSTGRES_DB: mydatabase\n      POSTGRES_USER: postgres\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}\n    ports:\n      - "5432:5432"\n',
        'services:\n  db:\n    image: postgres:latest\n    environment:\n      POSTGRES_DB: mydatabase\n      POSTGRES_USER: postgres\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\n    secrets:\n      - postgres_password\n    ports:\n      - "5432:5432"\nsecrets:\n  postgres_password:\n    file: ./postgres_password.txt\n',
      ],
    },
    {
      name: 'list form (the seed\'s docker run -e): only the value changes; comments kept',
      code: `services:\n  db:\n    image: postgres:15.1-alpine\n    environment:\n      - «POSTGRES_PASSWORD»=${SECRET}  # change me\n      - POSTGRES_DB=app\n`,
      messageExcludes: [SECRET],
      fixOutputs: [
        'services:\n  db:\n    image: postgres:15.1-alpine\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}  # change me\n      - POSTGRES_DB=app\n',
        'services:\n  db:\n    image: postgres:15.1-alpine\n    environment:\n      - POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password  # change me\n      - POSTGRES_DB=app\n    secrets:\n      - postgres_password\nsecrets:\n  postgres_password:\n    file: ./postgres_password.txt\n',
      ],
    },
    {
      name: 'flow map and flow list: the new value is quoted where flow syntax needs it',
      code: `services:\n  a:\n    image: redis:7\n    environment: {«REDIS_PASSWORD»: ${SECRET}}\n  b:\n    image: node:22\n    environment: [NODE_ENV=production, «SESSION_SECRET»=${SECRET}]\n`,
      messageIds: ['hardCoded', 'hardCoded'],
      messageExcludes: [SECRET],
      output: 'services:\n  a:\n    image: redis:7\n    environment: {REDIS_PASSWORD: "${REDIS_PASSWORD:?set REDIS_PASSWORD in .env}"}\n  b:\n    image: node:22\n    environment: [NODE_ENV=production, "SESSION_SECRET=${SESSION_SECRET:?set SESSION_SECRET in .env}"]\n',
    },
    {
      name: 'quotes are kept; numbers and escaped dollars are hard-coded too',
      code: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      «MYSQL_ROOT_PASSWORD»: 123456\n      «MYSQL_PASSWORD»: \'pa$$word\'\n',
      messageIds: ['hardCodedFile', 'hardCodedFile'],
      messageExcludes: ['123456', 'pa$$word'],
      output: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD in .env}\n      MYSQL_PASSWORD: \'${MYSQL_PASSWORD:?set MYSQL_PASSWORD in .env}\'\n',
    },
    {
      name: 'Compose secret: appended to existing service secrets and top-level section',
      code: `services:\n  db:\n    image: mariadb:11.4\n    environment:\n      «MARIADB_ROOT_PASSWORD»: ${SECRET}\n    secrets: [other]\nsecrets:\n  other:\n    file: ./other.txt\n`,
      fixOutputs: [
        'services:\n  db:\n    image: mariadb:11.4\n    environment:\n      MARIADB_ROOT_PASSWORD: ${MARIADB_ROOT_PASSWORD:?set MARIADB_ROOT_PASSWORD in .env}\n    secrets: [other]\nsecrets:\n  other:\n    file: ./other.txt\n',
        'services:\n  db:\n    image: mariadb:11.4\n    environment:\n      MARIADB_ROOT_PASSWORD_FILE: /run/secrets/mariadb_root_password\n    secrets: [other, mariadb_root_password]\nsecrets:\n  other:\n    file: ./other.txt\n  mariadb_root_password:\n    file: ./mariadb_root_password.txt\n',
      ],
    },
    {
      name: 'Compose secret already declared (shared with another service): reused, not declared again',
      code: `services:\n  db:\n    image: mongo:7\n    environment:\n      «MONGO_INITDB_ROOT_PASSWORD»: ${SECRET}\n  admin:\n    image: mongo-express:1\n    secrets: [mongo_initdb_root_password]\nsecrets:\n  mongo_initdb_root_password: {file: ./pw.txt}\n`,
      fixOutputs: [
        'services:\n  db:\n    image: mongo:7\n    environment:\n      MONGO_INITDB_ROOT_PASSWORD: ${MONGO_INITDB_ROOT_PASSWORD:?set MONGO_INITDB_ROOT_PASSWORD in .env}\n  admin:\n    image: mongo-express:1\n    secrets: [mongo_initdb_root_password]\nsecrets:\n  mongo_initdb_root_password: {file: ./pw.txt}\n',
        'services:\n  db:\n    image: mongo:7\n    environment:\n      MONGO_INITDB_ROOT_PASSWORD_FILE: /run/secrets/mongo_initdb_root_password\n    secrets:\n      - mongo_initdb_root_password\n  admin:\n    image: mongo-express:1\n    secrets: [mongo_initdb_root_password]\nsecrets:\n  mongo_initdb_root_password: {file: ./pw.txt}\n',
      ],
    },
    {
      name: 'no _FILE fix where the image does not read it: an app client, RabbitMQ, a built image',
      code: `services:\n  web:\n    image: node:22\n    environment:\n      «POSTGRES_PASSWORD»: ${SECRET}\n  mq:\n    image: rabbitmq:3.13\n    environment:\n      «RABBITMQ_DEFAULT_PASS»: ${SECRET}\n  db:\n    build: ./db\n    environment:\n      «WORDPRESS_DB_PASSWORD»: ${SECRET}\n`,
      messageIds: ['hardCoded', 'hardCoded', 'hardCoded'],
    },
    {
      name: 'a credential-shaped value under any name is an error-level finding',
      code: 'services:\n  ci:\n    image: alpine:3.20\n    environment:\n      «GH»: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n',
      messageId: 'valueShape',
      messageIncludes: ['a GitHub token'],
      messageExcludes: ['ghp_'],
      output: 'services:\n  ci:\n    image: alpine:3.20\n    environment:\n      GH: ${GH:?set GH in .env}\n',
    },
    {
      name: 'a password inside a connection URL',
      code: `services:\n  web:\n    image: node:22\n    environment:\n      - «DATABASE_URL»=postgres://shop:${SECRET}@db:5432/shop\n`,
      messageId: 'urlPassword',
      messageExcludes: [SECRET],
      output: 'services:\n  web:\n    image: node:22\n    environment:\n      - DATABASE_URL=${DATABASE_URL:?set DATABASE_URL in .env}\n',
    },
    {
      name: 'a shared anchor: reported once, where it is written; the fix edits the anchor',
      code: `x-db-env: &db-env\n  «DB_PASSWORD»: ${SECRET}\n  DB_HOST: db\nservices:\n  web:\n    image: node:22\n    environment:\n      <<: *db-env\n      PORT: "3000"\n  worker:\n    image: node:22\n    environment: *db-env\n`,
      messageExcludes: [SECRET],
      output: 'x-db-env: &db-env\n  DB_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in .env}\n  DB_HOST: db\nservices:\n  web:\n    image: node:22\n    environment:\n      <<: *db-env\n      PORT: "3000"\n  worker:\n    image: node:22\n    environment: *db-env\n',
    },
    {
      name: 'an anchored list: reported once at the written item',
      code: `services:\n  web:\n    image: node:22\n    environment: &env\n      - «API_TOKEN»=${SECRET}\n  worker:\n    image: node:22\n    environment: *env\n`,
      output: 'services:\n  web:\n    image: node:22\n    environment: &env\n      - API_TOKEN=${API_TOKEN:?set API_TOKEN in .env}\n  worker:\n    image: node:22\n    environment: *env\n',
    },
    {
      name: 'one name hard-coded in two services gets two variables; names with dots become valid variable names',
      code: `services:\n  db1:\n    image: redis:7\n    environment: {«REDIS_PASSWORD»: one-${SECRET}}\n  db2:\n    image: redis:7\n    environment: {«REDIS_PASSWORD»: two-${SECRET}}\n  api:\n    image: eclipse-temurin:21\n    environment:\n      «spring.datasource.password»: ${SECRET}\n`,
      messageIncludes: ['${'],
      output: 'services:\n  db1:\n    image: redis:7\n    environment: {REDIS_PASSWORD: "${DB1_REDIS_PASSWORD:?set DB1_REDIS_PASSWORD in .env}"}\n  db2:\n    image: redis:7\n    environment: {REDIS_PASSWORD: "${DB2_REDIS_PASSWORD:?set DB2_REDIS_PASSWORD in .env}"}\n  api:\n    image: eclipse-temurin:21\n    environment:\n      spring.datasource.password: ${SPRING_DATASOURCE_PASSWORD:?set SPRING_DATASOURCE_PASSWORD in .env}\n',
    },
    {
      name: 'a block scalar value: reported, but left to the user to move',
      code: 'services:\n  db:\n    image: postgres:17\n    environment:\n      «POSTGRES_PASSWORD»: |\n        multi\n        line\n    ports: ["127.0.0.1:5432:5432"]\n',
      output: null,
    },
    {
      name: 'CRLF and a value in an override file',
      code: `services:\r\n  db:\r\n    environment:\r\n      «POSTGRES_PASSWORD»: ${SECRET}\r\n`,
      context: { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  db:\n    image: postgres:17\n' }] } },
      messageId: 'hardCodedFile',
      fixOutputs: [
        'services:\r\n  db:\r\n    environment:\r\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}\r\n',
        'services:\r\n  db:\r\n    environment:\r\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\r\n    secrets:\r\n      - postgres_password\r\nsecrets:\r\n  postgres_password:\r\n    file: ./postgres_password.txt\r\n',
      ],
    },
  ],
});

it('service-secret-in-environment: a secret-like name is a warning, a credential-shaped value an error', () => {
  const text = 'services:\n  ci:\n    image: alpine:3.20\n    environment:\n      DB_PASSWORD: hunter2\n      GH: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n';
  assert.deepEqual(analyze(text, 'compose', undefined, { rules: [serviceSecretInEnvironment] }).map((f) => f.severity), ['warning', 'error']);
});
