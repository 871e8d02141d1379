import { serviceHealthcheckMissing } from '../../../server/src/rules/compose/service-healthcheck-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(serviceHealthcheckMissing, {
  valid: [
    { name: 'a healthcheck', code: 'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 10s\n' },
    { name: 'disable: true is a deliberate choice', code: 'services:\n  job:\n    image: alpine:3.20\n    healthcheck:\n      disable: true\n' },
    { name: 'tuning only the timings of the image\'s own HEALTHCHECK', code: 'services:\n  web:\n    image: example/app:1\n    healthcheck: {interval: 30s}\n' },
    { name: 'a healthcheck inherited through a merge key', code: 'x-hc: &hc\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  web:\n    <<: *hc\n    image: nginx:1.27\n' },
    { name: 'a healthcheck added in compose.override.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  web:\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n' }] } } },
    { name: 'the override file does not repeat the base\'s finding', code: 'services:\n  web:\n    ports: ["8080:80"]\n', context: { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n' }] } } },
    { name: 'an override without its base says nothing', code: 'services:\n  web:\n    image: nginx:1.27\n', context: { compose: { partial: true } } },
    { name: 'extends may bring one from elsewhere', code: 'services:\n  web:\n    extends:\n      file: common.yaml\n      service: web\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { name: 'an image', code: 'services:\n  «web»:\n    image: nginx:1.27\n', messageId: 'missing', output: null },
    { name: 'a built image: its Dockerfile may declare HEALTHCHECK', code: 'services:\n  «app»:\n    build: .\n', messageId: 'missingBuild' },
    {
      name: 'waited for with condition: service_healthy',
      code: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck: {test: ["CMD", "true"]}\n    depends_on:\n      db:\n        condition: service_healthy\n  «db»:\n    image: postgres:17\n',
      messageId: 'waitedFor',
      messageIncludes: ['"web" waits for it'],
    },
    {
      name: 'a service defined in the override file is reported there',
      code: 'services:\n  «mail»:\n    image: axllent/mailpit:v1.21\n',
      context: { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n' }] } },
    },
  ],
});
