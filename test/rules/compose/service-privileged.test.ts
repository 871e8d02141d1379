import { servicePrivileged } from '../../../server/src/rules/compose/service-privileged';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(servicePrivileged, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n',
    'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n',
    { name: 'a variable', code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: ${PRIVILEGED:-false}\n' },
    { name: 'turned off by compose.override.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  web:\n    privileged: false\n' }] } } },
  ],
  invalid: [
    {
      name: 'removes the line, keeps the comment above',
      code: 'services:\n  dind:\n    image: docker:27-dind\n    # docker-in-docker\n    «privileged»: true  # required\n    restart: always\n',
      messageId: 'privileged',
      output: 'services:\n  dind:\n    image: docker:27-dind\n    # docker-in-docker\n    restart: always\n',
    },
    { name: 'the string "true"', code: 'services:\n  web:\n    image: nginx:1.27\n    «privileged»: "true"\n', output: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'flow-style service', code: 'services:\n  web: {image: nginx:1.27, «privileged»: true, init: true}\n', output: 'services:\n  web: {image: nginx:1.27, init: true}\n' },
    { name: 'the only key leaves an empty map', code: 'services:\n  web:\n    «privileged»: true\n', output: 'services:\n  web: {}\n' },
    { name: 'through a merge key: at the merge key, no fix', code: 'x-admin: &admin\n  privileged: true\nservices:\n  web:\n    image: nginx:1.27\n    «<<: *admin»\n', output: null },
    { name: 'CRLF', code: 'services:\r\n  web:\r\n    «privileged»: yes\r\n    image: nginx:1.27\r\n'.replace('yes', 'true'), output: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n' },
  ],
});
