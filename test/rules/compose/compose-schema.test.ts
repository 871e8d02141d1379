import { composeSchema } from '../../../server/src/rules/compose/compose-schema';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(composeSchema, {
  valid: [
    { name: 'a typical project', code: 'name: shop\nservices:\n  web:\n    build: .\n    ports: ["8080:80"]\n    depends_on:\n      db:\n        condition: service_healthy\n    environment:\n      - NODE_ENV=production\n  db:\n    image: postgres:16\n    volumes: [pg:/var/lib/postgresql/data]\n    healthcheck:\n      test: [CMD, pg_isready]\n      interval: 10s\nvolumes:\n  pg: {}\n' },
    { name: 'x- extensions anywhere they are allowed', code: 'x-common: &common\n  restart: unless-stopped\nservices:\n  web:\n    <<: *common\n    image: nginx:1\n    x-note: fine\n' },
    { name: 'interpolation never fails a type, enum or pattern', code: 'services:\n  web:\n    image: ${IMAGE}\n    ports: ["${PORT}:80"]\n    cpus: ${CPUS}\n    cgroup: ${CGROUP}\n    pull_policy: ${POLICY:-always}\n    privileged: ${PRIV}\n    cpu_percent: ${PCT}\n    container_name: ${NAME}\n    depends_on:\n      db:\n        condition: service_started\n        required: ${REQUIRED}\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits:\n          cpus: ${DB_CPUS:-0.5}\n          memory: 50M\n' },
    { name: 'override tags', code: 'services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: 1\n' },
    { name: 'numbers and booleans in environment', code: 'services:\n  web:\n    image: nginx:1\n    environment:\n      A: 1\n      B: true\n      C:\n' },
  ],
  invalid: [
    // Found by test/robustness: Ajv's uniqueItems threw on the document's prototype-less objects.
    { name: 'the same long-syntax port twice', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n      - «target: 80»\n', messageIncludes: ['lists the same item twice'] },
    { name: 'unknown service key, with a suggestion', code: 'services:\n  web:\n    «imagee»: nginx:1\n', messageIncludes: ['Unknown key "imagee" in service "web"', 'did you mean "image"'], output: null },
    { name: 'unknown top-level key', code: '«servics»:\n  web:\n    image: nginx:1\n', messageIncludes: ['did you mean "services"'] },
    { name: 'unknown key without a close match', code: 'services:\n  web:\n    image: nginx:1\n    «colour»: blue\n', messageIncludes: ['prefix it with "x-"'] },
    { name: 'a collection where a string belongs: on the key', code: 'services:\n  web:\n    image: nginx:1\n    «restart»: [always]\n', messageIncludes: ['"restart" in service "web" must be a string.'] },
    { name: 'oneOf noise becomes one message with every accepted type', code: 'services:\n  web:\n    image: nginx:1\n    ports:\n      - «true»\n', messageIncludes: ['"ports[0]" in service "web" must be a number, a string or a mapping.'] },
    { name: 'the most specific branch wins', code: 'services:\n  web:\n    image: nginx:1\n    depends_on:\n      «db»:\n        required: true\n  db:\n    image: postgres:16\n', messageIncludes: ['missing the required key "condition"'] },
    { name: 'enum on the value', code: 'services:\n  web:\n    image: nginx:1\n    cgroup: «shared»\n', messageIncludes: ['must be one of: host, private'] },
    { name: 'duplicate list item on the second one', code: 'services:\n  web:\n    image: nginx:1\n    cap_add: [NET_ADMIN, CHOWN, «NET_ADMIN»]\n', messageIncludes: ['lists "NET_ADMIN" twice'] },
    { name: 'typo inside build', code: 'services:\n  web:\n    build:\n      context: .\n      «dockerfil»: Dockerfile\n', messageIncludes: ['in "build" of service "web"', 'did you mean "dockerfile"'] },
    { name: 'nested value of the wrong type', code: 'services:\n  web:\n    image: nginx:1\n    environment:\n      «A»: [1, 2]\n', messageIncludes: ['"environment.A"'] },
    { name: 'a typo inherited through << is reported at the merge key', code: 'x-defaults: &defaults\n  restar: always\nservices:\n  web:\n    «<<: *defaults»\n    image: nginx:1\n', messageIncludes: ['"restar"'] },
    { name: 'invalid service name', code: 'services:\n  «"my app"»:\n    image: nginx:1\n', messageIncludes: ['Service name "my app" is not valid'] },
    { name: 'empty service', code: 'services:\n  «web»:\n', messageIncludes: ['is empty, but it must be a mapping'] },
    { name: 'pattern and maximum, no JSON pointers', code: 'services:\n  web:\n    image: nginx:1\n    pull_policy: «sometimes»\n    cpu_percent: «150»\n', messageIds: ['invalid', 'invalid'], messageExcludes: ['#/', '/services/'] },
    { name: 'empty file', code: '«»', messageIncludes: ['The Compose file is empty'] },
    { name: 'a list at the top', code: '«- a»\n', messageIncludes: ['The top level of the file must be a mapping.'] },
    { name: 'a scalar where a list is required, through an alias: at the alias', code: 'x-ports: &p "80:80"\nservices:\n  web:\n    image: nginx:1\n    ports: «*p»\n', messageIncludes: ['"ports" in service "web" must be a list'] },
  ],
});
