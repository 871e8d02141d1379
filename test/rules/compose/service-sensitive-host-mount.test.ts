import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { serviceSensitiveHostMount } from '../../../server/src/rules/compose/service-sensitive-host-mount';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(serviceSensitiveHostMount, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    volumes: [./site:/usr/share/nginx/html:ro, data:/data]\nvolumes:\n  data: {}\n',
    { name: 'single files and devices under system folders', code: 'services:\n  a:\n    image: x:1\n    volumes: [/etc/localtime:/etc/localtime:ro, /etc/timezone:/etc/timezone:ro, /dev/dri:/dev/dri, /etc/ssl/certs:/etc/ssl/certs:ro]\n' },
    { name: 'project and home sub-folders', code: 'services:\n  a:\n    image: x:1\n    volumes: [~/projects/app:/app, "${HOME}/.cache/pip:/root/.cache/pip", /srv/app:/srv]\n' },
    { name: 'the engine socket is service-docker-socket\'s concern', code: 'services:\n  a:\n    image: x:1\n    volumes: [/var/run/docker.sock:/var/run/docker.sock]\n' },
    { name: 'a variable', code: 'services:\n  a:\n    image: x:1\n    volumes: ["${HOST_ROOT}:/host"]\n' },
    { name: 'named volumes are not host paths', code: 'services:\n  a:\n    image: x:1\n    volumes: [etc:/etc]\nvolumes:\n  etc: {}\n' },
  ],
  invalid: [
    { name: 'the host root, writable', code: 'services:\n  backup:\n    image: x:1\n    volumes:\n      - «/»:/host  # everything\n', messageId: 'writable', messageIncludes: ['root filesystem'], output: null },
    { name: 'read-only: its own message', code: 'services:\n  exporter:\n    image: x:1\n    volumes: [«/proc»:/host/proc:ro, «/sys/»:/host/sys:ro, «/»:/rootfs:ro]\n', messageIds: ['readOnly', 'readOnly', 'readOnly'] },
    { name: 'long syntax: on the source, read_only honoured', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: «/etc»\n        target: /host/etc\n        read_only: true\n', messageId: 'readOnly' },
    { name: 'credentials in home folders', code: 'services:\n  a:\n    image: x:1\n    volumes: [«~/.ssh»:/root/.ssh:ro, "«$HOME/.aws»:/root/.aws", «/home/alice/.kube/config»:/kube:ro, «/root»:/r]\n', messageIds: ['readOnly', 'writable', 'readOnly', 'writable'] },
    { name: 'engine data, password hashes, spelled oddly', code: 'services:\n  a:\n    image: x:1\n    volumes: [«/var/lib/docker/volumes»:/v, «/etc//shadow»:/shadow, «/var/run/»:/var/run]\n', messageIds: ['writable', 'writable', 'writable'] },
    { name: 'a top-level volume that binds a host folder', code: 'services:\n  a:\n    image: x:1\n    volumes: [hostetc:/data]\nvolumes:\n  hostetc:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: «/etc»\n', messageId: 'device' },
    { name: 'through a merge key: at the merge key', code: 'x-host: &host\n  volumes: [/:/host]\nservices:\n  agent:\n    image: x:1\n    «<<: *host»\n' },
  ],
});

it('service-sensitive-host-mount: read-only mounts are info, writable ones warnings', () => {
  const code = 'services:\n  a:\n    image: x:1\n    volumes: [/etc:/e:ro, /etc:/f]\n';
  assert.deepEqual(analyze(code, 'compose', undefined, { rules: [serviceSensitiveHostMount] }).map((f) => f.severity), ['info', 'warning']);
});
