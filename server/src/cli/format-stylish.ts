import type { Finding, Severity } from '../analysis/types';
import { firstSafeFix } from './fix';
import type { FileReport } from './lint';
import { displayPath } from './paths';

export interface StylishOptions {
  cwd: string;
  color: boolean;
  fix: 'off' | 'write' | 'dry-run';
}

type Paint = (text: string) => string;
interface Palette { bold: Paint; dim: Paint; underline: Paint; green: Paint; severity: Record<Severity, Paint> }

function palette(color: boolean): Palette {
  const sgr = (open: number, close: number): Paint => (color ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text);
  return {
    bold: sgr(1, 22), dim: sgr(2, 22), underline: sgr(4, 24), green: sgr(32, 39),
    severity: { error: sgr(31, 39), warning: sgr(33, 39), info: sgr(36, 39), hint: sgr(90, 39) },
  };
}

/** ESLint-like: findings grouped by file with 1-based `line:col`, then one summary line. */
export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  const paint = palette(options.color);
  const out: string[] = [];
  if (options.fix !== 'off') out.push(...fixSummary(reports, options, paint));
  const withFindings = reports.filter((report) => report.findings.length > 0);
  for (const report of withFindings) {
    out.push('', paint.underline(displayPath(report.path, options.cwd)));
    out.push(...table(report.findings, paint));
  }
  const all = withFindings.flatMap((report) => report.findings);
  out.push('');
  if (all.length === 0) {
    out.push(paint.green(`✔ No problems found in ${plural(reports.length, 'file')}.`));
  } else {
    const count = (severity: Severity): number => all.filter((finding) => finding.severity === severity).length;
    const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'info')];
    if (count('hint') > 0) parts.push(plural(count('hint'), 'hint'));
    const fixable = all.filter((finding) => firstSafeFix(finding)).length;
    const mark = count('error') > 0 ? paint.severity.error('✖') : paint.severity.warning('⚠');
    out.push(paint.bold(`${mark} ${plural(all.length, 'problem')} (${parts.join(', ')})${fixable > 0 ? `, ${fixable} fixable with --fix` : ''}`));
  }
  return out.join('\n').replace(/^\n/, '') + '\n';
}

function table(findings: readonly Finding[], paint: Palette): string[] {
  const rows = findings.map((finding) => ({
    where: `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
    severity: finding.severity,
    message: finding.message.replace(/\s*[\r\n]+\s*/g, ' '),
    rule: finding.rule,
  }));
  const width = (pick: (row: (typeof rows)[number]) => string): number => Math.max(...rows.map((row) => pick(row).length));
  const whereWidth = width((row) => row.where);
  const severityWidth = width((row) => row.severity);
  const messageWidth = width((row) => row.message);
  return rows.map((row) => `  ${paint.dim(row.where.padEnd(whereWidth))}  ${paint.severity[row.severity](row.severity.padEnd(severityWidth))}  ${row.message.padEnd(messageWidth)}  ${paint.dim(row.rule)}`.trimEnd());
}

function fixSummary(reports: readonly FileReport[], options: StylishOptions, paint: Palette): string[] {
  const out: string[] = [];
  const dryRun = options.fix === 'dry-run';
  if (dryRun) for (const report of reports) if (report.diff) out.push(report.diff.trimEnd(), '');
  const changed = reports.filter((report) => report.fixed > 0);
  const total = changed.reduce((sum, report) => sum + report.fixed, 0);
  if (changed.length === 0) {
    out.push(dryRun ? 'Nothing would be fixed.' : 'Nothing to fix.');
    return out;
  }
  out.push(paint.green(`${dryRun ? 'Would fix' : 'Fixed'} ${plural(total, 'problem')} in ${plural(changed.length, 'file')}:`));
  for (const report of changed) {
    const sides = report.sideFiles.map((side) => `${side.created ? 'created' : 'extended'} ${side.path}`);
    out.push(`  ${displayPath(report.path, options.cwd)}: ${report.fixed} fixed${sides.length > 0 ? ` (${sides.join(', ')})` : ''}`);
  }
  return out;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
