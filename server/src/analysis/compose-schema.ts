/**
 * Validation against the bundled Compose Specification JSON schema, with ajv's errors turned into
 * findings a person can act on: one error per problem (the most specific branch of a `oneOf`, or
 * one "must be a string or a list" when every branch failed on the type), placed on the offending
 * key or value, in words instead of JSON pointers. `${VAR}` values never fail a type, enum or
 * pattern check: the check is re-run with a value the schema accepts in their place.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../schemas/compose-spec.json';
import type { ComposeDoc } from './compose-doc';
import type { ComposeNode, PathSegment } from './compose-node';
import { interpolationRefs, isInterpolated } from './interpolation';
import type { Range } from './types';

export interface SchemaProblem {
  range: Range;
  message: string;
  /** Dotted path of the offending value (`services.web.ports[0]`), for tests and logs. */
  path: string;
  keyword: string;
}

/** Problems past this many are dropped: a file that far off the schema needs a look, not a list. */
const MAX_PROBLEMS = 200;
/** Keywords an interpolated string may fail only because its value is not known yet. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'multipleOf']);
const SECTION_NOUNS: Record<string, string> = { services: 'service', volumes: 'volume', networks: 'network', secrets: 'secret', configs: 'config', models: 'model' };
const TYPE_WORDS: Record<string, string> = { string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'a boolean', array: 'a list', object: 'a mapping', null: 'null' };

let validator: ValidateFunction | undefined;

/** Compiled on first use (about 0.1 s), then shared. */
function compiled(): ValidateFunction {
  // strict: false because the schema uses `deprecated` (a later draft's keyword); it is metadata only.
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: false, allowUnionTypes: true }).compile(schema);
  return validator;
}

/** Schema problems of a usable document; [] for unusable YAML (compose-yaml-syntax reports that). */
export function validateComposeSchema(doc: ComposeDoc): SchemaProblem[] {
  if (!doc.usable) return [];
  if (doc.rootKind === 'empty') {
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, path: '', keyword: 'type', message: 'The Compose file is empty; define at least one service under "services:".' }];
  }
  const data = withPrototypes(doc.toJS());
  const errors = validate(data);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of reduceCombinators(errors)) {
    const problem = describe(doc, error);
    const key = `${JSON.stringify(problem.range)} ${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The document's data is made of objects without a prototype (so a `__proto__` key stays a key), but
 * Ajv's uniqueItems compares items with fast-deep-equal, which calls `valueOf` and throws on those:
 * two equal long-syntax ports made the rule throw. Ajv gets ordinary objects, keys defined, never assigned.
 */
function withPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withPrototypes);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: withPrototypes((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Validates, replacing interpolated values that fail only for being unknown, until none is left. */
function validate(data: unknown): ErrorObject[] {
  const validateFn = compiled();
  const substituted = new Set<string>();
  for (let round = 0; round < 5; round++) {
    if (validateFn(data)) return [];
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
    if (!changed) return errors.filter((error) => !(isInterpolated(error.data) && VALUE_KEYWORDS.has(error.keyword)));
  }
  return [];
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

/**
 * ajv reports every failed branch of a `oneOf` before the `oneOf` error itself, all at or under its
 * path. Keeps the most specific: errors past the type check of some branch; otherwise one type
 * error listing every accepted type. A `oneOf` that failed because two branches passed is dropped.
 */
export function reduceCombinators(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      out.push(error);
      continue;
    }
    let start = out.length;
    while (start > 0 && isUnder(out[start - 1].instancePath, error.instancePath)) start--;
    const branches = out.splice(start);
    if (branches.length === 0) continue;
    const typeErrors = branches.filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath);
    const specific = branches.filter((e) => !typeErrors.includes(e));
    if (specific.length > 0) {
      out.push(...specific);
    } else {
      const types = [...new Set(typeErrors.flatMap((e) => ([] as string[]).concat((e.params as { type: string | string[] }).type)))];
      out.push({ ...typeErrors[0], params: { type: types } });
    }
  }
  return out;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

function describe(doc: ComposeDoc, error: ErrorObject): SchemaProblem {
  const path = pointerSegments(error.instancePath);
  const { node, resolvedPath } = nodeAt(doc, path);
  const params = error.params as Record<string, unknown>;
  const subject = subjectOf(resolvedPath);
  const base = { path: node?.pathText ?? '', keyword: error.keyword };
  const valueRange = node?.headRange ?? zeroRange();
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const entry = node?.entries().find((candidate) => candidate.key === key);
      return { ...base, range: entry?.keyRange ?? valueRange, message: unknownKeyMessage(resolvedPath, key, error) };
    }
    case 'required':
      return { ...base, range: node?.keyRange ?? valueRange, message: `${subject} is missing the required key "${String(params.missingProperty)}".` };
    case 'type': {
      const types = ([] as string[]).concat(params.type as string | string[]).map((type) => TYPE_WORDS[type] ?? type);
      const empty = node?.isNull ? ' is empty, but it' : '';
      return { ...base, range: valueRange, message: `${subject}${empty} must be ${orList(types)}.` };
    }
    case 'enum':
      return { ...base, range: valueRange, message: `${subject} must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}.` };
    case 'pattern': {
      const choices = String(params.pattern).split('|');
      const expected = choices.length > 1 ? `one of: ${choices.join(', ')}` : `in the format /${String(params.pattern)}/`;
      return { ...base, range: valueRange, message: `${subject} is "${String(error.data)}", but it must be ${expected}.` };
    }
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const item = node?.items()[later];
      return { ...base, range: item?.range ?? valueRange, message: `${subject} lists ${item?.text !== undefined ? `"${item.text}"` : 'the same item'} twice; remove the duplicate.` };
    }
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return { ...base, range: valueRange, message: `${subject} must be ${String(params.comparison)} ${String(params.limit)}.` };
    default:
      return { ...base, range: valueRange, message: `${subject} ${error.message ?? 'is not valid'}.` };
  }
}

function unknownKeyMessage(path: readonly PathSegment[], key: string, error: ErrorObject): string {
  if (path.length === 1 && typeof path[0] === 'string' && SECTION_NOUNS[path[0]]) {
    const noun = SECTION_NOUNS[path[0]];
    return `${noun[0].toUpperCase()}${noun.slice(1)} name "${key}" is not valid; use only letters, digits, ".", "_" and "-".`;
  }
  const known = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
  const suggestion = closest(key, known);
  const where = path.length === 0 ? 'at the top level' : `in ${ownerPhrase(path)}`;
  return `Unknown key "${key}" ${where}${suggestion ? `; did you mean "${suggestion}"?` : '; remove it, or prefix it with "x-" for an extension.'}`;
}

/** `"ports[0]" in service "web"`, `Service "web"`, `"services"`, `The file`. */
function subjectOf(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'The top level of the file';
  const section = typeof path[0] === 'string' ? SECTION_NOUNS[path[0]] : undefined;
  if (section && path.length >= 2) {
    const owner = `${section} "${String(path[1])}"`;
    return path.length === 2 ? `${owner[0].toUpperCase()}${owner.slice(1)}` : `"${fieldText(path.slice(2))}" in ${owner}`;
  }
  return `"${fieldText(path)}"`;
}

/** `service "web"`, `"build" of service "web"`, `"x-common"`. */
function ownerPhrase(path: readonly PathSegment[]): string {
  const section = typeof path[0] === 'string' ? SECTION_NOUNS[path[0]] : undefined;
  if (section && path.length >= 2) {
    const owner = `${section} "${String(path[1])}"`;
    return path.length === 2 ? owner : `"${fieldText(path.slice(2))}" of ${owner}`;
  }
  return `"${fieldText(path)}"`;
}

function fieldText(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : `${text ? '.' : ''}${segment}`;
  return text;
}

function orList(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The deepest node along the path (the whole path in practice: the data came from these nodes). */
function nodeAt(doc: ComposeDoc, path: readonly string[]): { node: ComposeNode | undefined; resolvedPath: PathSegment[] } {
  let node = doc.root;
  const resolvedPath: PathSegment[] = [];
  for (const segment of path) {
    const next: ComposeNode | undefined = node?.isSeq ? node.items()[Number(segment)] : node?.get(segment);
    if (!next) break;
    node = next;
    resolvedPath.push(next.key ?? segment);
  }
  return { node, resolvedPath };
}

function pointerSegments(pointer: string): string[] {
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

/** The known key within edit distance 2 (1 for short keys), if exactly one is closest. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
