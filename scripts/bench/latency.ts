// Editor latency: time from didChange to the diagnostics for that change, and cold start.
import { join } from 'node:path';
import type { CodeDescription, Diagnostic, Range } from 'vscode-languageserver-protocol/node';
import { SERVER_ENV, SERVER_INIT_OPTIONS, SERVER_NODE_FLAGS } from '../../client/src/server-flags';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl } from '../../server/src/rules/docs-url';
import { BenchClient, type ServerSpec } from './lsp-client';
import { median, percentile } from './stats';

const ROOT = join(__dirname, '..', '..');
const TIMEOUT_MS = 30_000;

export const OUR_SERVER = (debounceMs?: number): ServerSpec => ({
  name: debounceMs === undefined ? 'container-hygiene (default debounce)' : `container-hygiene (debounce ${debounceMs} ms)`,
  command: process.execPath,
  // Started as the VS Code client starts it (client/src/server-flags.ts), and its diagnostics completed as that client does.
  args: [...SERVER_NODE_FLAGS, join(ROOT, 'dist', 'server.js'), '--stdio'],
  env: SERVER_ENV,
  initializationOptions: { ...SERVER_INIT_OPTIONS, ...(debounceMs === undefined ? {} : { debounceMs }) },
  completeDiagnostics: completedLikeTheExtension(),
});

/**
 * What the VS Code client does to each compact diagnostic it receives (client/src/diagnostic-links.ts): add
 * the source and the rule's link, one link per rule. The bench client does it before it takes the time.
 */
function completedLikeTheExtension(): (diagnostics: Diagnostic[]) => void {
  const links = new Map<string, CodeDescription>();
  return (diagnostics) => {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== undefined || typeof diagnostic.code !== 'string') continue;
      let link = links.get(diagnostic.code);
      if (!link) {
        link = { href: ruleDocsUrl(diagnostic.code) };
        links.set(diagnostic.code, link);
      }
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.codeDescription = link;
    }
  };
}

export const PEER_SERVER: ServerSpec = {
  name: 'dockerfile-language-server-nodejs',
  command: process.execPath,
  args: [join(ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'],
};

/** How a server's publish is matched to the change that caused it. */
export type Matching = 'version' | 'next-publish';

export interface EditSession {
  languageId: string;
  text: string;
  edits: number;
  /**
   * Edits made first and timed apart: a freshly started server compiles its code (JIT) during its
   * first edits, which an editor session pays once, not on every keystroke.
   */
  warmupEdits?: number;
}

export interface TimedEdits {
  /** Milliseconds from each measured didChange to its diagnostics. */
  samples: number[];
  /** The same for the warm-up edits before them. */
  warmup: number[];
}

/** Lines worth typing on: an instruction's first line in a Dockerfile, a `key: value` line in Compose. */
const EDITABLE: Record<string, RegExp> = {
  dockerfile: /^[A-Z]+ \S.*[^\\]$/,
  // A plain scalar (no quotes, brackets or comment): typed characters keep the YAML valid.
  dockercompose: /^\s+[\w-]+: [\w./$-][^"'#[\]]*$/,
};

export interface LatencyRun {
  /** Milliseconds from each didChange to its diagnostics. */
  samples: number[];
  p50: number;
  p99: number;
  /** Server memory after the session (MB). */
  rssMb?: number;
  peakMb?: number;
}

/**
 * Typing in the middle of the file: edits 2k and 2k+1 type "x" then "y" at the end of one line, on lines
 * spread over the whole document (the line count, and every later position, stays put). The text never
 * returns to an earlier state: the edits used to remove each "x" again, and an analyzer that keeps what
 * the previous edit replaced (the Compose one does, for backspace and undo) would get every second edit free.
 */
export function typingEdits(text: string, count: number, languageId: string): { range: Range; text: string }[] {
  const lines = text.split(/\r?\n/);
  const candidates = lines.map((line, index) => ({ line, index })).filter(({ line }) => EDITABLE[languageId].test(line));
  const lengths = new Map(candidates.map(({ line, index }) => [index, line.length]));
  const edits: { range: Range; text: string }[] = [];
  const type = (line: number, character: string): void => {
    const end = lengths.get(line) as number;
    edits.push({ range: { start: { line, character: end }, end: { line, character: end } }, text: character });
    lengths.set(line, end + 1);
  };
  for (let k = 0; edits.length < count; k++) {
    const target = candidates[Math.floor(((k * 0.618034) % 1) * candidates.length)];
    type(target.index, 'x');
    if (edits.length < count) type(target.index, 'y');
  }
  return edits;
}

/** Opens the document, waits for its first diagnostics, then times each edit. Undefined when the server never lints it. */
export async function timeEdits(client: BenchClient, uri: string, session: EditSession, matching: Matching): Promise<TimedEdits | undefined> {
  let mark = client.publishes.length;
  await client.open(uri, session.languageId, session.text, 1);
  const opened = await client.waitForPublish(uri, mark, (params) => matching === 'next-publish' || params.version === 1, TIMEOUT_MS);
  if (!opened) return undefined;
  const samples: number[] = [];
  const warmupEdits = session.warmupEdits ?? 0;
  let version = 1;
  for (const edit of typingEdits(session.text, warmupEdits + session.edits, session.languageId)) {
    version++;
    const expected = version;
    mark = client.publishes.length;
    const sent = await client.change(uri, expected, edit.range, edit.text);
    const published = await client.waitForPublish(uri, mark, (params) => matching === 'next-publish' || params.version === expected, TIMEOUT_MS);
    if (!published) throw new Error(`No diagnostics for version ${expected} of ${uri} within ${TIMEOUT_MS} ms`);
    samples.push(published.at - sent);
  }
  return { samples: samples.slice(warmupEdits), warmup: samples.slice(0, warmupEdits) };
}

export function summarize(samples: number[], memory?: { rssMb: number; peakMb: number }): LatencyRun {
  return { samples, p50: percentile(samples, 50), p99: percentile(samples, 99), ...(memory ?? {}) };
}

export interface ColdStart {
  /** Process spawn to the first diagnostics of a small Dockerfile (ms), one per run. */
  samples: number[];
  median: number;
  /** Memory right after (MB). */
  rssMb: number;
}

export async function coldStart(spec: ServerSpec, text: string, runs: number, matching: Matching): Promise<ColdStart> {
  const samples: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < runs; run++) {
    const client = await BenchClient.start(spec);
    const uri = `file:///bench/cold-${run}/Dockerfile`;
    await client.open(uri, 'dockerfile', text, 1);
    const published = await client.waitForPublish(uri, 0, (params) => matching === 'next-publish' || params.version === 1, TIMEOUT_MS);
    if (!published) throw new Error(`${spec.name} published nothing for a small Dockerfile`);
    samples.push(published.at - client.startedAt);
    rss.push(client.memory()?.rssMb ?? NaN);
    await client.stop();
  }
  return { samples, median: median(samples), rssMb: median(rss) };
}
