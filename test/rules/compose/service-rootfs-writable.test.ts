import { serviceRootfsWritable } from '../../../server/src/rules/compose/service-rootfs-writable';
import { ruleTester } from '../../helpers/rule-tester';

const APP = 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n';

ruleTester(serviceRootfsWritable, {
  valid: [
    'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    read_only: true\n',
    { name: 'the string Compose accepts', code: 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    read_only: "true"\n' },
    { name: 'a variable', code: 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    read_only: ${READ_ONLY:-true}\n' },
    { name: 'read_only: true added in compose.override.yaml', code: APP, context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  app:\n    read_only: true\n' }] } } },
    { name: 'through a merge key', code: 'x-hardened: &hardened\n  read_only: true\nservices:\n  app:\n    <<: *hardened\n    image: ghcr.io/acme/app:1.0\n' },
    { name: 'an override file: its base reports the service', code: 'services:\n  app:\n    ports: ["127.0.0.1:80:80"]\n', context: { compose: { before: [{ path: 'compose.yaml', text: APP }] } } },
    { name: 'extends a read-only service', code: 'services:\n  base:\n    image: ghcr.io/acme/app:1.0\n    read_only: true\n  app:\n    extends:\n      service: base\n' },
  ],
  invalid: [
    {
      name: 'adds read_only and a tmpfs for /tmp, comments kept',
      code: 'services:\n  «app»:\n    image: ghcr.io/acme/app:1.0\n    # published for the load balancer\n    ports: ["127.0.0.1:8080:8080"]\n\n',
      messageId: 'writable',
      output: 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    # published for the load balancer\n    ports: ["127.0.0.1:8080:8080"]\n    read_only: true\n    tmpfs:\n      - /tmp\n\n',
    },
    { name: 'nginx also writes its cache and pid file', code: 'services:\n  «web»:\n    image: nginx:1.27\n', output: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /tmp\n      - /var/cache/nginx\n      - /var/run\n' },
    { name: 'extends an existing block tmpfs list (the last key)', code: 'services:\n  «app»:\n    image: ghcr.io/acme/app:1.0\n    tmpfs:\n      - /run  # pid files\n', output: 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    tmpfs:\n      - /run  # pid files\n      - /tmp\n    read_only: true\n' },
    { name: 'extends a flow tmpfs list', code: 'services:\n  «app»:\n    tmpfs: [/run]\n    image: ghcr.io/acme/app:1.0\n', output: 'services:\n  app:\n    tmpfs: [/run, /tmp]\n    image: ghcr.io/acme/app:1.0\n    read_only: true\n' },
    { name: 'turns a single tmpfs string into a list', code: 'services:\n  «app»:\n    image: ghcr.io/acme/app:1.0\n    tmpfs: /run\n', output: 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    tmpfs: [/run, /tmp]\n    read_only: true\n' },
    { name: '/tmp already writable (tmpfs with options, or a volume)', code: 'services:\n  «a»:\n    image: ghcr.io/acme/app:1.0\n    tmpfs: ["/tmp:size=64m"]\n  «b»:\n    image: ghcr.io/acme/app:1.0\n    volumes: [scratch:/tmp/]\nvolumes:\n  scratch: {}\n', output: 'services:\n  a:\n    image: ghcr.io/acme/app:1.0\n    tmpfs: ["/tmp:size=64m"]\n    read_only: true\n  b:\n    image: ghcr.io/acme/app:1.0\n    volumes: [scratch:/tmp/]\n    read_only: true\nvolumes:\n  scratch: {}\n' },
    { name: 'explicit read_only: false is reported at the value and flipped', code: 'services:\n  app:\n    read_only: «false»\n    image: ghcr.io/acme/app:1.0\n', output: 'services:\n  app:\n    read_only: true\n    image: ghcr.io/acme/app:1.0\n    tmpfs:\n      - /tmp\n' },
    { name: 'an empty read_only: at the key, no fix', code: 'services:\n  app:\n    «read_only»:\n    image: ghcr.io/acme/app:1.0\n', output: null },
    // Found by test/robustness: a tagged empty value ends right after its tag; `true` was glued to it (`!overridetrue`).
    { name: 'a tagged empty read_only gets a blank before the new value', code: 'services:\n  app:\n    «read_only»: !override\n    tmpfs: [/tmp]\n', output: 'services:\n  app:\n    read_only: !override true\n    tmpfs: [/tmp]\n' },
    // Found by test/robustness: the empty value after the tag became `!override["", /tmp]`, glued to the tag and with an empty mount.
    { name: 'a tagged empty tmpfs: no fix', code: 'services:\n  «app»:\n    image: ghcr.io/acme/app:1.0\n    tmpfs: !override\n', output: null },
    { name: 'flow-style service', code: 'services:\n  «app»: {image: "ghcr.io/acme/app:1.0"}\n', output: 'services:\n  app: {image: "ghcr.io/acme/app:1.0", read_only: true, tmpfs: [/tmp]}\n' },
    { name: 'four spaces, list dashes not indented', code: 'services:\n    «app»:\n        image: ghcr.io/acme/app:1.0\n        ports:\n        - "127.0.0.1:80:80"\n', output: 'services:\n    app:\n        image: ghcr.io/acme/app:1.0\n        ports:\n        - "127.0.0.1:80:80"\n        read_only: true\n        tmpfs:\n        - /tmp\n' },
    { name: 'tmpfs through a merge key cannot be extended: no fix', code: 'x-common: &common\n  tmpfs: [/run]\nservices:\n  «app»:\n    <<: *common\n    image: ghcr.io/acme/app:1.0\n', output: null },
    // Found by test/robustness: Compose drops a `!reset` value, so keys added inside it changed nothing.
    { name: 'a service tagged !reset: no fix', code: 'services:\n  «services»: !reset\n    services:', output: null },
    { name: 'read_only: !reset false cannot be flipped nor added again: no fix', code: 'services:\n  «app»:\n    image: ghcr.io/acme/app:1.0\n    read_only: !reset false\n', output: null },
    { name: 'a tmpfs in the override file counts', code: APP.replace('app:', '«app»:'), context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  app:\n    tmpfs: [/tmp]\n' }] } }, output: 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    read_only: true\n' },
  ],
});
