// `npm run bench`: editor latency, cold start, memory, batch throughput and scaling, side by side with
// the peers in one run. Prints a table, saves JSON to bench-results/ and the summary to docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { prepareCorpus, runBatch, runEngines, type BatchResult } from './batch';
import { bigCompose, bigDockerfile } from './generate';
import { coldStart, OUR_SERVER, PEER_SERVER, summarize, timeEdits, type ColdStart, type EditSession, type LatencyRun, type Matching } from './latency';
import { BenchClient, type ServerSpec } from './lsp-client';
import { renderMarkdown, renderTables } from './report';
import { runScaling, type ScalingPoint } from './scaling';
import { median } from './stats';

const ROOT = join(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
/** `-- --latency`: only the editor latency of our server (debounce 0) and the peer, printed, nothing saved. */
const latencyOnly = process.argv.includes('--latency');

/** Everything one run measured; saved as JSON and rendered as tables. */
export interface BenchReport {
  date: string;
  command: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; ramGb: number; node: string; platform: string; loadBefore: number[]; loadAfter: number[]; commit: string };
  settings: { latencyRuns: number; edits: number; warmupEdits?: number; dockerfileInstructions: number; composeServices: number; coldRuns: number; batchRepeat: number; perFileSample: number };
  latency: LatencyResult[];
  cold: { server: string; result: ColdStart }[];
  batch: BatchResult[];
  engines: BatchResult[];
  scaling: ScalingPoint[];
}

export interface LatencyResult {
  server: string;
  file: 'dockerfile' | 'compose';
  runs: LatencyRun[];
  /** Median over runs of each run's p50 and p99 (ms). */
  p50: number;
  p99: number;
  /** p99 over all edits of all runs together. */
  pooledP99: number;
  /** p50 and p99 over the warm-up edits of all runs together (the first edits after start). */
  warmupP50?: number;
  warmupP99?: number;
  /** Median server memory right after the run's last edit (MB). */
  rssMb: number;
  /** Median server memory once the server was left idle for IDLE_MS after the last edit (MB). */
  idleRssMb: number;
  peakMb: number;
  pending?: string;
}

/** How long the server is left alone after the last edit before its memory is read again. */
const IDLE_MS = 3000;

const SETTINGS = quick
  ? { latencyRuns: 1, edits: 10, warmupEdits: 5, dockerfileInstructions: 1000, composeServices: 300, coldRuns: 3, batchRepeat: 1, perFileSample: 10 }
  : { latencyRuns: 5, edits: 50, warmupEdits: 20, dockerfileInstructions: 1000, composeServices: 300, coldRuns: 10, batchRepeat: 3, perFileSample: 100 };

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    // Re-renders docs/benchmarks.md from the last full run (after editing the notes in report.ts).
    const last = JSON.parse(readFileSync(join(ROOT, 'bench-results', 'latest.json'), 'utf8')) as BenchReport;
    if (last.quick) throw new Error('bench-results/latest.json is a --quick run; run `npm run bench` first');
    writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), renderMarkdown(last));
    log('rendered docs/benchmarks.md from bench-results/latest.json');
    return;
  }
  const loadBefore = loadavg();
  const dockerfileText = bigDockerfile(SETTINGS.dockerfileInstructions);
  const composeText = bigCompose(SETTINGS.composeServices);
  const edits = { edits: SETTINGS.edits, warmupEdits: SETTINGS.warmupEdits };
  const sessions = { dockerfile: { languageId: 'dockerfile', text: dockerfileText, ...edits }, compose: { languageId: 'dockercompose', text: composeText, ...edits } };
  if (latencyOnly) {
    const rows = [...await latencyOf(OUR_SERVER(0), 'version', sessions, true, SETTINGS.latencyRuns), ...await latencyOf(PEER_SERVER, 'next-publish', sessions, false, SETTINGS.latencyRuns)];
    for (const row of rows) process.stdout.write(`${row.server.padEnd(36)} ${row.file.padEnd(10)} p50 ${row.p50.toFixed(1).padStart(5)}  p99 ${row.p99.toFixed(1).padStart(5)}  pooled p99 ${row.pooledP99.toFixed(1).padStart(5)}  RSS ${row.rssMb.toFixed(0)} MB, idle ${row.idleRssMb.toFixed(0)} MB\n`);
    process.stdout.write(`load average before / after: ${loadBefore.map((x) => x.toFixed(2)).join(', ')} / ${loadavg().map((x) => x.toFixed(2)).join(', ')}\n`);
    return;
  }

  log('scaling (in process)');
  const scaling = runScaling(quick ? [1, 10, 100] : [1, 10, 100, 1000], quick ? 300 : 2000);

  log('editor latency');
  const latency: LatencyResult[] = [];
  latency.push(...await latencyOf(OUR_SERVER(0), 'version', sessions, true, SETTINGS.latencyRuns));
  latency.push(...await latencyOf(PEER_SERVER, 'next-publish', sessions, false, SETTINGS.latencyRuns));
  latency.push(...await latencyOf(OUR_SERVER(), 'version', sessions, true, Math.max(1, Math.ceil(SETTINGS.latencyRuns / 2))));

  log('cold start');
  const small = smallDockerfile(30);
  const cold = [
    { server: OUR_SERVER(0).name, result: await coldStart(OUR_SERVER(0), small, SETTINGS.coldRuns, 'version') },
    { server: OUR_SERVER().name, result: await coldStart(OUR_SERVER(), small, SETTINGS.coldRuns, 'version') },
    { server: PEER_SERVER.name, result: await coldStart(PEER_SERVER, small, SETTINGS.coldRuns, 'next-publish') },
  ];

  log('batch: corpus');
  const corpus = prepareCorpus(quick ? 200 : 2000, quick ? 50 : 500);
  log(`batch: ${corpus.dockerfiles.length} Dockerfiles, ${corpus.composeFiles.length} Compose files: engines in one process`);
  const engines = runEngines(corpus, SETTINGS.batchRepeat);
  log('batch: CLIs');
  const batch = runBatch(corpus, SETTINGS.batchRepeat, SETTINGS.perFileSample, new Map(engines.map((row) => [row.tool, row.crashedFiles ?? []])));

  const report: BenchReport = {
    date: new Date().toISOString(),
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    quick,
    machine: {
      cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? 'unknown', ramGb: totalmem() / 1024 ** 3, node: process.version,
      platform: `${process.platform} ${process.arch}`, loadBefore, loadAfter: loadavg(), commit: commit(),
    },
    settings: SETTINGS,
    latency, cold, batch, engines, scaling,
  };
  const results = join(ROOT, 'bench-results');
  mkdirSync(results, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  writeFileSync(join(results, `bench-${report.date.replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(join(results, 'latest.json'), json);
  process.stdout.write(`\n${renderTables(report)}\n`);
  if (!quick) writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), renderMarkdown(report));
  log(`saved bench-results/latest.json${quick ? '' : ' and docs/benchmarks.md'}`);
}

/** One file's timed runs of one server, its warm-up edits pooled, or why it published nothing. */
interface FileRuns {
  runs: LatencyRun[];
  warmup: number[];
  pending?: string;
}

async function latencyOf(spec: ServerSpec, matching: Matching, sessions: Record<'dockerfile' | 'compose', EditSession>, withCompose: boolean, runs: number): Promise<LatencyResult[]> {
  log(`  ${spec.name}: ${runs} run(s)`);
  const files = withCompose ? (['dockerfile', 'compose'] as const) : (['dockerfile'] as const);
  const perFile = new Map<string, FileRuns>(files.map((file) => [file, { runs: [], warmup: [] }]));
  const memory: { rssMb: number; idleRssMb: number; peakMb: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const client = await BenchClient.start(spec);
    try {
      for (const file of files) {
        const entry = perFile.get(file) as FileRuns;
        const uri = `file:///bench/run-${run}/${file === 'dockerfile' ? 'Dockerfile' : 'compose.yaml'}`;
        const timed = await timeEdits(client, uri, sessions[file], matching);
        if (timed) {
          entry.runs.push(summarize(timed.samples));
          entry.warmup.push(...timed.warmup);
        }
        else entry.pending = `${spec.name} published no diagnostics for ${sessions[file].languageId}`;
      }
      const mem = client.memory();
      // An editor is mostly idle between bursts of typing: what the server keeps then is its footprint.
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      const idle = client.memory();
      if (mem && idle) memory.push({ ...mem, idleRssMb: idle.rssMb });
    } finally {
      await client.stop();
    }
  }
  return files.map((file) => {
    const entry = perFile.get(file) as FileRuns;
    const warmup = entry.warmup.length > 0 ? summarize(entry.warmup) : undefined;
    return {
      server: spec.name, file, runs: entry.runs,
      p50: median(entry.runs.map((r) => r.p50)), p99: median(entry.runs.map((r) => r.p99)),
      pooledP99: summarize(entry.runs.flatMap((r) => r.samples)).p99,
      ...(warmup ? { warmupP50: warmup.p50, warmupP99: warmup.p99 } : {}),
      rssMb: median(memory.map((m) => m.rssMb)), idleRssMb: median(memory.map((m) => m.idleRssMb)), peakMb: median(memory.map((m) => m.peakMb)),
      ...(entry.pending ? { pending: entry.pending } : {}),
    };
  });
}

/** A realistic Dockerfile of about `lines` lines, for cold start. */
function smallDockerfile(lines: number): string {
  const instructions = bigDockerfile(200, 3).split(/\n(?=[A-Z])/);
  let text = '';
  for (const instruction of instructions) {
    if (text.split('\n').length > lines) break;
    text += `${instruction}\n`;
  }
  return text;
}

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${hash} + uncommitted changes` : hash;
  } catch {
    return 'unknown';
  }
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
