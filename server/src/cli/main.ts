import type { LintOptions } from './args';
import { parseCommandLine } from './args';
import { discover } from './discover';
import { ExitCode, exitCodeFor, UsageError } from './exit-codes';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStats } from './format-stats';
import { formatStylish } from './format-stylish';
import { usage } from './help';
import { lintFiles, type FileReport } from './lint';
import { formatRules } from './list-rules';
import { SettingsResolver } from './settings';
import { version } from './version';

/** Everything the CLI touches outside the file system, so that tests can run it in-process too. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
}

/** Runs one CLI invocation and returns its exit code; user mistakes end as a message, never a stack trace. */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    const command = parseCommandLine(argv);
    switch (command.command) {
      case 'help': io.stdout(usage()); return ExitCode.ok;
      case 'version': io.stdout(`${version}\n`); return ExitCode.ok;
      case 'rules': io.stdout(formatRules(command.format)); return ExitCode.ok;
      case 'lint': return lint(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`container-hygiene: ${error.message}\nRun "container-hygiene --help" for usage.\n`);
      return ExitCode.usage;
    }
    const detail = io.env.CONTAINER_HYGIENE_DEBUG ? (error as Error)?.stack ?? String(error) : (error as Error)?.message ?? String(error);
    io.stderr(`container-hygiene: internal error: ${detail}\nPlease report this (set CONTAINER_HYGIENE_DEBUG=1 for details).\n`);
    return ExitCode.usage;
  }
}

function lint(options: LintOptions, io: CliIo): number {
  const warn = (message: string): void => io.stderr(`container-hygiene: ${message}\n`);
  const resolver = new SettingsResolver(options, io.cwd, warn);
  const found = discover(options.paths, io.cwd, options.composePatterns);
  found.warnings.forEach(warn);
  for (const root of found.emptyRoots) warn(`No Dockerfiles or Compose files found under ${root}.`);
  const reports = lintFiles(found.targets, options, { cwd: io.cwd, resolver, warn })
    .map((report) => (options.quiet ? { ...report, findings: report.findings.filter((finding) => finding.severity === 'error') } : report));

  if (options.format === 'stylish') {
    io.stdout(formatStylish(reports, { cwd: io.cwd, color: useColor(io), fix: options.fix }));
    if (options.stats) io.stdout(`\n${formatStats(reports)}`);
  } else {
    io.stdout(options.format === 'json' ? formatJson(reports, io.cwd) : formatSarif(reports, io.cwd));
    if (options.fix !== 'off') reportFixesToStderr(reports, options.fix, io);
    // stdout is the public JSON/SARIF shape: the counts go beside it.
    if (options.stats) io.stderr(formatStats(reports));
  }
  return exitCodeFor(reports.flatMap((report) => report.findings), options.threshold);
}

/** With json or sarif on stdout, what --fix did goes to stderr so that stdout stays parseable. */
function reportFixesToStderr(reports: readonly FileReport[], fix: 'write' | 'dry-run', io: CliIo): void {
  if (fix === 'dry-run') for (const report of reports) if (report.diff) io.stderr(report.diff);
  const changed = reports.filter((report) => report.fixed > 0);
  const total = changed.reduce((sum, report) => sum + report.fixed, 0);
  io.stderr(`container-hygiene: ${fix === 'dry-run' ? 'would fix' : 'fixed'} ${total} problem${total === 1 ? '' : 's'} in ${changed.length} file${changed.length === 1 ? '' : 's'}.\n`);
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR forces it elsewhere. */
function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdoutIsTTY;
}
