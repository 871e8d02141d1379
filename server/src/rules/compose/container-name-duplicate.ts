import type { ComposeDoc } from '../../analysis/compose-doc';
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
    const owners = containerNameOwners(doc);
    // The first service (in the project's merge order) keeps the name; every later one is reported.
    for (const service of doc.services) {
      const node = service.get('container_name');
      const name = node?.text;
      const first = name === undefined ? undefined : owners.get(name);
      if (!node || first === undefined || first === service.name || service.effective.container_name !== name) continue;
      report({ range: node.range, messageId: 'duplicate', data: { name: name as string, other: first, service: service.name } });
    }
  },
});

const ownersOf = new WeakMap<object, Map<string, string>>();

/** Container name -> the first service of the merged project that uses it (kept per merged project). */
export function containerNameOwners(doc: ComposeDoc): Map<string, string> {
  const services = doc.project.model.services;
  let owners = ownersOf.get(doc.project);
  if (owners) return owners;
  owners = new Map<string, string>();
  ownersOf.set(doc.project, owners);
  if (!isPlainMap(services)) return owners;
  for (const name in services) {
    const service = services[name];
    const containerName = isPlainMap(service) ? service.container_name : undefined;
    if (typeof containerName === 'string' && !owners.has(containerName)) owners.set(containerName, name);
  }
  return owners;
}
