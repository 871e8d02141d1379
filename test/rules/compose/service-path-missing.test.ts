import { servicePathMissing } from '../../../server/src/rules/compose/service-path-missing';
import { ruleTester } from '../../helpers/rule-tester';

const existing = (...paths: string[]) => ({ existingPaths: new Set(paths) });

ruleTester(servicePathMissing, {
  valid: [
    { name: 'without disk facts (existingPaths unknown) nothing is judged', code: 'services:\n  web:\n    build: ./web\n    env_file: .env\n' },
    { name: 'every path exists', code: 'services:\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.prod\n    env_file: [.env, ./config/web.env]\n', context: existing('web', 'web/Dockerfile.prod', '.env', 'config/web.env') },
    { name: 'an optional env_file may be missing', code: 'services:\n  web:\n    image: nginx:1.27\n    env_file:\n      - path: .env.local\n        required: false\n', context: existing() },
    { name: 'remote build contexts and variables are skipped', code: 'services:\n  a:\n    build: https://github.com/docker/getting-started.git#main\n  b:\n    build: git@github.com:org/repo.git\n  c:\n    build: ${CONTEXT}\n    env_file: ${ENV_FILE}\n', context: existing() },
    { name: 'a Dockerfile given inline', code: 'services:\n  web:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM nginx:1.27\n', context: existing('.') },
    { name: 'top-level secret files are not a service path', code: 'services: {}\nsecrets:\n  pw:\n    file: ./pw.txt\n', context: existing() },
  ],
  invalid: [
    {
      name: 'env_file as a string, a list and a long entry',
      code: 'services:\n  web:\n    image: nginx:1.27\n    env_file: «.env»\n  api:\n    image: node:22\n    env_file:\n      - ./common.env\n      - «./api.env»\n      - path: «./secret.env»\n        required: true\n',
      context: existing('common.env'),
      messageId: 'envFile',
      messageIncludes: ['required: false'],
      output: null,
    },
    {
      name: 'a missing build context: one finding, not another for its Dockerfile',
      code: 'services:\n  web:\n    build:\n      context: «./frontend»\n      dockerfile: Dockerfile.dev\n  api:\n    build: «../api»\n',
      context: existing(),
      messageIds: ['context', 'context'],
    },
    {
      name: 'a missing Dockerfile in an existing context',
      code: 'services:\n  web:\n    build:\n      context: ./web\n      dockerfile: «Dockerfile.prod»\n',
      context: existing('web'),
      messageId: 'dockerfile',
      messageIncludes: ['"Dockerfile.prod"'],
    },
    {
      name: 'extends.file and label_file',
      code: 'services:\n  web:\n    extends:\n      file: «common.yaml»\n      service: base\n    label_file: «./labels»\n',
      context: existing(),
      messageIds: ['other', 'other'],
    },
  ],
});
