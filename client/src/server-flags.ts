/**
 * Node flags the client starts the language server with (the benchmark starts it the same way).
 * - `--max-semi-space-size=2` caps V8's young generation at 2 MB per semi-space (Node 20 grows it to
 *   16 MB under the allocation rate of linting big files): measured with a 1,000-instruction Dockerfile
 *   and a 300-service Compose file open and edited, resident memory 130 -> 116 MB, while the edit
 *   latency stayed the same or got lower (shorter young-generation collections).
 * - `--expose-gc` lets the server run one compacting full collection when it goes quiet
 *   (server/src/lsp/idle-memory.ts): after those files, resident memory falls to about 89 MB a second
 *   after the last edit, where V8 alone waits 8-10 s. (The server used to start with
 *   `--compact-on-every-full-gc` for that; it made V8's own full collections during typing 10-30 ms
 *   long, so compaction is now switched on for the idle collection only.)
 * - `--v8-pool-size=1 --single-threaded-gc`: one V8 worker thread instead of four, and collections on the
 *   server's own thread. The editor, the extension host and the server share the CPUs; V8's helpers
 *   competing for them made some collections wait for a helper (pauses of 5-10 ms of which 1 ms was
 *   collecting). Interleaved runs on 2 CPUs, 12 each, bench files: Dockerfile p50 / p99 3.8 / 14.0 ->
 *   3.1 / 11.8 ms, Compose 6.5 / 16.2 -> 6.1 / 11.2 ms. (`--single-threaded`, which also compiles on
 *   the server's thread: p99 30-35 ms.)
 * `--optimize-for-size` reaches about 95 MB during the edits too, but Compose edits get slower (p99
 * about 40 ms against about 25).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--expose-gc', '--v8-pool-size=1', '--single-threaded-gc'];

/** Those of the flags that are Node's own options, not V8's. */
const NODE_OPTIONS = new Set(['--v8-pool-size']);

/**
 * The flags for the runtime that will start the server (VS Code's Electron, or Node): a Node option the
 * runtime does not know would stop the server before it runs, so those are passed only when the runtime
 * lists them (`process.allowedNodeEnvironmentFlags` of the extension host, the same binary).
 */
export function serverNodeFlags(allowed: ReadonlySet<string> = process.allowedNodeEnvironmentFlags): string[] {
  return SERVER_NODE_FLAGS.filter((flag) => {
    const name = flag.split('=')[0];
    return !NODE_OPTIONS.has(name) || allowed.has(name);
  });
}

/**
 * The `initializationOptions` the client starts the language server with (the benchmark too):
 * `compactDiagnostics` leaves each diagnostic's source and rule link to the client, which adds them
 * back (client/src/diagnostic-links.ts).
 */
export const SERVER_INIT_OPTIONS: Readonly<{ compactDiagnostics: true }> = Object.freeze({ compactDiagnostics: true });

/**
 * Environment the client adds for the language server process: glibc's allocator (Linux) with one arena
 * and fixed thresholds. By default glibc gives each of V8's worker threads an arena of its own, and raises
 * its mmap threshold after each big block freed, so the buffers of big publishes end up in the heap it
 * keeps. Measured with the bench's 1,000-instruction Dockerfile and 300-service Compose file, 2 runs each:
 * resident memory at the last edit 101-104 -> 93-95 MB, 3 s later 87-89 -> 79-80 MB, latency within noise.
 * Other C libraries and platforms ignore these names.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = Object.freeze({
  MALLOC_ARENA_MAX: '1',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
});
