import type { Arg, Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from './dockerfile-doc';

/**
 * Build-time variables as BuildKit expands them in instructions other than RUN: where `$NAME` and
 * `${NAME...}` occur (single quotes and escaped dollars do not expand), what a word expands to, and
 * which arguments the builder predefines. Pure functions over strings.
 */

/** Arguments BuildKit defines in the global scope: usable in FROM, and in a stage only after `ARG NAME`. */
export const PLATFORM_ARGS: ReadonlyMap<string, string> = new Map([
  ['BUILDPLATFORM', 'linux/amd64'], ['BUILDOS', 'linux'], ['BUILDARCH', 'amd64'], ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'], ['TARGETOS', 'linux'], ['TARGETARCH', 'amd64'], ['TARGETVARIANT', ''], ['TARGETSTAGE', ''],
]);

/** Proxy arguments reach RUN without a declaration but are not expanded in other instructions. */
export const PROXY_ARGS: ReadonlySet<string> = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);

/** Internal arguments BuildKit never reports as undefined. */
export const NON_ENV_ARGS: ReadonlySet<string> = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

export interface VariableReference {
  name: string;
  /** `-`, `:-`, `+`, `:+`, `?`, `:?`, `#`, `%`, `/`..., or null for `$NAME` and `${NAME}`. */
  modifier: string | null;
  /** `[start, end)` of the whole `$...` text. */
  start: number;
  end: number;
}

/** Variable references in a word or argument list, nested ones (`${A:-$B}`) included. */
export function variableReferences(text: string, escape: string, base = 0): VariableReference[] {
  const found: VariableReference[] = [];
  // An explicit stack instead of recursion: `${A:-${A:-...}}` may nest thousands deep.
  const frames: { text: string; base: number; i: number; doubleQuoted: boolean }[] = [{ text, base, i: 0, doubleQuoted: false }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    const { text: t } = frame;
    if (frame.i >= t.length) {
      frames.pop();
      continue;
    }
    const i = frame.i;
    const ch = t[i];
    frame.i++;
    if (ch === escape) frame.i++;
    else if (ch === "'" && !frame.doubleQuoted) {
      const close = t.indexOf("'", i + 1);
      frame.i = close < 0 ? t.length : close + 1;
    } else if (ch === '"') frame.doubleQuoted = !frame.doubleQuoted;
    else if (ch === '$' && t[i + 1] === '{') {
      const close = matchingBrace(t, i + 2, escape);
      frame.i = close + 1;
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(t.slice(i + 2, close))?.[0];
      if (name) {
        const rest = t.slice(i + 2 + name.length, close);
        const modifier = /^(:?[-+?]|##?|%%?|\/\/?)/.exec(rest)?.[0] ?? null;
        found.push({ name, modifier, start: frame.base + i, end: frame.base + Math.min(close + 1, t.length) });
        if (modifier) frames.push({ text: rest.slice(modifier.length), base: frame.base + i + 2 + name.length + modifier.length, i: 0, doubleQuoted: false });
      }
    } else if (ch === '$') {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(t.slice(i + 1))?.[0];
      if (name) {
        found.push({ name, modifier: null, start: frame.base + i, end: frame.base + i + 1 + name.length });
        frame.i += name.length;
      }
    }
  }
  return found;
}

function matchingBrace(text: string, from: number, escape: string): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === escape) i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

/**
 * Expands one word like BuildKit's shell lexer: quotes removed, escapes applied, `$NAME`, `${NAME}`,
 * `${NAME:-w}`, `${NAME-w}`, `${NAME:+w}`, `${NAME+w}`. Returns null for forms it does not model.
 */
export function expandWord(text: string, env: ReadonlyMap<string, string>, escape: string): string | null {
  let out = '';
  let doubleQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escape && i + 1 < text.length) {
      const next = text[++i];
      out += doubleQuoted && !['"', '$', escape].includes(next) ? ch + next : next;
    } else if (ch === "'" && !doubleQuoted) {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return null;
      out += text.slice(i + 1, close);
      i = close;
    } else if (ch === '"') doubleQuoted = !doubleQuoted;
    else if (ch === '$' && text[i + 1] === '{') {
      const close = matchingBrace(text, i + 2, escape);
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/.exec(text.slice(i + 2, close));
      if (!match || close >= text.length) return null;
      const value = env.get(match[1]);
      const word = match[2] ? expandWord(match[3], env, escape) : '';
      if (word === null) return null;
      const unset = value === undefined || (match[2]?.startsWith(':') && value === '');
      if (!match[2]) out += value ?? '';
      else if (match[2].endsWith('-')) out += unset ? word : value;
      else out += unset ? '' : word;
      i = close;
    } else if (ch === '$' && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0] ?? '';
      out += env.get(name) ?? '';
      i += name.length;
    } else out += ch;
  }
  return doubleQuoted ? null : out;
}

export interface GlobalArg {
  name: string;
  /** The default value as written (quotes included), or null for `ARG NAME`. */
  rawDefault: string | null;
  instruction: Instruction;
}

/** ARGs before the first FROM: the only variables FROM lines can use, besides the platform ones. */
export function globalArgs(doc: DockerfileDoc): GlobalArg[] {
  const args: GlobalArg[] = [];
  for (const instruction of doc.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') break;
    if (keyword !== 'ARG') continue;
    for (const property of (instruction as Arg).getProperties()) {
      const range = property.getValueRange();
      args.push({ name: property.getName(), rawDefault: range ? doc.textOf(range) : property.getAssignmentOperator() ? '' : null, instruction });
    }
  }
  return args;
}

// distribution/reference grammar, which Docker uses to parse image references.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** Whether Docker would accept the text as an image reference (lower-case repository, valid tag and digest). */
export function isValidImageReference(text: string): boolean {
  return text.length > 0 && !/^[a-f0-9]{64}$/.test(text) && REFERENCE.test(text) && text.split(/[:@]/)[0].length <= 255;
}

/**
 * Variables that official base images set in their configuration (PATH in all of them). The
 * builder reads the real image; a static linter can only know these, so names outside the list are
 * still reported for images it does not know.
 */
export const COMMON_IMAGE_ENV: ReadonlySet<string> = new Set([
  'PATH', 'LANG', 'LC_ALL', 'GPG_KEY', 'GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN', 'JAVA_HOME', 'JAVA_VERSION', 'NODE_VERSION',
  'YARN_VERSION', 'PYTHON_VERSION', 'PYTHON_SHA256', 'RUBY_VERSION', 'RUBY_MAJOR', 'GEM_HOME', 'BUNDLE_APP_CONFIG',
  'BUNDLE_SILENCE_ROOT_WARNING', 'PHP_INI_DIR', 'PHP_VERSION', 'PHPIZE_DEPS', 'NGINX_VERSION', 'PGDATA', 'PG_MAJOR',
  'PG_VERSION', 'CATALINA_HOME', 'TOMCAT_VERSION', 'MAVEN_HOME', 'MAVEN_CONFIG', 'GRADLE_HOME', 'GRADLE_VERSION',
  'CARGO_HOME', 'RUSTUP_HOME', 'RUST_VERSION', 'DOTNET_VERSION', 'ASPNET_VERSION', 'APP_UID', 'HTTPD_PREFIX',
]);

/** The candidate closest to a misspelt name (at most two edits away, BuildKit's "did you mean"), or null. */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance > 0 && distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
