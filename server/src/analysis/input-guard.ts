/** Inputs we decline to analyse, with the message that says why. */

/**
 * Files above this size (bytes of UTF-8) get one file-not-analyzed finding instead of an analysis,
 * unless `AnalysisSettings.maxFileSize` says otherwise. Analysis time grows linearly, about 1 ms per
 * KB for a Dockerfile on a 2-core machine (docs/benchmarks.md): 4 MB bounds a lint to seconds
 * while no hand-written Dockerfile or Compose file comes near it.
 */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

/** The default limit, for callers that read files before settings apply (a read cap, in characters or bytes). */
export const MAX_ANALYZED_CHARS = DEFAULT_MAX_FILE_SIZE;

export function unanalyzableReason(text: string, maxFileSize: number = DEFAULT_MAX_FILE_SIZE): { messageId: string; data: Record<string, string | number> } | undefined {
  const size = utf8Size(text, maxFileSize);
  if (size > maxFileSize) return { messageId: 'tooLarge', data: tooLargeData(size, maxFileSize) };
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return { messageId: 'binary', data: {} };
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) return { messageId: 'binary', data: {} };
  return undefined;
}

/** The `size` and `limit` of the tooLarge message, in MB ("0.5", "4", "9.4"). */
export function tooLargeData(bytes: number, maxFileSize: number): { size: string; limit: string } {
  return { size: megabytes(bytes), limit: megabytes(maxFileSize) };
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/**
 * The UTF-8 size of the text, exact when it matters: a text of more UTF-16 units than the limit is
 * over it whatever its characters, one of fewer than a third of the limit is under it.
 */
function utf8Size(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
