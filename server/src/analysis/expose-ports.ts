/** One EXPOSE argument taken apart: `8080`, `8080/udp`, `8000-8010/tcp`, `${PORT}`. */
export interface ExposedPort {
  /** Port numbers as written; null where a variable stands. */
  start: number | null;
  end: number | null;
  protocol: string | null;
  /** Why the argument is not a valid port spec, or null. Host mappings (`80:80`) are not judged here. */
  problem: 'malformed' | 'outOfRange' | null;
  hostMapping: boolean;
}

const PROTOCOLS = /^(tcp|udp|sctp)$/i;

export function parseExposedPort(value: string): ExposedPort {
  const slash = value.lastIndexOf('/');
  const portText = slash >= 0 ? value.slice(0, slash) : value;
  const protocol = slash >= 0 ? value.slice(slash + 1) : null;
  const result: ExposedPort = { start: null, end: null, protocol, problem: null, hostMapping: portText.includes(':') };
  if (result.hostMapping) return result;
  const parts = portText.split('-');
  const numbers = parts.map((part) => (part.includes('$') ? null : /^\d+$/.test(part) ? Number(part) : Number.NaN));
  if (parts.length > 2 || numbers.some((n) => Number.isNaN(n)) || (protocol !== null && !protocol.includes('$') && !PROTOCOLS.test(protocol))) {
    return { ...result, problem: 'malformed' };
  }
  result.start = numbers[0];
  result.end = numbers.length === 2 ? numbers[1] : numbers[0];
  if (numbers.some((n) => n !== null && n > 65535)) result.problem = 'outOfRange';
  else if (result.start !== null && result.end !== null && result.start > result.end) result.problem = 'malformed';
  return result;
}

/** Whether a literal port or range includes the given port. */
export function exposesPort(port: ExposedPort, wanted: number): boolean {
  return port.start !== null && port.end !== null && port.start <= wanted && wanted <= port.end;
}
