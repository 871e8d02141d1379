/**
 * Shared set-up for the engine tests: they run against the real engine started by
 * scripts/ci/start-engine.sh and fail (never skip) when it is not there. Everything a test file
 * creates carries the label `container-hygiene.test=<run id>` and is removed by that label.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../../client/src/engine';

export const TEST_LABEL_KEY = 'container-hygiene.test';
export const REGISTRY = process.env.REGISTRY_ADDR ?? '127.0.0.1:5055';

export interface TestEnv {
  /** Unique per test file; part of every name and the label value. */
  runId: string;
  labels: Record<string, string>;
  engine: Engine;
  /** Every command line the engine module ran (the output-channel view). */
  log: string[];
  /** Names a resource of this run: `cht-<runId>-<suffix>`. */
  name(suffix: string): string;
}

export function createTestEnv(): TestEnv {
  const runId = randomBytes(4).toString('hex');
  const log: string[] = [];
  return {
    runId,
    labels: { [TEST_LABEL_KEY]: runId },
    engine: Engine.create({}, (line) => log.push(line)),
    log,
    name: (suffix) => `cht-${runId}-${suffix}`,
  };
}

function docker(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('docker', args, { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? (result.error ? String(result.error) : '') };
}

/** The first assertion of every engine test file: the engine answers, or the run fails with what to do. */
export function assertEngineAnswers(): void {
  const info = docker(['info', '--format', '{{json .ServerVersion}}']);
  assert.equal(info.status, 0,
    `The Docker engine does not answer (docker info: ${info.stderr.trim() || 'no output'}). Run "bash scripts/ci/start-engine.sh" first; engine tests fail rather than skip.`);
}

/** Removes containers, volumes and images carrying this run's label (best effort, in that order). */
export function cleanUp(env: TestEnv): void {
  const filter = `label=${TEST_LABEL_KEY}=${env.runId}`;
  const containers = docker(['container', 'ls', '--all', '--quiet', '--filter', filter]).stdout.split('\n').filter(Boolean);
  if (containers.length > 0) docker(['container', 'rm', '--force', '--volumes', ...containers]);
  const volumes = docker(['volume', 'ls', '--quiet', '--filter', filter]).stdout.split('\n').filter(Boolean);
  if (volumes.length > 0) docker(['volume', 'rm', '--force', ...volumes]);
  const images = docker(['image', 'ls', '--quiet', '--filter', filter]).stdout.split('\n').filter(Boolean);
  if (images.length > 0) docker(['image', 'rm', '--force', ...new Set(images)]);
}

/** A build context with busybox and the given Dockerfile; removed by the returned function. */
export function busyboxContext(dockerfile: string): { dir: string; dockerfile: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cht-build-'));
  copyFileSync('/bin/busybox', join(dir, 'busybox'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  return { dir, dockerfile: join(dir, 'Dockerfile'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The smallest image with a shell: busybox on scratch (no pull needed). */
export const BUSYBOX_DOCKERFILE = [
  'FROM scratch',
  'COPY busybox /bin/busybox',
  'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
].join('\n');

/** Builds a busybox image through the engine module's own build argv; returns its reference. */
export async function buildBusybox(env: TestEnv, suffix: string, extraLines: string[] = []): Promise<string> {
  const context = busyboxContext([BUSYBOX_DOCKERFILE, ...extraLines].join('\n'));
  const tag = `${env.name(suffix)}:1.0`;
  try {
    const invocation = env.engine.buildInvocation({ dockerfile: context.dockerfile, contextDir: context.dir, tags: [tag], labels: env.labels });
    await env.engine.cli.exec(invocation.args, { secretEnv: invocation.env, timeoutMs: 120_000 });
  } finally {
    context.remove();
  }
  return tag;
}

export function dockerSync(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return docker(args);
}
