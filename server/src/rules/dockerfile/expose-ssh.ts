import { exposesPort, parseExposedPort } from '../../analysis/expose-ports';
import { defineRule } from '../../analysis/rule';

/** An SSH server in a container is an extra, long-lived way in; `docker exec` already gives a shell. */
export const exposeSsh = defineRule({
  id: 'expose-ssh',
  kind: 'dockerfile',
  title: 'SSH port 22 exposed',
  severity: 'warning',
  aliases: ['DS-0004'],
  messages: { ssh: 'EXPOSE "{value}" opens the SSH port 22; do not run an SSH server in the container, use docker exec (or kubectl exec) for a shell.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const expose of doc.instructionsOf('EXPOSE')) {
      for (const arg of expose.getArguments()) {
        const port = parseExposedPort(arg.getValue());
        if (!port.problem && port.protocol?.toLowerCase() !== 'udp' && exposesPort(port, 22)) {
          report({ range: arg.getRange(), messageId: 'ssh', data: { value: arg.getValue() } });
        }
      }
    }
  },
});
