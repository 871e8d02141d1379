/**
 * Validation against the bundled Compose Specification JSON schema, with ajv's errors turned into
 * findings a person can act on: one error per problem (the most specific branch of a `oneOf`, or
 * one "must be a string or a list" when every branch failed on the type), placed on the offending
 * key or value, in words instead of JSON pointers. `${VAR}` values never fail a type, enum or
 * pattern check (compose-schema-validate.ts).
 */
import type { ErrorObject } from 'ajv';
import type { ComposeDoc, ComposeService } from './compose-doc';
import type { ComposeNode, PathSegment } from './compose-node';
import schema from '../schemas/compose-spec.json';
import { canonicalText } from './compose-canonical';
import { ALL_KEYS, noteRead } from './compose-reads';
import { pointerSegments, validateData, withPrototypes } from './compose-schema-validate';
import { foldServices } from './compose-service-folds';
import { sameData } from './finding-reuse';
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
const SECTION_NOUNS: Record<string, string> = { services: 'service', volumes: 'volume', networks: 'network', secrets: 'secret', configs: 'config', models: 'model' };
const TYPE_WORDS: Record<string, string> = { string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'a boolean', array: 'a list', object: 'a mapping', null: 'null' };

/** Schema problems of a usable document; [] for unusable YAML (compose-yaml-syntax reports that). */
export function validateComposeSchema(doc: ComposeDoc): SchemaProblem[] {
  if (!doc.usable) return [];
  if (doc.rootKind === 'empty') {
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, path: '', keyword: 'type', message: 'The Compose file is empty; define at least one service under "services:".' }];
  }
  const byService = doc.assembled ? problemsByService(doc) : undefined;
  if (!byService) return settled(describeAll(doc, reduceCombinators(validateData(withPrototypes(doc.toJS()), 'document').errors)));
  let problems = settledProblems.get(byService);
  if (!problems) {
    problems = settled(byService);
    settledProblems.set(byService, problems);
  }
  return problems;
}

/** `settled` per list of problems by service (the same list across edits that change no service's problems). */
const settledProblems = new WeakMap<SchemaProblem[], SchemaProblem[]>();

/** The problems without repeats, at most MAX_PROBLEMS, in order of position. */
function settled(described: Iterable<SchemaProblem>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const problem of described) {
    const key = `${JSON.stringify(problem.range)} ${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Described one by one, so that a file far off the schema is described only up to MAX_PROBLEMS. */
function* describeAll(doc: ComposeDoc, errors: readonly ErrorObject[]): Iterable<SchemaProblem> {
  for (const error of errors) yield describe(doc, error);
}

/** Service names the schema accepts (`services` pattern properties). */
const SERVICE_NAME = /^[a-zA-Z0-9._-]+$/;

/**
 * The problems of a document validated one service at a time, in the order whole-document
 * validation finds them: each service's kept across edits of the others. Undefined when that
 * order cannot be reproduced (problems outside `services:`, a name the schema refuses, values
 * that keep failing for being interpolated): then the whole document is validated.
 */
function problemsByService(doc: ComposeDoc): SchemaProblem[] | undefined {
  const whole = doc.toJS();
  if (!doc.topLevel('services')?.isMap || typeof whole !== 'object' || whole === null) return undefined;
  if (!outsideServicesValid(whole as Record<string, unknown>)) return undefined;
  const services = (whole as { services: Record<string, unknown> }).services;
  // One function for every service (not a closure each).
  const compute = (service: ComposeService): SchemaProblem[] | undefined => serviceProblems(doc, service, services[service.name]);
  const problemsOf = (service: ComposeService): SchemaProblem[] | undefined => (SERVICE_NAME.test(service.name) ? doc.serviceMemo(service, 'compose-schema', compute) : undefined);
  // Kept across edits that change no service's problems (compose-service-folds.ts); the file outside `services:` is checked above.
  return foldServices(doc, 'compose-schema', problemsOf, sameData, (values) => joined(values ?? doc.allServices.map(problemsOf)));
}

/** Every service's problems in order; undefined when a service's cannot be told apart. */
function joined(byService: readonly (SchemaProblem[] | undefined)[]): SchemaProblem[] | undefined {
  const problems: SchemaProblem[] = [];
  for (const own of byService) {
    if (!own) return undefined;
    problems.push(...own);
  }
  return problems;
}

/** The last document data checked outside `services:`: its top-level values (the same objects while unchanged) and the verdict. */
let lastOutside: { values: [string, unknown][]; valid: boolean } | undefined;

/** Whether the document without its services has no schema problem. */
function outsideServicesValid(whole: Record<string, unknown>): boolean {
  const values = Object.entries(whole).filter(([key]) => key !== 'services');
  const same = lastOutside?.values.length === values.length && lastOutside.values.every(([key, value], i) => key === values[i][0] && value === values[i][1]);
  if (same && lastOutside) return lastOutside.valid;
  const rest = validateData(withPrototypes({ ...whole, services: {} }), 'document');
  lastOutside = { values, valid: rest.converged && rest.errors.length === 0 };
  return lastOutside.valid;
}

/** One service's problems, as whole-document validation describes them; undefined when its interpolated values keep failing. */
function serviceProblems(doc: ComposeDoc, service: ComposeService, data: unknown): SchemaProblem[] | undefined {
  // Validation reads the service's whole value (compose-reads.ts).
  noteRead(service.name, ALL_KEYS);
  const errors = serviceErrors(data);
  if (!errors) return undefined;
  const prefix = `/services/${service.name}`;
  return reduceCombinators(errors.map((error) => ({ ...error, instancePath: prefix + error.instancePath }))).map((error) => describe(doc, error));
}

const SERVICE_PROPERTIES = Object.keys(schema.definitions.service.properties);
const KNOWN_PROPERTY = new Set(SERVICE_PROPERTIES);
/** ajv's errors (and whether they settled) for one key of a service and its value, by `key` and `canonicalText(value)`. */
const keyErrors = new Map<string, { errors: ErrorObject[]; converged: boolean }>();
const MAX_KEY_ERRORS = 20_000;

/**
 * ajv's errors for one service, validated key by key: the service schema relates no key to
 * another, and ajv reports unknown keys (in the service's order) before the known ones (in the
 * schema's order), so the concatenation is what validating the whole service gives. Each key's
 * errors are kept by value, shared by every service that writes the same thing.
 */
function serviceErrors(data: unknown): ErrorObject[] | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const whole = validateData(withPrototypes(data), 'service');
    return whole.converged ? whole.errors : undefined;
  }
  const keys = Object.keys(data);
  const ordered = [...keys.filter((key) => !KNOWN_PROPERTY.has(key) && !key.startsWith('x-')), ...SERVICE_PROPERTIES.filter((key) => Object.hasOwn(data, key))];
  const errors: ErrorObject[] = [];
  for (const key of ordered) {
    const value = (data as Record<string, unknown>)[key];
    const id = `${key}\u0000${canonicalText(value)}`;
    let known = keyErrors.get(id);
    if (!known) {
      if (keyErrors.size >= MAX_KEY_ERRORS) keyErrors.clear();
      const alone = Object.create(null) as Record<string, unknown>;
      alone[key] = value;
      known = validateData(withPrototypes(alone), 'service');
      keyErrors.set(id, known);
    }
    if (!known.converged) return undefined;
    errors.push(...known.errors);
  }
  return errors;
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
