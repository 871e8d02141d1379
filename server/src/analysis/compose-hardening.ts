/**
 * What the Compose security rules (service-user-missing, service-privileged, service-port-all-interfaces...)
 * share: the settings a service runs with (the project's files merged, `extends` within the
 * project followed), the image it pulls, whether this file is where a missing setting is reported,
 * the non-root user a fix suggests, host paths of bind mounts, and which images and ports are databases.
 */
import { ComposeDoc, type ComposeService } from './compose-doc';
import { isPlainMap, mergeModels, type PlainMap } from './compose-merge';
import type { ComposeNode } from './compose-node';
import { parseVolumeSpec, type VolumeMount } from './compose-volumes';
import { builtInUser, dropsPrivilegesInEntrypoint, familiarName, officialName, parseImageReference, type ImageReference } from './images';
import { interpolationRefs, isInterpolated, maskInterpolation } from './interpolation';

export { isRootUser } from './stage-user';

export interface ServiceSettings {
  service: ComposeService;
  /** What Compose runs: every file of the project merged, and the service it `extends` (in this project) merged under it. */
  settings: PlainMap;
  /**
   * Whether this file is the place to report a setting the service lacks. False when the project
   * is partial, the service extends one in a file we cannot see, or an earlier file of the project
   * (the base of this override) writes the service too: the finding goes there, once.
   */
  reportsMissing: boolean;
  /** True when the service builds its image (`build:`): the Dockerfile rules judge what the image does. */
  builds: boolean;
  /** The image pulled, when its name is literal (a variable in the tag only leaves `tag` null, see `tagHidden`). */
  image: ImageReference | undefined;
  tagHidden: boolean;
}

const cache = new WeakMap<ComposeDoc, ServiceSettings[]>();

/** One entry per service written in the file, in order. */
export function serviceSettings(doc: ComposeDoc): ServiceSettings[] {
  let result = cache.get(doc);
  if (result) return result;
  const model = doc.project.model;
  const elsewhere = servicesWrittenBefore(doc);
  result = doc.services.map((service) => {
    // The service's own settings through `effective`, so that the keys rules read are recorded (compose-reads.ts).
    const { settings, external } = withExtends(model, service.name, new Set(), service.effective);
    const builds = settings.build !== undefined && settings.build !== null;
    const image = builds ? undefined : literalImage(settings.image);
    return {
      service, settings, builds, image: image?.ref, tagHidden: image?.tagHidden ?? false,
      reportsMissing: !doc.project.partial && !external && !elsewhere.has(service.name),
    };
  });
  cache.set(doc, result);
  return result;
}

/** Services an earlier file of the project writes (for an override file: those of its base). */
function servicesWrittenBefore(doc: ComposeDoc): Set<string> {
  const names = new Set<string>();
  for (const file of doc.context.compose?.before ?? []) for (const service of new ComposeDoc(file.text).services) names.add(service.name);
  return names;
}

function withExtends(model: PlainMap, name: string, seen: Set<string>, settings?: PlainMap): { settings: PlainMap; external: boolean } {
  const services = isPlainMap(model.services) ? model.services : {};
  const own = settings ?? services[name];
  if (!isPlainMap(own)) return { settings: Object.create(null) as PlainMap, external: false };
  const parent = own.extends;
  if (parent === undefined || parent === null) return { settings: own, external: false };
  const target = typeof parent === 'string' ? parent : isPlainMap(parent) && parent.file === undefined && typeof parent.service === 'string' ? parent.service : undefined;
  if (target === undefined || isInterpolated(target) || seen.has(target)) return { settings: own, external: true };
  seen.add(name);
  const base = withExtends(model, target, seen);
  const merged = mergeModels([{ services: { s: base.settings } }, { services: { s: own } }]).services as PlainMap;
  return { settings: merged.s as PlainMap, external: base.external };
}

const MASK = '\u0000';

function literalImage(value: unknown): { ref: ImageReference; tagHidden: boolean } | undefined {
  if (typeof value !== 'string') return undefined;
  const masked = maskInterpolation(value, MASK);
  const ref = parseImageReference(masked);
  if (!ref || masked.slice(0, ref.spans.path[1]).includes(MASK)) return undefined;
  const tagHidden = !!ref.tag?.includes(MASK) || !!ref.digest?.includes(MASK);
  return { ref: tagHidden ? { ...ref, text: value, tag: null, digest: null } : { ...ref, text: value }, tagHidden };
}

/** `true`, also written as the string Compose accepts. */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** The non-root user to suggest: the one the image ships (`node`, `nonroot`, `app`), else a numeric UID:GID. */
export function suggestedUser(image: ImageReference | undefined): { user: string; shipped: boolean } {
  const shipped = image ? builtInUser(image) : null;
  return shipped ? { user: shipped.name, shipped: true } : { user: '1000:1000', shipped: false };
}

/** A bind mount written in the service, with its host path. */
export interface HostMount {
  /** The `volumes:` item. */
  item: ComposeNode;
  mount: VolumeMount;
  /** Where to report: the host path in the short syntax, the `source:` value in the long one. */
  range: ComposeNode['range'];
}

/** The service's bind mounts (short and long syntax) that Compose keeps after merging the project's files. */
export function hostMounts(entry: ServiceSettings): HostMount[] {
  const effective = Array.isArray(entry.settings.volumes) ? entry.settings.volumes.map(parseVolumeSpec) : [];
  const result: HostMount[] = [];
  for (const item of entry.service.get('volumes')?.items() ?? []) {
    const mount = parseVolumeSpec(item.toJS());
    if (!mount?.source || (mount.type !== 'bind' && mount.type !== 'npipe')) continue;
    // An override file that mounts something else at the same target replaces this mount.
    if (!effective.some((other) => other?.target === mount.target && other?.source === mount.source)) continue;
    const range = item.kind === 'scalar' && mount.sourceSpan ? item.subRange(...mount.sourceSpan) : (item.get('source')?.range ?? item.range);
    result.push({ item, mount, range });
  }
  return result;
}

/**
 * A host path in a canonical form for comparisons: `~` for the home folder (also `$HOME`,
 * `${HOME}`), no `.`/`..` segments, no repeated or trailing slashes. Undefined for relative and
 * Windows paths and for paths with other variables (they are only known when Compose runs).
 */
export function canonicalHostPath(source: string): string | undefined {
  let path = source.replace(/^(\$HOME|\$\{HOME\})(?=\/|$)/, '~');
  if (interpolationRefs(path).length > 0) return undefined;
  if (!path.startsWith('/') && path !== '~' && !path.startsWith('~/')) return undefined;
  const home = path.startsWith('~');
  const segments: string[] = [];
  for (const segment of path.slice(home ? 1 : 0).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  path = (home ? '~/' : '/') + segments.join('/');
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Official and well-known database, cache and broker images (familiar names). */
const DATABASE_IMAGES = new Set([
  'postgres', 'mysql', 'mariadb', 'percona', 'mongo', 'redis', 'valkey/valkey', 'rabbitmq', 'couchdb', 'cassandra', 'neo4j', 'influxdb',
  'elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch', 'opensearchproject/opensearch', 'clickhouse', 'clickhouse/clickhouse-server',
  'memcached', 'couchbase', 'arangodb', 'mcr.microsoft.com/mssql/server', 'cockroachdb/cockroach', 'postgis/postgis', 'timescale/timescaledb',
  'redis/redis-stack', 'redis/redis-stack-server', 'eqalpha/keydb', 'bitnami/postgresql', 'bitnami/mysql', 'bitnami/mariadb', 'bitnami/mongodb',
  'bitnami/redis', 'bitnami/rabbitmq', 'bitnami/elasticsearch', 'bitnami/cassandra', 'bitnami/kafka', 'apache/kafka', 'confluentinc/cp-kafka',
]);

/** Ports databases, caches and brokers listen on, with the name for messages. */
const DATABASE_PORTS = new Map<number, string>([
  [5432, 'PostgreSQL'], [3306, 'MySQL/MariaDB'], [33060, 'MySQL X'], [1433, 'SQL Server'], [1521, 'Oracle'], [27017, 'MongoDB'], [27018, 'MongoDB'],
  [6379, 'Redis'], [11211, 'Memcached'], [9200, 'Elasticsearch'], [9300, 'Elasticsearch'], [5672, 'AMQP'], [5984, 'CouchDB'], [9042, 'Cassandra'],
  [7474, 'Neo4j'], [7687, 'Neo4j'], [8086, 'InfluxDB'], [8123, 'ClickHouse'], [26257, 'CockroachDB'], [8529, 'ArangoDB'], [2181, 'ZooKeeper'], [9092, 'Kafka'],
]);

export function isDatabaseImage(image: ImageReference): boolean {
  return DATABASE_IMAGES.has(officialName(image) ?? familiarName(image)) || dropsPrivilegesInEntrypoint(image);
}

/** The database a container port belongs to by convention (`5432` -> PostgreSQL), if any. */
export function databaseOfPort(port: string | undefined): string | undefined {
  return port !== undefined && /^\d+$/.test(port) ? DATABASE_PORTS.get(Number(port)) : undefined;
}
