import { serviceNoNewPrivileges } from '../../../server/src/rules/compose/service-no-new-privileges';
import { ruleTester } from '../../helpers/rule-tester';

const WEB = 'services:\n  web:\n    image: nginx:1.27\n';

ruleTester(serviceNoNewPrivileges, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n',
    { name: 'the other spellings Docker accepts', code: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - no-new-privileges\n  b:\n    image: x:1\n    security_opt: ["no-new-privileges=true"]\n  c:\n    image: x:1\n    security_opt: ["no-new-privileges: true"]\n' },
    { name: 'a variable may hold it', code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt: ["${SECURITY_OPT}"]\n' },
    { name: 'added by compose.override.yaml', code: WEB, context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  web:\n    security_opt: [no-new-privileges:true]\n' }] } } },
    { name: 'through a merge key', code: 'x-hardened: &hardened\n  security_opt: [no-new-privileges:true]\nservices:\n  web:\n    <<: *hardened\n    image: nginx:1.27\n' },
    { name: 'an override file: its base reports the service', code: 'services:\n  web:\n    security_opt: [label:disable]\n', context: { compose: { before: [{ path: 'compose.yaml', text: WEB }] } } },
  ],
  invalid: [
    { name: 'adds security_opt', code: 'services:\n  «web»:\n    image: nginx:1.27\n', messageId: 'missing', output: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n' },
    { name: 'appends to a block list: at its key, comment kept', code: 'services:\n  web:\n    image: nginx:1.27\n    «security_opt»:\n      - label:disable  # SELinux\n    restart: always\n', output: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - label:disable  # SELinux\n      - no-new-privileges:true\n    restart: always\n' },
    { name: 'appends to a flow list', code: 'services:\n  web:\n    image: nginx:1.27\n    «security_opt»: [apparmor:docker-default]\n', output: 'services:\n  web:\n    image: nginx:1.27\n    security_opt: [apparmor:docker-default, no-new-privileges:true]\n' },
    { name: 'turned off: at the option, set to true', code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - «no-new-privileges:false»\n', messageId: 'disabled', output: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n' },
    { name: 'flow-style service', code: 'services:\n  «web»: {image: nginx:1.27}\n', output: 'services:\n  web: {image: nginx:1.27, security_opt: [no-new-privileges:true]}\n' },
    // Found by test/robustness: Compose drops a `!reset` value, so an item added to it changed nothing.
    { name: 'a list tagged !reset: no fix', code: 'services:\n  web:\n    image: nginx:1.27\n    «security_opt»: !reset\n      - label:disable\n', output: null },
    { name: 'a list through a merge key: at the merge key, no fix', code: 'x-common: &common\n  security_opt: [label:disable]\nservices:\n  web:\n    «<<: *common»\n    image: nginx:1.27\n', output: null },
  ],
});
