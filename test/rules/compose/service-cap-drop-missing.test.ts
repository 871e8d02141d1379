import { serviceCapDropMissing } from '../../../server/src/rules/compose/service-cap-drop-missing';
import { ruleTester } from '../../helpers/rule-tester';

const WEB = 'services:\n  web:\n    image: ghcr.io/acme/web:1.0\n';

ruleTester(serviceCapDropMissing, {
  valid: [
    'services:\n  web:\n    image: ghcr.io/acme/web:1.0\n    cap_drop: [ALL]\n',
    { name: 'any case', code: 'services:\n  web:\n    image: ghcr.io/acme/web:1.0\n    cap_drop:\n      - all\n' },
    { name: 'a variable', code: 'services:\n  web:\n    image: ghcr.io/acme/web:1.0\n    cap_drop: ["${DROP}"]\n' },
    { name: 'added by compose.override.yaml', code: WEB, context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  web:\n    cap_drop: [ALL]\n' }] } } },
    { name: 'an override file: its base reports the service', code: 'services:\n  web:\n    environment: [DEBUG=1]\n', context: { compose: { before: [{ path: 'compose.yaml', text: WEB }] } } },
  ],
  invalid: [
    { name: 'adds cap_drop: [ALL]', code: 'services:\n  «web»:\n    image: ghcr.io/acme/web:1.0\n', messageId: 'missing', output: 'services:\n  web:\n    image: ghcr.io/acme/web:1.0\n    cap_drop:\n      - ALL\n' },
    { name: 'appends to an existing list: at its key', code: 'services:\n  web:\n    image: ghcr.io/acme/web:1.0\n    «cap_drop»: [NET_RAW]  # no ping\n', output: 'services:\n  web:\n    image: ghcr.io/acme/web:1.0\n    cap_drop: [NET_RAW, ALL]  # no ping\n' },
    {
      name: 'database images keep what their entrypoint needs to step down',
      code: 'services:\n  «db»:\n    image: postgres:17.2\n',
      output: 'services:\n  db:\n    image: postgres:17.2\n    cap_drop:\n      - ALL\n    cap_add:\n      - CHOWN\n      - DAC_OVERRIDE\n      - FOWNER\n      - SETGID\n      - SETUID\n',
    },
    { name: '... added to an existing cap_add, without repeats', code: 'services:\n  «db»:\n    image: postgres:17.2\n    cap_add:\n      - SYS_NICE\n      - CHOWN\n', output: 'services:\n  db:\n    image: postgres:17.2\n    cap_add:\n      - SYS_NICE\n      - CHOWN\n      - DAC_OVERRIDE\n      - FOWNER\n      - SETGID\n      - SETUID\n    cap_drop:\n      - ALL\n' },
    { name: '... but not when it runs as its own user', code: 'services:\n  «db»:\n    image: postgres:17.2\n    user: postgres\n', output: 'services:\n  db:\n    image: postgres:17.2\n    user: postgres\n    cap_drop:\n      - ALL\n' },
    { name: 'flow-style service', code: 'services:\n  «web»: {image: "ghcr.io/acme/web:1.0"}\n', output: 'services:\n  web: {image: "ghcr.io/acme/web:1.0", cap_drop: [ALL]}\n' },
    // Found by test/robustness: Compose drops a `!reset` value, so an item added to it changed nothing.
    { name: 'a list tagged !reset: no fix', code: 'services:\n  web:\n    image: ghcr.io/acme/web:1.0\n    «cap_drop»: !reset [NET_RAW]\n', output: null },
    { name: 'a list through a merge key: at the merge key, no fix', code: 'x-common: &common\n  cap_drop: [NET_RAW]\nservices:\n  web:\n    «<<: *common»\n    image: ghcr.io/acme/web:1.0\n', output: null },
    // Found by test/robustness: a key indented under the list made a map item, and reading it as a name threw.
    { name: 'a map among the capabilities names none', code: 'services:\n  «db»:\n    image: postgres:17.2\n    cap_add:\n      - NET_ADMIN\n      - CHOWN: true\n',
      output: 'services:\n  db:\n    image: postgres:17.2\n    cap_add:\n      - NET_ADMIN\n      - CHOWN: true\n      - CHOWN\n      - DAC_OVERRIDE\n      - FOWNER\n      - SETGID\n      - SETUID\n    cap_drop:\n      - ALL\n' },
    // Found by test/robustness: each capability added to `cap_add: one` rewrote that one scalar, so the edits overlapped.
    { name: 'cap_add written as one scalar, several to add: no fix', code: 'services:\n  «db»:\n    image: postgres:17.2\n    cap_add: NET_ADMIN\n', output: null },
  ],
});
