import { containerNameDuplicate } from '../../../server/src/rules/compose/container-name-duplicate';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(containerNameDuplicate, {
  valid: [
    'services:\n  web:\n    image: nginx:1\n    container_name: web\n  db:\n    image: postgres:16\n    container_name: db\n',
    { name: 'no container names', code: 'services:\n  a:\n    image: nginx:1\n  b:\n    image: nginx:1\n' },
    { name: 'the override renames one', code: 'services:\n  a:\n    image: nginx:1\n    container_name: app\n  b:\n    image: nginx:1\n    container_name: app\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  b:\n    container_name: app-b\n' }] } } },
    { name: 'different variables', code: 'services:\n  a:\n    container_name: ${A}\n  b:\n    container_name: ${B}\n' },
  ],
  invalid: [
    { name: 'the second one is reported', code: 'services:\n  web:\n    image: nginx:1\n    container_name: app\n  worker:\n    image: nginx:1\n    container_name: «app»\n', messageId: 'duplicate', messageIncludes: ['service "web"'], output: null },
    { name: 'three services, quoted', code: 'services:\n  a:\n    container_name: "x"\n  b:\n    container_name: «"x"»\n  c:\n    container_name: «x»\n', messageIds: ['duplicate', 'duplicate'] },
    { name: 'the same variable text gives the same name', code: 'services:\n  a:\n    container_name: ${PROJECT}-db\n  b:\n    container_name: «${PROJECT}-db»\n' },
    { name: 'clash with a service of the base file', code: 'services:\n  worker:\n    container_name: «app»\n', context: { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1\n    container_name: app\n' }] } }, messageIncludes: ['service "web"'] },
  ],
});
