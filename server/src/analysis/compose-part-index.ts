/**
 * The parts of a Compose file by name (compose-parts.ts): services, top-level entries, and the
 * lines each service takes. Most edits keep every name (typing inside one service): the maps are
 * then updated where parts changed, rather than three maps of hundreds of entries made again.
 */
import type { ParsedChunk } from './compose-chunk-parse';
import type { LineSpan } from './compose-order';

interface IndexedPart {
  chunk: ParsedChunk;
  /** The part's first line. */
  line: number;
}

export class PartIndex<P extends IndexedPart> {
  /** Service parts by name. */
  services = new Map<string, P>();
  /** Parts outside `services:` by key (the `services:` line included, the preamble not). */
  tops = new Map<string, P>();
  private lineSpans = new Map<string, LineSpan>();
  /** The services' line spans in file order. */
  spans: LineSpan[] = [];

  /** Indexes the parts of a build (in file order; no name repeats, or the document is not usable). */
  update(parts: readonly P[]): void {
    if (!this.sameNames(parts)) {
      // New maps rather than clear(): V8 gives a cleared map its new table in the generation of the old
      // one, so maps once moved to old space put every edit's tables, and all they hold, there as garbage.
      this.services = new Map();
      this.tops = new Map();
      this.lineSpans = new Map();
    }
    this.spans = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const { kind, key, pair } = part.chunk;
      if (kind === 'service') {
        const endLine = parts[i + 1]?.line ?? Infinity;
        let span = this.lineSpans.get(key);
        if (span?.firstLine !== part.line || span.endLine !== endLine) {
          span = { firstLine: part.line, endLine };
          this.lineSpans.set(key, span);
        }
        this.spans.push(span);
        if (this.services.get(key) !== part) this.services.set(key, part);
      } else if (pair && this.tops.get(key) !== part) {
        this.tops.set(key, part);
      }
    }
  }

  /** Whether the maps hold exactly the parts' names (then they only need the parts' new values). */
  private sameNames(parts: readonly P[]): boolean {
    let services = 0;
    let tops = 0;
    for (const { chunk } of parts) {
      if (chunk.kind === 'service') {
        services++;
        if (!this.services.has(chunk.key)) return false;
      } else if (chunk.pair) {
        tops++;
        if (!this.tops.has(chunk.key)) return false;
      }
    }
    return services === this.services.size && tops === this.tops.size;
  }
}
