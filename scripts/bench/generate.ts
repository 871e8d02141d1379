// Deterministic generators of realistic Dockerfiles and Compose files for the benchmarks (and the
// robustness tests): base images, package managers, multi-stage builds, users, secrets, healthchecks.

/** mulberry32: a tiny seeded PRNG, so every run lints the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number): boolean => rng() < p;

type Family = 'apt' | 'apk' | 'dnf' | 'yum' | 'zypper' | 'none';

const BASES: readonly { image: string; family: Family; lang?: 'node' | 'python' | 'go' | 'java' | 'ruby' }[] = [
  { image: 'debian:12-slim', family: 'apt' }, { image: 'debian', family: 'apt' }, { image: 'ubuntu:22.04', family: 'apt' },
  { image: 'ubuntu:latest', family: 'apt' }, { image: 'node:20-bookworm', family: 'apt', lang: 'node' },
  { image: 'node:20-alpine', family: 'apk', lang: 'node' }, { image: 'node', family: 'apt', lang: 'node' },
  { image: 'python:3.12-slim', family: 'apt', lang: 'python' }, { image: 'python:3.12-alpine', family: 'apk', lang: 'python' },
  { image: 'golang:1.22', family: 'apt', lang: 'go' }, { image: 'golang:1.22-alpine', family: 'apk', lang: 'go' },
  { image: 'eclipse-temurin:21-jre', family: 'apt', lang: 'java' }, { image: 'ruby:3.3', family: 'apt', lang: 'ruby' },
  { image: 'alpine:3.20', family: 'apk' }, { image: 'alpine', family: 'apk' }, { image: 'nginx:1.27-alpine', family: 'apk' },
  { image: 'fedora:40', family: 'dnf' }, { image: 'rockylinux:9', family: 'dnf' }, { image: 'centos:7', family: 'yum' },
  { image: 'registry.access.redhat.com/ubi9/ubi:9.4', family: 'dnf' }, { image: 'opensuse/leap:15.6', family: 'zypper' },
  { image: 'postgres:latest', family: 'apt' }, { image: 'postgres:16', family: 'apt' }, { image: 'redis:7', family: 'apt' },
  { image: 'mcr.microsoft.com/dotnet/aspnet:8.0', family: 'apt' },
];

const PACKAGES = ['curl', 'ca-certificates', 'git', 'build-essential', 'libpq-dev', 'wget', 'gnupg', 'unzip', 'tzdata', 'jq', 'openssl'];

function packageInstall(rng: Rng, family: Family): string {
  const pkgs = Array.from({ length: 1 + Math.floor(rng() * 4) }, () => pick(rng, PACKAGES));
  const pinned = chance(rng, 0.3);
  switch (family) {
    case 'apt': {
      const list = pkgs.map((p) => (pinned ? `${p}=1.2.${Math.floor(rng() * 9)}-1` : p)).join(' \\\n      ');
      const yes = chance(rng, 0.7) ? ' -y' : '';
      const recommends = chance(rng, 0.5) ? ' --no-install-recommends' : '';
      const clean = chance(rng, 0.5) ? ' \\\n && rm -rf /var/lib/apt/lists/*' : '';
      return chance(rng, 0.15)
        ? `RUN apt update && apt install -y ${pkgs.join(' ')}`
        : `RUN apt-get update \\\n && apt-get install${yes}${recommends} \\\n      ${list}${clean}`;
    }
    case 'apk': return `RUN apk ${chance(rng, 0.5) ? 'add --no-cache' : 'update && apk add'} ${pkgs.map((p) => (pinned ? `${p}=1.2.${Math.floor(rng() * 9)}-r0` : p)).join(' ')}`;
    case 'dnf': return `RUN dnf install${chance(rng, 0.7) ? ' -y' : ''} ${pkgs.join(' ')}${chance(rng, 0.5) ? ' && dnf clean all' : ''}`;
    case 'yum': return `RUN yum install${chance(rng, 0.7) ? ' -y' : ''} ${pkgs.join(' ')}${chance(rng, 0.5) ? ' && yum clean all' : ''}`;
    case 'zypper': return `RUN zypper${chance(rng, 0.6) ? ' --non-interactive' : ''} install ${pkgs.join(' ')}${chance(rng, 0.5) ? ' && zypper clean' : ''}`;
    case 'none': return 'RUN echo "no package manager"';
  }
}

function languageSteps(rng: Rng, lang: string | undefined): string[] {
  switch (lang) {
    case 'node': return [
      'COPY package.json package-lock.json ./',
      chance(rng, 0.5) ? 'RUN npm ci --omit=dev' : `RUN npm install${chance(rng, 0.4) ? ' -g typescript' : ''}`,
      chance(rng, 0.3) ? 'RUN yarn install && yarn build' : 'RUN npm run build',
    ];
    case 'python': return [
      'COPY requirements.txt .',
      `RUN pip install${chance(rng, 0.5) ? ' --no-cache-dir' : ''} ${chance(rng, 0.5) ? '-r requirements.txt' : 'flask gunicorn==22.0.0'}`,
    ];
    case 'go': return ['COPY go.mod go.sum ./', 'RUN go mod download', `RUN ${chance(rng, 0.3) ? 'go install github.com/a-h/templ/cmd/templ@latest && ' : ''}CGO_ENABLED=0 go build -o /out/app ./cmd/app`];
    case 'java': return ['COPY target/app.jar /app/app.jar'];
    case 'ruby': return ['COPY Gemfile Gemfile.lock ./', `RUN gem install bundler${chance(rng, 0.5) ? ':2.5.6' : ''} && bundle install`];
    default: return [];
  }
}

/** One realistic Dockerfile as a list of instructions (an instruction may span lines). */
export function dockerfileInstructions(rng: Rng, stagePrefix = ''): string[] {
  const base = pick(rng, BASES);
  const out: string[] = [];
  if (chance(rng, 0.2)) out.push('# syntax=docker/dockerfile:1');
  if (chance(rng, 0.3)) out.push(`ARG VERSION=${Math.floor(rng() * 5)}.${Math.floor(rng() * 10)}`);
  const multiStage = chance(rng, 0.45);
  const builder = `${stagePrefix}builder`;
  if (multiStage) {
    out.push(`FROM ${base.image} AS ${builder}`);
    out.push(`WORKDIR ${chance(rng, 0.1) ? 'src' : '/src'}`);
    out.push(packageInstall(rng, base.family));
    out.push(...languageSteps(rng, base.lang));
    out.push(chance(rng, 0.2) ? 'COPY . .' : 'COPY src/ ./src/');
    out.push(chance(rng, 0.2) ? 'RUN curl -sSL https://example.com/install.sh | sh' : 'RUN make build');
  }
  const runtime = multiStage && chance(rng, 0.6) ? pick(rng, BASES.filter((b) => b.family !== 'none')) : base;
  out.push(`FROM ${runtime.image}${multiStage && chance(rng, 0.3) ? ` AS ${stagePrefix}runtime` : ''}`);
  if (chance(rng, 0.15)) out.push('MAINTAINER someone@example.com');
  if (chance(rng, 0.4)) out.push(`LABEL org.opencontainers.image.source="https://github.com/example/app" \\\n      org.opencontainers.image.version="1.${Math.floor(rng() * 20)}.0"`);
  if (chance(rng, 0.25)) out.push(pick(rng, ['ENV POSTGRES_PASSWORD=hunter2', 'ARG NPM_TOKEN', 'ENV API_KEY=abc123def456', 'ENV DB_PASSWORD_FILE=/run/secrets/db', 'ARG GITHUB_TOKEN=ghp_notreal']));
  out.push(`ENV APP_ENV=production PORT=${pick(rng, [3000, 8000, 8080, 5000])}`);
  out.push(`WORKDIR ${chance(rng, 0.1) ? 'app' : '/app'}`);
  if (!multiStage) {
    out.push(packageInstall(rng, runtime.family));
    if (chance(rng, 0.3)) out.push(packageInstall(rng, runtime.family));
    out.push(...languageSteps(rng, runtime.lang));
  }
  if (chance(rng, 0.2)) out.push('RUN cd /tmp && wget https://example.com/tool.tar.gz && tar xzf tool.tar.gz');
  if (chance(rng, 0.1)) out.push('RUN sudo chown -R app /app');
  if (chance(rng, 0.15)) out.push('ADD https://example.com/config.tar.gz /opt/');
  if (multiStage) out.push(`COPY --from=${builder} ${chance(rng, 0.1) ? '/ /' : '/out/app /usr/local/bin/app'}`);
  else out.push(pick(rng, ['COPY . .', 'COPY . /app', 'COPY --chown=1000:1000 src/ /app/src/', 'ADD . /app']));
  if (chance(rng, 0.3)) out.push(pick(rng, ['RUN useradd -r -u 10001 app', 'RUN addgroup -S app && adduser -S app -G app', 'RUN groupadd -r app && useradd -r -g app app']));
  const exposed = pick(rng, ['80', '8080', '3000', '22', '8000/tcp', '443 8443']);
  out.push(`EXPOSE ${exposed}`);
  const user = rng();
  if (user < 0.35) out.push(pick(rng, ['USER app', 'USER 10001', 'USER node', 'USER 1000:1000']));
  else if (user < 0.45) out.push('USER root');
  const health = rng();
  if (health < 0.3) out.push('HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1');
  else if (health < 0.4) out.push('HEALTHCHECK CMD ["wget", "-qO-", "http://localhost:8080/health"]');
  if (chance(rng, 0.2)) out.push('ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]');
  out.push(pick(rng, ['CMD ["node", "server.js"]', 'CMD python app.py', 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]', 'CMD ["/usr/local/bin/app"]', 'CMD npm start']));
  if (chance(rng, 0.05)) out.push('CMD ["echo", "second"]');
  return out;
}

export function dockerfile(seed: number): string {
  const rng = random(seed);
  const text = dockerfileInstructions(rng).join('\n') + '\n';
  return chance(rng, 0.05) ? text.replace(/\n/g, '\r\n') : text;
}

/** A Dockerfile of exactly `count` instructions: realistic stages with distinct names, one after another. */
export function bigDockerfile(count: number, seed = 1): string {
  const rng = random(seed);
  const instructions: string[] = [];
  for (let stage = 0; instructions.length < count; stage++) {
    const next = dockerfileInstructions(rng, `s${stage}-`).filter((line) => !line.startsWith('# syntax') && !line.startsWith('ARG '));
    instructions.push(...next.slice(0, count - instructions.length));
  }
  return instructions.join('\n') + '\n';
}

const COMPOSE_IMAGES = ['postgres:16', 'postgres:latest', 'postgres', 'redis:7-alpine', 'redis', 'mysql:8.4', 'mongo:7', 'nginx:1.27', 'nginx:latest',
  'rabbitmq:3-management', 'node:20-alpine', 'python:3.12-slim', 'traefik:v3.1', 'grafana/grafana:11.1.0', 'prom/prometheus'];

/** One service block (indented for `services:`), realistic and often a little wrong. */
function composeService(rng: Rng, name: string, others: readonly string[], withAnchor: boolean): string {
  const lines: string[] = [`  ${name}:`];
  if (withAnchor && chance(rng, 0.3)) lines.push('    <<: *defaults');
  const image = pick(rng, COMPOSE_IMAGES);
  const builds = chance(rng, 0.3);
  if (builds) {
    lines.push(chance(rng, 0.5) ? '    build: .' : `    build:\n      context: ./${name}\n      dockerfile: Dockerfile`);
    if (chance(rng, 0.3)) lines.push(`    image: example/${name}:1.0.${Math.floor(rng() * 9)}`);
  } else {
    lines.push(`    image: ${image}`);
  }
  if (chance(rng, 0.3)) lines.push(`    container_name: ${chance(rng, 0.1) ? 'app' : `${name}-container`}`);
  if (chance(rng, 0.6)) lines.push(`    restart: ${pick(rng, ['unless-stopped', 'always', 'on-failure', 'no'])}`);
  if (chance(rng, 0.6)) {
    const host = 3000 + Math.floor(rng() * 200);
    lines.push('    ports:', `      - "${host}:${pick(rng, [80, 8080, 5432, 6379, 3000])}"`);
    if (chance(rng, 0.3)) lines.push(`      - ${host + 1000}:${pick(rng, [443, 9090])}`);
  }
  const env = rng();
  if (env < 0.3) {
    lines.push('    environment:', '      POSTGRES_USER: app', `      POSTGRES_PASSWORD: ${chance(rng, 0.5) ? 'example' : '${DB_PASSWORD}'}`, '      POSTGRES_DB: app');
  } else if (env < 0.55) {
    lines.push('    environment:', '      - NODE_ENV=production', `      - API_KEY=${chance(rng, 0.5) ? 'sk-123456' : '${API_KEY:?set it}'}`, `      - DATABASE_URL=postgres://app@db:5432/app`);
  } else if (env < 0.65) {
    lines.push('    env_file: .env');
  }
  if (chance(rng, 0.5)) {
    lines.push('    volumes:', `      - ${pick(rng, ['data', './data', 'db-data', `${name}-data`])}:${pick(rng, ['/var/lib/postgresql/data', '/data', '/var/lib/mysql', '/app/data'])}`);
    if (chance(rng, 0.2)) lines.push('      - /var/run/docker.sock:/var/run/docker.sock');
  }
  if (others.length > 0 && chance(rng, 0.5)) lines.push('    depends_on:', ...[...new Set([pick(rng, others), pick(rng, others)])].map((other) => `      - ${other}`));
  if (chance(rng, 0.35)) lines.push('    healthcheck:', `      test: ${chance(rng, 0.5) ? '["CMD", "pg_isready", "-U", "app"]' : 'curl -f http://localhost || exit 1'}`, '      interval: 10s', '      timeout: 5s', '      retries: 5');
  if (chance(rng, 0.2)) lines.push('    secrets:', '      - db_password');
  if (chance(rng, 0.3)) lines.push('    networks:', `      - ${pick(rng, ['backend', 'frontend'])}`);
  if (chance(rng, 0.15)) lines.push('    privileged: true');
  if (chance(rng, 0.25)) lines.push(`    user: "${pick(rng, ['1000:1000', 'root', 'node'])}"`);
  if (chance(rng, 0.2)) lines.push('    read_only: true', '    cap_drop:', '      - ALL');
  if (chance(rng, 0.2)) lines.push('    command: ["npm", "start"]');
  return lines.join('\n');
}

/** A Compose file of `serviceCount` services, with the top-level sections they use. */
export function composeFile(seed: number, serviceCount = 2 + Math.floor(random(seed * 7 + 3)() * 5)): string {
  const rng = random(seed);
  const names = Array.from({ length: serviceCount }, (_, i) => (i < 8 ? ['web', 'db', 'cache', 'worker', 'proxy', 'api', 'queue', 'metrics'][i] : `svc${i}`));
  const parts: string[] = [];
  if (chance(rng, 0.3)) parts.push(`version: "${pick(rng, ['3', '3.8', '2.4'])}"\n`);
  const anchors = chance(rng, 0.3);
  if (anchors) parts.push('x-defaults: &defaults\n  restart: unless-stopped\n  logging:\n    driver: json-file\n    options:\n      max-size: "10m"\n');
  parts.push('services:');
  names.forEach((name, i) => parts.push(composeService(rng, name, names.slice(0, i), anchors)));
  const volumes = [...new Set(['data', 'db-data', ...names.map((n) => `${n}-data`)])];
  parts.push('\nvolumes:\n' + volumes.map((volume) => `  ${volume}:`).join('\n'));
  parts.push('\nnetworks:\n  backend:\n  frontend:');
  if (chance(rng, 0.5)) parts.push('\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt');
  return parts.join('\n') + '\n';
}

/** Compose edits and Dockerfile edits target lines in the middle of these. */
export function bigCompose(serviceCount: number, seed = 1): string {
  return composeFile(seed, serviceCount);
}
