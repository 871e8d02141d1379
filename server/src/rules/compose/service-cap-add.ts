import { serviceSettings } from '../../analysis/compose-hardening';
import { defineRule } from '../../analysis/rule';

/** What each dangerous capability lets a container do to its host. */
const DANGEROUS: Record<string, string> = {
  ALL: 'grants every capability, close to a privileged container',
  SYS_ADMIN: 'allows mounts, namespaces and much more, enough to escape the container',
  SYS_MODULE: 'loads code into the host kernel as modules',
  SYS_RAWIO: 'gives raw access to host memory and I/O ports',
  SYS_PTRACE: 'can trace other processes and inject code into them',
  SYS_BOOT: 'can reboot the host',
  SYS_TIME: 'can change the host clock',
  NET_ADMIN: 'reconfigures interfaces, routes and firewall rules of its network namespace (the host\'s with host networking)',
  DAC_READ_SEARCH: 'bypasses file read permissions and opens host files by handle (the "shocker" escape)',
  MAC_ADMIN: 'changes the AppArmor or SELinux policy',
  MAC_OVERRIDE: 'bypasses AppArmor or SELinux policy',
  BPF: 'loads eBPF programs into the host kernel',
  PERFMON: 'observes the whole host through performance monitoring',
  SYSLOG: 'reads and clears the kernel log, which leaks kernel addresses',
  LINUX_IMMUTABLE: 'can change immutable and append-only file flags',
};

/** Some capabilities hand the container power over the host; each one needs a reason. */
export const serviceCapAdd = defineRule({
  id: 'service-cap-add',
  kind: 'compose',
  title: 'Service adds a dangerous capability',
  severity: 'warning',
  aliases: [],
  messages: {
    dangerous: 'Service "{service}" adds capability {capability}, which {reason}; remove it unless the service cannot work without it.',
  },
  fixable: false,
  check(doc, report) {
    for (const { service, settings } of serviceSettings(doc)) {
      const effective = new Set((Array.isArray(settings.cap_add) ? settings.cap_add : []).map((cap) => normalize(cap)));
      for (const item of service.get('cap_add')?.items() ?? []) {
        const capability = normalize(item.value);
        // `!reset` in an override file removes the list; variables are never judged.
        if (!capability || item.isInterpolated || !effective.has(capability) || !(capability in DANGEROUS)) continue;
        report({ range: item.range, messageId: 'dangerous', data: { service: service.name, capability, reason: DANGEROUS[capability] } });
      }
    }
  },
});

/** `sys_admin`, `CAP_SYS_ADMIN` -> `SYS_ADMIN`, as Docker reads them. */
function normalize(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim().toUpperCase().replace(/^CAP_/, '') : undefined;
}
