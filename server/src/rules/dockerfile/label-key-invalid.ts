import { labelPairs } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Docker's label guidelines: lower-case reverse-DNS keys, no Docker-reserved namespaces, so tools can rely on them. */
export const labelKeyInvalid = defineRule({
  id: 'label-key-invalid',
  kind: 'dockerfile',
  title: 'Invalid label key',
  severity: 'hint',
  aliases: ['DL3048'],
  messages: {
    invalid: 'Label key "{key}" {problem}; use lower-case letters, digits, dots and dashes, such as "org.example.version".',
    reserved: 'Label key "{key}" uses the namespace "{namespace}" reserved for Docker; use a reverse-DNS prefix of your own.',
  },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const pair of labelPairs(doc.instructions)) {
      const namespace = RESERVED.find((prefix) => pair.key.startsWith(prefix));
      if (namespace) {
        report({ range: pair.keyRange, messageId: 'reserved', data: { key: pair.key, namespace } });
        continue;
      }
      const problem = keyProblem(pair.key);
      if (problem) report({ range: pair.keyRange, messageId: 'invalid', data: { key: pair.key, problem } });
    }
  },
});

function keyProblem(key: string): string | undefined {
  if (/[^a-z0-9.-]/.test(key)) return 'contains characters other than a-z, 0-9, "." and "-"';
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a letter or digit';
  if (/\.\.|--/.test(key)) return 'has consecutive separators';
  return undefined;
}
