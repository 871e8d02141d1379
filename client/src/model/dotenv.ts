/**
 * Reads a `.env` file the way Compose does: `NAME=value`, `export NAME=value`, `#` comments,
 * single quotes literal, double quotes with \n \t \" \\ escapes, unquoted values trimmed and cut at
 * ` #`. Problems name the line, never the value.
 */
import type { EnvVar } from '../engine/run-args';

export interface DotenvResult {
  variables: EnvVar[];
  problems: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseDotenv(text: string): DotenvResult {
  const variables = new Map<string, string>();
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index].trim();
    if (line === '' || line.startsWith('#')) continue;
    const body = line.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    const name = (eq >= 0 ? body.slice(0, eq) : body).trim();
    if (!NAME.test(name)) {
      problems.push(`line ${index + 1}: "${name.slice(0, 40)}" is not a variable name`);
      continue;
    }
    if (eq < 0) continue; // `NAME` alone takes the value from the environment in Compose; nothing to pass here.
    let value = body.slice(eq + 1).trim();
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      let end = findClosingQuote(value, quote);
      while (end < 0 && index + 1 < lines.length) {
        index += 1;
        value += `\n${lines[index]}`;
        end = findClosingQuote(value, quote);
      }
      if (end < 0) {
        problems.push(`line ${index + 1}: the quoted value of ${name} is not closed`);
        continue;
      }
      const inner = value.slice(1, end);
      value = quote === '"' ? inner.replace(/\\([nt"\\])/g, (_, char: string) => ({ n: '\n', t: '\t', '"': '"', '\\': '\\' })[char] ?? char) : inner;
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    variables.set(name, value);
  }
  return { variables: [...variables].map(([name, value]) => ({ name, value })), problems };
}

function findClosingQuote(value: string, quote: string): number {
  for (let i = 1; i < value.length; i += 1) {
    if (quote === '"' && value[i] === '\\') i += 1;
    else if (value[i] === quote) return i;
  }
  return -1;
}
