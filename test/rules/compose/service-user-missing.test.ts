import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { serviceUserMissing } from '../../../server/src/rules/compose/service-user-missing';
import { ruleTester } from '../../helpers/rule-tester';

const NGINX = 'services:\n  web:\n    image: nginx:1.27\n';

ruleTester(serviceUserMissing, {
  valid: [
    { name: 'user set', code: 'services:\n  web:\n    image: nginx:1.27\n    user: "101:101"\n' },
    { name: 'built images are judged by the Dockerfile rules', code: 'services:\n  app:\n    build: .\n  api:\n    build: {context: ./api}\n    image: registry.example.com/api:1.0\n' },
    { name: 'images that already run as non-root', code: 'services:\n  db:\n    image: bitnami/postgresql:16\n  grafana:\n    image: grafana/grafana:11.1.0\n  app:\n    image: gcr.io/distroless/static-debian12:nonroot\n  proxy:\n    image: nginxinc/nginx-unprivileged:1.27\n' },
    { name: 'image names held in variables', code: 'services:\n  web:\n    image: ${APP_IMAGE}\n  api:\n    image: ${REGISTRY}/api:1.0\n  app:\n    image: gcr.io/distroless/static-debian12:${TAG}\n' },
    { name: 'user from a variable', code: 'services:\n  web:\n    image: nginx:1.27\n    user: ${UID:-1000}:${GID:-1000}\n' },
    { name: 'user through a merge key', code: 'x-user: &user\n  user: "1000:1000"\nservices:\n  web:\n    <<: *user\n    image: nginx:1.27\n' },
    { name: 'user set in compose.override.yaml', code: NGINX, context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  web:\n    user: "101:101"\n' }] } } },
    { name: 'an override file: its base reports the service', code: 'services:\n  web:\n    ports: ["127.0.0.1:80:80"]\n', context: { compose: { before: [{ path: 'compose.yaml', text: NGINX }] } } },
    { name: 'an override file without its base', code: NGINX, context: { compose: { partial: true } } },
    { name: 'extends a service that sets the user', code: 'services:\n  base:\n    image: nginx:1.27\n    user: "101:101"\n  web:\n    extends: base\n' },
    { name: 'extends a service in another file', code: 'services:\n  web:\n    image: nginx:1.27\n    extends:\n      file: common.yaml\n      service: base\n' },
    { name: 'container-hygiene ignore above the service', code: 'services:\n  # container-hygiene ignore=service-user-missing\n  web:\n    image: nginx:1.27\n' },
    { name: 'Windows images', code: 'services:\n  win:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n' },
  ],
  invalid: [
    {
      name: 'official image that runs as root: after the image line, comment kept',
      code: 'services:\n  «web»:\n    image: nginx:1.27  # proxy\n    ports: ["80:80"]\n',
      messageId: 'missing',
      output: 'services:\n  web:\n    image: nginx:1.27  # proxy\n    user: "1000:1000"\n    ports: ["80:80"]\n',
    },
    { name: 'node ships the node user', code: 'services:\n  «app»:\n    image: node:20-alpine\n', messageId: 'missingBuiltIn', messageIncludes: ['"node"'], output: 'services:\n  app:\n    image: node:20-alpine\n    user: node\n' },
    { name: 'distroless ships nonroot', code: 'services:\n  «app»:\n    image: gcr.io/distroless/static-debian12\n', messageId: 'missingBuiltIn', output: 'services:\n  app:\n    image: gcr.io/distroless/static-debian12\n    user: nonroot\n' },
    { name: 'database images step down themselves: info, no fix', code: 'services:\n  «db»:\n    image: postgres:17.2\n', messageId: 'dropsPrivileges', output: null },
    { name: 'an image we know nothing about', code: 'services:\n  «worker»:\n    image: registry.example.com/shop/worker:${TAG:-1.4.2}\n', messageId: 'missingUnknown', output: 'services:\n  worker:\n    image: registry.example.com/shop/worker:${TAG:-1.4.2}\n    user: "1000:1000"\n' },
    { name: 'flow-style service', code: 'services:\n  «web»: {image: "nginx:1.27"}\n', output: 'services:\n  web: {image: "nginx:1.27", user: "1000:1000"}\n' },
    { name: 'four-space indentation, CRLF', code: 'services:\r\n    «web»:\r\n        image: nginx:1.27\r\n        restart: always\r\n', output: 'services:\r\n    web:\r\n        image: nginx:1.27\r\n        user: "1000:1000"\r\n        restart: always\r\n' },
    { name: 'image through a merge key: at the end of the service', code: 'x-common: &common\n  image: nginx:1.27\nservices:\n  «web»:\n    <<: *common\n    ports: ["80:80"]\n', output: 'x-common: &common\n  image: nginx:1.27\nservices:\n  web:\n    <<: *common\n    ports: ["80:80"]\n    user: "1000:1000"\n' },
    { name: 'a service that is an alias: no fix', code: 'x-web: &web\n  image: nginx:1.27\nservices:\n  web: «*web»\n', output: null },
    { name: 'a service only the override file has', code: 'services:\n  «mail»:\n    image: httpd:2.4\n', context: { compose: { before: [{ path: 'compose.yaml', text: NGINX }] } }, output: 'services:\n  mail:\n    image: httpd:2.4\n    user: "1000:1000"\n' },
    { name: 'extends a service without a user', code: 'services:\n  «base»:\n    image: nginx:1.27\n  «web»:\n    extends: base\n', messageIds: ['missing', 'missing'] },
  ],
});

it('service-user-missing: images we know nothing about are info, known root images warnings', () => {
  const severities = (code: string): string[] => analyze(code, 'compose', undefined, { rules: [serviceUserMissing] }).map((f) => f.severity);
  assert.deepEqual(severities('services:\n  a:\n    image: nginx:1.27\n  b:\n    image: axllent/mailpit:v1.20\n  c:\n    image: redis:7\n'), ['warning', 'info', 'info']);
});
