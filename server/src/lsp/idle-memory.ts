import { setFlagsFromString } from 'node:v8';

/** Options of IdleMemoryRelease; the defaults are what the server uses. */
export interface IdleMemoryOptions {
  /** Quiet time (no change, no publish) before memory is given back. */
  delayMs: number;
  /** Time after the first diagnostics of an opened document before the garbage of its first analysis is collected. */
  afterOpenMs: number;
  /** Diagnostics published this long after an open are not its first ones (a document that is not linted publishes none). */
  openWindowMs: number;
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
export const IDLE_MEMORY_DEFAULTS: IdleMemoryOptions = { delayMs: 1000, afterOpenMs: 100, openWindowMs: 5000, minGrowthBytes: 8 * MB, maxLiveBytes: 128 * MB };

/** The V8 heap, in bytes: what its objects take, and the pages it holds for them. */
export interface HeapFigures {
  used: number;
  committed: number;
}

/** Both figures from one `process.memoryUsage()` (which also reads the resident size from the system). */
function processHeap(): HeapFigures {
  const { heapUsed, heapTotal } = process.memoryUsage();
  return { used: heapUsed, committed: heapTotal };
}

/** The full collections the server may run (`exposedGc`). */
export interface Collectors {
  /** Also moves live objects off sparse pages, which are then unmapped: gives memory back, and pauses longer. */
  compacting(): void;
  /** Frees garbage only. */
  plain(): void;
}

/**
 * Runs full collections at moments that keep them away from typing.
 * - Once the server goes quiet, it gives memory back: linting a big file grows V8's heap, and V8
 *   keeps the pages it grew into until its own memory reducer runs, 8-10 s after the last full
 *   collection. After `delayMs` without activity, when the heap holds `minGrowthBytes` of pages more
 *   than the last collection kept live, this runs a compacting one.
 * - Shortly after an opened document's first diagnostics: that first whole analysis leaves megabytes
 *   of garbage in the old generation, and V8 would otherwise collect it with an incremental marking
 *   that runs during the next edits (on the bench's Compose file: 10 ms of marking steps, and one
 *   edit of 25-45 ms, some 30-50 edits into typing). Collected at once, the next full collection is
 *   well over a hundred edits away.
 * Without `--expose-gc` (client/src/server-flags.ts) there is no collection to call, and this does nothing.
 */
export class IdleMemoryRelease {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private afterOpenTimer: ReturnType<typeof setTimeout> | undefined;
  /** When a document was last opened whose first diagnostics are not published yet (Date.now()). */
  private openedAt: number | undefined;
  /** Heap used after the last collection this ran (at first, when it was made), or lower when V8 got there itself. */
  private baseline: number;
  /** Collections run so far (tests, logs). */
  releases = 0;

  constructor(
    private readonly collectors: Collectors | undefined,
    private readonly options: IdleMemoryOptions = IDLE_MEMORY_DEFAULTS,
    private readonly heap: () => HeapFigures = processHeap,
  ) {
    this.baseline = heap().used;
  }

  /** Something happened (a change, a publish): wait for quiet again. */
  activity(): void {
    if (!this.collectors) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = unref(setTimeout(() => {
      this.timer = undefined;
      this.collectIfGrown(true);
    }, this.options.delayMs));
  }

  /** A document was opened: its first analysis is a whole one. */
  opened(): void {
    if (this.collectors) this.openedAt = Date.now();
  }

  /** Diagnostics were published: the first ones after an open start the short wait (later edits do not delay it). */
  published(): void {
    if (this.openedAt === undefined) return;
    const sinceOpen = Date.now() - this.openedAt;
    this.openedAt = undefined;
    // Long after the open (a plain YAML file that is not Compose publishes nothing): an edit's, while typing.
    if (sinceOpen > this.options.openWindowMs) return;
    if (this.afterOpenTimer) clearTimeout(this.afterOpenTimer);
    this.afterOpenTimer = unref(setTimeout(() => {
      this.afterOpenTimer = undefined;
      this.collectIfGrown(false);
    }, this.options.afterOpenMs));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.afterOpenTimer) clearTimeout(this.afterOpenTimer);
    this.timer = undefined;
    this.afterOpenTimer = undefined;
  }

  private collectIfGrown(compact: boolean): void {
    const { used, committed } = this.heap();
    // The baseline is the heap the last collection kept: about what is live. V8's own collections lower
    // the heap too (a big file closed, then its reducer ran): the lowest heap seen is nearer the truth.
    this.baseline = Math.min(this.baseline, used);
    // A compacting collection gives back the pages the heap holds beyond what is live, garbage or not: V8
    // grows its pages while edits come even when little of the garbage is left in them. A plain one frees garbage.
    const reclaimable = (compact ? Math.max(used, committed) : used) - this.baseline;
    if (!this.collectors || reclaimable < this.options.minGrowthBytes || this.baseline > this.options.maxLiveBytes) return;
    if (compact) this.collectors.compacting();
    else this.collectors.plain();
    this.releases++;
    this.baseline = this.heap().used;
  }
}

/** A pending collection must not keep a server alive whose connection closed. */
function unref(timer: ReturnType<typeof setTimeout>): ReturnType<typeof setTimeout> {
  timer.unref?.();
  return timer;
}

/**
 * The `gc` function Node exposes under `--expose-gc`, if it does. The compacting collection switches
 * compaction on for itself only: V8's own full collections while the user types stay as short as V8
 * makes them (a 300-service Compose file: 1-3 ms against 10-30 ms when every full collection compacts).
 */
export function exposedGc(): Collectors | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') return undefined;
  return {
    plain: () => (gc as () => void)(),
    compacting: () => {
      setFlagsFromString('--compact-on-every-full-gc');
      try {
        (gc as () => void)();
      } finally {
        setFlagsFromString('--no-compact-on-every-full-gc');
      }
    },
  };
}
