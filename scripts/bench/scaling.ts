// Scaling: analysis time per file as the file grows 1x, 10x, 100x (and 1000x, to choose maxFileSize).
import { analyze } from '../../server/src/analysis/analyze';
import type { DocumentKind } from '../../server/src/analysis/types';
import { bigDockerfile, composeFile } from './generate';
import { median } from './stats';

export interface ScalingPoint {
  kind: DocumentKind;
  factor: number;
  /** Instructions (Dockerfile) or services (Compose). */
  units: number;
  kb: number;
  ms: number;
  msPerKb: number;
  /** msPerKb divided by the 1x msPerKb: 1.0 is perfectly linear. */
  perKbRatio: number;
  findings: number;
}

const SIZES: Record<DocumentKind, { base: number; make: (units: number) => string; unit: string }> = {
  dockerfile: { base: 30, make: (n) => bigDockerfile(n, 7), unit: 'instructions' },
  compose: { base: 5, make: (n) => composeFile(7, n), unit: 'services' },
};

export function runScaling(factors: readonly number[], budgetMs: number): ScalingPoint[] {
  const points: ScalingPoint[] = [];
  for (const kind of ['dockerfile', 'compose'] as const) {
    const spec = SIZES[kind];
    let base: number | undefined;
    for (const factor of factors) {
      const text = spec.make(spec.base * factor);
      const first = time(() => analyze(text, kind));
      // Repeat small files until the budget is spent (at least 3 runs), so JIT warm-up is out of the median.
      const runs = Math.max(3, Math.min(50, Math.floor(budgetMs / Math.max(first, 0.1))));
      const samples: number[] = [];
      let findings = 0;
      for (let i = 0; i < runs; i++) samples.push(time(() => (findings = analyze(text, kind).length)));
      const kb = Buffer.byteLength(text) / 1024;
      const ms = median(samples);
      base ??= ms / kb;
      points.push({ kind, factor, units: spec.base * factor, kb, ms, msPerKb: ms / kb, perKbRatio: ms / kb / base, findings });
    }
  }
  return points;
}

export function unitName(kind: DocumentKind): string {
  return SIZES[kind].unit;
}

function time(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
