/**
 * Typed records for what list commands print with `--format '{{json .}}'`: images, containers,
 * volumes, `system df -v` volume usage and Docker contexts. Each parser checks the fields it uses.
 */
import {
  asObject, noneToNull, optionalString, requiredString, stringMap, type JsonObject,
} from './json-shape';
import { parseEngineDate, parseHumanSize } from './sizes';

export interface ImageSummary {
  /** Short or full id as printed. */
  id: string;
  repository: string | null;
  tag: string | null;
  digest: string | null;
  createdAt: Date | null;
  sizeBytes: number | null;
  sizeText: string;
  /** `repository:tag` when both are known, else the id: what to pass to run/inspect/remove. */
  reference: string;
}

export function parseImageSummary(value: unknown): ImageSummary {
  const what = 'image list entry';
  const record = asObject(value, what);
  const id = requiredString(record, ['ID', 'Id'], what);
  const repository = noneToNull(optionalString(record, ['Repository'], what));
  const tag = noneToNull(optionalString(record, ['Tag'], what));
  const sizeText = optionalString(record, ['Size'], what) ?? '';
  return {
    id,
    repository,
    tag,
    digest: noneToNull(optionalString(record, ['Digest'], what)),
    createdAt: parseEngineDate(optionalString(record, ['CreatedAt'], what)),
    sizeBytes: parseHumanSize(sizeText),
    sizeText,
    reference: repository && tag ? `${repository}:${tag}` : id,
  };
}

export interface ContainerSummary {
  id: string;
  names: string[];
  image: string;
  /** `running`, `exited`, `created`, ... */
  state: string;
  status: string;
  labels: Record<string, string>;
  /** Volume names and bind sources as `docker ps` prints them. */
  mounts: string[];
}

export function parseContainerSummary(value: unknown): ContainerSummary {
  const what = 'container list entry';
  const record = asObject(value, what);
  const names = requiredString(record, ['Names'], what);
  const mounts = optionalString(record, ['Mounts'], what) ?? '';
  const status = optionalString(record, ['Status'], what) ?? '';
  return {
    id: requiredString(record, ['ID', 'Id'], what),
    names: names.split(',').filter(Boolean),
    image: requiredString(record, ['Image'], what),
    state: optionalString(record, ['State'], what) ?? stateFromStatus(status),
    status,
    labels: stringMap(record, ['Labels'], what),
    mounts: mounts.split(',').filter(Boolean),
  };
}

function stateFromStatus(status: string): string {
  if (/^Up/i.test(status)) return 'running';
  if (/^Exited/i.test(status)) return 'exited';
  if (/^Created/i.test(status)) return 'created';
  return 'unknown';
}

export interface VolumeSummary {
  name: string;
  driver: string;
  scope: string | null;
  labels: Record<string, string>;
  mountpoint: string | null;
}

export function parseVolumeSummary(value: unknown): VolumeSummary {
  const what = 'volume list entry';
  const record = asObject(value, what);
  return {
    name: requiredString(record, ['Name'], what),
    driver: requiredString(record, ['Driver'], what),
    scope: noneToNull(optionalString(record, ['Scope'], what)),
    labels: stringMap(record, ['Labels'], what),
    mountpoint: noneToNull(optionalString(record, ['Mountpoint'], what)),
  };
}

export interface VolumeDiskUsage {
  name: string;
  sizeBytes: number | null;
  sizeText: string;
  /** Containers referencing the volume, as the engine counts them. */
  links: number | null;
}

/** The `Volumes` list of `docker system df -v --format '{{json .}}'`. */
export function parseDiskUsageVolumes(value: unknown): VolumeDiskUsage[] {
  const what = 'disk usage report';
  const record = asObject(value, what);
  const volumes = record.Volumes ?? [];
  if (!Array.isArray(volumes)) return [];
  return volumes.map((item: unknown) => {
    const volume: JsonObject = asObject(item, 'disk usage volume entry');
    const sizeText = optionalString(volume, ['Size'], 'disk usage volume entry') ?? '';
    const links = optionalString(volume, ['Links'], 'disk usage volume entry');
    return {
      name: requiredString(volume, ['Name'], 'disk usage volume entry'),
      sizeBytes: parseHumanSize(sizeText),
      sizeText,
      links: links !== null && /^\d+$/.test(links) ? Number(links) : null,
    };
  });
}

export interface ContextSummary {
  name: string;
  current: boolean;
  description: string;
  endpoint: string | null;
  error: string | null;
}

export function parseContextSummary(value: unknown): ContextSummary {
  const what = 'context list entry';
  const record = asObject(value, what);
  const current = record.Current;
  return {
    name: requiredString(record, ['Name'], what),
    current: current === true || current === 'true' || current === '*',
    description: optionalString(record, ['Description'], what) ?? '',
    endpoint: noneToNull(optionalString(record, ['DockerEndpoint', 'URI'], what)),
    error: noneToNull(optionalString(record, ['Error'], what)),
  };
}

export interface VersionInfo {
  clientVersion: string;
  /** Null when the CLI printed only its own version (no engine answered). */
  serverVersion: string | null;
  serverApiVersion: string | null;
  context: string | null;
}

export function parseVersion(value: unknown): VersionInfo {
  const what = 'version report';
  const record = asObject(value, what);
  const client = asObject(record.Client ?? {}, what);
  const server = record.Server === null || record.Server === undefined ? null : asObject(record.Server, what);
  return {
    clientVersion: optionalString(client, ['Version'], what) ?? 'unknown',
    serverVersion: server ? optionalString(server, ['Version'], what) : null,
    serverApiVersion: server ? optionalString(server, ['ApiVersion'], what) : null,
    context: optionalString(client, ['Context'], what),
  };
}
