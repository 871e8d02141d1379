/**
 * The ports field of Run Container: `8080:80, 127.0.0.1:9000:9000/udp, 3000` as typed, to and from
 * PortMapping. Without an address, ports are published on 127.0.0.1 (this machine only); write
 * `0.0.0.0:8080:80` to publish on every interface.
 */
import { DEFAULT_HOST_IP, type PortMapping } from '../engine/run-args';
import type { ExposedPortInfo } from './dockerfile-info';

export type PortListResult = { ok: true; ports: PortMapping[] } | { ok: false; problem: string };

const ENTRY = /^(?:(?:(\d{1,3}(?:\.\d{1,3}){3})|\[([0-9a-fA-F:]+)\]):)?(?:(\d{1,5}):)?(\d{1,5})(?:\/(tcp|udp|sctp))?$/i;

export function parsePortList(text: string): PortListResult {
  const ports: PortMapping[] = [];
  for (const raw of text.split(/[,\s]+/)) {
    if (raw === '') continue;
    const match = ENTRY.exec(raw);
    if (!match) return { ok: false, problem: `"${raw}" is not host:container, address:host:container or container (optionally /tcp, /udp, /sctp).` };
    const container = Number(match[4]);
    const host = match[3] === undefined ? undefined : Number(match[3]);
    if (container < 1 || container > 65535 || (host !== undefined && host > 65535)) return { ok: false, problem: `"${raw}": ports go from 1 to 65535.` };
    const mapping: PortMapping = { container, hostIp: match[1] ?? match[2] ?? DEFAULT_HOST_IP };
    if (host) mapping.host = host;
    if (match[5]) mapping.protocol = match[5].toLowerCase() as PortMapping['protocol'];
    ports.push(mapping);
  }
  return { ok: true, ports };
}

/** The field's initial text from EXPOSE: the same port on the host, on 127.0.0.1. */
export function portListFromExposed(exposed: readonly (ExposedPortInfo | string)[]): string {
  return exposed.map((entry) => {
    const { port, protocol } = typeof entry === 'string' ? splitExposed(entry) : entry;
    return `${port}:${port}${protocol === 'tcp' ? '' : `/${protocol}`}`;
  }).join(', ');
}

/** `8080/tcp` as image inspect prints EXPOSE. */
function splitExposed(text: string): ExposedPortInfo {
  const [port, protocol] = text.split('/');
  return { port: Number(port), protocol: (protocol ?? 'tcp') as ExposedPortInfo['protocol'] };
}
