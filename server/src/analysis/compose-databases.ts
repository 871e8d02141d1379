/**
 * Where database images keep their data (DESIGN.md, "Knowledge the rules need"), and how a
 * service's mounts relate to that place: shared by database-without-volume,
 * database-volume-wrong-path and database-bind-mount. Pure functions over the parsed Compose model.
 */
import type { ComposeDoc, ComposeService } from './compose-doc';
import { insertKey, appendItem } from './compose-edits';
import { isPlainMap } from './compose-merge';
import type { ComposeNode } from './compose-node';
import { parseVolumeSpec, type VolumeMount } from './compose-volumes';
import { parseImageReference } from './images';
import { interpolationRefs, isInterpolated } from './interpolation';
import type { Fix, TextEdit } from './types';

/** The newest postgres major whose layout we know; untagged and `latest` are treated as this. */
const NEWEST_POSTGRES = 18;

interface DatabaseSpec {
  /** Name for messages (`postgres`, `mysql`). */
  label: string;
  /** Repositories as people write them: official names, `vendor/name`, or `registry/path` for vendor registries. */
  repositories: readonly string[];
  /** Data location for a tag (null: the tag is not judged, e.g. influxdb 3); `major` is undefined when the tag has no version. */
  locate(major: number | undefined, environment: Record<string, unknown>): Located | null;
  /** Mostly used as a cache (redis): a missing volume is worth an info, not a warning. */
  cache?: boolean;
}

interface Located {
  /** Where the data files live (e.g. PGDATA). undefined when a variable decides it. */
  dataPath: string | undefined;
  /** The directory to mount: the image's own VOLUME when it holds the data, else the data path. */
  mountPath: string | undefined;
  /** False when the image declares no VOLUME there (elasticsearch): a mount at a parent folder then holds the data too. */
  hidesParents?: boolean;
  /** Label with the version when it matters (`postgres 16`, `postgres 18+`). */
  label?: string;
  /** The version was assumed (untagged or `latest`): say so in messages. */
  assumedNewest?: boolean;
}

const fixed = (dataPath: string, mountPath = dataPath) => (): Located => ({ dataPath, mountPath });

const DATABASES: readonly DatabaseSpec[] = [
  { label: 'postgres', repositories: ['postgres', 'postgis/postgis', 'pgvector/pgvector', 'timescale/timescaledb'], locate: locatePostgres },
  { label: 'mysql', repositories: ['mysql', 'mysql/mysql-server'], locate: fixed('/var/lib/mysql') },
  { label: 'mariadb', repositories: ['mariadb'], locate: fixed('/var/lib/mysql') },
  { label: 'percona', repositories: ['percona', 'percona/percona-server'], locate: fixed('/var/lib/mysql') },
  { label: 'mongo', repositories: ['mongo', 'mongodb/mongodb-community-server'], locate: fixed('/data/db') },
  { label: 'redis', repositories: ['redis', 'redis/redis-stack-server', 'redis/redis-stack', 'valkey/valkey'], locate: fixed('/data'), cache: true },
  // RABBITMQ_MNESIA_BASE lives inside the VOLUME; older guides mount it directly, which also persists the data.
  { label: 'rabbitmq', repositories: ['rabbitmq'], locate: fixed('/var/lib/rabbitmq/mnesia', '/var/lib/rabbitmq') },
  { label: 'couchdb', repositories: ['couchdb'], locate: fixed('/opt/couchdb/data') },
  { label: 'cassandra', repositories: ['cassandra'], locate: fixed('/var/lib/cassandra') },
  { label: 'neo4j', repositories: ['neo4j'], locate: fixed('/data') },
  { label: 'clickhouse', repositories: ['clickhouse', 'clickhouse/clickhouse-server', 'yandex/clickhouse-server'], locate: fixed('/var/lib/clickhouse') },
  // InfluxDB 1.x and 2.x only: 3.x keeps data where `--data-dir` says, and `latest` has moved between majors.
  { label: 'influxdb', repositories: ['influxdb'], locate: (major) => (major === 2 ? { ...fixed('/var/lib/influxdb2')(), label: 'influxdb 2' } : major === 1 ? { ...fixed('/var/lib/influxdb')(), label: 'influxdb 1' } : null) },
  { label: 'elasticsearch', repositories: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch'], locate: () => ({ ...fixed('/usr/share/elasticsearch/data')(), hidesParents: false }) },
];

/**
 * postgres ≤17 keeps PGDATA in `/var/lib/postgresql/data` (its VOLUME); 18+ in
 * `/var/lib/postgresql/<major>/docker` under VOLUME `/var/lib/postgresql`. A PGDATA setting wins.
 */
function locatePostgres(major: number | undefined, environment: Record<string, unknown>): Located {
  const assumedNewest = major === undefined;
  const version = major ?? NEWEST_POSTGRES;
  const volume = version >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
  const label = assumedNewest ? `postgres ${NEWEST_POSTGRES}+` : `postgres ${version}`;
  const pgdata = environment.PGDATA;
  let dataPath: string | undefined = version >= 18 ? `/var/lib/postgresql/${version}/docker` : volume;
  if (typeof pgdata === 'string' && pgdata !== '') dataPath = isInterpolated(pgdata) ? undefined : normalizePath(pgdata);
  const mountPath = dataPath === undefined ? undefined : isWithin(dataPath, volume) ? volume : dataPath;
  return { dataPath, mountPath, label, assumedNewest };
}

/** A service running a known database image, with where its data lives. */
export interface ServiceDatabase {
  /** `postgres 16`, `postgres 18+`, `mysql`. */
  label: string;
  /** The image as Compose runs it (the override's, when it changes it). */
  image: string;
  dataPath: string | undefined;
  /** The path to mount a volume at; undefined when a variable decides it. */
  mountPath: string | undefined;
  /** The image declares a VOLUME at `mountPath`, which hides mounts at parent folders. */
  hidesParents: boolean;
  /** `" (its tag names no version, so it is taken as the newest, postgres 18+)"`, or an empty string. */
  versionNote: string;
  cache: boolean;
}

/**
 * The services that run a database, each with it; none when the file is part of a project that could
 * not be read whole (an unread base file may hold the volume).
 */
export function* databaseServices(doc: ComposeDoc): Generator<{ service: ComposeService; db: ServiceDatabase }> {
  if (doc.project.partial) return;
  for (const service of doc.services) {
    const db = serviceDatabase(service);
    if (db) yield { service, db };
  }
}

/** The database a service runs, from its effective image; undefined for other images and built images. */
export function serviceDatabase(service: ComposeService): ServiceDatabase | undefined {
  const effective = service.effective;
  if (effective.build !== undefined || typeof effective.image !== 'string') return undefined;
  const image = readImage(effective.image);
  if (!image) return undefined;
  const spec = DATABASES.find((candidate) => candidate.repositories.some((repository) => image.matches(repository)));
  if (!spec) return undefined;
  if (image.tag === undefined && spec.label === 'postgres') {
    // The tag is a variable: the layout depends on the version, so only PGDATA can tell.
    return { label: 'postgres', image: effective.image, dataPath: undefined, mountPath: undefined, hidesParents: true, versionNote: '', cache: false };
  }
  const environment = isPlainMap(effective.environment) ? effective.environment : {};
  const located = spec.locate(majorOf(image.tag ?? null, spec.label), environment);
  if (!located) return undefined;
  const label = located.label ?? spec.label;
  const versionNote = located.assumedNewest ? ` (its tag names no version, so it is taken as the newest, ${label})` : '';
  return { label, image: effective.image, dataPath: located.dataPath, mountPath: located.mountPath, hidesParents: located.hidesParents ?? true, versionNote, cache: !!spec.cache };
}

/** postgres family: `16`, `16.4-alpine`, `pg16` / `2.17.0-pg16` (timescale, pgvector); undefined for `latest`, `alpine`, none. */
function majorOf(tag: string | null, label: string): number | undefined {
  if (!tag || tag === 'latest') return undefined;
  const match = (label === 'postgres' ? /(?:^|-)pg(\d+)/.exec(tag) : null) ?? /^(\d+)/.exec(tag);
  return match ? Number(match[1]) : undefined;
}

interface ReadImage {
  /** Tag after expanding `${X:-default}`; null when untagged; undefined when a variable without default decides it. */
  tag: string | null | undefined;
  matches(repository: string): boolean;
}

/**
 * Reads an image reference that may hold variables: defaults are used, an unknown registry
 * (`${REGISTRY}/postgres:16`) is ignored, an unknown repository makes the image unknown.
 */
function readImage(text: string): ReadImage | undefined {
  const UNKNOWN = '\u0000';
  let expanded = '';
  let cursor = 0;
  for (const ref of interpolationRefs(text)) {
    const known = /^:?-$/.test(ref.operator) && !ref.argument.includes('$');
    expanded += text.slice(cursor, ref.start) + (known ? ref.argument : UNKNOWN);
    cursor = ref.end;
  }
  expanded += text.slice(cursor);
  const slash = expanded.indexOf('/');
  if (slash > 0 && expanded.slice(0, slash).includes(UNKNOWN)) expanded = expanded.slice(slash + 1);
  const ref = parseImageReference(expanded);
  if (!ref || ref.path.includes(UNKNOWN) || ref.registry?.includes(UNKNOWN)) return undefined;
  const tag = ref.tag?.includes(UNKNOWN) ? undefined : ref.tag;
  const path = ref.path.toLowerCase();
  const familiar = ref.domain === 'docker.io' ? ref.repository.replace(/^library\//, '') : `${ref.domain}/${path}`;
  return {
    tag,
    // Mirrors (`mirror.gcr.io/library/postgres`, `registry.example.com/postgres`) count as the image itself.
    matches: (repository) => familiar === repository || path === repository || path === `library/${repository}` || path.endsWith(`/library/${repository}`),
  };
}

// ---- mounts --------------------------------------------------------------------------------

/** One entry of the service's effective `volumes:`, and the node that writes it in this file. */
export interface DatabaseMount {
  mount: VolumeMount;
  target: string;
  /** The list item in the analysed file, when written here (not in another file of the project). */
  node?: ComposeNode;
}

export interface DatabaseMounts {
  /** Mounts that hold the data (at the mount path, or between it and the data path; any parent when no VOLUME hides it). */
  covering: DatabaseMount[];
  /** Mounts near the data that miss it: a parent the image's own volume hides, or a folder inside it. */
  misplaced: DatabaseMount[];
  /** The service decides in a way we do not judge: tmpfs at the data path, volumes_from, a target in a variable. */
  undecidable: boolean;
}

/** Classifies the service's effective mounts against the database's data location. */
export function databaseMounts(service: ComposeService, db: ServiceDatabase): DatabaseMounts {
  const result: DatabaseMounts = { covering: [], misplaced: [], undecidable: false };
  const { dataPath, mountPath } = db;
  const effective = service.effective;
  if (effective.volumes_from !== undefined || dataPath === undefined || mountPath === undefined) return { ...result, undecidable: true };
  const locals = localMounts(service);
  for (const raw of Array.isArray(effective.volumes) ? effective.volumes : []) {
    const mount = parseVolumeSpec(raw);
    if (!mount?.target || isInterpolated(mount.target)) {
      result.undecidable = true;
      continue;
    }
    const target = normalizePath(mount.target);
    const key = JSON.stringify(raw);
    const index = locals.findIndex((local) => local.key === key);
    const node = index >= 0 ? locals.splice(index, 1)[0].node : undefined;
    const entry: DatabaseMount = { mount, target, ...(node ? { node } : {}) };
    const parentOfData = isWithin(dataPath, target) && target !== '/';
    if (parentOfData && (isWithin(target, mountPath) || !db.hidesParents)) {
      if (mount.type === 'tmpfs') result.undecidable = true;
      else result.covering.push(entry);
    } else if (parentOfData || (isWithin(target, mountPath) && !looksLikeFile(mount))) {
      result.misplaced.push(entry);
    }
  }
  for (const tmpfs of Array.isArray(effective.tmpfs) ? effective.tmpfs : []) {
    if (typeof tmpfs !== 'string') continue;
    const target = normalizePath(tmpfs.split(':')[0]);
    if (isWithin(dataPath, target) && isWithin(target, mountPath)) result.undecidable = true;
  }
  return result;
}

function localMounts(service: ComposeService): { key: string; node: ComposeNode }[] {
  return (service.get('volumes')?.items() ?? []).map((node) => ({ key: JSON.stringify(node.toJS()), node }));
}

/** `./my.cnf:/var/lib/mysql/my.cnf` mounts a file, not the data folder. */
function looksLikeFile(mount: VolumeMount): boolean {
  const last = (path: string | undefined): string => (path ?? '').replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  return /\.[A-Za-z0-9]{1,5}$/.test(last(mount.target)) || (mount.type === 'bind' && /\.[A-Za-z0-9]{1,5}$/.test(last(mount.source)));
}

/** `/a/b/` -> `/a/b`; `//` collapsed. */
export function normalizePath(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** True when `path` is `parent` or inside it. */
export function isWithin(path: string, parent: string): boolean {
  return path === parent || parent === '/' || path.startsWith(`${parent}/`);
}

// ---- fixes ---------------------------------------------------------------------------------

/** A volume name not yet declared in the project: `db-data`, else `db-data-2`, ... */
export function freshVolumeName(doc: ComposeDoc, service: string): string {
  const base = `${service.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'db'}-data`;
  let name = base;
  for (let n = 2; doc.isDefined('volumes', name); n++) name = `${base}-${n}`;
  return name;
}

/** Declares `name: {}` under the top-level `volumes:` of this file, creating the section when missing. */
export function declareVolume(doc: ComposeDoc, name: string): TextEdit[] | undefined {
  const section = doc.topLevel('volumes');
  if (section) return section.isMap || section.isNull ? insertKey(section, name, {}) : undefined;
  return doc.root ? insertKey(doc.root, 'volumes', { [name]: {} }) : undefined;
}

/**
 * The one fix that moves a service's data to a fresh named volume: `mountEdits` rewrites the mount to
 * use the name, and the volume is declared too; no fix when either cannot be edited in place.
 */
export function namedVolumeFix(doc: ComposeDoc, service: string, mountEdits: (name: string) => TextEdit[] | undefined, fix: (name: string) => Omit<Fix, 'edits'>): Fix[] {
  const name = freshVolumeName(doc, service);
  const edits = mountEdits(name);
  const declaration = declareVolume(doc, name);
  if (!edits || !declaration) return [];
  const { title, ...flags } = fix(name);
  return [{ title, edits: [...edits, ...declaration], ...flags }];
}

/** Adds `spec` to the service's `volumes:` (creating the key), then declares the volume; undefined when either cannot be edited in place. */
export function addNamedVolume(doc: ComposeDoc, service: ComposeService, name: string, target: string): TextEdit[] | undefined {
  const spec = `${name}:${target}`;
  const volumes = service.get('volumes');
  const mountEdits = volumes ? (volumes.isSeq || volumes.isNull ? appendItem(volumes, spec) : undefined) : insertKey(service.node, 'volumes', [spec]);
  const declaration = declareVolume(doc, name);
  return mountEdits && declaration ? [...mountEdits, ...declaration] : undefined;
}
