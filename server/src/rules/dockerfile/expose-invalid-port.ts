import { parseExposedPort } from '../../analysis/expose-ports';
import { defineRule } from '../../analysis/rule';

/** An EXPOSE the engine cannot parse fails the build or documents a port nothing can listen on. */
export const exposeInvalidPort = defineRule({
  id: 'expose-invalid-port',
  kind: 'dockerfile',
  title: 'EXPOSE port is invalid',
  severity: 'error',
  aliases: ['DL3011', 'DS-0008'],
  messages: {
    outOfRange: 'EXPOSE "{value}" is outside the valid port range; use ports from 0 to 65535.',
    malformed: 'EXPOSE "{value}" is not a port, a range or port/protocol; write it as 8080, 8080/udp or 8000-8010/tcp (protocols: tcp, udp, sctp).',
  },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const expose of doc.instructionsOf('EXPOSE')) {
      for (const arg of expose.getArguments()) {
        const problem = parseExposedPort(arg.getValue()).problem;
        if (problem) report({ range: arg.getRange(), messageId: problem, data: { value: arg.getValue() } });
      }
    }
  },
});
