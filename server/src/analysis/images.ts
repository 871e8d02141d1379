/**
 * Knowledge about container images, shared by Dockerfile and Compose rules: parsing an image
 * reference (registry, repository, tag, digest, with Docker Hub's `docker.io` and `library/`
 * defaults), the distribution family a base image belongs to, the non-root user it ships, and
 * whether it already runs without root. Pure functions over strings: no parser, no network.
 *
 * The parser follows the grammar of distribution/reference (the library Docker itself uses); no
 * npm package of that grammar is a dependency of this project, so it is written out here.
 */

/** Offsets `[start, end)` into the text given to {@link parseImageReference}. */
export type Span = readonly [number, number];

export interface ImageReference {
  /** The text as given. */
  text: string;
  /** Registry host as written (`ghcr.io`, `localhost:5000`), or null for an implicit Docker Hub. */
  registry: string | null;
  /** Normalised registry: `docker.io` for Docker Hub in any spelling, otherwise the host lower-cased. */
  domain: string;
  /** Repository path as written, without registry, tag or digest (`node`, `bitnami/redis`). */
  path: string;
  /** Normalised repository: Docker Hub single names get `library/` (`library/node`). */
  repository: string;
  /** Last path component (`node`, `static` for `gcr.io/distroless/static`). */
  name: string;
  tag: string | null;
  digest: string | null;
  /** True when the text contains `$` variables, so every field is only what is written. */
  hasVariables: boolean;
  /** Where each part sits in `text`. */
  spans: { registry: Span | null; path: Span; tag: Span | null; digest: Span | null };
}

/** Hosts that all mean Docker Hub. `hub.docker.com` is the website, accepted as a spelling in settings. */
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

/**
 * Parses `[registry/]path[:tag][@digest]`. Like Docker, the first component is a registry only when
 * it contains `.` or `:`, is `localhost`, or has upper-case letters. Returns null for empty text,
 * text with spaces, or a reference without a repository path.
 */
export function parseImageReference(text: string): ImageReference | null {
  if (text === '' || /\s/.test(text)) return null;
  const at = text.indexOf('@');
  const digest: Span | null = at >= 0 ? [at + 1, text.length] : null;
  const beforeDigest = at >= 0 ? at : text.length;
  const slash = text.indexOf('/');
  const first = slash >= 0 && slash < beforeDigest ? text.slice(0, slash) : null;
  const isRegistry = first !== null && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const registry: Span | null = isRegistry ? [0, slash] : null;
  const pathStart = isRegistry ? slash + 1 : 0;
  const colon = text.lastIndexOf(':', beforeDigest - 1);
  const hasTag = colon >= pathStart && !text.slice(colon + 1, beforeDigest).includes('/');
  const tag: Span | null = hasTag ? [colon + 1, beforeDigest] : null;
  const path: Span = [pathStart, hasTag ? colon : beforeDigest];
  if (path[1] <= path[0]) return null;
  const registryText = registry ? text.slice(...registry) : null;
  const domain = registryText === null || isDockerHub(registryText) ? 'docker.io' : registryText.toLowerCase();
  const pathText = text.slice(...path);
  const repository = domain === 'docker.io' && !pathText.includes('/') ? `library/${pathText}` : pathText;
  return {
    text, registry: registryText, domain, path: pathText, repository,
    name: pathText.slice(pathText.lastIndexOf('/') + 1),
    tag: tag ? text.slice(...tag) : null,
    digest: digest ? text.slice(...digest) : null,
    hasVariables: text.includes('$'),
    spans: { registry, path, tag, digest },
  };
}

/** Whether a registry host (as written in an image or a setting) is Docker Hub. */
export function isDockerHub(registry: string): boolean {
  return DOCKER_HUB_HOSTS.has(registry.toLowerCase());
}

/** An official Docker Hub image (`node`, `docker.io/library/node`); these are the ones the tables below describe. */
export function officialName(ref: ImageReference): string | null {
  return ref.domain === 'docker.io' && ref.repository.startsWith('library/') ? ref.repository.slice('library/'.length) : null;
}

/** The short name people write: `node`, `bitnami/redis`, `gcr.io/distroless/static`. */
export function familiarName(ref: ImageReference): string {
  return ref.domain === 'docker.io' ? (officialName(ref) ?? ref.repository) : `${ref.domain}/${ref.path}`;
}

/** `scratch`: the empty image, which has no shell, no users and no files. */
export function isScratch(ref: ImageReference): boolean {
  return officialName(ref) === 'scratch';
}

/**
 * Which package and user tools a base image has. `debian` covers Ubuntu and the Debian-based
 * default variants of official images; `rhel` covers Fedora, CentOS, UBI and the like (full images,
 * not the `-minimal`/`-micro` ones without `useradd`); `unknown` when nothing tells.
 */
export type DistroFamily = 'alpine' | 'busybox' | 'debian' | 'rhel' | 'distroless' | 'scratch' | 'windows' | 'unknown';

/** Official images whose default tags are built on Debian or Ubuntu. */
const DEBIAN_BASED_OFFICIAL = new Set([
  'debian', 'ubuntu', 'buildpack-deps', 'node', 'python', 'ruby', 'golang', 'rust', 'php', 'perl', 'gcc', 'openjdk',
  'eclipse-temurin', 'maven', 'gradle', 'tomcat', 'jetty', 'groovy', 'clojure', 'elixir', 'erlang', 'haskell', 'julia',
  'r-base', 'swift', 'nginx', 'httpd', 'haproxy', 'postgres', 'redis', 'mongo', 'rabbitmq', 'mariadb', 'wordpress',
  'drupal', 'joomla', 'nextcloud', 'ghost', 'memcached', 'cassandra', 'neo4j', 'solr', 'zookeeper', 'couchdb', 'influxdb',
]);
const RHEL_BASED_OFFICIAL = new Set(['fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'amazoncorretto', 'mysql']);
const DEBIAN_TAG = /(^|-)(bookworm|bullseye|buster|stretch|trixie|sid|slim|jammy|noble|focal|bionic|xenial|debian)($|[-.\d])/;

export function distroFamily(ref: ImageReference): DistroFamily {
  const official = officialName(ref);
  const tag = (ref.tag ?? '').toLowerCase();
  if (official === 'scratch') return 'scratch';
  if (ref.domain === 'gcr.io' && ref.path.startsWith('distroless/')) return 'distroless';
  if ((ref.domain === 'mcr.microsoft.com' && ref.path.startsWith('windows')) || /windowsservercore|nanoserver|ltsc20/.test(tag)) return 'windows';
  if (ref.name === 'alpine' || /(^|-)alpine/.test(tag)) return 'alpine';
  if (official === 'busybox') return 'busybox';
  if (/(^|-)(minimal|micro)($|-)/.test(tag) || /ubi\d*-(minimal|micro)$/.test(ref.path)) return 'unknown';
  if (/(^|\/)ubi\d*(\/ubi)?$/.test(ref.path) || /(^|-)ubi\d*($|-)/.test(tag)) return 'rhel';
  if (official && RHEL_BASED_OFFICIAL.has(official) && !/debian/.test(tag)) return 'rhel';
  if (official && DEBIAN_BASED_OFFICIAL.has(official)) return 'debian';
  if (ref.domain === 'mcr.microsoft.com' && ref.path.startsWith('dotnet/')) return 'debian';
  return DEBIAN_TAG.test(tag) ? 'debian' : 'unknown';
}

/** Shell command that creates a system user and group `name`, or null when the family has no known tool. */
export function addUserCommand(family: DistroFamily, name: string): string | null {
  switch (family) {
    case 'alpine':
    case 'busybox':
      return `addgroup -S ${name} && adduser -S -G ${name} ${name}`;
    case 'debian':
      return `groupadd --system ${name} && useradd --system --gid ${name} --create-home ${name}`;
    case 'rhel':
      return `groupadd -r ${name} && useradd -r -g ${name} -m ${name}`;
    default:
      return null;
  }
}

export interface ImageUser {
  name: string;
  uid: number;
  gid: number;
}

/** The non-root user an image ships but does not switch to by default (`USER node` is up to you). */
export function builtInUser(ref: ImageReference): ImageUser | null {
  if (officialName(ref) === 'node') return { name: 'node', uid: 1000, gid: 1000 };
  if (distroFamily(ref) === 'distroless') return { name: 'nonroot', uid: 65532, gid: 65532 };
  // .NET 8 and later images add `app` (UID 1654, also in $APP_UID).
  if (ref.domain === 'mcr.microsoft.com' && /^dotnet\/(runtime|aspnet|sdk|runtime-deps)$/.test(ref.path)) {
    const major = Number.parseInt(ref.tag ?? '', 10);
    if (Number.isNaN(major) || major >= 8) return { name: 'app', uid: 1654, gid: 1654 };
  }
  return null;
}

/** Official images whose Dockerfile ends with a non-root USER. */
const NON_ROOT_OFFICIAL = new Set(['memcached', 'solr', 'haproxy', 'sonarqube', 'elasticsearch', 'kibana', 'logstash']);

/** Well-known publisher images whose Dockerfile ends with a non-root USER (`domain/repository`). */
const NON_ROOT_REPOSITORIES = new Set([
  'docker.io/grafana/grafana', 'docker.io/grafana/grafana-oss', 'docker.io/grafana/grafana-enterprise', 'docker.io/grafana/loki',
  'docker.io/prom/prometheus', 'docker.io/prom/alertmanager', 'docker.io/prom/node-exporter', 'docker.io/prom/pushgateway',
  'quay.io/prometheus/prometheus', 'quay.io/prometheus/alertmanager', 'quay.io/prometheus/node-exporter', 'quay.io/prometheus/pushgateway',
  'docker.io/jenkins/jenkins', 'docker.elastic.co/elasticsearch/elasticsearch', 'docker.elastic.co/kibana/kibana', 'docker.elastic.co/logstash/logstash',
]);

/** True when the image's own configuration already sets a non-root user, so no USER is needed. */
export function runsAsNonRootByDefault(ref: ImageReference): boolean {
  const official = officialName(ref);
  if (official) return NON_ROOT_OFFICIAL.has(official);
  if (distroFamily(ref) === 'distroless') return /(^|-)nonroot($|-)/.test(ref.tag ?? '');
  if (NON_ROOT_REPOSITORIES.has(`${ref.domain}/${ref.repository}`)) return true;
  return ref.domain === 'docker.io' && (ref.repository === 'nginxinc/nginx-unprivileged' || ref.repository.startsWith('bitnami/'));
}

/** Official database and broker images whose entrypoint starts as root only to step down to a service user. */
const DROPS_PRIVILEGES_OFFICIAL = new Set([
  'postgres', 'mysql', 'mariadb', 'percona', 'redis', 'mongo', 'rabbitmq', 'couchdb', 'cassandra', 'neo4j', 'zookeeper', 'influxdb',
]);

/** True for images whose entrypoint drops root by itself (postgres steps down to `postgres`, redis to `redis`...). */
export function dropsPrivilegesInEntrypoint(ref: ImageReference): boolean {
  const official = officialName(ref);
  return official !== null && DROPS_PRIVILEGES_OFFICIAL.has(official);
}

/** Password variables of official images that also accept `<NAME>_FILE`, a path to a file holding the value (Docker secrets). */
const FILE_VARIANT_VARIABLES = new Set([
  'POSTGRES_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'MARIADB_ROOT_PASSWORD', 'MARIADB_PASSWORD',
  'MONGO_INITDB_ROOT_PASSWORD', 'WORDPRESS_DB_PASSWORD',
]);

/** Whether official images read this variable from a file named by `<name>_FILE` (not RABBITMQ_DEFAULT_PASS since 3.9). */
export function hasFileVariant(variable: string): boolean {
  return FILE_VARIANT_VARIABLES.has(variable.toUpperCase());
}

/**
 * Whether a registry matches one entry of a trusted-registries setting: exact host (Docker Hub in
 * any spelling), `*` for all, `*.example.com` for its subdomains, and an entry without a port for
 * every port of that host.
 */
export function registryMatches(domain: string, entry: string): boolean {
  const wanted = entry.trim().toLowerCase().replace(/\/+$/, '');
  const host = domain.toLowerCase();
  if (wanted === '*') return true;
  if (isDockerHub(wanted)) return isDockerHub(host);
  if (wanted.startsWith('*.')) return withoutPort(host).endsWith(wanted.slice(1));
  return host === wanted || (!wanted.includes(':') && withoutPort(host) === wanted);
}

function withoutPort(host: string): string {
  return host.replace(/:\d+$/, '');
}
