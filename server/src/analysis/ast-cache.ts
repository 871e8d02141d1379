import * as ast from 'dockerfile-ast';
import type { Range } from './types';

/**
 * dockerfile-ast recomputes every getter from the text on each call (an instruction's arguments,
 * flags, variables, image name...), and ninety rules ask the same instructions the same questions:
 * on a 1,000-instruction Dockerfile most of the analysis time went to re-scanning arguments. A
 * parsed tree never changes, so the zero-argument getters of the instructions of a DockerfileDoc
 * remember their first answer. Only instructions passed to `cacheInstructionGetters` cache;
 * trees parsed elsewhere (another library's) behave exactly as before.
 */
const CACHE = Symbol('container-hygiene.getter-cache');
/** Stands for a cached `undefined` (an empty slot means "not asked yet"). */
const UNDEFINED = Symbol('undefined');

interface Cached {
  /** One slot per cached getter (see `slots`). */
  [CACHE]?: unknown[];
}

/** Classes whose own zero-argument getters are cached. */
const CLASSES: readonly { prototype: object }[] = [
  ast.Line, ast.Instruction, ast.ModifiableInstruction, ast.JSONInstruction, ast.PropertyInstruction,
  ast.Add, ast.Arg, ast.Cmd, ast.Copy, ast.Entrypoint, ast.Env, ast.From, ast.Healthcheck, ast.Label,
  ast.Onbuild, ast.Run, ast.Shell, ast.Stopsignal, ast.User, ast.Volume, ast.Workdir,
];

let slots = 0;

function install(): void {
  for (const { prototype } of CLASSES) {
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      const original: unknown = descriptor?.value;
      if (typeof original !== 'function' || name === 'constructor' || original.length !== 0 || !/^(get|is|has)[A-Z]/.test(name)) continue;
      // A getter that only returns a field costs less than a cache look-up.
      if (/^[^{]*\{\s*return this\.[\w$]+;?\s*\}$/.test(String(original))) continue;
      // One slot per class and name, so `super.getArguments()` inside an override has its own.
      const slot = slots++;
      Object.defineProperty(prototype, name, {
        ...descriptor,
        value: function cachedGetter(this: Cached): unknown {
          const cache = this[CACHE];
          if (!cache) return original.call(this);
          let value = cache[slot];
          if (value === undefined) {
            const answer: unknown = original.call(this);
            // An ONBUILD's trigger is a new instruction object on every call: cache it, and its getters.
            if (answer instanceof ast.Instruction) cacheInstructionGetters(answer);
            if (answer === undefined) {
              cache[slot] = UNDEFINED;
              return undefined;
            }
            value = cache[slot] = isRange(answer) ? new CachedRange(answer) : answer;
          } else if (value === UNDEFINED) {
            return undefined;
          }
          return copyOf(value);
        },
      });
    }
  }
}

/**
 * Cached answers go out as copies where callers write to them: arrays (sorted, spliced) and ranges
 * (dockerfile-ast's own `From.getRegistryRange` moves the `end` of the range `getImageRange` gave it).
 */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice();
  if (value instanceof CachedRange) return { start: { ...value.range.start }, end: { ...value.range.end } };
  return value;
}

/** A cached range, told apart once when cached: testing the shape of every answer at every call cost a key list each. */
class CachedRange {
  constructor(readonly range: Range) {}
}

function isRange(value: unknown): value is Range {
  const range = value as Partial<Range> | null;
  return typeof range === 'object' && range !== null && typeof range.start === 'object' && typeof range.end === 'object' && Object.keys(range).length === 2;
}

/** Makes the instruction's getters remember their answers; call only once the tree is fully parsed. */
export function cacheInstructionGetters(instruction: ast.Instruction): void {
  if (slots === 0) install();
  const target = instruction as unknown as Cached & Partial<Pick<ast.ModifiableInstruction, 'getFlags'> & Pick<ast.PropertyInstruction, 'getProperties'>>;
  if (target[CACHE]) return;
  // The two getters that fill a field lazily call other getters half-way (getFlags reads the
  // arguments while its flags are half built): run them once before anything is cached.
  target.getFlags?.();
  target.getProperties?.();
  target[CACHE] = new Array<unknown>(slots);
}

/**
 * Runs `work` (which parses `text` with dockerfile-ast somewhere inside, like dockerfile-utils'
 * validate) with that parse answered by `parsed`, so the text is parsed once. Synchronous, so no
 * other code can observe the substitution.
 */
export function withParsedDocument<T>(text: string, parsed: ast.Dockerfile, work: () => T): T {
  const parser = ast.DockerfileParser as { parse: (content: string) => ast.Dockerfile };
  const original = parser.parse;
  parser.parse = (content) => (content === text ? parsed : original(content));
  try {
    return work();
  } finally {
    parser.parse = original;
  }
}
