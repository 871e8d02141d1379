/** Sizes as the docker CLI prints them (`1.98MB`, `5B`, `2.3kB`, `1.5GiB`) and back. */

const DECIMAL: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15 };
const BINARY: Record<string, number> = { kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4, pib: 1024 ** 5 };

/** Bytes from docker's human size text, or null for `N/A` and anything unreadable. */
export function parseHumanSize(text: string | null | undefined): number | null {
  if (!text) return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*(?:\(|$)/.exec(text);
  if (!match) return null;
  const unit = (match[2] || 'b').toLowerCase();
  const factor = DECIMAL[unit] ?? BINARY[unit];
  return factor === undefined ? null : Math.round(Number(match[1]) * factor);
}

/** Decimal units like `docker images` (`1.98 MB`). */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]}`;
}

/** `3 days`, `5 minutes`: how long ago a date was, for lists. */
export function formatAge(date: Date | null, now = new Date()): string {
  if (!date) return 'unknown age';
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  const steps: [number, string][] = [[60 * 60 * 24 * 365, 'year'], [60 * 60 * 24 * 30, 'month'], [60 * 60 * 24 * 7, 'week'], [60 * 60 * 24, 'day'], [60 * 60, 'hour'], [60, 'minute']];
  for (const [size, name] of steps) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return `${count} ${name}${count === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/**
 * Dates as the CLI prints them: RFC 3339 (`2026-11-28T15:53:46Z`) or Go's default
 * (`2026-11-28 15:53:42 +0000 UTC`). Null when unreadable.
 */
export function parseEngineDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const go = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ([+-]\d{2})(\d{2})/.exec(text);
  const iso = go ? `${go[1]}T${go[2]}${go[3]}:${go[4]}` : text;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
