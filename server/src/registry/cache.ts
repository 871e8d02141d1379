interface Entry<T> {
  expires: number;
  promise: Promise<T>;
  /** Set once the promise has resolved, for cache-only peeks. */
  settled?: { value: T };
}

/**
 * Look-ups kept for a while, in memory: concurrent requests for one key share one promise, and a
 * failed look-up is forgotten at once so that the next request tries again.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const existing = this.entries.get(key);
    if (existing && existing.expires > this.now()) return existing.promise;
    const entry: Entry<T> = { expires: this.now() + ttlMs, promise: load() };
    entry.promise.then((value) => { entry.settled = { value }; }, () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.set(key, entry);
    return entry.promise;
  }

  /** The value when it is cached, fresh and resolved; never starts a look-up. */
  peek(key: string): T | undefined {
    const entry = this.entries.get(key);
    return entry && entry.expires > this.now() ? entry.settled?.value : undefined;
  }

  /** Replaces the expiry of a cached entry (tokens say how long they live only once fetched). */
  expireAt(key: string, expires: number): void {
    const entry = this.entries.get(key);
    if (entry) entry.expires = expires;
  }

  clear(): void {
    this.entries.clear();
  }
}
