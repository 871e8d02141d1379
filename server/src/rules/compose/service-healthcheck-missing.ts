import { isPlainMap } from '../../analysis/compose-merge';
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
    const waiters = healthyWaiters(doc.project.model.services);
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

/** Service name -> the first service that waits for it with `condition: service_healthy`. */
function healthyWaiters(services: unknown): Map<string, string> {
  const waiters = new Map<string, string>();
  for (const [name, service] of Object.entries(isPlainMap(services) ? services : {})) {
    const dependsOn = isPlainMap(service) ? service.depends_on : undefined;
    for (const [target, dependency] of Object.entries(isPlainMap(dependsOn) ? dependsOn : {})) {
      if (isPlainMap(dependency) && dependency.condition === 'service_healthy' && !waiters.has(target)) waiters.set(target, name);
    }
  }
  return waiters;
}
