import type { ComposeDoc, ComposeService } from '../../analysis/compose-doc';
import { isPlainMap } from '../../analysis/compose-merge';
import { bindsAllInterfaces, parsePortSpec, portRange, type PortMapping } from '../../analysis/compose-ports';
import { foldServices } from '../../analysis/compose-service-folds';
import { sameData } from '../../analysis/finding-reuse';
import { defineRule } from '../../analysis/rule';
import type { Range } from '../../analysis/types';

interface Binding {
  service: string;
  mapping: PortMapping;
  /** Buckets of the host ports it publishes (`bucketKeys`). */
  keys: string[];
  /** Set for ports written in the analysed file. */
  range?: Range;
  /** With `range`: the line of its service's key (`ComposeService.keyRange`), kept with the service's bindings. */
  keyLine?: number;
}

/** Ranges wider than this are checked on their first ports only (keeps huge ranges cheap). */
const MAX_PORTS_PER_BINDING = 4096;

/** Two services publishing the same host port (and address) cannot both start. */
export const hostPortDuplicate = defineRule({
  id: 'host-port-duplicate',
  kind: 'compose',
  title: 'Host port published twice',
  severity: 'error',
  aliases: ['no-duplicate-exported-ports'],
  messages: { duplicate: 'Host port {port} is already published by service "{other}"{where}; only one container can listen on it, so change one of them.' },
  fixable: false,
  check(doc, report) {
    const reported = doc.services === doc.allServices ? undefined : new Set(doc.services.map((service) => service.name));
    for (const { binding, clash } of portClashes(doc)) {
      if (!binding.range || (reported && !reported.has(binding.service))) continue;
      const where = clash.range ? ` on line ${clash.range.start.line + 1}` : ' in another file of the project';
      const { hostIp, published, protocol } = binding.mapping;
      report({ range: binding.range, messageId: 'duplicate', data: { port: `${hostIp ? `${hostIp}:` : ''}${published ?? ''}/${protocol}`, other: clash.service, where, service: binding.service } });
    }
  },
});

/**
 * What each service's findings depend on in other services: which of its ports clash with the port of which
 * service, on which line. Lines count from each service's first line: an edit that only moves services keeps
 * it (the incremental analyzer moves the line the message names, compose-finding-shift.ts).
 */
export function portClashesOf(doc: ComposeDoc): Map<string, string> {
  const found = portClashes(doc);
  let clashes = clashTexts.get(found);
  if (clashes) return clashes;
  clashes = new Map<string, string>();
  const lineIn = ({ range, keyLine }: Binding): string => (range ? String(range.start.line - (keyLine ?? 0)) : '-');
  for (const one of found) {
    const { binding, clash } = one;
    one.text ??= `${lineIn(binding)}:${binding.range?.start.character}>${clash.service}@${lineIn(clash)}`;
    const before = clashes.get(binding.service);
    clashes.set(binding.service, before === undefined ? one.text : `${before},${one.text}`);
  }
  clashTexts.set(found, clashes);
  return clashes;
}

/** `portClashesOf` per list of clashes (the same list across edits that change no service's ports). */
const clashTexts = new WeakMap<PortClash[], Map<string, string>>();

/** `portClashes` per document (its views share `allServices`). */
const clashesFor = new WeakMap<readonly ComposeService[], PortClash[]>();

interface PortClash {
  binding: Binding;
  /** The binding published first. */
  clash: Binding;
  /** Its part of `portClashesOf`, once made. */
  text?: string;
}

/** The clash found for each binding at the last edit: kept, with its text, while both bindings are (their services unchanged). */
const lastClash = new WeakMap<Binding, PortClash>();

function clashOf(binding: Binding, clash: Binding): PortClash {
  const known = lastClash.get(binding);
  if (known?.clash === clash) return known;
  const found = { binding, clash };
  lastClash.set(binding, found);
  return found;
}

/**
 * Each port written here that an earlier one (or one from another file) already publishes, with that one, in the
 * file's order. Kept across edits that change no service's bindings (compose-service-folds.ts): equal bindings
 * make the same clashes.
 */
function portClashes(doc: ComposeDoc): PortClash[] {
  return foldServices(doc, 'host-port-duplicate', (service) => ownBindings(doc, service), sameData, () => clashesIn(doc));
}

function ownBindings(doc: ComposeDoc, service: ComposeService): ServiceBindings {
  return doc.serviceMemo(service, 'host-port-duplicate', serviceBindings);
}

function clashesIn(doc: ComposeDoc): PortClash[] {
  let clashes = clashesFor.get(doc.allServices);
  if (clashes) return clashes;
  clashes = [];
  const { local, foreign } = bindingsOf(doc);
  const buckets = new Map<string, Binding[]>();
  const add = (binding: Binding): void => {
    for (const key of binding.keys) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(binding);
      else buckets.set(key, [binding]);
    }
  };
  foreign.forEach(add);
  for (const binding of local) {
    const clash = firstClash(binding, buckets);
    if (clash) clashes.push(clashOf(binding, clash));
    add(binding);
  }
  clashesFor.set(doc.allServices, clashes);
  return clashes;
}

/** The first binding in the buckets of the binding's ports (key by key) that shares its address. */
function firstClash(binding: Binding, buckets: ReadonlyMap<string, Binding[]>): Binding | undefined {
  for (const key of binding.keys) {
    const bucket = buckets.get(key);
    if (bucket) for (const other of bucket) if (sameAddress(other.mapping, binding.mapping)) return other;
  }
  return undefined;
}

/** Ports written here (with ranges) and, from the merged project, ports that come from other files. */
function bindingsOf(doc: ComposeDoc): { local: Binding[]; foreign: Binding[] } {
  const local: Binding[] = [];
  const foreign: Binding[] = [];
  const written: ServiceBindings[] = [];
  for (const service of doc.allServices) {
    const own = ownBindings(doc, service);
    written.push(own);
    for (const binding of own.local) local.push(binding);
  }
  const services = doc.project.model.services;
  if (!isPlainMap(services)) return { local, foreign };
  // The merged project lists this file's services in its order, unless other files add services before them:
  // found by position then, by name (in a map of hundreds) only otherwise.
  let byName: Map<string, ServiceBindings> | undefined;
  Object.keys(services).forEach((name, i) => {
    const service = doc.allServices[i] as ComposeService | undefined;
    const own = service?.name === name ? written[i] : (byName ??= new Map(doc.allServices.map((other, k) => [other.name, written[k]]))).get(name);
    for (const binding of own?.foreign ?? foreignBindings(name, services[name], [])) foreign.push(binding);
  });
  return { local, foreign };
}

interface ServiceBindings {
  local: Binding[];
  /** The service's ports in the merged project that this file does not write. */
  foreign: Binding[];
}

function serviceBindings(service: ComposeService): ServiceBindings {
  const local: Binding[] = [];
  const raws: string[] = [];
  for (const item of service.get('ports')?.items() ?? []) {
    const raw = item.toJS();
    raws.push(JSON.stringify(raw));
    const mapping = parsePortSpec(raw);
    if (!mapping?.published) continue;
    const range = item.kind === 'scalar' && mapping.publishedSpan ? item.subRange(...mapping.publishedSpan) : (item.get('published')?.range ?? item.range);
    // Kept here rather than looked up at each edit: it moves with the service, which then makes these bindings again.
    local.push({ service: service.name, mapping, keys: bucketKeys(mapping), range, keyLine: service.keyRange.start.line });
  }
  return { local, foreign: foreignBindings(service.name, service.effective, raws) };
}

/** Ports of a merged service other than those written here (`written`: JSON of each, matched once). */
function foreignBindings(name: string, service: unknown, written: readonly string[]): Binding[] {
  const ports = isPlainMap(service) && Array.isArray(service.ports) ? service.ports : [];
  const unmatched = [...written];
  const foreign: Binding[] = [];
  for (const raw of ports) {
    const index = unmatched.indexOf(JSON.stringify(raw));
    if (index >= 0) {
      unmatched.splice(index, 1);
      continue;
    }
    const mapping = parsePortSpec(raw);
    if (mapping?.published) foreign.push({ service: name, mapping, keys: bucketKeys(mapping) });
  }
  return foreign;
}

/** One key per host port and protocol; entries with variables only match the same text. */
function bucketKeys(mapping: PortMapping): string[] {
  const range = mapping.interpolated ? undefined : portRange(mapping.published);
  if (!range) return [`raw:${mapping.hostIp ?? ''}|${mapping.published ?? ''}|${mapping.protocol}`];
  const keys: string[] = [];
  for (let port = range[0]; port <= range[1] && keys.length < MAX_PORTS_PER_BINDING; port++) keys.push(`${mapping.protocol}/${port}`);
  return keys;
}

/** All-interfaces bindings clash with any address; specific addresses only with themselves. */
function sameAddress(a: PortMapping, b: PortMapping): boolean {
  if (a.interpolated || b.interpolated) return true; // same raw key already
  return bindsAllInterfaces(a.hostIp) || bindsAllInterfaces(b.hostIp) || a.hostIp?.toLowerCase() === b.hostIp?.toLowerCase();
}
