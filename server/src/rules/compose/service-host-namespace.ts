import { serviceSettings } from '../../analysis/compose-hardening';
import { defineRule } from '../../analysis/rule';

/** What sharing each host namespace exposes. */
const NAMESPACES: Record<string, string> = {
  network_mode: 'sees every host interface and can reach services that listen only on the host\'s localhost',
  pid: 'sees and can signal every process on the host',
  ipc: 'shares the host\'s shared memory and message queues',
  userns_mode: 'opts out of user-namespace remapping, so root in the container is root on the host',
  uts: 'shares the host\'s hostname and can change it',
  cgroup: 'sees the host\'s control-group hierarchy',
};

/** Sharing a host namespace removes one of the walls between the container and the host. */
export const serviceHostNamespace = defineRule({
  id: 'service-host-namespace',
  kind: 'compose',
  title: 'Service shares a host namespace',
  severity: 'warning',
  aliases: [],
  messages: {
    host: 'Service "{service}" sets "{key}: host", so it {reason}; remove it unless the service cannot work without it.',
  },
  fixable: false,
  check(doc, report) {
    for (const { service, settings } of serviceSettings(doc)) {
      for (const [key, reason] of Object.entries(NAMESPACES)) {
        const node = service.get(key);
        if (node?.text === 'host' && settings[key] === 'host') report({ range: node.range, messageId: 'host', data: { service: service.name, key, reason } });
      }
    }
  },
});
