/**
 * `.dockerignore` matching as the Docker CLI and BuildKit do it (moby/patternmatcher): one pattern
 * a line, `#` comments, `!` re-includes, `*` and `?` within a path component, `**` across them,
 * and the last matching line wins. A pattern that matches a folder excludes what is inside it.
 */

export interface IgnorePattern {
  /** The pattern as cleaned (no leading `/`, no trailing `/`, no `!`). */
  pattern: string;
  exclusion: boolean;
  line: number;
  regex: RegExp;
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, line) => {
    let entry = raw.trim();
    if (entry === '' || entry.startsWith('#')) return;
    const exclusion = entry.startsWith('!');
    if (exclusion) entry = entry.slice(1).trim();
    entry = entry.replace(/\\/g, '/').replace(/^(\.?\/)+/, '').replace(/\/+$/, '');
    if (entry === '') return;
    patterns.push({ pattern: entry, exclusion, line, regex: toRegex(entry) });
  });
  return patterns;
}

/** Whether a context path (`.git`, `src/app.js`) is left out of the build context by these patterns. */
export function isIgnored(patterns: readonly IgnorePattern[], path: string): boolean {
  const parts = path.replace(/^\.?\//, '').split('/');
  const candidates = parts.map((_part, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const pattern of patterns) {
    if (candidates.some((candidate) => pattern.regex.test(candidate))) ignored = !pattern.exclusion;
  }
  return ignored;
}

function toRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') { i++; source += '(?:.*/)?'; } else source += '.*';
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else { source += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`; i = close; }
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
