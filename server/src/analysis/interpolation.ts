/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`; `$$` is a literal `$`).
 * Values holding a reference are only known when Compose runs, so rules must not judge them.
 */

export interface InterpolationRef {
  /** Offsets of the whole reference (`${...}` or `$NAME`) in the string. */
  start: number;
  end: number;
  name: string;
  /** `:-`, `-`, `:?`, `?`, `:+`, `+`, or '' for a plain reference. */
  operator: string;
  /** Text after the operator (default, error message or alternative), unexpanded. */
  argument: string;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Every top-level variable reference in a string, in order. Unterminated `${` runs to the end. */
export function interpolationRefs(value: string): InterpolationRef[] {
  const refs: InterpolationRef[] = [];
  let i = 0;
  while (i < value.length) {
    const at = value.indexOf('$', i);
    if (at < 0 || at + 1 >= value.length) break;
    const next = value[at + 1];
    if (next === '$') {
      i = at + 2;
    } else if (next === '{') {
      const end = closingBrace(value, at + 2);
      const body = value.slice(at + 2, end < 0 ? value.length : end);
      const match = /^([A-Za-z0-9_]*)(:?[-?+])?([\s\S]*)$/.exec(body);
      refs.push({ start: at, end: end < 0 ? value.length : end + 1, name: match?.[1] ?? body, operator: match?.[2] ?? '', argument: match?.[2] ? match[3] : '' });
      i = end < 0 ? value.length : end + 1;
    } else if (NAME_START.test(next)) {
      let end = at + 2;
      while (end < value.length && NAME_CHAR.test(value[end])) end++;
      refs.push({ start: at, end, name: value.slice(at + 1, end), operator: '', argument: '' });
      i = end;
    } else {
      i = at + 1;
    }
  }
  return refs;
}

function closingBrace(value: string, from: number): number {
  let depth = 1;
  for (let i = from; i < value.length; i++) {
    if (value[i] === '$' && value[i + 1] === '{') {
      depth++;
      i++;
    } else if (value[i] === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** True when the string's value depends on the environment (a `$VAR` or `${...}` reference). */
export function isInterpolated(value: unknown): boolean {
  return typeof value === 'string' && value.includes('$') && interpolationRefs(value).length > 0;
}

/**
 * The string with every character of every reference replaced by `placeholder` (same length, so
 * offsets still match): lets a parser find the literal structure around references, e.g. whether
 * the tag of `${REGISTRY}/app:1.2` is literal.
 */
export function maskInterpolation(value: string, placeholder = '\u0000'): string {
  let result = '';
  let cursor = 0;
  for (const ref of interpolationRefs(value)) {
    result += value.slice(cursor, ref.start) + placeholder.repeat(ref.end - ref.start);
    cursor = ref.end;
  }
  return result + value.slice(cursor);
}
