import { buildAndImage } from '../../../server/src/rules/compose/build-and-image';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(buildAndImage, {
  valid: [
    'services:\n  app:\n    build: .\n',
    'services:\n  app:\n    image: nginx:1\n',
    { name: 'pull_policy says which wins', code: 'services:\n  app:\n    build: .\n    image: registry.example.com/app:1.0\n    pull_policy: build\n' },
    { name: 'pull_policy from the override', code: 'services:\n  app:\n    build: .\n    image: app:1\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  app:\n    pull_policy: never\n' }] } } },
  ],
  invalid: [
    { name: 'on the build key', code: 'services:\n  app:\n    «build»: .\n    image: registry.example.com/app:1.0\n', messageId: 'both', messageIncludes: ['"registry.example.com/app:1.0"'], output: null },
    { name: 'build map, image first', code: 'services:\n  app:\n    image: app:1\n    «build»:\n      context: .\n      dockerfile: Dockerfile.prod\n' },
  ],
});
