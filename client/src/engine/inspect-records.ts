/** Typed records for `image inspect` and `volume inspect` (`--format '{{json .}}'`). */
import {
  asObject, objectKeys, optionalNumber, optionalString, requiredString, stringArray, stringMap,
} from './json-shape';
import { parseEngineDate } from './sizes';

export interface ImageDetails {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  created: Date | null;
  sizeBytes: number | null;
  /** `USER` of the image config; empty when it runs as root by default. */
  user: string;
  /** `8080/tcp` and the like, from EXPOSE. */
  exposedPorts: string[];
  /** Names only: image environment values are not carried around. */
  envNames: string[];
  entrypoint: string[];
  cmd: string[];
  workingDir: string;
  volumes: string[];
  labels: Record<string, string>;
  os: string | null;
  architecture: string | null;
}

export function parseImageDetails(value: unknown): ImageDetails {
  const what = 'image inspect output';
  const record = asObject(value, what);
  const config = asObject(record.Config ?? {}, what);
  const env = stringArray(config, ['Env'], what);
  return {
    id: requiredString(record, ['Id', 'ID'], what),
    repoTags: stringArray(record, ['RepoTags'], what),
    repoDigests: stringArray(record, ['RepoDigests'], what),
    created: parseEngineDate(optionalString(record, ['Created'], what)),
    sizeBytes: optionalNumber(record, ['Size'], what),
    user: optionalString(config, ['User'], what) ?? '',
    exposedPorts: objectKeys(config, ['ExposedPorts'], what),
    envNames: env.map((entry) => entry.split('=')[0]),
    entrypoint: listOrText(config.Entrypoint),
    cmd: listOrText(config.Cmd),
    workingDir: optionalString(config, ['WorkingDir'], what) ?? '',
    volumes: objectKeys(config, ['Volumes'], what),
    labels: stringMap(config, ['Labels'], what),
    os: optionalString(record, ['Os'], what),
    architecture: optionalString(record, ['Architecture'], what),
  };
}

function listOrText(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

export interface VolumeDetails {
  name: string;
  driver: string;
  mountpoint: string;
  createdAt: Date | null;
  labels: Record<string, string>;
  options: Record<string, string>;
  scope: string | null;
  /** Created by the engine for a container (`VOLUME`, `-v /path`), not named by anyone. */
  anonymous: boolean;
}

/** Engines since API 1.42 label anonymous volumes; older ones only give them a 64-hex name. */
export const ANONYMOUS_VOLUME_LABEL = 'com.docker.volume.anonymous';

export function parseVolumeDetails(value: unknown): VolumeDetails {
  const what = 'volume inspect output';
  const record = asObject(value, what);
  const name = requiredString(record, ['Name'], what);
  const labels = stringMap(record, ['Labels'], what);
  return {
    name,
    driver: requiredString(record, ['Driver'], what),
    mountpoint: optionalString(record, ['Mountpoint'], what) ?? '',
    createdAt: parseEngineDate(optionalString(record, ['CreatedAt'], what)),
    labels,
    options: stringMap(record, ['Options'], what),
    scope: optionalString(record, ['Scope'], what),
    anonymous: ANONYMOUS_VOLUME_LABEL in labels || /^[0-9a-f]{64}$/.test(name),
  };
}
