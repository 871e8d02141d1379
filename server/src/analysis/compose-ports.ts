import { isInterpolated, maskInterpolation } from './interpolation';

/** One entry of a service's `ports:`, short (`"127.0.0.1:8080:80/udp"`) or long (`{target, published, host_ip}`) syntax. */
export interface PortMapping {
  /** Host address as written, without IPv6 brackets; undefined binds all interfaces. */
  hostIp?: string;
  /** Host port or range as written (`8080`, `8000-8010`); undefined when Docker picks a free port. */
  published?: string;
  /** Container port or range. */
  target?: string;
  protocol: string;
  /** Offsets of each part in the short-syntax string (for precise ranges). */
  hostIpSpan?: [number, number];
  publishedSpan?: [number, number];
  targetSpan?: [number, number];
  /** True when any part holds `$VAR`: compare such entries only by their raw text. */
  interpolated: boolean;
}

/** Parses one `ports:` entry; undefined when it is neither a string, a number nor a mapping. */
export function parsePortSpec(entry: unknown): PortMapping | undefined {
  if (typeof entry === 'number') return { target: String(entry), protocol: 'tcp', interpolated: false };
  if (typeof entry === 'string') return parseShortPort(entry);
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const long = entry as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  const mapping: PortMapping = {
    hostIp: text(long.host_ip), published: text(long.published), target: text(long.target),
    protocol: text(long.protocol)?.toLowerCase() ?? 'tcp', interpolated: false,
  };
  mapping.interpolated = [mapping.hostIp, mapping.published, mapping.target, mapping.protocol].some(isInterpolated);
  return mapping;
}

function parseShortPort(spec: string): PortMapping {
  // Colons and slashes inside `${VAR:-default}` do not separate fields.
  const masked = maskInterpolation(spec);
  const slash = masked.lastIndexOf('/');
  const end = slash < 0 ? spec.length : slash;
  const protocol = slash < 0 ? 'tcp' : spec.slice(slash + 1).toLowerCase();
  const mapping: PortMapping = { protocol, interpolated: isInterpolated(spec) };
  let rest = 0;
  if (masked.startsWith('[')) {
    const close = masked.indexOf(']');
    if (close > 0) {
      mapping.hostIp = spec.slice(1, close);
      mapping.hostIpSpan = [1, close];
      rest = masked[close + 1] === ':' ? close + 2 : close + 1;
    }
  }
  const lastColon = masked.lastIndexOf(':', end - 1);
  if (lastColon < rest) {
    mapping.target = spec.slice(rest, end);
    mapping.targetSpan = [rest, end];
    return mapping;
  }
  mapping.target = spec.slice(lastColon + 1, end);
  mapping.targetSpan = [lastColon + 1, end];
  const hostColon = mapping.hostIp === undefined ? masked.lastIndexOf(':', lastColon - 1) : -1;
  const publishedStart = hostColon >= rest ? hostColon + 1 : rest;
  if (hostColon >= rest) {
    mapping.hostIp = spec.slice(rest, hostColon);
    mapping.hostIpSpan = [rest, hostColon];
  }
  if (lastColon > publishedStart) {
    mapping.published = spec.slice(publishedStart, lastColon);
    mapping.publishedSpan = [publishedStart, lastColon];
  }
  return mapping;
}

/** `8080` -> [8080, 8080], `8000-8010` -> [8000, 8010]; undefined for anything else (variables, garbage). */
export function portRange(text: string | undefined): [number, number] | undefined {
  const match = text === undefined ? null : /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= high && high <= 65535 ? [low, high] : undefined;
}

/** True for host addresses that mean every interface (none written, `0.0.0.0`, `::`). */
export function bindsAllInterfaces(hostIp: string | undefined): boolean {
  return hostIp === undefined || hostIp === '' || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '[::]';
}
