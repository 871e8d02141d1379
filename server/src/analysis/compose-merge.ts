/**
 * The Compose Specification's merge of several files (`compose.yaml` then `compose.override.yaml`),
 * over plain data, for the fields rules need. Before merging, short forms are normalised so rules
 * read one shape: `environment`/`labels`/`annotations`/`sysctls` and `build.args`/`build.labels`
 * become maps (`- KEY` gives null), `depends_on` and `networks` lists become maps, `build: dir`
 * becomes `{context: dir}`, and one-string `env_file`/`dns`/`dns_search`/`tmpfs` become lists.
 * Ports and volumes stay as written (see compose-ports / compose-volumes).
 */
import { MergeTag } from './compose-node';
import { parseVolumeSpec } from './compose-volumes';

export type PlainMap = Record<string, unknown>;

const LIST_OR_DICT = ['environment', 'labels', 'annotations', 'sysctls'];
const BUILD_LIST_OR_DICT = ['args', 'labels'];
const STRING_OR_LIST = ['env_file', 'dns', 'dns_search', 'tmpfs', 'label_file'];

export function isPlainMap(value: unknown): value is PlainMap {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof MergeTag);
}

function newMap(): PlainMap {
  return Object.create(null) as PlainMap;
}

/** A whole file's data, normalised (services and their short forms); non-maps give an empty model. */
export function normalizeModel(model: unknown): PlainMap {
  const result = newMap();
  if (!isPlainMap(model)) return result;
  for (const [key, value] of Object.entries(model)) result[key] = value;
  if (isPlainMap(model.services)) {
    const services = newMap();
    for (const [name, service] of Object.entries(model.services)) services[name] = normalizeService(service);
    result.services = services;
  }
  return result;
}

/** One service's data with short forms normalised (see the module comment). */
export function normalizeService(service: unknown): unknown {
  if (!isPlainMap(service)) return service;
  const result = newMap();
  for (const [key, value] of Object.entries(service)) result[key] = value;
  for (const key of LIST_OR_DICT) if (key in result) result[key] = dictOf(result[key]);
  for (const key of STRING_OR_LIST) if (typeof result[key] === 'string') result[key] = [result[key]];
  if (Array.isArray(result.depends_on)) result.depends_on = mapOfNames(result.depends_on, () => ({ condition: 'service_started' }));
  if (Array.isArray(result.networks)) result.networks = mapOfNames(result.networks, () => null);
  if (typeof result.build === 'string') result.build = Object.assign(newMap(), { context: result.build });
  if (isPlainMap(result.build)) {
    const build = Object.assign(newMap(), result.build);
    for (const key of BUILD_LIST_OR_DICT) if (key in build) build[key] = dictOf(build[key]);
    result.build = build;
  }
  return result;
}

function dictOf(value: unknown): unknown {
  if (value instanceof MergeTag) return new MergeTag(value.tag, dictOf(value.value));
  if (!Array.isArray(value)) return value;
  const result = newMap();
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const eq = item.indexOf('=');
    result[eq < 0 ? item : item.slice(0, eq)] = eq < 0 ? null : item.slice(eq + 1);
  }
  return result;
}

function mapOfNames(list: unknown[], valueFor: () => unknown): PlainMap {
  const result = newMap();
  for (const item of list) if (typeof item === 'string') result[item] = valueFor();
  return result;
}

/**
 * Merges normalised models in order (later files win), per the Compose Specification: maps merge
 * key by key; `command`, `entrypoint` and `healthcheck.test` are replaced; `volumes`/`devices`
 * merge by container path, `secrets`/`configs` by target (or source); other lists are appended
 * without exact duplicates; `!reset` removes a value and `!override` replaces it whole.
 */
export function mergeModels(models: readonly PlainMap[], mayHaveTags = true): PlainMap {
  let result = newMap();
  for (const model of models) result = mergeMaps(result, model, []);
  // Without merge tags anywhere, stripping them would only walk the whole model for nothing.
  return mayHaveTags ? (stripTags(result) as PlainMap) : result;
}

function mergeMaps(base: PlainMap, override: PlainMap, path: readonly string[]): PlainMap {
  const result = Object.assign(newMap(), base);
  for (const [key, value] of Object.entries(override)) {
    if (value instanceof MergeTag) {
      if (value.tag === '!reset') delete result[key];
      else result[key] = stripTags(value.value);
      continue;
    }
    result[key] = key in result ? mergeValues(result[key], value, [...path, key]) : value;
  }
  return result;
}

function mergeValues(base: unknown, override: unknown, path: readonly string[]): unknown {
  const key = path[path.length - 1];
  if (isPlainMap(base) && isPlainMap(override)) return mergeMaps(base, override, path);
  const inService = path.length === 3 && path[0] === 'services';
  const isCommand = (inService && (key === 'command' || key === 'entrypoint')) || (path.length === 4 && path[2] === 'healthcheck' && key === 'test');
  if (!Array.isArray(base) || !Array.isArray(override) || isCommand) return override;
  if (inService && (key === 'volumes' || key === 'devices')) return mergeKeyed(base, override, mountTarget);
  if (inService && (key === 'secrets' || key === 'configs')) return mergeKeyed(base, override, grantTarget);
  return mergeKeyed(base, override, (item) => JSON.stringify(stripTags(item)));
}

/** Appends `override` items to `base`; an item whose key is already there replaces it in place. */
function mergeKeyed(base: unknown[], override: unknown[], keyOf: (item: unknown) => string | undefined): unknown[] {
  const result = [...base];
  for (const item of override) {
    const key = keyOf(item);
    const index = key === undefined ? -1 : result.findIndex((existing) => keyOf(existing) === key);
    if (index >= 0) result[index] = item;
    else result.push(item);
  }
  return result;
}

function mountTarget(item: unknown): string | undefined {
  return parseVolumeSpec(item)?.target;
}

function grantTarget(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (!isPlainMap(item)) return undefined;
  const target = item.target ?? item.source;
  return typeof target === 'string' ? target : undefined;
}

function stripTags(value: unknown): unknown {
  if (value instanceof MergeTag) return stripTags(value.value);
  if (Array.isArray(value)) return value.some(hasTags) ? value.map(stripTags) : value;
  if (isPlainMap(value) && hasTags(value)) {
    const result = newMap();
    for (const [key, item] of Object.entries(value)) if (!(item instanceof MergeTag && item.tag === '!reset')) result[key] = stripTags(item);
    return result;
  }
  return value;
}

function hasTags(value: unknown): boolean {
  if (value instanceof MergeTag) return true;
  if (Array.isArray(value)) return value.some(hasTags);
  return isPlainMap(value) && Object.values(value).some(hasTags);
}

/** The names defined in a top-level section of a merged model (`services`, `volumes`, `networks`, `secrets`, `configs`). */
export function definedNames(model: PlainMap, section: string): Set<string> {
  const value = model[section];
  return new Set(isPlainMap(value) ? Object.keys(value) : []);
}
