import { serviceCapAdd } from '../../../server/src/rules/compose/service-cap-add';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(serviceCapAdd, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE, CHOWN, SETUID, SETGID]\n',
    { name: 'a variable', code: 'services:\n  web:\n    image: nginx:1.27\n    cap_add: ["${EXTRA_CAP}"]\n' },
    { name: 'reset by compose.override.yaml', code: 'services:\n  vpn:\n    image: x:1\n    cap_add: [NET_ADMIN]\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  vpn:\n    cap_add: !reset []\n' }] } } },
  ],
  invalid: [
    { name: 'each dangerous capability, any spelling', code: 'services:\n  vpn:\n    image: x:1\n    cap_add: [«NET_ADMIN», NET_BIND_SERVICE, «cap_sys_admin»]\n', messageIds: ['dangerous', 'dangerous'], messageIncludes: ['remove it unless'], output: null },
    { name: 'ALL, block list with comments', code: 'services:\n  tool:\n    image: x:1\n    cap_add:\n      # everything\n      - «ALL»\n', messageIncludes: ['close to a privileged container'] },
    { name: 'SYS_PTRACE for a debugger', code: 'services:\n  debug:\n    image: x:1\n    cap_add: [«SYS_PTRACE»]\n', messageIncludes: ['inject code into them'] },
    { name: 'through a merge key: at the merge key', code: 'x-net: &net\n  cap_add: [NET_ADMIN]\nservices:\n  vpn:\n    image: x:1\n    «<<: *net»\n' },
  ],
});
