import type { Arg, Env, Instruction } from 'dockerfile-ast';
import type { DockerfileDoc, Stage } from './dockerfile-doc';
import { parentStage } from './stage-base';
import { cacheMountTargets, findInvocations, hasOption, optionValues, runPlacement, type ToolInvocation, type ToolSyntax } from './package-commands';
import type { ShellScript, ShellWord } from './shell';
import type { Range } from './types';

/** The RPM-based package managers: yum, the dnf family (dnf, dnf5, microdnf, tdnf) and zypper. */
export type RpmFamily = 'yum' | 'dnf' | 'zypper';

const TOOLS: Record<RpmFamily, readonly string[]> = { yum: ['yum'], dnf: ['dnf', 'dnf5', 'microdnf', 'tdnf'], zypper: ['zypper'] };

const YUM_DNF_SYNTAX: ToolSyntax = {
  valueOptions: ['c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'installroot', 'releasever', 'x', 'exclude', 'enablerepo', 'disablerepo',
    'repo', 'repoid', 'color', 'destdir', 'downloaddir', 'forcearch', 'R', 'randomwait', 'rpmverbosity', 'repofrompath', 'comment', 'advisory',
    'advisories', 'bz', 'bzs', 'cve', 'cves', 'sec-severity', 'secseverity', 'enableplugin', 'disableplugin'],
};
const ZYPPER_SYNTAX: ToolSyntax = {
  valueOptions: ['c', 'config', 'D', 'reposd-dir', 'C', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'R', 'root', 'p',
    'plus-repo', 'plus-content', 'userdata', 'installroot', 'releasever', 'r', 'repo', 'from', 't', 'type', 'download'],
};

/** Subcommands that take a second word as the action (`dnf module install`, `yum group install`). */
const GROUPING = new Set(['module', 'group', 'groups']);

/** Actions that change packages and therefore ask for confirmation unless told not to. */
const YUM_DNF_CONFIRMING: ReadonlySet<string> = new Set(['install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'rei', 'update', 'upgrade',
  'up', 'update-minimal', 'upgrade-minimal', 'up-min', 'remove', 'rm', 'erase', 'autoremove', 'downgrade', 'dg', 'distro-sync', 'dsync',
  'distribution-synchronization', 'groupupdate', 'groupremove', 'groupupgrade', 'swap', 'update-to', 'upgrade-to', 'group install',
  'group remove', 'group upgrade', 'group update', 'group erase', 'groups install', 'groups remove', 'module install', 'module enable',
  'module disable', 'module reset', 'module remove', 'module switch-to', 'module update', 'module upgrade']);
const CONFIRMING: Record<RpmFamily, ReadonlySet<string>> = {
  yum: YUM_DNF_CONFIRMING,
  dnf: YUM_DNF_CONFIRMING,
  zypper: new Set(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup',
    'install-new-recommends', 'inr', 'verify', 've']),
};

/** Actions that download repository metadata and packages into the cache. */
const YUM_DNF_CACHE_FILLING: ReadonlySet<string> = new Set(['install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'rei', 'update',
  'upgrade', 'up', 'update-minimal', 'upgrade-minimal', 'up-min', 'downgrade', 'dg', 'distro-sync', 'dsync', 'groupupdate', 'groupupgrade',
  'swap', 'group install', 'group upgrade', 'group update', 'groups install', 'module install', 'module update', 'module upgrade']);
const CACHE_FILLING: Record<RpmFamily, ReadonlySet<string>> = {
  yum: YUM_DNF_CACHE_FILLING,
  dnf: YUM_DNF_CACHE_FILLING,
  zypper: new Set(['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'install-new-recommends', 'inr']),
};

const CACHE_DIRS: Record<RpmFamily, readonly string[]> = {
  yum: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  dnf: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  zypper: ['/var/cache/zypp'],
};

/** One yum/dnf/zypper call: its action (`install`, `module install`) and the package operands after it. */
export interface RpmCall {
  invocation: ToolInvocation;
  family: RpmFamily;
  /** One word, or two for grouped actions; empty when the call names no action. */
  actionWords: readonly ShellWord[];
  action: string;
  packages: readonly ShellWord[];
  /** From the program to the action word (`dnf -q install`), for findings about the whole call. */
  range: Range;
}

/**
 * The calls per RUN script and family: the yum, dnf and zypper rules run on the whole document at every
 * edit, and a stage the edit did not touch keeps its scripts (dockerfile-doc.ts), so only new ones are read.
 */
const callsByScript = new WeakMap<ShellScript, Partial<Record<RpmFamily, readonly RpmCall[]>>>();

/** The calls of one family's tools in a RUN, in script order. Shared: do not modify. */
export function findRpmCalls(doc: DockerfileDoc, run: Instruction, family: RpmFamily): readonly RpmCall[] {
  const script = doc.shell(run);
  let byFamily = callsByScript.get(script);
  if (!byFamily) callsByScript.set(script, (byFamily = {}));
  return (byFamily[family] ??= Object.freeze(readRpmCalls(doc, run, family)));
}

/** findInvocations reads nothing but the RUN's script, so the calls depend on the script alone. */
function readRpmCalls(doc: DockerfileDoc, run: Instruction, family: RpmFamily): RpmCall[] {
  const syntax = family === 'zypper' ? ZYPPER_SYNTAX : YUM_DNF_SYNTAX;
  return findInvocations(doc, run, (tool) => TOOLS[family].includes(tool), syntax).map((invocation) => {
    const operands = withoutRedirections(invocation.operands);
    const actionWords = invocation.subcommand ? [invocation.subcommand] : [];
    if (family !== 'zypper' && invocation.subcommand && GROUPING.has(invocation.subcommand.value) && operands.length > 0) actionWords.push(operands.shift() as ShellWord);
    const last = actionWords[actionWords.length - 1] ?? invocation.program;
    return {
      invocation, family, actionWords, action: actionWords.map((word) => word.value).join(' '), packages: operands,
      range: { start: invocation.program.range.start, end: last.range.end },
    };
  });
}

/** Redirections (`>/dev/null`, `2>&1`, `> log`) are not operands. */
function withoutRedirections(words: ShellWord[]): ShellWord[] {
  const kept: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const match = /^\d*(&?>>?|<<?|>&|<&|>\|)(.*)$/.exec(words[i].raw);
    if (!match) kept.push(words[i]);
    else if (match[2] === '') i++;
  }
  return kept;
}

export function asksForConfirmation(call: RpmCall): boolean {
  return CONFIRMING[call.family].has(call.action);
}

/** `-y`/`--assumeyes` for yum and dnf; `-n`/`--non-interactive` (global) or `-y`/`--no-confirm` for zypper. */
export function hasAssumeYes(call: RpmCall): boolean {
  if (call.family === 'zypper') return hasOption(call.invocation, 'n', 'non-interactive', 'y', 'no-confirm');
  return hasOption(call.invocation, 'y', 'assumeyes') || optionValues(call.invocation, 'setopt').some((value) => /^assumeyes=(1|true|yes)$/i.test(value));
}

/**
 * The first cache-filling call of a RUN that no later clean-up by the same tool follows (`yum clean all`, `zypper clean`,
 * `rm -rf /var/cache/...`); undefined when the RUN leaves no package cache behind, also thanks to a cache or tmpfs mount.
 */
export function callWithoutClean(doc: DockerfileDoc, run: Instruction, family: RpmFamily): RpmCall | undefined {
  const fills = findRpmCalls(doc, run, family).filter((call) => CACHE_FILLING[family].has(call.action));
  if (fills.length === 0) return undefined;
  const dirs = CACHE_DIRS[family];
  if (cacheMountTargets(run).some((target) => dirs.some((dir) => dir === target || dir.startsWith(`${target}/`) || target === '/'))) return undefined;
  const cleans = [
    ...(family === 'zypper' ? ['zypper' as const] : ['yum' as const, 'dnf' as const]).flatMap((cleaner) => findRpmCalls(doc, run, cleaner))
      .filter(isClean).map((call) => ({ index: call.invocation.index, group: cleanGroup(call.invocation.tool) })),
    ...findInvocations(doc, run, (tool) => tool === 'rm')
      .filter((rm) => [rm.subcommand, ...rm.operands].some((word) => word && dirs.some((dir) => word.value === dir || word.value.startsWith(`${dir}/`) || word.value.startsWith(`${dir}*`))))
      .map((rm) => ({ index: rm.index, group: 'any' })),
  ];
  return fills.find((fill) => !cleans.some((clean) => clean.index > fill.invocation.index && (clean.group === 'any' || clean.group === cleanGroup(fill.invocation.tool))));
}

/** Tools that share a cache: yum is dnf on current RHEL and Fedora, and dnf is dnf5 on Fedora 41+; microdnf and tdnf keep their own. */
function cleanGroup(tool: string): string {
  return tool === 'yum' || tool === 'dnf5' ? 'dnf' : tool;
}

function isClean(call: RpmCall): boolean {
  if (call.family === 'zypper') return call.action === 'clean' || call.action === 'cc';
  return call.action === 'clean' && call.packages.some((word) => word.value === 'all');
}

/** Package operands of an install (not groups, files, URLs or capabilities such as `pkgconfig(x)`), and whether it is a module install. */
export function installedPackages(call: RpmCall): InstalledPackages {
  let installed = installedByCall.get(call);
  if (!installed) installedByCall.set(call, (installed = readInstalledPackages(call)));
  return installed;
}

type InstalledPackages = { readonly words: readonly ShellWord[]; readonly modules: boolean };

/** Calls are kept per script (findRpmCalls), and the unpinned rules ask for their packages at every edit. */
const installedByCall = new WeakMap<RpmCall, InstalledPackages>();

function readInstalledPackages(call: RpmCall): InstalledPackages {
  const modules = call.action === 'module install';
  if (!modules && call.action !== 'install' && call.action !== 'in') return { words: [], modules };
  const words = call.packages.filter((word) => !/^@|[/()]|\.rpm$/.test(word.value) && !/\$\(|`/.test(word.raw));
  return Object.freeze({ words: Object.freeze(words), modules });
}

/** `name-version[-release]`, the version starting with a digit (after an optional epoch), as yum and dnf read it. */
export function hasRpmVersion(spec: string): boolean {
  for (let i = spec.indexOf('-'); i > 0; i = spec.indexOf('-', i + 1)) {
    if (/^(\d+:)?\d[\w.~^+*]*(-\d[\w.~^+*]*)?$/.test(spec.slice(i + 1))) return true;
  }
  return false;
}

/** zypper accepts `name=1.2`, `name>=1.2`, `name<2` (and `name-version`, as yum does). */
export function hasZypperVersion(spec: string): boolean {
  return /[=<>]/.test(spec) || hasRpmVersion(spec);
}

/**
 * Whether a package word names a version. A word using a variable that the Dockerfile declares (any ARG, or an ENV of
 * this stage or a stage it builds on) counts as pinned; undeclared variables expand to nothing. Undefined: unknown.
 */
export function isPinnedWord(word: ShellWord, declared: () => ReadonlySet<string>, pinned: (spec: string) => boolean): boolean | undefined {
  const names = referencedVariables(word);
  if (names.length === 0) return pinned(word.value);
  if (names.some((name) => declared().has(name))) return true;
  const expanded = word.value.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '');
  return expanded === '' ? undefined : pinned(expanded);
}

/** Names of the variables a word refers to (`$NAME`, `${NAME}`, `${NAME:-x}`). */
export function referencedVariables(word: ShellWord): string[] {
  // Most package words hold no variable: skip the regular expression (asked per word at every edit).
  if (!word.raw.includes('$')) return [];
  return [...word.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]);
}

/** Variables a RUN can see: every ARG declared before it, and ENV of its stage and of the stages that stage builds on. */
export function declaredVariables(doc: DockerfileDoc, run: Instruction): Set<string> {
  const line = run.getRange().start.line;
  const names = new Set<string>();
  for (const instruction of doc.instructions) {
    if (instruction.getRange().start.line >= line) break;
    const property = instruction.getKeyword() === 'ARG' ? (instruction as Arg).getProperty() : null;
    if (property) names.add(property.getName());
  }
  const addEnv = (instructions: Instruction[]): void => {
    for (const instruction of instructions) {
      if (instruction.getKeyword() !== 'ENV' || instruction.getRange().start.line >= line) continue;
      for (const property of (instruction as Env).getProperties()) names.add(property.getName());
    }
  };
  const seen = new Set<Stage>();
  let stage = runPlacement(doc, run).stage;
  if (!stage) addEnv(doc.instructions); // a fragment without FROM
  for (; stage && !seen.has(stage); stage = parentStage(doc, stage)) {
    seen.add(stage);
    addEnv(stage.instructions);
  }
  return names;
}
