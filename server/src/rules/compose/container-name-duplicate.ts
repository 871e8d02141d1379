import type { ComposeDoc } from '../../analysis/compose-doc';
import { isPlainMap } from '../../analysis/compose-merge';
import { foldServices } from '../../analysis/compose-service-folds';
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

/**
 * Container name -> the first service of the merged project that uses it (kept per merged project,
 * and across edits that change no service's container name: compose-service-folds.ts).
 */
export function containerNameOwners(doc: ComposeDoc): Map<string, string> {
  return foldServices(doc, 'container-name-owners', (service) => containerNameOf(servicesOf(doc)[service.name]), Object.is, () => ownersIn(doc));
}

function ownersIn(doc: ComposeDoc): Map<string, string> {
  let owners = ownersOf.get(doc.project);
  if (owners) return owners;
  owners = new Map<string, string>();
  ownersOf.set(doc.project, owners);
  const services = servicesOf(doc);
  for (const name in services) {
    const containerName = containerNameOf(services[name]);
    if (containerName !== undefined && !owners.has(containerName)) owners.set(containerName, name);
  }
  return owners;
}

function servicesOf(doc: ComposeDoc): Record<string, unknown> {
  const services = doc.project.model.services;
  return isPlainMap(services) ? services : {};
}

function containerNameOf(service: unknown): string | undefined {
  const containerName = isPlainMap(service) ? service.container_name : undefined;
  return typeof containerName === 'string' ? containerName : undefined;
}
