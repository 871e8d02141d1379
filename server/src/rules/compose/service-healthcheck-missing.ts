import type { ComposeDoc } from '../../analysis/compose-doc';
import { isPlainMap } from '../../analysis/compose-merge';
import { foldServices } from '../../analysis/compose-service-folds';
import { sameData } from '../../analysis/finding-reuse';
import { defineRule } from '../../analysis/rule';

/** Without a healthcheck Compose knows only that the process runs, and `service_healthy` cannot wait for it. */
export const serviceHealthcheckMissing = defineRule({
  id: 'service-healthcheck-missing',
  kind: 'compose',
  title: 'Service without a healthcheck',
  severity: 'info',
  aliases: [],
  messages: {
    missing: 'Service "{service}" sets no healthcheck, so unless its image defines one, Compose knows only that the process runs, not that it answers; add a healthcheck.',
    missingBuild: 'Service "{service}" sets no healthcheck, so unless its Dockerfile declares HEALTHCHECK, Compose knows only that the process runs, not that it answers; add a healthcheck.',
    waitedFor: 'Service "{service}" sets no healthcheck, but "{dependent}" waits for it with "condition: service_healthy", which fails unless its image defines one; add a healthcheck.',
  },
  fixable: false,
  check(doc, report) {
    if (doc.project.partial) return;
    const waiters = healthyWaitersOf(doc);
    for (const service of doc.services) {
      const effective = service.effective;
      // `healthcheck: {disable: true}` is a decision too; `extends` may bring one from elsewhere.
      if (effective.healthcheck !== undefined || effective.extends !== undefined) continue;
      if (!service.get('image') && !service.get('build')) continue;
      const dependent = waiters.get(service.name);
      const messageId = dependent ? 'waitedFor' : effective.build !== undefined ? 'missingBuild' : 'missing';
      report({ range: service.keyRange, messageId, data: { service: service.name, dependent: dependent ?? '' } });
    }
  },
});

/** `healthyWaiters` of the document's project, kept across edits that change no service's waits (compose-service-folds.ts). */
export function healthyWaitersOf(doc: ComposeDoc): Map<string, string> {
  return foldServices(doc, 'healthy-waiters', (service) => waitsForHealthy(servicesOf(doc)[service.name]), sameData, () => healthyWaiters(doc.project.model.services));
}

function servicesOf(doc: ComposeDoc): Record<string, unknown> {
  const services = doc.project.model.services;
  return isPlainMap(services) ? services : {};
}

/** Service name -> the first service that waits for it with `condition: service_healthy`. */
function healthyWaiters(services: unknown): Map<string, string> {
  const waiters = new Map<string, string>();
  if (!isPlainMap(services)) return waiters;
  for (const name in services) {
    for (const target of waitsForHealthy(services[name])) if (!waiters.has(target)) waiters.set(target, name);
  }
  return waiters;
}

const waited = new WeakMap<object, string[]>();

/** The services one (merged, normalised) service waits for with `condition: service_healthy`, kept per service object. */
function waitsForHealthy(service: unknown): string[] {
  if (!isPlainMap(service)) return [];
  let targets = waited.get(service);
  if (!targets) {
    const dependsOn = service.depends_on;
    targets = Object.entries(isPlainMap(dependsOn) ? dependsOn : {}).filter(([, dependency]) => isPlainMap(dependency) && dependency.condition === 'service_healthy').map(([target]) => target);
    waited.set(service, targets);
  }
  return targets;
}
