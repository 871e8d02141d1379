import { parseArgs } from 'node:util';
import type { SeveritySetting } from '../analysis/types';
import { DEFAULT_THRESHOLD, THRESHOLD_NAMES, UsageError, type FailureThreshold } from './exit-codes';

export type OutputFormat = 'stylish' | 'json' | 'sarif';

/** Settings given on the command line; they win over config files. */
export interface CliOverrides {
  ignored: string[];
  trustedRegistries: string[];
  severityOverrides: Record<string, SeveritySetting>;
  /** `--max-file-size`: files larger than this many bytes are not analysed. */
  maxFileSize?: number;
}

export interface LintOptions {
  command: 'lint';
  paths: string[];
  format: OutputFormat;
  fix: 'off' | 'write' | 'dry-run';
  threshold: FailureThreshold;
  quiet: boolean;
  configFile?: string;
  useConfigFiles: boolean;
  overrides: CliOverrides;
  /** `--compose-pattern`: more file-name globs to lint as Compose files. */
  composePatterns: string[];
  /** `--stats`: also print the number of findings per rule. */
  stats: boolean;
}

export interface RulesOptions {
  command: 'rules';
  format: Exclude<OutputFormat, 'sarif'>;
}

export type CliCommand = LintOptions | RulesOptions | { command: 'help' } | { command: 'version' };

const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const LINT_ONLY = ['fix', 'fix-dry-run', 'max-severity', 'failure-threshold', 'config', 'no-config', 'ignore', 'trusted-registry', 'rule', 'quiet', 'compose-pattern', 'stats', 'max-file-size'] as const;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'max-severity': { type: 'string' },
  'failure-threshold': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  ignore: { type: 'string', multiple: true },
  'trusted-registry': { type: 'string', multiple: true },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  'compose-pattern': { type: 'string', multiple: true },
  stats: { type: 'boolean' },
  'max-file-size': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Turns argv (without node and the script) into a command; throws UsageError on any mistake. */
export function parseCommandLine(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('. To specify a positional')[0].replace(/\.?$/, '.'));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('Missing command; use "container-hygiene lint [paths...]" or "container-hygiene rules".');
  if (command === 'rules') return parseRulesCommand(values, rest);
  if (command !== 'lint') throw new UsageError(`Unknown command "${command}"; the commands are "lint" and "rules".`);

  if (values.fix && values['fix-dry-run']) throw new UsageError('Use either --fix or --fix-dry-run, not both.');
  if (values.config !== undefined && values['no-config']) throw new UsageError('Use either --config or --no-config, not both.');
  const thresholdFlags = (['max-severity', 'failure-threshold'] as const).filter((flag) => values[flag] !== undefined);
  if (thresholdFlags.length > 1 && values['max-severity'] !== values['failure-threshold']) {
    throw new UsageError('--max-severity and --failure-threshold are the same setting; give it once.');
  }
  const thresholdFlag = thresholdFlags[0];
  return {
    command: 'lint',
    paths: rest.length > 0 ? rest : ['.'],
    format: parseFormat(values.format, FORMATS),
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'off',
    threshold: thresholdFlag ? parseThreshold(thresholdFlag, values[thresholdFlag] as string) : DEFAULT_THRESHOLD,
    quiet: values.quiet ?? false,
    configFile: values.config,
    useConfigFiles: !values['no-config'],
    overrides: {
      ignored: splitList(values.ignore),
      trustedRegistries: splitList(values['trusted-registry']),
      severityOverrides: parseRuleSeverities(values.rule ?? []),
      ...(values['max-file-size'] !== undefined ? { maxFileSize: parseFileSize(values['max-file-size']) } : {}),
    },
    // Not split at commas: a glob may hold `{a,b}`.
    composePatterns: (values['compose-pattern'] ?? []).map((pattern) => pattern.trim()).filter(Boolean),
    stats: values.stats ?? false,
  };
}

function parseRulesCommand(values: Record<string, unknown>, rest: string[]): RulesOptions {
  if (rest.length > 0) throw new UsageError(`"rules" takes no paths (got "${rest[0]}").`);
  const misplaced = LINT_ONLY.find((flag) => values[flag] !== undefined);
  if (misplaced) throw new UsageError(`--${misplaced} applies to "lint", not to "rules".`);
  return { command: 'rules', format: parseFormat(values.format as string | undefined, ['stylish', 'json'] as const) };
}

function parseFormat<F extends string>(value: string | undefined, allowed: readonly F[]): F {
  if (value === undefined) return allowed[0];
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`Unknown format "${value}" for --format; use ${allowed.join(', ')}.`);
}

function parseThreshold(flag: string, value: string): FailureThreshold {
  const threshold = THRESHOLD_NAMES[value.toLowerCase()];
  if (threshold) return threshold;
  throw new UsageError(`Unknown level "${value}" for --${flag}; use error, warning, info, hint or none.`);
}

/** Repeatable list flags also accept comma-separated values (`--ignore DL3007,DL3008`). */
function splitList(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

/** `4MB`, `512KB`, `1.5 MB`, `1GB`, or a plain number of megabytes (as the editor setting). */
function parseFileSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(kb|mb|gb)?\s*$/i.exec(value);
  const unit = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match?.[2] ?? 'mb').toLowerCase() as 'kb' | 'mb' | 'gb'];
  const bytes = match ? Math.round(Number(match[1]) * unit) : NaN;
  if (!(bytes > 0)) throw new UsageError(`Bad --max-file-size "${value}"; give a size such as 4MB, 512KB or 8 (megabytes).`);
  return bytes;
}

function parseRuleSeverities(values: readonly string[]): Record<string, SeveritySetting> {
  const overrides: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(value);
    const severity = match?.[2].toLowerCase() as SeveritySetting | undefined;
    if (!match || !severity || !SEVERITIES.includes(severity)) {
      throw new UsageError(`Bad --rule "${value}"; write <rule-id>=<${SEVERITIES.join('|')}>, e.g. --rule image-latest-tag=error.`);
    }
    overrides[match[1]] = severity;
  }
  return overrides;
}
