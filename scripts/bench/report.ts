// Renders a benchmark report as terminal tables and as docs/benchmarks.md.
import { SERVER_NODE_FLAGS } from '../../client/src/server-flags';
import type { BenchReport, LatencyResult } from './run';
import { unitName } from './scaling';
import { FINDINGS } from './findings';
import { fixed, median, ratio } from './stats';

type Table = { title: string; head: string[]; rows: string[][]; notes?: string[] };

const OURS = 'container-hygiene';

export function tables(report: BenchReport): Table[] {
  const oursDf = find(report.latency, 'debounce 0', 'dockerfile');
  const oursCompose = find(report.latency, 'debounce 0', 'compose');
  const peerDf = report.latency.find((row) => row.server.startsWith('dockerfile-language-server') && row.file === 'dockerfile');
  const latency: Table = {
    title: `Editor latency: didChange -> publishDiagnostics, ${report.settings.edits} edits x ${report.settings.latencyRuns} runs after ${report.settings.warmupEdits ?? 0} warm-up edits (ms)`,
    head: ['server', 'file', 'p50', 'p99', 'p99 all edits', `warm-up edits p50 / p99`, 'RSS at last edit / idle 3 s (MB)'],
    rows: report.latency.map((row) => [row.server, fileLabel(report, row.file), fixed(row.p50), fixed(row.p99), fixed(row.pooledP99),
      row.warmupP99 === undefined ? '' : `${fixed(row.warmupP50)} / ${fixed(row.warmupP99)}`, row.pending ? row.pending : `${fixed(row.rssMb, 0)} / ${fixed(row.idleRssMb, 0)}`]),
    notes: [
      `peer p99 / our p99 on the Dockerfile: ${ratio(peerDf?.p99, oursDf?.p99)} (p50: ${ratio(peerDf?.p50, oursDf?.p50)})`,
      'p50/p99 are the medians over runs of each run\'s percentiles; "p99 all edits" pools every edit of every run.',
      'Warm-up edits: the first edits after the server started, pooled over the runs (its code is still being compiled); they are left out of p50/p99.',
    ],
  };
  const peerCold = report.cold.find((row) => row.server.startsWith('dockerfile-language-server'));
  const oursCold = report.cold.find((row) => row.server.includes('debounce 0'));
  const cold: Table = {
    title: `Cold start: process spawn -> first diagnostics of a 30-line Dockerfile, ${report.settings.coldRuns} runs (ms)`,
    head: ['server', 'median', 'min', 'max', 'RSS (MB)'],
    rows: report.cold.map(({ server, result }) => [server, fixed(result.median, 0), fixed(Math.min(...result.samples), 0), fixed(Math.max(...result.samples), 0), fixed(result.rssMb, 0)]),
    notes: [`peer / ours (debounce 0): ${ratio(peerCold?.result.median, oursCold?.result.median)}`],
  };
  const batchTable = (title: string, rows: BenchReport['batch']): Table => ({
    title,
    head: ['tool', 'kind', 'files', 'median wall (s)', 'files/s', 'ours / tool'],
    rows: rows.map((row) => {
      const ours = rows.find((candidate) => candidate.tool === OURS && candidate.kind === row.kind);
      return [row.tool, row.kind, String(row.files), fixed(median(row.runsMs) / 1000, 2), fixed(row.filesPerSecond, 0),
        row.tool === OURS ? '' : ratio(ours?.filesPerSecond, row.filesPerSecond)];
    }),
    notes: rows.filter((row) => row.note || (row.filesReported !== undefined && row.filesReported !== row.files))
      .map((row) => `${row.tool} (${row.kind}): ${row.note ?? `reported ${row.filesReported} of ${row.files} files`}`),
  });
  const scaling: Table = {
    title: 'Scaling: analyze() time per file as the file grows (in process, median)',
    head: ['kind', 'size', 'units', 'KB', 'ms', 'ms/KB', 'ms/KB vs 1x', 'time vs previous size'],
    rows: report.scaling.map((point, i) => {
      const previous = report.scaling[i - 1];
      const growth = previous && previous.kind === point.kind ? `${(point.ms / previous.ms).toFixed(1)}x for ${(point.kb / previous.kb).toFixed(0)}x the KB` : '';
      return [point.kind, `${point.factor}x`, `${point.units} ${unitName(point.kind)}`, fixed(point.kb, 0), fixed(point.ms, 1), fixed(point.msPerKb, 3), `${point.perKbRatio.toFixed(2)}`, growth];
    }),
  };
  const goals: Table = {
    title: 'Goals (issue 6)',
    head: ['goal', 'measured', 'met'],
    rows: [
      goal('our Dockerfile p99 >= 3x lower than the peer\'s', ratio(peerDf?.p99, oursDf?.p99), !!(peerDf && oursDf && peerDf.p99 >= 3 * oursDf.p99)),
      goal('< 20 ms p99, Dockerfile of 1,000 instructions', `${fixed(oursDf?.p99)} ms`, !!oursDf && oursDf.p99 < 20),
      goal('< 20 ms p99, Compose file of 300 services', oursCompose?.pending ?? `${fixed(oursCompose?.p99)} ms`, !!oursCompose && !oursCompose.pending && oursCompose.p99 < 20),
      goal('cold start < 300 ms', `${fixed(oursCold?.result.median, 0)} ms`, !!oursCold && oursCold.result.median < 300),
      goal('RSS after the big files < 100 MB, idle 3 s after the last edit', `${fixed(oursCompose?.idleRssMb, 0)} MB`, (oursCompose?.idleRssMb ?? Infinity) < 100),
      goal('RSS after the big files < 100 MB, right at the last edit', `${fixed(oursCompose?.rssMb, 0)} MB`, (oursCompose?.rssMb ?? Infinity) < 100),
      composeGoal(report),
      goal('linear growth (ms/KB at 100x within 1.5x of 1x)', report.scaling.filter((p) => p.factor === 100).map((p) => `${p.kind} ${p.perKbRatio.toFixed(2)}`).join(', '),
        report.scaling.filter((p) => p.factor === 100).every((p) => p.perKbRatio <= 1.5)),
    ],
  };
  return [goals, latency, cold, batchTable('Batch linting with each tool\'s CLI (files per second)', report.batch),
    batchTable('Batch linting with each tool\'s API in one process (files per second, no process start-up)', report.engines), scaling];
}

function composeGoal(report: BenchReport): string[] {
  const pick = (rows: BenchReport['batch'], tool: string): BenchReport['batch'][number] | undefined => rows.find((row) => row.tool === tool && row.kind === 'compose');
  const cli = pick(report.batch, OURS);
  const cliOk = cli && !cli.note;
  const measured = `CLI ${cliOk ? ratio(cli.filesPerSecond, pick(report.batch, 'dclint')?.filesPerSecond) : 'pending'}, API ${ratio(pick(report.engines, OURS)?.filesPerSecond, pick(report.engines, 'dclint')?.filesPerSecond)}`;
  return goal('Compose batch >= 10x dclint', measured, !!cliOk && cli.filesPerSecond >= 10 * (pick(report.batch, 'dclint')?.filesPerSecond ?? Infinity));
}

function goal(name: string, measured: string, met: boolean): string[] {
  return [name, measured, met ? 'yes' : 'NO'];
}

function find(rows: LatencyResult[], server: string, file: LatencyResult['file']): LatencyResult | undefined {
  return rows.find((row) => row.server.includes(server) && row.file === file);
}

function fileLabel(report: BenchReport, file: LatencyResult['file']): string {
  return file === 'dockerfile' ? `Dockerfile, ${report.settings.dockerfileInstructions} instructions` : `Compose, ${report.settings.composeServices} services`;
}

export function renderTables(report: BenchReport): string {
  return tables(report).map((table) => {
    const widths = table.head.map((_, i) => Math.max(table.head[i].length, ...table.rows.map((row) => (row[i] ?? '').length)));
    const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
    return [table.title, line(table.head), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line), ...(table.notes ?? []).map((note) => `  ${note}`)].join('\n');
  }).join('\n\n');
}

export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const md = (table: Table): string => [`### ${table.title}`, '', `| ${table.head.join(' | ')} |`, `|${table.head.map(() => '---').join('|')}|`,
    ...table.rows.map((row) => `| ${row.join(' | ')} |`), ...(table.notes?.length ? ['', ...table.notes.map((note) => `- ${note}`)] : [])].join('\n');
  return `# Benchmarks

Speed against the peers, measured side by side in one run. Regenerate with:

\`\`\`sh
${report.command}
\`\`\`

(\`npm run bench\` builds the bundles, then runs \`node --import tsx scripts/bench/run.ts\`; \`-- --quick\` is a
smoke run that does not rewrite this page, \`-- --render\` rewrites it from the last run's JSON, \`-- --latency\` prints only
the editor latency of our server and the peer.) Raw numbers of every run are saved as JSON in \`bench-results/\`
(ignored by git); this page is the summary of the run below.

## Machine

| | |
|---|---|
| date | ${report.date} |
| CPUs (\`nproc\`) | ${m.cpus} |
| CPU model | ${m.cpuModel} |
| RAM | ${m.ramGb.toFixed(1)} GB |
| Node | ${m.node} (${m.platform}) |
| load average before / after (1, 5, 15 min) | ${m.loadBefore.map((v) => v.toFixed(2)).join(', ')} / ${m.loadAfter.map((v) => v.toFixed(2)).join(', ')} |
| commit | ${m.commit} |

A load average above the CPU count means other work shared the machine during the run: absolute times
are then inflated, while the ratios, measured in the same run, stay comparable.

## How it is measured

- **Peers** (dev dependencies, used only here): \`dockerfile-language-server-nodejs\` (\`docker-langserver --stdio\`,
  the Dockerfile server in Microsoft's container extension), \`dockerfile-utils\` (its validator and \`lint\` CLI),
  \`dockerfilelint\`, and \`dclint\` (Compose).
- **Editor latency**: one LSP client (\`scripts/bench/lsp-client.ts\`) drives each server as a child process over
  stdio. The files are generated (\`scripts/bench/generate.ts\`): a Dockerfile of ${report.settings.dockerfileInstructions}
  instructions in realistic multi-stage blocks, and a Compose file of ${report.settings.composeServices} services. Each edit
  types one character at the end of a line ("x", then "y" on the same line, then another line spread over the
  file; in Compose only plain scalar values, so the YAML stays valid), sent as an incremental \`didChange\`. The
  text never returns to an earlier state (until 2026-11-28 every second edit removed the "x" again, which an
  analyzer that keeps what the previous edit replaced would get for free); the clock runs from sending it to receiving the matching \`publishDiagnostics\`. Our server
  publishes the document \`version\`, so the match is exact; the peer publishes no version, so its match is the
  next publish for the file (it validates every change immediately, without debounce). Edits are sent one at a
  time. Every server (a fresh process per run) first gets ${report.settings.warmupEdits ?? 0} warm-up edits on the same file, timed
  apart: its code is still being compiled then, a cost an editor session pays once, not per keystroke. Our server runs with \`initializationOptions.debounceMs: 0\` for the comparison, and again with its default
  debounce (150 ms, what an editor gets) to be honest about what users see. It is started as the VS Code client
  starts it: over stdio, with the Node flags of \`client/src/server-flags.ts\` (\`${SERVER_NODE_FLAGS.join(' ')}\`) and its
  \`initializationOptions\` (\`compactDiagnostics\`: since 2026-11-29 the server leaves each diagnostic's source and rule link
  to the client). The bench client then adds them back to every diagnostic, as the extension's middleware does
  (\`client/src/diagnostic-links.ts\`), before it takes the time; the peer's diagnostics arrive complete.
- **Cold start**: from spawning the process to the first diagnostics of a 30-line Dockerfile (the client
  initializes, then opens the file). Our server lints a freshly opened document without waiting for the debounce.
- **Memory**: \`VmRSS\` of the server process from \`/proc/<pid>/status\` right after the last edit of the big files,
  and again after the server was left alone for 3 s (an editor is idle between bursts of typing; our server gives
  memory back a second after the edits stop, V8 on its own after 8-10 s). The peer is measured the same way.
- **Batch**: a corpus of ${report.batch.find((row) => row.tool === OURS && row.kind === 'dockerfile')?.files ?? '?'} Dockerfiles and
  ${report.batch.find((row) => row.tool === OURS && row.kind === 'compose')?.files ?? '?'} Compose files generated from templates (base images, apt/apk/dnf/yum/zypper,
  pip/npm/go/gem, multi-stage builds, users, secrets, healthchecks, anchors) plus the project's fixtures,
  written to \`.cache/bench/corpus\`. Every CLI lints the same files; \`dockerfile-utils lint\` takes one path per
  process, so it runs once per file on a sample. The second table runs each tool's API in one process per tool
  (read + lint every file), which shows the engines without Node's start-up.
- **Scaling**: \`analyze()\` in process on generated files 1x, 10x, 100x (and 1000x) the size of a small one;
  "ms/KB vs 1x" is the time per KB relative to the smallest file (1.0 = linear).
- Every figure is a median of repeated runs, and every ratio compares numbers from the same run.

## Results

${tables(report).map(md).join('\n\n')}

## Reading the results

${readingNotes(report)}

${FINDINGS}
`;
}


function readingNotes(report: BenchReport): string {
  const notes: string[] = [];
  const pending = report.latency.filter((row) => row.pending);
  if (pending.length) notes.push(`- Pending: ${pending.map((row) => row.pending).join('; ')}.`);
  for (const row of [...report.batch, ...report.engines]) if (row.note) notes.push(`- ${row.tool} (${row.kind}): ${row.note}.`);
  notes.push('- The analysis does far more than the peers per file (about 90 Dockerfile rules with fixes, Compose schema and',
    '  semantic rules); the peers\' validators check syntax and a handful of rules.',
    '- Files above `maxFileSize` (default 4 MB, `containerHygiene.maxFileSize`, `--max-file-size`) are not analysed and',
    '  get one information diagnostic instead; the scaling table shows why: the time per KB is flat, so a file of',
    '  N MB costs about N times the 1 MB row on every change (4 MB: several seconds).');
  return notes.join('\n');
}
