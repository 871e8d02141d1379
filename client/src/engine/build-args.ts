/**
 * The exact argv of Build Image. Build-arg values never appear in it: `--build-arg NAME` makes the
 * CLI read the value from its environment, which `buildEnvironment` supplies.
 */
import {
  checkEnvName, checkHostPath, checkImageName, checkLabelKey, checkStageName, checkValue,
} from './validate';

export interface BuildArg {
  name: string;
  value: string;
}

export interface BuildOptions {
  /** Absolute path of the Dockerfile. */
  dockerfile: string;
  /** Absolute path of the build context folder. */
  contextDir: string;
  /** `name:tag` references to tag the result with (at least one). */
  tags: readonly string[];
  buildArgs?: readonly BuildArg[];
  /** Stage to stop at (`--target`), for multi-stage files. */
  target?: string;
  labels?: Readonly<Record<string, string>>;
  /** Look for newer base images (`--pull`). */
  pull?: boolean;
  noCache?: boolean;
}

export function buildArgs(options: BuildOptions): string[] {
  if (options.tags.length === 0) throw new TypeError('buildArgs needs at least one tag');
  const args = ['build', '--file', checkHostPath(options.dockerfile)];
  for (const tag of options.tags) args.push('--tag', checkImageName(tag));
  for (const arg of options.buildArgs ?? []) {
    checkEnvName(arg.name);
    checkValue(`value of build arg ${arg.name}`, arg.value);
    args.push('--build-arg', arg.name);
  }
  if (options.target !== undefined) args.push('--target', checkStageName(options.target));
  for (const [key, value] of Object.entries(options.labels ?? {})) args.push('--label', `${checkLabelKey(key)}=${checkValue('label value', value)}`);
  if (options.pull) args.push('--pull');
  if (options.noCache) args.push('--no-cache');
  args.push('--', checkHostPath(options.contextDir));
  return args;
}

/** The environment that carries the build-arg values. */
export function buildEnvironment(options: BuildOptions): Record<string, string> {
  return Object.fromEntries((options.buildArgs ?? []).map((arg) => [arg.name, arg.value]));
}
