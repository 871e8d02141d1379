import { serviceDockerSocket } from '../../../server/src/rules/compose/service-docker-socket';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(serviceDockerSocket, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    volumes: [./site:/usr/share/nginx/html:ro, data:/data]\nvolumes:\n  data: {}\n',
    { name: 'a variable without a literal socket name', code: 'services:\n  proxy:\n    image: traefik:3.1\n    volumes: ["${DOCKER_SOCKET:-/var/run/docker.sock}:/var/run/docker.sock"]\n' },
    { name: 'a file in the project named like a socket', code: 'services:\n  test:\n    image: x:1\n    volumes: [./fixtures/docker.sock:/tmp/docker.sock]\n' },
    { name: 'removed by compose.override.yaml (same target, another source)', code: 'services:\n  proxy:\n    image: traefik:3.1\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  proxy:\n    volumes: ["./proxy.sock:/var/run/docker.sock"]\n' }] } } },
  ],
  invalid: [
    { name: 'short syntax: on the host path; :ro does not help', code: 'services:\n  proxy:\n    image: traefik:3.1\n    volumes:\n      - «/var/run/docker.sock»:/var/run/docker.sock:ro  # for discovery\n', messageId: 'socket', messageIncludes: ['":ro" does not limit the API'], output: null },
    { name: 'long syntax: on the source', code: 'services:\n  ci:\n    image: x:1\n    volumes:\n      - type: bind\n        source: «/run/docker.sock»\n        target: /var/run/docker.sock\n' },
    { name: 'rootless Docker, Podman, containerd', code: 'services:\n  a:\n    image: x:1\n    volumes: ["«${XDG_RUNTIME_DIR}/docker.sock»:/var/run/docker.sock", «/run/podman/podman.sock»:/run/podman.sock, «/run/containerd/containerd.sock»:/c.sock]\n', messageIds: ['socket', 'socket', 'socket'] },
    { name: 'Windows pipe and the double-slash spelling', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - «//var/run/docker.sock»:/var/run/docker.sock\n      - type: npipe\n        source: «\\\\.\\pipe\\docker_engine»\n        target: \\\\.\\pipe\\docker_engine\n', messageIds: ['socket', 'socket'] },
    { name: 'through a merge key: at the merge key', code: 'x-docker: &docker\n  volumes: [/var/run/docker.sock:/var/run/docker.sock]\nservices:\n  agent:\n    image: x:1\n    «<<: *docker»\n' },
  ],
});
