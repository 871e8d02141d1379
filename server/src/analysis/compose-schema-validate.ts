/**
 * Running the bundled Compose Specification schema with ajv: on a whole document, or on one
 * service against the schema's service definition (the incremental analyzer validates the service
 * that changed). `${VAR}` values never fail a type, enum or pattern check: validation is re-run
 * with a value the schema accepts in their place.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { interpolationRefs, isInterpolated } from './interpolation';

/** Keywords an interpolated string may fail only because its value is not known yet. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'multipleOf']);
/** Validation rounds, each replacing the interpolated values found failing in the one before. */
const MAX_ROUNDS = 5;

type Validators = typeof import('../schemas/compose-validators');
let validators: Validators | undefined;

/**
 * The schema's validator, compiled to code at build time (scripts/generate-validators.mjs). Loaded on
 * first use: its 0.7 MB of code and schema objects cost nothing until a Compose file is linted.
 */
function validator(target: 'document' | 'service'): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validators ??= require('../schemas/compose-validators') as Validators;
  return validators[target];
}

/** ajv's errors for `data`; `converged` is false when interpolated values kept failing for all rounds (then no errors are kept). */
export function validateData(data: unknown, target: 'document' | 'service'): { errors: ErrorObject[]; converged: boolean } {
  const validateFn = validator(target);
  const substituted = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (validateFn(data)) return { errors: [], converged: true };
    const errors = [...(validateFn.errors ?? [])];
    let changed = false;
    for (const error of errors) {
      if (!VALUE_KEYWORDS.has(error.keyword) || !isInterpolated(error.data) || substituted.has(error.instancePath)) continue;
      const replacement = acceptedValue(error);
      if (replacement === undefined) continue;
      data = setAt(data, pointerSegments(error.instancePath), replacement);
      substituted.add(error.instancePath);
      changed = true;
    }
    if (!changed) return { errors: errors.filter((error) => !(isInterpolated(error.data) && VALUE_KEYWORDS.has(error.keyword))), converged: true };
  }
  return { errors: [], converged: false };
}

/**
 * The document's data is made of objects without a prototype (so a `__proto__` key stays a key), but
 * Ajv's uniqueItems compares items with fast-deep-equal, which calls `valueOf` and throws on those:
 * two equal long-syntax ports made the rule throw. Ajv gets ordinary objects, keys defined, never assigned.
 */
export function withPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withPrototypes);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: withPrototypes((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A value the failing keyword accepts, standing in for an interpolated string. */
function acceptedValue(error: ErrorObject): unknown {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const types = ([] as string[]).concat(params.type as string | string[]);
      const samples: Record<string, unknown> = { boolean: true, integer: 0, number: 0, array: [], object: {}, null: null, string: 'x' };
      return samples[types[0]];
    }
    case 'enum':
      return (params.allowedValues as unknown[])[0];
    case 'const':
      return params.allowedValue;
    case 'pattern': {
      const pattern = new RegExp(String(params.pattern), 'u');
      const fallback = interpolationRefs(String(error.data)).map((ref) => ref.argument);
      const words = String(params.pattern).split('|').filter((word) => /^\w+$/.test(word));
      return [...fallback, ...words, 'a0', '0'].find((candidate) => pattern.test(candidate));
    }
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return typeof params.limit === 'number' ? params.limit + (error.keyword === 'exclusiveMinimum' ? 1 : error.keyword === 'exclusiveMaximum' ? -1 : 0) : undefined;
    default:
      return undefined;
  }
}

/** `/services/web/ports/0` -> `['services', 'web', 'ports', '0']`. */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A copy of `data` with `value` at `path`; only the objects along the path are copied (the document's data is shared). */
function setAt(data: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(data) ? [...data] : { ...(data as object) }) as Record<string, unknown>;
  Object.defineProperty(copy, head, { value: setAt(copy[head], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}
