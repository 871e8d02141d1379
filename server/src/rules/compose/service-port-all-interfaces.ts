import { insertKey, replaceInScalar } from '../../analysis/compose-edits';
import { databaseOfPort, isDatabaseImage, serviceSettings } from '../../analysis/compose-hardening';
import type { ComposeNode } from '../../analysis/compose-node';
import { parsePortSpec, type PortMapping } from '../../analysis/compose-ports';
import { familiarName } from '../../analysis/images';
import { isInterpolated } from '../../analysis/interpolation';
import { defineRule } from '../../analysis/rule';
import type { TextEdit } from '../../analysis/types';

/** A port published without a host address listens on every interface, and Docker's rules bypass host firewalls. */
export const servicePortAllInterfaces = defineRule({
  id: 'service-port-all-interfaces',
  kind: 'compose',
  title: 'Published port listens on all host interfaces',
  severity: 'error',
  aliases: ['no-unbound-port-interfaces'],
  messages: {
    database: 'Service "{service}" publishes port {port} ({what}) on all host interfaces, so other machines can reach the database (Docker\'s port rules bypass firewalls such as ufw); bind it to 127.0.0.1, or remove it if only other services connect.',
    allInterfaces: 'Service "{service}" publishes port {port} on all host interfaces, so other machines can reach it (Docker\'s port rules bypass firewalls such as ufw); bind it to 127.0.0.1 unless it must be reachable from the network.',
  },
  fixable: true,
  check(doc, report) {
    for (const { service, settings, image } of serviceSettings(doc)) {
      if (settings.network_mode === 'host') continue; // Compose discards published ports then
      const effective = new Set((Array.isArray(settings.ports) ? settings.ports : []).map((port) => JSON.stringify(port)));
      for (const item of service.get('ports')?.items() ?? []) {
        const raw = item.toJS();
        const mapping = parsePortSpec(raw);
        // An override file may `!override` or `!reset` the list; unknown address parts are never judged.
        // A short form with no container port (`""`, `8080:`) publishes nothing: Compose rejects it.
        if (!mapping || (typeof raw === 'string' && !mapping.target) || !effective.has(JSON.stringify(raw)) || (mapping.hostIp !== undefined && mapping.hostIp !== '') || addressMayHide(raw, mapping)) continue;
        const what = databaseOfPort(mapping.target) ?? (image && isDatabaseImage(image) ? familiarName(image) : undefined);
        const port = mapping.published ?? mapping.target ?? '';
        const edits = bindToLoopback(item, mapping);
        report({
          range: reportRange(item, mapping),
          messageId: what ? 'database' : 'allInterfaces',
          data: { service: service.name, port, what: what ?? '' },
          fixes: edits ? [{ title: 'Bind to 127.0.0.1', edits, safe: false, preferred: true }] : [],
          ...(what ? {} : { severity: 'warning' as const }),
        });
      }
    }
  },
});

/** In the short syntax a variable before the container port may hold an address (`${BIND:-8080}:80`). */
function addressMayHide(raw: unknown, mapping: PortMapping): boolean {
  if (typeof raw !== 'string') return isInterpolated(mapping.hostIp);
  return isInterpolated(mapping.published) || (mapping.published === undefined && isInterpolated(mapping.target));
}

function reportRange(item: ComposeNode, mapping: PortMapping): ComposeNode['range'] {
  if (item.kind !== 'scalar') return (item.get('published') ?? item.get('target'))?.range ?? item.headRange;
  const span = mapping.publishedSpan ?? mapping.targetSpan;
  return span ? item.subRange(...span) : item.range;
}

function bindToLoopback(item: ComposeNode, mapping: PortMapping): TextEdit[] | undefined {
  if (item.kind === 'map') return insertKey(item, 'host_ip', '127.0.0.1');
  if (!item.isLocal) return undefined;
  // `8080:80` -> `127.0.0.1:8080:80`; `80` (a random host port) -> `127.0.0.1::80`; `:8080:80` -> `127.0.0.1:8080:80`.
  const prefix = mapping.hostIp === '' ? '127.0.0.1' : mapping.published === undefined ? '127.0.0.1::' : '127.0.0.1:';
  const edit = replaceInScalar(item, 0, 0, prefix);
  return edit ? [edit] : undefined;
}
