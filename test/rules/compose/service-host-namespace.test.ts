import { serviceHostNamespace } from '../../../server/src/rules/compose/service-host-namespace';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(serviceHostNamespace, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    network_mode: bridge\n    pid: "container:app"\n    ipc: shareable\n',
    { name: 'another service\'s namespaces', code: 'services:\n  vpn:\n    image: x:1\n  web:\n    image: nginx:1.27\n    network_mode: service:vpn\n    ipc: service:vpn\n' },
    { name: 'a variable', code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: ${NETWORK_MODE:-host}\n' },
    { name: 'changed by compose.override.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  web:\n    network_mode: bridge\n' }] } } },
    { name: 'a key named host elsewhere', code: 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      pid: host\n' },
  ],
  invalid: [
    { name: 'every host namespace, on the value', code: 'services:\n  agent:\n    image: x:1\n    network_mode: «host»\n    pid: «"host"»\n    ipc: «host»\n    userns_mode: «host»\n    uts: «host»\n    cgroup: «host»\n', messageIds: ['host', 'host', 'host', 'host', 'host', 'host'], output: null },
    { name: 'the reason is in the message', code: 'services:\n  top:\n    image: x:1\n    pid: «host»\n', messageIncludes: ['"pid: host"', 'signal every process on the host'] },
    { name: 'flow-style service', code: 'services:\n  agent: {image: x:1, network_mode: «host»}\n' },
    { name: 'through a merge key: at the merge key', code: 'x-host: &host\n  network_mode: host\nservices:\n  agent:\n    image: x:1\n    «<<: *host»\n' },
  ],
});
