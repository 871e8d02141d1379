import { setFlagsFromString } from 'node:v8';

/** Options of IdleMemoryRelease; the defaults are what the server uses. */
export interface IdleMemoryOptions {
  /** Quiet time (no change, no publish) before memory is given back. */
  delayMs: number;
  /** Heap growth since the last release below which a collection is not worth its pause. */
  minGrowthBytes: number;
  /**
   * Live heaps (what the last collection kept) above this are left to V8's own memory reducer, which
   * marks incrementally: a full collection's pause grows with the live heap (about 40 ms for 30 MB live
   * on this machine), and a keystroke during the pause would wait for it. Garbage costs little.
   */
  maxLiveBytes: number;
}

const MB = 1024 * 1024;
export const IDLE_MEMORY_DEFAULTS: IdleMemoryOptions = { delayMs: 1000, minGrowthBytes: 8 * MB, maxLiveBytes: 128 * MB };

/**
 * Gives memory back once the server goes quiet. Linting a big file grows V8's heap, and V8 keeps the
 * pages it grew into until its own memory reducer runs, 8-10 s after the last full collection. After
 * `delayMs` without activity, when the heap grew by `minGrowthBytes` since the last release, this runs
 * one compacting full collection (`exposedGc`). Without `--expose-gc` (client/src/server-flags.ts)
 * there is no collection to call, and this does nothing.
 */
export class IdleMemoryRelease {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Heap used after the last collection this ran (at first, when it was made), or lower when V8 got there itself. */
  private baseline: number;
  /** Collections run so far (tests, logs). */
  releases = 0;

  constructor(
    private readonly collect: (() => void) | undefined,
    private readonly options: IdleMemoryOptions = IDLE_MEMORY_DEFAULTS,
    private readonly heapUsed: () => number = () => process.memoryUsage().heapUsed,
  ) {
    this.baseline = heapUsed();
  }

  /** Something happened (a change, a publish): wait for quiet again. */
  activity(): void {
    if (!this.collect) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.release(), this.options.delayMs);
    // Pending release must not keep a server alive whose connection closed.
    this.timer.unref?.();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private release(): void {
    this.timer = undefined;
    const used = this.heapUsed();
    // The baseline is the heap the last collection kept: about what is live. V8's own collections lower
    // the heap too (a big file closed, then its reducer ran): the lowest heap seen is nearer the truth.
    this.baseline = Math.min(this.baseline, used);
    if (!this.collect || used - this.baseline < this.options.minGrowthBytes || this.baseline > this.options.maxLiveBytes) return;
    this.collect();
    this.releases++;
    this.baseline = this.heapUsed();
  }
}

/**
 * The `gc` function Node exposes under `--expose-gc`, if it does, as one compacting collection: live
 * objects move off sparse pages, which are then unmapped (a plain full collection frees the objects
 * but keeps most pages). Compaction is switched on for this collection only: V8's own full
 * collections while the user types stay as short as V8 makes them (a 300-service Compose file: 1-3 ms
 * against 10-30 ms when every full collection compacts).
 */
export function exposedGc(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') return undefined;
  return () => {
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      (gc as () => void)();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}
