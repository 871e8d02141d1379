import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after } from 'node:test';

/** The built CLI: these tests run it as users do, as a separate process. */
export const CLI = resolve(__dirname, '../../dist/cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The rules these tests are about. `lint` runs get `--ignore` for every other rule, so that rules
 * added later (and reporting on the test Dockerfiles) do not change what the CLI tests see.
 */
export const FOCUS_RULES = ['image-latest-tag', 'workdir-relative', 'apt-get-missing-yes', 'maintainer-deprecated', 'file-not-analyzed', 'dockerfile-syntax'];

let otherRules: string[] | undefined;

function ignoreOtherRules(): string[] {
  otherRules ??= (JSON.parse(spawn(['rules', '--format', 'json'], process.cwd(), {}).stdout) as { id: string }[])
    .map((rule) => rule.id)
    .filter((id) => !FOCUS_RULES.includes(id));
  return otherRules.length > 0 ? ['--ignore', otherRules.join(',')] : [];
}

/** Runs the CLI; `lint` sees only FOCUS_RULES unless `allRules` is set. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}, options: { allRules?: boolean } = {}): CliRun {
  const focused = args[0] === 'lint' && !options.allRules ? ['lint', ...ignoreOtherRules(), ...args.slice(1)] : args;
  return spawn(focused, cwd, env);
}

function spawn(args: readonly string[], cwd: string, env: Record<string, string | undefined>): CliRun {
  assert.ok(existsSync(CLI), `${CLI} is missing; run "npm run build" first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd, encoding: 'utf8', timeout: 30_000,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs with --format json and parses stdout. */
export function lintJson(args: readonly string[], cwd: string): { status: number | null; files: JsonFile[]; stderr: string } {
  const run = runCli(['lint', '--format', 'json', ...args], cwd);
  let files: JsonFile[];
  try {
    files = JSON.parse(run.stdout) as JsonFile[];
  } catch {
    assert.fail(`stdout is not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return { status: run.status, files, stderr: run.stderr };
}

export interface JsonFile {
  file: string;
  findings: {
    rule: string;
    aliases: string[];
    severity: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    fixes: { title: string }[];
  }[];
}

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A temporary project folder with the given files (path -> text or bytes); removed after the test file. */
export function project(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'ch-cli-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

export function rulesOf(files: JsonFile[], file: string): string[] {
  const entry = files.find((candidate) => candidate.file === file);
  assert.ok(entry, `no entry for ${file} in ${files.map((f) => f.file).join(', ')}`);
  return entry.findings.map((finding) => finding.rule);
}
