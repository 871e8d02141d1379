import { deleteEntry } from '../../analysis/compose-edits';
import { isTrue, serviceSettings } from '../../analysis/compose-hardening';
import { defineRule } from '../../analysis/rule';

/** A privileged container has every capability and every host device: escaping it is trivial. */
export const servicePrivileged = defineRule({
  id: 'service-privileged',
  kind: 'compose',
  title: 'Service runs privileged',
  severity: 'warning',
  aliases: [],
  messages: {
    privileged: 'Service "{service}" runs privileged, with every capability and access to all host devices; remove "privileged: true" and add only the capabilities or devices it needs.',
  },
  fixable: true,
  check(doc, report) {
    for (const { service, settings } of serviceSettings(doc)) {
      const node = service.get('privileged');
      if (!node || !isTrue(node.value) || !isTrue(settings.privileged)) continue;
      const edits = deleteEntry(node);
      report({
        range: node.keyRange,
        messageId: 'privileged',
        data: { service: service.name },
        fixes: edits ? [{ title: 'Remove "privileged: true"', edits, safe: false, preferred: true }] : [],
      });
    }
  },
});
