import { serviceResourceLimitsMissing } from '../../../server/src/rules/compose/service-resource-limits-missing';
import { ruleTester } from '../../helpers/rule-tester';

const on = { severityOverrides: { 'service-resource-limits-missing': 'warning' as const } };

ruleTester(serviceResourceLimitsMissing, {
  valid: [
    { name: 'off by default', code: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'deploy.resources.limits', code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          cpus: "0.5"\n', settings: on },
    { name: 'mem_limit and cpus', code: 'services:\n  a:\n    image: nginx:1.27\n    mem_limit: 256m\n  b:\n    image: nginx:1.27\n    cpus: 0.5\n', settings: on },
    { name: 'limits from a merge key', code: 'x-limits: &limits\n  deploy: {resources: {limits: {memory: 1G}}}\nservices:\n  web:\n    <<: *limits\n    image: nginx:1.27\n', settings: on },
    { name: 'limits added in compose.override.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n', settings: on, context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  web:\n    mem_limit: 512m\n' }] } } },
  ],
  invalid: [
    { name: 'no limits at all', code: 'services:\n  «web»:\n    image: nginx:1.27\n', settings: on, messageId: 'missing', output: null },
    { name: 'reservations are not limits; empty limits are none', code: 'services:\n  «web»:\n    build: .\n    deploy:\n      resources:\n        reservations:\n          memory: 128M\n  «api»:\n    image: node:22\n    deploy: {resources: {limits: {}}}\n', settings: on },
  ],
});
