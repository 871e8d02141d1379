import { isPlainMap } from '../../analysis/compose-merge';
import { defineRule } from '../../analysis/rule';

/** Container names are unique per engine: the second service with the same name fails to start. */
export const containerNameDuplicate = defineRule({
  id: 'container-name-duplicate',
  kind: 'compose',
  title: 'Two services use the same container name',
  severity: 'error',
  aliases: ['no-duplicate-container-names'],
  messages: { duplicate: 'Container name "{name}" is also used by service "{other}"; container names must be unique, so rename one or remove container_name.' },
  fixable: false,
  check(doc, report) {
    const services = doc.project.model.services;
    if (!isPlainMap(services)) return;
    const owners = new Map<string, string[]>();
    for (const [name, service] of Object.entries(services)) {
      const containerName = isPlainMap(service) ? service.container_name : undefined;
      if (typeof containerName === 'string') owners.set(containerName, [...(owners.get(containerName) ?? []), name]);
    }
    // The first service (in the project's merge order) keeps the name; every later one is reported.
    for (const service of doc.services) {
      const node = service.get('container_name');
      const name = node?.text;
      const first = name === undefined ? undefined : owners.get(name)?.[0];
      if (!node || first === undefined || first === service.name || service.effective.container_name !== name) continue;
      report({ range: node.range, messageId: 'duplicate', data: { name: name as string, other: first } });
    }
  },
});
