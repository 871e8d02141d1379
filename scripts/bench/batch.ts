// Batch linting: a generated corpus (plus the project's fixtures) linted by our CLI and by the peers' CLIs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { composeFile, dockerfile } from './generate';
import { median } from './stats';

const ROOT = join(__dirname, '..', '..');
const BIN = {
  ours: join(ROOT, 'dist', 'cli.js'),
  dockerfileUtils: join(ROOT, 'node_modules', 'dockerfile-utils', 'bin', 'dockerfile-utils'),
  dockerfilelint: join(ROOT, 'node_modules', 'dockerfilelint', 'bin', 'dockerfilelint'),
  dclint: join(ROOT, 'node_modules', 'dclint', 'bin', 'dclint.cjs'),
};

export interface Corpus {
  root: string;
  dockerfiles: string[];
  composeFiles: string[];
}

/** Bumped when the generator changes, so an old corpus on disk is rebuilt. */
const CORPUS_VERSION = 2;

/** Writes the corpus once into an ignored folder (`.cache/bench/corpus`) and lists its files. */
export function prepareCorpus(dockerfileCount: number, composeCount: number): Corpus {
  const root = join(ROOT, '.cache', 'bench', 'corpus');
  const stamp = join(root, 'corpus.json');
  const wanted = JSON.stringify({ version: CORPUS_VERSION, dockerfileCount, composeCount });
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
    rmSync(root, { recursive: true, force: true });
    for (let i = 0; i < dockerfileCount; i++) write(join(root, 'dockerfiles', pad(i), 'Dockerfile'), dockerfile(i + 1));
    for (let i = 0; i < composeCount; i++) write(join(root, 'compose', pad(i), 'compose.yaml'), composeFile(i + 1));
    // The project's own fixtures join the corpus, under the names the linters look for.
    for (const file of filesUnder(join(ROOT, 'test', 'fixtures', 'dockerfiles')).concat(filesUnder(join(ROOT, 'examples')))) {
      const name = basename(file);
      const target = relative(ROOT, file).replace(/[/\\]/g, '_');
      if (/(^|\.)Dockerfile$|\.dockerfile$|^Dockerfile/i.test(name)) write(join(root, 'dockerfiles', `fixture_${target}`, 'Dockerfile'), readFileSync(file));
      else if (/^(docker-)?compose[\w.-]*\.ya?ml$/.test(name)) write(join(root, 'compose', `fixture_${target}`, 'compose.yaml'), readFileSync(file));
    }
    writeFileSync(stamp, wanted);
  }
  return { root, dockerfiles: filesUnder(join(root, 'dockerfiles')), composeFiles: filesUnder(join(root, 'compose')) };
}

export interface BatchResult {
  tool: string;
  kind: 'dockerfile' | 'compose';
  /** How the tool was run (the command, with the file list abbreviated). */
  command: string;
  files: number;
  /** Wall time of each repetition (ms). */
  runsMs: number[];
  filesPerSecond: number;
  /** Files the tool reported on (from its JSON), to check it really linted them all. */
  filesReported?: number;
  /** Files the tool threw on (its API) and that were left out of its CLI run. */
  crashedFiles?: string[];
  note?: string;
}

interface Run {
  ms: number;
  stdout: string;
  status: number | null;
}

function run(args: string[], cwd = ROOT): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  return { ms, stdout: result.stdout, status: result.status };
}

function timed(tool: string, kind: BatchResult['kind'], command: string, files: number, repeat: number, once: () => Run, count?: (stdout: string) => number): BatchResult {
  const runs: Run[] = [];
  for (let i = 0; i < repeat; i++) runs.push(once());
  const runsMs = runs.map((r) => r.ms);
  const reported = count ? safeCount(count, runs[0].stdout) : undefined;
  return { tool, kind, command, files, runsMs, filesPerSecond: files / (median(runsMs) / 1000), ...(reported !== undefined ? { filesReported: reported } : {}) };
}

function safeCount(count: (stdout: string) => number, stdout: string): number | undefined {
  try {
    return count(stdout);
  } catch {
    return undefined;
  }
}

/** Every tool on the same files; `perFileSample` bounds the tools that take one file per process. */
export function runBatch(corpus: Corpus, repeat: number, perFileSample: number, crashes: ReadonlyMap<string, readonly string[]>): BatchResult[] {
  const results: BatchResult[] = [];
  const dockerDir = join(corpus.root, 'dockerfiles');
  const composeDir = join(corpus.root, 'compose');
  const df = corpus.dockerfiles.length;
  const cf = corpus.composeFiles.length;

  results.push(timed('container-hygiene', 'dockerfile', `node dist/cli.js lint ${rel(dockerDir)} --format json --no-config`, df, repeat,
    () => run([BIN.ours, 'lint', dockerDir, '--format', 'json', '--no-config']), (out) => (JSON.parse(out) as unknown[]).length));
  // dockerfilelint's CLI stops at the first file it throws on: those files are left out of its run.
  const dockerfilelintCrashes = new Set(crashes.get('dockerfilelint') ?? []);
  const dockerfilelintFiles = corpus.dockerfiles.filter((file) => !dockerfilelintCrashes.has(file));
  const dockerfilelint = timed('dockerfilelint', 'dockerfile', `node_modules/dockerfilelint/bin/dockerfilelint -j <${dockerfilelintFiles.length} files>`, dockerfilelintFiles.length, repeat,
    () => run([BIN.dockerfilelint, '-j', ...dockerfilelintFiles]), (out) => (JSON.parse(out) as { files: unknown[] }).files.length);
  results.push(dockerfilelintCrashes.size === 0 ? dockerfilelint : { ...dockerfilelint, note: `throws (TypeError) on ${dockerfilelintCrashes.size} of ${df} files, which its CLI run leaves out` });
  // dockerfile-utils' CLI lints one file per process, so each file costs a Node start-up.
  const sample = corpus.dockerfiles.slice(0, perFileSample);
  const perFile = timed('dockerfile-utils lint', 'dockerfile', `node_modules/dockerfile-utils/bin/dockerfile-utils lint -j <file>  (one process per file, ${sample.length} files)`, sample.length, repeat, () => {
    let ms = 0;
    let stdout = '';
    for (const file of sample) {
      const one = run([BIN.dockerfileUtils, 'lint', '-j', file]);
      ms += one.ms;
      stdout += one.stdout.trim().startsWith('[') ? 'x' : '';
    }
    return { ms, stdout, status: 0 };
  }, (out) => out.length);
  results.push({ ...perFile, note: `one process per file: its CLI takes a single path (sample of ${sample.length} files)` });

  const ourCompose = timed('container-hygiene', 'compose', `node dist/cli.js lint ${rel(composeDir)} --format json --no-config`, cf, repeat,
    () => run([BIN.ours, 'lint', composeDir, '--format', 'json', '--no-config']), (out) => (JSON.parse(out) as unknown[]).length);
  results.push(ourCompose.filesReported === cf ? ourCompose : { ...ourCompose, note: `the CLI reported ${ourCompose.filesReported ?? 0} of ${cf} Compose files (Compose discovery not wired into the CLI yet?)` });
  results.push(timed('dclint', 'compose', `node_modules/dclint/bin/dclint.cjs -r ${rel(composeDir)} -f json`, cf, repeat,
    () => run([BIN.dclint, '-r', composeDir, '-f', 'json']), (out) => (JSON.parse(out) as unknown[]).length));
  return results;
}

/** Same files, in one process per tool: what each engine does per file without process start-up. */
export function runEngines(corpus: Corpus, repeat: number): BatchResult[] {
  const lists = { dockerfile: corpus.dockerfiles, compose: corpus.composeFiles };
  const listFile = join(corpus.root, 'lists.json');
  writeFileSync(listFile, JSON.stringify(lists));
  const engines: { tool: string; kind: BatchResult['kind'] }[] = [
    { tool: 'container-hygiene', kind: 'dockerfile' }, { tool: 'dockerfile-utils', kind: 'dockerfile' }, { tool: 'dockerfilelint', kind: 'dockerfile' },
    { tool: 'container-hygiene', kind: 'compose' }, { tool: 'dclint', kind: 'compose' },
  ];
  return engines.map(({ tool, kind }) => {
    const runsMs: number[] = [];
    let crashed: string[] = [];
    for (let i = 0; i < repeat; i++) {
      const out = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'engine-worker.ts'), tool, kind, listFile], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (out.status !== 0) throw new Error(`engine worker ${tool}/${kind} failed: ${out.stderr}`);
      const result = JSON.parse(out.stdout.trim().split('\n').pop() as string) as { ms: number; crashed: string[] };
      runsMs.push(result.ms);
      crashed = result.crashed;
    }
    const files = lists[kind].length;
    return { tool, kind, command: `in one process: read + lint each file (${tool} API)`, files, runsMs, filesPerSecond: files / (median(runsMs) / 1000),
      ...(crashed.length ? { crashedFiles: crashed, note: `threw on ${crashed.length} of ${files} files` } : {}) };
  });
}

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found;
}

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

function rel(path: string): string {
  return relative(ROOT, path);
}
