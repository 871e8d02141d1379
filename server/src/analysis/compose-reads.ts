/**
 * Which top-level keys of which services the code running now reads, through `service.effective`
 * or the service's node (`get`, `entries`...). The incremental analyzer records this while it
 * re-checks services, so that an edit of an anchor a service merges keeps the service's findings
 * when none of the keys they read changed. Outside a recording nothing is noted.
 */

/** Stands for every key of a service (its entries were listed, or its whole value read). */
export const ALL_KEYS = '*';

/** Service name -> keys read. */
export type Reads = Map<string, Set<string>>;

let current: Reads | undefined;

/**
 * Runs `work` while recording what it reads; what it reads is also noted in any recording around it.
 * `work` gets `arg`: a caller that records rarely but is called often passes a function and its
 * argument, as a closure over its own parameters would cost it a context at every call.
 */
export function recordReads<T, A = undefined>(work: (arg: A) => T, arg?: A): { result: T; reads: Reads } {
  const outer = current;
  const reads: Reads = new Map();
  current = reads;
  try {
    return { result: work(arg as A), reads };
  } finally {
    current = outer;
    if (outer) for (const [service, keys] of reads) for (const key of keys) noteRead(service, key);
  }
}

/** Whether reads are being recorded (only then are they worth noting). */
export function recordingReads(): boolean {
  return current !== undefined;
}

export function noteRead(service: string, key: string): void {
  if (!current) return;
  let keys = current.get(service);
  if (!keys) {
    keys = new Set();
    current.set(service, keys);
  }
  keys.add(key);
}

/** A recording proxy of a service's settings: every property read is noted as a key read. */
export function recordedSettings<T extends object>(service: string, settings: T): T {
  return new Proxy(settings, {
    get(target, property, receiver) {
      if (typeof property === 'string') noteRead(service, property);
      return Reflect.get(target, property, receiver) as unknown;
    },
    has(target, property) {
      if (typeof property === 'string') noteRead(service, property);
      return Reflect.has(target, property);
    },
    ownKeys(target) {
      noteRead(service, ALL_KEYS);
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, property) {
      if (typeof property === 'string') noteRead(service, property);
      return Reflect.getOwnPropertyDescriptor(target, property);
    },
  });
}
