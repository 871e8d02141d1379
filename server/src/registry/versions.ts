/**
 * Choosing the version tag to pin an image to: the newest stable tag of the same variant as the
 * current one (`alpine` → `1.10.0-alpine`, `17-alpine` → `17.2.1-alpine`), comparing numeric
 * segments as numbers (1.10 > 1.9). Pure functions over tag strings; the registry supplies the list.
 *
 * Why not a semver library: image tags are rarely semver (`17`, `3.12-slim-bookworm`, `1.2.3.4`),
 * and what matters here, the variant after the version and the pre-release words, is image practice.
 */

export interface VersionTag {
  tag: string;
  /** Numeric segments: [17, 2] for `17.2-alpine`. */
  version: number[];
  /** What follows the version: `-alpine`, `-slim-bookworm`, or '' for a plain version. */
  variant: string;
  /** Written with a leading `v` (`v1.2.3`). */
  prefixedV: boolean;
  /** `rc1`, `beta`, `alpha.2`, `b1`...: not offered as a pin. */
  prerelease: boolean;
}

/** Which tags may replace the current one: same variant, and versions under the current version. */
export interface TagTrack {
  variant: string;
  /** Versions must start with these segments (`17` allows `17.2.1`, not `18.0`); empty for none. */
  versionPrefix: number[];
  /** null: either spelling; otherwise only tags with (or without) a leading `v`. */
  prefixedV: boolean | null;
}

const VERSION_TAG = /^(v?)(\d+(?:\.\d+)*)(.*)$/;
/** Words marking a pre-release in a tag: `2.0.0-rc1`, `3.13.0b1`, `1.0-beta.2`, `5.0-alpha`. */
const PRERELEASE_WORD = /^(?:alpha|beta|rc|pre|preview|dev|snapshot|nightly|canary|next|insiders|experimental|unstable|edge|a|b)\d*$/i;
/** Tags that name a release line rather than a variant: the version they stand for cannot be read from tags alone. */
const TRACK_WORDS = new Set(['lts', 'stable', 'current', 'mainline', 'edge', 'rolling', 'testing', 'unstable', 'nightly', 'sid']);
/** Dates used as versions (`20240606`): never the version line of a `latest` tag. */
const DATE_LIKE_MIN = 10_000_000;

export function parseVersionTag(tag: string): VersionTag | null {
  const match = VERSION_TAG.exec(tag);
  if (!match) return null;
  const [, v, digits, rest] = match;
  // `1.2.3x` is a version followed by a word; `1.2.3.` or `1.2.3-` is not a version at all.
  if (rest !== '' && /^[.\-_+]$/.test(rest)) return null;
  const version = digits.split('.').map(Number);
  if (version.some((segment) => !Number.isSafeInteger(segment))) return null;
  return { tag, version, variant: rest, prefixedV: v === 'v', prerelease: hasPrereleaseWord(rest) };
}

function hasPrereleaseWord(suffix: string): boolean {
  if (suffix === '') return false;
  // A suffix glued to the version (`0b1`, `0rc2`) is one word; otherwise split on separators.
  return suffix.split(/[-._+~]/).filter(Boolean).some((word) => PRERELEASE_WORD.test(word));
}

/**
 * The track a current tag belongs to, or null when no version tag can stand for it: a pre-release,
 * or a release-line alias such as `lts` or `stable`. No tag and `latest` mean plain versions.
 */
export function trackOf(tag: string | null): TagTrack | null {
  if (tag === null || tag === 'latest') return { variant: '', versionPrefix: [], prefixedV: null };
  const versioned = parseVersionTag(tag);
  if (versioned) return versioned.prerelease ? null : { variant: versioned.variant, versionPrefix: versioned.version, prefixedV: versioned.prefixedV };
  const words = tag.split('-');
  if (words[0] === 'latest') words.shift();
  if (words.some((word) => word === '' || TRACK_WORDS.has(word.toLowerCase()) || PRERELEASE_WORD.test(word))) return null;
  return { variant: words.length > 0 ? `-${words.join('-')}` : '', versionPrefix: [], prefixedV: null };
}

/** Versions compared segment by segment as numbers, missing segments as 0 (1.2 equals 1.2.0). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Newest first; among equal versions the most specific (1.2.0 before 1.2), then without `v`, then by text. */
function byPreference(a: VersionTag, b: VersionTag): number {
  return compareVersions(b.version, a.version) || b.version.length - a.version.length || Number(a.prefixedV) - Number(b.prefixedV) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}

/** Whether a tag can stand in for the current one: stable, same variant, inside the current version line. */
export function fitsTrack(candidate: VersionTag, track: TagTrack): boolean {
  if (candidate.prerelease || candidate.variant !== track.variant) return false;
  if (track.prefixedV !== null && candidate.prefixedV !== track.prefixedV) return false;
  if (track.versionPrefix.length === 0) return candidate.version[0] < DATE_LIKE_MIN;
  return candidate.version.length >= track.versionPrefix.length && track.versionPrefix.every((segment, i) => candidate.version[i] === segment);
}

/**
 * The tag to pin `current` to (null: no tag, or `latest`), chosen from `tags`; null when nothing
 * fits. May return `current` itself when it is already the most specific version of its line.
 */
export function chooseVersionTag(current: string | null, tags: readonly string[]): string | null {
  const track = trackOf(current);
  if (!track) return null;
  const candidates = tags.map(parseVersionTag).filter((candidate): candidate is VersionTag => candidate !== null && fitsTrack(candidate, track));
  return candidates.sort(byPreference)[0]?.tag ?? null;
}

/**
 * Whether a version tag could be offered for `current` before any tag list is known: untagged,
 * `latest`, a variant word (`alpine`), or a version short of major.minor.patch (`17-alpine`).
 */
export function mayHaveMoreSpecificTag(current: string | null): boolean {
  const track = trackOf(current);
  return track !== null && track.versionPrefix.length < 3;
}
