import { isPlainMap } from '../../analysis/compose-merge';
import { defineRule } from '../../analysis/rule';

/** One runaway container without limits can starve its neighbours and the host (off by default: a production concern). */
export const serviceResourceLimitsMissing = defineRule({
  id: 'service-resource-limits-missing',
  kind: 'compose',
  title: 'Service without memory or CPU limits',
  severity: 'off',
  aliases: [],
  messages: {
    missing: 'Service "{service}" has no memory or CPU limit, so one runaway container can starve the others and the host; set deploy.resources.limits (memory, cpus).',
  },
  fixable: false,
  check(doc, report) {
    if (doc.project.partial) return;
    for (const service of doc.services) {
      const effective = service.effective;
      if (effective.extends !== undefined || (!service.get('image') && !service.get('build'))) continue;
      const deploy = effective.deploy;
      const resources = isPlainMap(deploy) ? deploy.resources : undefined;
      const limits = isPlainMap(resources) ? resources.limits : undefined;
      const limited = (isPlainMap(limits) && Object.keys(limits).length > 0) || effective.mem_limit !== undefined || effective.cpus !== undefined;
      if (!limited) report({ range: service.keyRange, messageId: 'missing', data: { service: service.name } });
    }
  },
});
