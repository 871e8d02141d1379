// fast-check arbitraries: Dockerfile-ish and Compose-ish text built from the pieces that trip
// parsers up, random text, and real files with random damage.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { composeFile, dockerfile } from '../../../scripts/bench/generate';
import { dockerfileFixtures, repoRoot } from '../../helpers/fixtures';

const EOLS = ['\n', '\n', '\n', '\r\n', '\r', ' \\\n', ' \\\r\n'];

const KEYWORDS = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG',
  'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'from', 'run', 'Copy', 'RUNN', 'ONBUILD RUN', 'ONBUILD COPY', 'HEALTHCHECK CMD', 'HEALTHCHECK NONE'];

const DOCKERFILE_PIECES = [
  'alpine', 'alpine:3.20', 'alpine:latest', 'node:20-alpine', 'postgres', 'scratch', 'debian@sha256:0123', 'ghcr.io/org/app:1.0', 'localhost:5000/x',
  'AS', 'AS build', 'as base', '--from=build', '--from=0', '--platform=linux/amd64', '--platform=$BUILDPLATFORM', '--chown=1000:1000', '--mount=type=cache,target=/root/.cache',
  '--interval=30s', '--link', '$VAR', '${VAR}', '${VAR:-default}', '${VAR:?}', '$HOME/app', '"quoted string"', "'single'", '"unterminated',
  '["executable", "param"]', '["sh", "-c"]', '[', ']', '[]', '{', '}', '&&', '||', '|', '|&', ';', '&', '\\', '`', '$(', ')', '<<EOF', '<<-EOT', 'EOF', 'EOT',
  '#', '# comment', 'apt-get', 'apt-get update', 'apt-get install -y', 'apt-get install --no-install-recommends curl=7.88', 'apt', 'rm -rf /var/lib/apt/lists/*',
  'apk add', 'apk add --no-cache', 'yum install -y', 'dnf install', 'zypper install', 'pip install', 'pip install --no-cache-dir flask==3.0', 'npm install -g',
  'npm ci', 'yarn install', 'gem install', 'go install x@latest', 'curl -fsSL https://x | sh', 'wget -O- https://x | bash', 'sudo', 'cd /tmp', 'set -o pipefail',
  'useradd -m app', 'chown -R app /app', 'root', '0', '0:0', 'app', '1000', '22', '80/tcp', '8080/udp', '65536', '-1', 'key=value', 'A=1 B=2',
  'POSTGRES_PASSWORD=hunter2', 'API_TOKEN', 'SECRET_KEY=abc', '.', './', '/', '/app', 'app', 'src/', '*.txt', '.env', 'id_rsa', 'archive.tar.gz',
  'http://example.com/file.tar.gz', 'true', 'exit 1', ' ', '\t', 'é', 'ß', '日本', '🐳', '\ud800', '\udfff', '\u00a0', '\u2028', '\f', '\x7f',
];

const DIRECTIVES = ['# escape=`', '# escape=\\', '# syntax=docker/dockerfile:1', '# check=skip=JSONArgsRecommended', '# hadolint ignore=DL3008',
  '# container-hygiene ignore=image-latest-tag', '# container-hygiene ignore-file=user-missing', '# hadolint global ignore=DL3006', '#escape=x'];

const dockerfileLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom('', '', '', ' ', '  ', '\t'), fc.constantFrom(...KEYWORDS), fc.array(fc.constantFrom(...DOCKERFILE_PIECES), { maxLength: 7 }))
    .map(([indent, keyword, pieces]) => `${indent}${keyword} ${pieces.join(' ')}`) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...DOCKERFILE_PIECES), { maxLength: 6 }).map((pieces) => `  ${pieces.join(' ')}`) },
  { weight: 1, arbitrary: fc.constantFrom(...DIRECTIVES, '', '   ', '#') },
);

/** Lines of Dockerfile vocabulary joined by assorted line breaks and continuations. */
export const dockerfileText: fc.Arbitrary<string> = fc.array(fc.tuple(dockerfileLine, fc.constantFrom(...EOLS)), { maxLength: 30 })
  .map((lines) => lines.map(([line, eol]) => line + eol).join(''));

const COMPOSE_KEYS = ['services', 'web', 'db', 'image', 'build', 'context', 'dockerfile', 'ports', 'environment', 'env_file', 'volumes', 'networks', 'depends_on',
  'condition', 'secrets', 'configs', 'healthcheck', 'test', 'user', 'privileged', 'restart', 'container_name', 'command', 'entrypoint', 'x-common', 'version',
  'deploy', 'resources', 'limits', 'cap_add', 'read_only', 'network_mode', 'pid', 'file', 'external', 'driver', '<<', 'POSTGRES_PASSWORD', 'MYSQL_ROOT_PASSWORD'];

const COMPOSE_VALUES = ['', 'nginx', 'nginx:latest', 'postgres:16', '"3.8"', '"80:80"', '8080:80', '127.0.0.1:5432:5432', '"${PORT:-80}:80"', '${IMAGE}', '.', './app',
  'db-data:/var/lib/postgresql/data', '/var/run/docker.sock:/var/run/docker.sock', 'true', 'false', 'null', '~', '0', '-1', '1e3', '[a, b]', '{a: 1}', '[', '{',
  '&anchor', '&anchor {a: 1}', '*anchor', '!reset', '!override []', '|', '>-', "'quoted'", '"unterminated', 'secret', 'hunter2', 'host', 'service_healthy',
  '["CMD", "curl", "-f", "http://localhost"]', 'é', '🐳', '\ud800', '\t', '#comment', '- item', '-', '---', '...', ': colon', 'a: b: c'];

const composeLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...COMPOSE_KEYS), fc.constantFrom(...COMPOSE_VALUES))
    .map(([depth, key, value]) => `${'  '.repeat(depth)}${key}:${value ? ` ${value}` : ''}`) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...COMPOSE_VALUES)).map(([depth, value]) => `${'  '.repeat(depth)}- ${value}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '# container-hygiene ignore=service-image-latest', '# dclint disable-line', '---', '   ', '\t- x') },
);

/** Lines of Compose vocabulary at assorted indentations. */
export const composeText: fc.Arbitrary<string> = fc.array(fc.tuple(composeLine, fc.constantFrom('\n', '\n', '\n', '\r\n')), { maxLength: 30 })
  .map((lines) => `services:\n${lines.map(([line, eol]) => line + eol).join('')}`);

/** Any text at all: printable, control and astral characters, lone surrogates. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('\ud800', '\udc00', '\r', '\n', '\\\n', '\u0000', '\ufeff')), { maxLength: 100 }).map((parts) => parts.join('')),
);

type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicateLine' | 'deleteLine'; line: number }
  | { op: 'swapLines'; line: number; other: number }
  | { op: 'lineEndings'; eol: string }
  | { op: 'truncate'; at: number };

const mutation = (pieces: readonly string[]): fc.Arbitrary<Mutation> => fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...pieces, ...EOLS, '\\', '"', "'", '#', '$', '{', '['), fc.string({ unit: 'binary', maxLength: 6 })) }),
  fc.record({ op: fc.constantFrom('duplicateLine' as const, 'deleteLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('lineEndings' as const), eol: fc.constantFrom('\n', '\r\n', '\r') }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const m of mutations) {
    const lines = result.split('\n');
    switch (m.op) {
      case 'delete': { const at = m.at % (result.length + 1); result = result.slice(0, at) + result.slice(at + m.length); break; }
      case 'insert': { const at = m.at % (result.length + 1); result = result.slice(0, at) + m.text + result.slice(at); break; }
      case 'duplicateLine': { const i = m.line % lines.length; lines.splice(i, 0, lines[i]); result = lines.join('\n'); break; }
      case 'deleteLine': { lines.splice(m.line % lines.length, 1); result = lines.join('\n'); break; }
      case 'swapLines': { const i = m.line % lines.length; const j = m.other % lines.length; [lines[i], lines[j]] = [lines[j], lines[i]]; result = lines.join('\n'); break; }
      case 'lineEndings': result = result.replace(/\r\n|\r|\n/g, m.eol); break;
      case 'truncate': result = result.slice(0, m.at % (result.length + 1)); break;
    }
  }
  return result;
}

function composeFixtures(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/^(docker-)?compose[\w.-]*\.ya?ml$/.test(name)) found.push(path);
    }
  };
  walk(join(repoRoot, 'test', 'fixtures', 'compose'));
  walk(join(repoRoot, 'examples'));
  return found.map((path) => readFileSync(path, 'utf8'));
}

/** Real files (the project's fixtures) and generated realistic ones, to be damaged by mutations. */
export const SEEDS = {
  dockerfile: [...dockerfileFixtures().map(([, text]) => text), ...Array.from({ length: 12 }, (_, i) => dockerfile(1000 + i))],
  compose: [...composeFixtures(), ...Array.from({ length: 8 }, (_, i) => composeFile(2000 + i))],
};


/** A real or realistic file with up to `max` random mutations. */
export function mutatedFile(kind: 'dockerfile' | 'compose', max = 4): fc.Arbitrary<string> {
  const pieces = kind === 'dockerfile' ? DOCKERFILE_PIECES : COMPOSE_VALUES;
  return fc.tuple(fc.constantFrom(...SEEDS[kind]), fc.array(mutation(pieces), { maxLength: max })).map(([text, mutations]) => mutate(text, mutations));
}

/** One generated line repeated hundreds to thousands of times: catches work that grows faster than the file. */
export function repeatedLines(kind: 'dockerfile' | 'compose'): fc.Arbitrary<string> {
  const line = kind === 'dockerfile' ? dockerfileLine : composeLine;
  return fc.tuple(line, fc.integer({ min: 500, max: 4000 }), fc.constantFrom('\n', '\r\n', ' \\\n'))
    .map(([text, count, eol]) => (kind === 'dockerfile' ? 'FROM alpine:3.20\n' : 'services:\n  web:\n') + `${text}${eol}`.repeat(count));
}

/** One random edit of a file of that kind (insert, delete, line moves, line endings...), for edit sequences. */
export function editOf(kind: 'dockerfile' | 'compose'): fc.Arbitrary<Mutation> {
  return mutation(kind === 'dockerfile' ? DOCKERFILE_PIECES : COMPOSE_VALUES);
}

/**
 * Line-level edits that keep a Compose file mostly YAML, so that the rules and their fixes run on
 * odd but parseable layouts (byte-level damage mostly yields syntax errors, where rules stay quiet).
 */
type ComposeMutation =
  | { op: 'insertEntry'; line: number; shift: number; key: string; value: string }
  | { op: 'insertItem'; line: number; shift: number; value: string }
  | { op: 'reindent'; line: number; by: number }
  | { op: 'comment'; line: number; text: string }
  | { op: 'retype'; line: number; value: string }
  | { op: 'rekey'; line: number; key: string }
  | { op: 'blankLine'; line: number; text: string };

const COMPOSE_FLAVOURS = ['!reset', '!override', '&a', '*common', '*defaults', '&x {}', '[]', '{}', '[a]', '{a: b}', '"quoted: value"', "'it''s'", '|-', '>', '""', 'no', 'yes', 'on',
  '0.0.0.0:80:80', '"22:22"', '[ "80:80" ]', 'root', '0:0', '"1000"', 'postgres:latest', 'mysql', './data:/var/lib/mysql', '/etc:/etc:ro', '{ privileged: true }'];

const composeMutation: fc.Arbitrary<ComposeMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insertEntry' as const), line: fc.nat(), shift: fc.constantFrom(0, 0, 0, 1, -1), key: fc.constantFrom(...COMPOSE_KEYS), value: fc.constantFrom(...COMPOSE_VALUES, ...COMPOSE_FLAVOURS) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insertItem' as const), line: fc.nat(), shift: fc.constantFrom(0, 0, 0, 1, -1), value: fc.constantFrom(...COMPOSE_VALUES, ...COMPOSE_FLAVOURS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reindent' as const), line: fc.nat(), by: fc.constantFrom(-2, -1, 1, 2, 4) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('comment' as const), line: fc.nat(), text: fc.constantFrom(' # note', ' #', '  # container-hygiene ignore=service-privileged', ' # "quoted" \'x\'', '\t# tab') }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('retype' as const), line: fc.nat(), value: fc.constantFrom(...COMPOSE_VALUES, ...COMPOSE_FLAVOURS) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rekey' as const), line: fc.nat(), key: fc.constantFrom(...COMPOSE_KEYS, '"image"', "'user'", 'x-ext') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('blankLine' as const), line: fc.nat(), text: fc.constantFrom('', '  ', '# comment', '    # indented comment', '---') }) },
);

const INDENT = /^[ \t]*/;

export function mutateCompose(text: string, mutations: readonly ComposeMutation[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  for (const m of mutations) {
    const i = m.line % lines.length;
    const indent = INDENT.exec(lines[i])?.[0] ?? '';
    const isItem = /^[ \t]*- /.test(lines[i]);
    // A sibling goes before an entry (or item) at its indentation; a shift nests it or closes the parent, which YAML may reject.
    const shifted = 'shift' in m && m.shift !== 0 ? (m.shift < 0 ? indent.slice(2) : `${indent}  `) : indent;
    switch (m.op) {
      case 'insertEntry': lines.splice(i, 0, `${isItem ? `${shifted}- ` : shifted}${m.key}:${m.value ? ` ${m.value}` : ''}`); break;
      case 'insertItem': lines.splice(i, 0, `${shifted}- ${m.value}`); break;
      case 'reindent': lines[i] = m.by < 0 ? lines[i].slice(Math.min(-m.by, indent.length)) : ' '.repeat(m.by) + lines[i]; break;
      case 'comment': lines[i] += m.text; break;
      case 'retype': {
        // Replace the value after `key:` (or the item after `- `) and keep the rest of the line's shape.
        const match = /^([ \t]*(?:- )?[^\s#:-][^:#]*:)( .*)?$/.exec(lines[i]) ?? /^([ \t]*-)( .*)?$/.exec(lines[i]);
        if (match) lines[i] = `${match[1]} ${m.value}`;
        break;
      }
      case 'rekey': lines[i] = lines[i].replace(/^([ \t]*(?:- )?)[^\s#:'"-][^:#]*:/, `$1${m.key}:`); break;
      case 'blankLine': lines.splice(i, 0, m.text); break;
    }
  }
  return lines.join(eol);
}

/** A real or realistic Compose file with up to `max` line-level edits that mostly keep it YAML. */
export function restructuredCompose(max = 5): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...SEEDS.compose), fc.array(composeMutation, { minLength: 1, maxLength: max }), fc.boolean())
    .map(([text, mutations, crlf]) => {
      const mutated = mutateCompose(text, mutations);
      return crlf ? mutated.replace(/\r?\n/g, '\r\n') : mutated;
    });
}
