import { referenceUndefined } from '../../../server/src/rules/compose/reference-undefined';
import { ruleTester } from '../../helpers/rule-tester';

const BASE = 'services:\n  db:\n    image: postgres:16\n';

ruleTester(referenceUndefined, {
  valid: [
    { name: 'every kind of reference, all defined', code: 'services:\n  web:\n    image: nginx:1\n    depends_on: [db]\n    links: ["db:database"]\n    volumes_from: ["db:ro", "container:legacy"]\n    volumes: [data:/data, ./src:/src, /abs:/abs, /anon]\n    networks: [front, default]\n    secrets: [pw, {source: api_key, target: key}]\n    configs: [nginx_conf]\n  sidecar:\n    image: busybox:1\n    network_mode: service:web\n    ipc: service:web\n    extends: web\n  db:\n    image: postgres:16\nvolumes:\n  data: {}\nnetworks:\n  front: {}\nsecrets:\n  pw: {file: ./pw.txt}\n  api_key: {environment: API_KEY}\nconfigs:\n  nginx_conf: {file: ./nginx.conf}\n' },
    { name: 'long depends_on and volume syntax', code: 'services:\n  web:\n    image: nginx:1\n    depends_on:\n      db: {condition: service_healthy}\n    volumes:\n      - type: volume\n        source: data\n        target: /data\n      - type: bind\n        source: ./x\n        target: /x\n  db:\n    image: postgres:16\nvolumes:\n  data:\n' },
    { name: 'names with variables are not judged', code: 'services:\n  web:\n    image: nginx:1\n    depends_on: ["${DEP}"]\n    volumes: ["${VOL}:/data"]\n    networks: ["${NET}"]\n' },
    { name: 'extends from another file', code: 'services:\n  web:\n    extends:\n      file: common.yaml\n      service: base\n' },
    { name: 'defined in the override', code: 'services:\n  web:\n    image: nginx:1\n    depends_on: [cache]\n    volumes: [data:/data]\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  cache:\n    image: redis:7\nvolumes:\n  data: {}\n' }] } } },
    { name: 'an override file analysed with its base', code: 'services:\n  web:\n    depends_on: [db]\n', context: { compose: { before: [{ path: 'compose.yaml', text: BASE }] } } },
    { name: 'an override file whose base is unknown stays silent', code: 'services:\n  web:\n    depends_on: [db]\n', context: { compose: { partial: true } } },
    { name: 'an optional dependency', code: 'services:\n  web:\n    image: nginx:1\n    depends_on:\n      metrics:\n        condition: service_started\n        required: false\n' },
    { name: 'include: brings names from elsewhere', code: 'include: [db/compose.yaml]\nservices:\n  web:\n    image: nginx:1\n    depends_on: [db]\n' },
  ],
  invalid: [
    { name: 'depends_on list, a typo with a suggestion', code: 'services:\n  web:\n    image: nginx:1\n    depends_on:\n      - «datbase»\n  database:\n    image: postgres:16\n', messageId: 'services', messageIncludes: ['did you mean "database"'], output: null },
    { name: 'depends_on map: on the key', code: 'services:\n  web:\n    image: nginx:1\n    depends_on:\n      «db»:\n        condition: service_healthy\n' },
    { name: 'links and volumes_from: on the name part', code: 'services:\n  web:\n    image: nginx:1\n    links: ["«db»:database"]\n    volumes_from: [«data»:ro]\n', messageIds: ['services', 'services'] },
    { name: 'network_mode, ipc and extends', code: 'services:\n  a:\n    image: nginx:1\n    network_mode: "service:«vpn»"\n    ipc: service:«shm»\n  b:\n    extends: «base»\n  c:\n    extends:\n      service: «base»\n', messageIds: ['services', 'services', 'services', 'services'] },
    { name: 'named volume not declared: on the name', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - «pgdata»:/var/lib/postgresql/data\n', messageId: 'resource', messageIncludes: ['volume "pgdata"', 'top-level "volumes:"'] },
    { name: 'long syntax volume: on the source', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - type: volume\n        source: «pgdata»\n        target: /var/lib/postgresql/data\n' },
    { name: 'networks (list and map), secrets, configs, build secrets', code: 'services:\n  web:\n    image: nginx:1\n    networks: [«front»]\n    secrets: [«pw», {source: «key»}]\n    configs: [«conf»]\n    build:\n      context: .\n      secrets: [«npmrc»]\n  api:\n    image: nginx:1\n    networks:\n      «back»:\n        aliases: [x]\n', messageIds: ['resource', 'resource', 'resource', 'resource', 'resource', 'resource'] },
    { name: 'through a merge key: at the merge key', code: 'x-base: &base\n  depends_on: [db]\nservices:\n  web:\n    image: nginx:1\n    «<<: *base»\n' },
  ],
});
