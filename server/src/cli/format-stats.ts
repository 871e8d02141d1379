import type { FileReport } from './lint';

/**
 * `--stats`: how often each rule fired (most frequent first, then by id) and in how many files,
 * plus how many files of each kind were linted; for surveying a corpus or choosing rules to adopt.
 */
export function formatStats(reports: readonly FileReport[]): string {
  const perRule = new Map<string, { findings: number; files: number }>();
  for (const report of reports) {
    const counted = new Set<string>();
    for (const finding of report.findings) {
      const entry = perRule.get(finding.rule) ?? { findings: 0, files: 0 };
      entry.findings++;
      if (!counted.has(finding.rule)) entry.files++;
      counted.add(finding.rule);
      perRule.set(finding.rule, entry);
    }
  }
  const rows = [...perRule].sort(([a, x], [b, y]) => y.findings - x.findings || (a < b ? -1 : a > b ? 1 : 0));
  const dockerfiles = reports.filter((report) => report.kind === 'dockerfile').length;
  const composeFiles = reports.length - dockerfiles;
  const total = rows.reduce((sum, [, entry]) => sum + entry.findings, 0);
  const out = ['Findings per rule:'];
  if (rows.length === 0) out.push('  (none)');
  const idWidth = Math.max(0, ...rows.map(([id]) => id.length));
  const countWidth = Math.max(0, ...rows.map(([, entry]) => String(entry.findings).length));
  for (const [id, entry] of rows) out.push(`  ${id.padEnd(idWidth)}  ${String(entry.findings).padStart(countWidth)}  in ${plural(entry.files, 'file')}`);
  out.push(`${plural(total, 'finding')} from ${plural(rows.length, 'rule')} in ${plural(reports.length, 'file')} (${plural(dockerfiles, 'Dockerfile')}, ${plural(composeFiles, 'Compose file')}).`);
  return out.join('\n') + '\n';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
