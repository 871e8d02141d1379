import { interpolationRefs, isInterpolated, maskInterpolation } from './interpolation';

/** One entry of a service's `volumes:`, short (`src:/dst:ro`) or long (`{type, source, target}`) syntax. */
export interface VolumeMount {
  /** `volume` for named and anonymous volumes, `bind` for host paths; long syntax may say `tmpfs`, `npipe`, `cluster`, `image`. */
  type: string;
  /** Volume name or host path as written; undefined for an anonymous volume. */
  source?: string;
  /** Path inside the container. */
  target?: string;
  readOnly: boolean;
  /** Short-syntax access mode list (`ro`, `rw`, `z`, `Z`, `nocopy`...). */
  mode?: string;
  /** Offsets of source and target in the short-syntax string (for precise ranges). */
  sourceSpan?: [number, number];
  targetSpan?: [number, number];
  /** True when the source holds `$VAR`: `type` is then a guess unless the literal part has a slash; rules should not judge it. */
  sourceInterpolated: boolean;
}

const WINDOWS_PATH = /^[A-Za-z]:[\\/]/;

/** Host paths start with `/`, `.`, `~`, a drive letter or `\\`; anything else is a volume name. */
export function isHostPath(source: string): boolean {
  return /^[/.~]/.test(source) || WINDOWS_PATH.test(source) || source.startsWith('\\\\');
}

/** Parses one `volumes:` entry; undefined when it is neither a string nor a mapping. */
export function parseVolumeSpec(entry: unknown): VolumeMount | undefined {
  if (typeof entry === 'string') return parseShortVolume(entry);
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const long = entry as Record<string, unknown>;
  const source = typeof long.source === 'string' ? long.source : undefined;
  const type = typeof long.type === 'string' ? long.type : source !== undefined ? sourceType(source) : 'volume';
  return {
    type, source, target: typeof long.target === 'string' ? long.target : undefined,
    readOnly: long.read_only === true || long.read_only === 'true',
    sourceInterpolated: isInterpolated(source),
  };
}

function parseShortVolume(spec: string): VolumeMount {
  // Colons inside `${VAR:-default}` and a drive letter's colon (`C:\data:/data`) do not separate fields.
  const masked = maskInterpolation(spec);
  const skip = WINDOWS_PATH.test(spec) ? 2 : 0;
  const first = masked.indexOf(':', skip);
  if (first < 0) {
    return { type: 'volume', target: spec, targetSpan: [0, spec.length], readOnly: false, sourceInterpolated: false };
  }
  const source = spec.slice(0, first);
  const second = masked.indexOf(':', first + 1);
  const targetEnd = second < 0 ? spec.length : second;
  const mode = second < 0 ? undefined : spec.slice(second + 1);
  return {
    type: sourceType(source),
    source, target: spec.slice(first + 1, targetEnd), mode,
    sourceSpan: [0, first], targetSpan: [first + 1, targetEnd],
    readOnly: !!mode && mode.split(',').includes('ro'),
    sourceInterpolated: isInterpolated(source),
  };
}

/**
 * A source with variables is a path when its literal part has a slash (`${HOME}/data`) or its
 * default is a path (`${DATA:-./data}`); `${VOL}` alone is a guess.
 */
function sourceType(source: string): 'bind' | 'volume' {
  if (isHostPath(source)) return 'bind';
  const refs = interpolationRefs(source);
  if (refs.length === 1 && refs[0].start === 0 && refs[0].end === source.length && /^:?-$/.test(refs[0].operator)) return sourceType(refs[0].argument);
  return /[/\\]/.test(maskInterpolation(source)) ? 'bind' : 'volume';
}
