// Measures agreement with peers' own test cases (hadolint, Trivy, BuildKit), read from a folder given on
// the command line and never copied into the project. Usage: npm run conformance -- <dir> [--json out.json] [--verbose]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis/analyze';
import { defaultSettings, type AnalysisSettings, type Finding } from '../server/src/analysis/types';
import { allRules } from '../server/src/rules/registry';

interface Case {
  peer: string;
  rule: string;
  dockerfile: string;
  expect: 'catches' | 'passes' | { count: number };
  config?: Record<string, unknown>;
  lines?: number[];
  /** false when upstream does not compare line numbers for this record. */
  linesChecked?: boolean;
  noWarnings?: boolean;
  source: string;
  label: string;
}

interface Tally { peerRule: string; ours: string[]; total: number; agree: number; disagreements: string[] }

const args = process.argv.slice(2);
const valued = new Set(['--json', '--rule', '--min-overall']);
const positional = args.filter((arg, i) => !arg.startsWith('--') && !valued.has(args[i - 1]));
const defaultDirs = [join(__dirname, '..', '..', 'shared', 'conformance'), '/work/shared/conformance'];
const dir = positional[0] ?? defaultDirs.find((candidate) => existsSync(candidate));
const minOverall = args.includes('--min-overall') ? Number(args[args.indexOf('--min-overall') + 1]) : undefined;
if (!dir && args.includes('--if-present')) {
  console.log(`conformance: no case folder given or found (${defaultDirs.join(', ')}); skipped.`);
  process.exit(0);
}
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const verbose = args.includes('--verbose');
const only = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
if (!dir || !existsSync(dir)) {
  console.error(`Usage: npm run conformance -- <folder with hadolint-cases.json, trivy-cases.json, buildkit-cases.json>${dir ? ` (not found: ${dir})` : ''}`);
  process.exit(2);
}

function load(file: string, peer: string): Case[] {
  const path = join(dir as string, file);
  if (!existsSync(path)) return [];
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
  return raw.map((c) => {
    // BuildKit's check options can come from a build argument the Dockerfile does not hold; the
    // equivalent `# check=` directive on a new first line says the same thing to a linter.
    // The build argument replaces a `# check=` directive already in the file.
    const checkOption = (c.frontendAttrs as Record<string, string> | undefined)?.['build-arg:BUILDKIT_DOCKERFILE_CHECK'];
    const text = String(c.dockerfile);
    const replacesDirective = checkOption !== undefined && /^#\s*check\s*=/i.test(text);
    const prefix = checkOption && !replacesDirective ? `# check=${checkOption}\n` : '';
    const body = replacesDirective ? text.replace(/^#\s*check\s*=[^\n]*/i, `# check=${checkOption}`) : text;
    return {
      peer, rule: String(c.rule), dockerfile: prefix + body + (peer === 'hadolint' ? '\n' : ''),
      expect: c.expect as Case['expect'], config: c.config as Record<string, unknown> | undefined,
      lines: (c.lines as number[] | undefined)?.map((line) => line + (prefix ? 1 : 0)),
      linesChecked: c.linesChecked as boolean | undefined, noWarnings: c.noWarnings as boolean | undefined,
      source: String(c.source), label: String(c.case ?? c.test ?? c.source),
    };
  });
}

const cases = [...load('hadolint-cases.json', 'hadolint'), ...load('trivy-cases.json', 'trivy'), ...load('buildkit-cases.json', 'buildkit')];
const rulesByAlias = new Map<string, string[]>();
for (const rule of allRules) for (const alias of rule.aliases) rulesByAlias.set(alias.toLowerCase(), [...(rulesByAlias.get(alias.toLowerCase()) ?? []), rule.id]);

function settingsFor(config: Record<string, unknown> | undefined): AnalysisSettings {
  return {
    ...defaultSettings,
    trustedRegistries: (config?.trustedRegistries as string[] | undefined) ?? [],
    labelSchema: config?.labelSchema as Record<string, string> | undefined,
    strictLabels: config?.strictLabels as boolean | undefined,
    // Conformance runs every rule, including those off by default.
    severityOverrides: Object.fromEntries(allRules.filter((rule) => rule.severity === 'off').map((rule) => [rule.id, 'warning'])),
  };
}

function agrees(testCase: Case, findings: Finding[], ours: string[]): boolean {
  const mine = findings.filter((finding) => ours.includes(finding.rule));
  if (testCase.peer === 'buildkit' && testCase.noWarnings) {
    const buildkitAliased = findings.filter((f) => f.aliases.some((alias) => /^[A-Z][a-z]+[A-Z]/.test(alias)));
    return buildkitAliased.length === 0;
  }
  if (testCase.expect === 'catches') {
    if (testCase.peer === 'buildkit' && testCase.lines && testCase.linesChecked !== false) return testCase.lines.every((line) => mine.some((f) => f.range.start.line + 1 === line));
    return mine.length > 0;
  }
  if (testCase.expect === 'passes') return mine.length === 0;
  return mine.length === testCase.expect.count;
}

const tallies = new Map<string, Tally>();
let uncovered = 0;
for (const testCase of cases) {
  const key = `${testCase.peer}:${testCase.rule}`;
  if (only && testCase.rule !== only) continue;
  const ours = rulesByAlias.get(testCase.rule.toLowerCase()) ?? [];
  const tally = tallies.get(key) ?? { peerRule: key, ours, total: 0, agree: 0, disagreements: [] };
  tallies.set(key, tally);
  if (ours.length === 0 && !testCase.noWarnings) { uncovered++; continue; }
  const findings = analyze(testCase.dockerfile, 'dockerfile', settingsFor(testCase.config));
  tally.total++;
  if (agrees(testCase, findings, ours)) tally.agree++;
  else tally.disagreements.push(`${testCase.source} (${testCase.label}): expected ${JSON.stringify(testCase.expect)}, ours: ${findings.filter((f) => ours.includes(f.rule)).map((f) => `${f.rule}@${f.range.start.line + 1}`).join(', ') || 'none'}`);
}

const rows = [...tallies.values()].sort((a, b) => a.peerRule.localeCompare(b.peerRule, 'en', { numeric: true }));
const pct = (a: number, b: number): string => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
console.log(`${'peer rule'.padEnd(44)} ${'our rule(s)'.padEnd(34)} agree/total`);
for (const row of rows) {
  console.log(`${row.peerRule.padEnd(44)} ${(row.ours.join(',') || '(not covered)').padEnd(34)} ${String(row.agree).padStart(4)}/${String(row.total).padEnd(4)} ${pct(row.agree, row.total)}`);
  if (verbose) for (const line of row.disagreements) console.log(`    ✗ ${line}`);
}
let failed = false;
for (const peer of ['hadolint', 'trivy', 'buildkit']) {
  const peerRows = rows.filter((row) => row.peerRule.startsWith(`${peer}:`) && row.total > 0);
  const agree = peerRows.reduce((sum, row) => sum + row.agree, 0);
  const total = peerRows.reduce((sum, row) => sum + row.total, 0);
  const covered = rows.filter((row) => row.peerRule.startsWith(`${peer}:`) && row.ours.length > 0).length;
  const all = rows.filter((row) => row.peerRule.startsWith(`${peer}:`)).length;
  console.log(`${peer.padEnd(9)} ${agree}/${total} cases agree ${pct(agree, total)}; ${covered}/${all} peer rules aliased`);
  if (peer === 'hadolint' && minOverall !== undefined && total > 0 && (100 * agree) / total < minOverall) {
    console.error(`conformance: hadolint agreement ${((100 * agree) / total).toFixed(1)}% is below the required ${minOverall}%`);
    failed = true;
  }
}
console.log(`${uncovered} cases belong to peer rules without an alias of ours`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
if (failed) process.exit(1);
