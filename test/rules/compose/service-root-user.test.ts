import { serviceRootUser } from '../../../server/src/rules/compose/service-root-user';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(serviceRootUser, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    user: "101:101"\n',
    { name: 'names that only start like root', code: 'services:\n  web:\n    image: nginx:1.27\n    user: rooted\n  api:\n    image: nginx:1.27\n    user: "1000:0"\n' },
    { name: 'a variable, even with a root default', code: 'services:\n  web:\n    image: nginx:1.27\n    user: ${RUN_AS:-root}\n' },
    { name: 'the override file runs it as another user', code: 'services:\n  web:\n    image: nginx:1.27\n    user: root\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  web:\n    user: "101"\n' }] } } },
    { name: 'no user at all is service-user-missing\'s concern', code: 'services:\n  web:\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { name: 'root by name, comment kept', code: 'services:\n  web:\n    image: nginx:1.27\n    user: «root»  # needs port 80\n', messageId: 'root', output: 'services:\n  web:\n    image: nginx:1.27\n    user: "1000:1000"  # needs port 80\n' },
    { name: 'UID 0 as a number', code: 'services:\n  web:\n    image: nginx:1.27\n    user: «0»\n', output: 'services:\n  web:\n    image: nginx:1.27\n    user: "1000:1000"\n' },
    { name: 'quoted 0:0 keeps its quotes', code: 'services:\n  web:\n    image: nginx:1.27\n    user: «"0:0"»\n', output: 'services:\n  web:\n    image: nginx:1.27\n    user: "1000:1000"\n' },
    { name: 'single-quoted root:root keeps its quotes', code: "services:\n  web:\n    image: nginx:1.27\n    user: «'root:root'»\n", output: "services:\n  web:\n    image: nginx:1.27\n    user: '1000:1000'\n" },
    { name: 'the node image: its own user', code: 'services:\n  app:\n    image: node:20\n    user: «root»\n', output: 'services:\n  app:\n    image: node:20\n    user: node\n' },
    { name: 'a built image', code: 'services:\n  app:\n    build: .\n    user: «root»\n', output: 'services:\n  app:\n    build: .\n    user: "1000:1000"\n' },
    { name: 'flow-style service', code: 'services:\n  web: {image: nginx:1.27, user: «root»}\n', output: 'services:\n  web: {image: nginx:1.27, user: "1000:1000"}\n' },
    { name: 'database images: redundant, info, removes the line', code: 'services:\n  db:\n    image: postgres:17.2\n    user: «root»\n    restart: always\n', messageId: 'rootDropsPrivileges', output: 'services:\n  db:\n    image: postgres:17.2\n    restart: always\n' },
    { name: 'through a merge key: at the merge key, no fix', code: 'x-admin: &admin\n  user: root\nservices:\n  web:\n    image: nginx:1.27\n    «<<: *admin»\n', output: null },
    { name: 'through an alias: at the alias, no fix', code: 'x-root: &root root\nservices:\n  web:\n    image: nginx:1.27\n    user: «*root»\n', output: null },
    { name: 'set in the override file', code: 'services:\n  web:\n    user: «root»\n', context: { compose: { before: [{ path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n' }] } }, output: 'services:\n  web:\n    user: "1000:1000"\n' },
  ],
});
