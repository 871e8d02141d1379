import type { Finding, Severity } from '../analysis/types';

/** The CLI's exit codes: part of its public interface (documented in docs/cli.md). */
export const ExitCode = {
  /** No finding at or above the failure threshold. */
  ok: 0,
  /** At least one finding at or above the failure threshold. */
  findings: 1,
  /** Usage error: unknown flag, bad value, missing path or config file; also internal errors. */
  usage: 2,
} as const;

/** `none` never fails; hadolint's `style` is our `hint`. */
export type FailureThreshold = Severity | 'none';

export const DEFAULT_THRESHOLD: FailureThreshold = 'warning';

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export const THRESHOLD_NAMES: Record<string, FailureThreshold> = {
  error: 'error', warning: 'warning', info: 'info', hint: 'hint', style: 'hint', none: 'none',
};

export function isAtOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function exitCodeFor(findings: Iterable<Finding>, threshold: FailureThreshold): number {
  if (threshold === 'none') return ExitCode.ok;
  for (const finding of findings) if (isAtOrAbove(finding.severity, threshold)) return ExitCode.findings;
  return ExitCode.ok;
}

/** A mistake in how the CLI was called; shown as one message, exit code 2, never a stack trace. */
export class UsageError extends Error {}
