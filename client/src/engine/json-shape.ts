/**
 * Small readers that check the shape of the CLI's JSON as they take fields out of it, so a record
 * is either complete and typed or refused with a message naming the field.
 */
import { EngineError } from './errors';

export type JsonObject = Record<string, unknown>;

export function shapeError(what: string, problem: string): EngineError {
  return new EngineError('bad-output', `Unexpected ${what} from the container CLI: ${problem}. Is containerHygiene.containerCommand a Docker-compatible CLI?`);
}

export function asObject(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw shapeError(what, 'not a JSON object');
  return value as JsonObject;
}

/** The first of `keys` present (docker says `ID`, podman `Id`), or undefined. */
function pick(record: JsonObject, keys: readonly string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
}

export function requiredString(record: JsonObject, keys: readonly string[], what: string): string {
  const value = pick(record, keys);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw shapeError(what, `field ${keys[0]} is ${value === undefined ? 'missing' : 'not a string'}`);
}

export function optionalString(record: JsonObject, keys: readonly string[], what: string): string | null {
  const value = pick(record, keys);
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw shapeError(what, `field ${keys[0]} is not a string`);
}

export function optionalNumber(record: JsonObject, keys: readonly string[], what: string): number | null {
  const value = pick(record, keys);
  if (value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  throw shapeError(what, `field ${keys[0]} is not a number`);
}

export function stringArray(record: JsonObject, keys: readonly string[], what: string): string[] {
  const value = pick(record, keys);
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  throw shapeError(what, `field ${keys[0]} is not a list of strings`);
}

/** A `{ "k": "v" }` map (inspect output), or the `k=v,k2=v2` text list commands print. */
export function stringMap(record: JsonObject, keys: readonly string[], what: string): Record<string, string> {
  const value = pick(record, keys);
  if (value === undefined || value === '') return {};
  if (typeof value === 'string') return parseLabelList(value);
  const object = asObject(value, what);
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(object)) {
    if (typeof item !== 'string') throw shapeError(what, `${keys[0]}.${key} is not a string`);
    result[key] = item;
  }
  return result;
}

/** Keys of an object such as `ExposedPorts: {"8080/tcp": {}}`. */
export function objectKeys(record: JsonObject, keys: readonly string[], what: string): string[] {
  const value = pick(record, keys);
  if (value === undefined) return [];
  return Object.keys(asObject(value, what));
}

/**
 * `a=1,b=2` as `docker ps`/`docker volume ls` print labels. A comma inside a value cannot be told
 * apart from a separator, so a piece without `=` is glued to the previous value.
 */
export function parseLabelList(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  let lastKey: string | null = null;
  for (const piece of text.split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0) {
      lastKey = piece.slice(0, eq);
      result[lastKey] = piece.slice(eq + 1);
    } else if (lastKey !== null) {
      result[lastKey] += `,${piece}`;
    } else if (piece !== '') {
      result[piece] = '';
    }
  }
  return result;
}

/** `<none>` (docker) and empty strings mean "no value". */
export function noneToNull(value: string | null): string | null {
  return value === null || value === '' || value === '<none>' || value === 'N/A' ? null : value;
}
