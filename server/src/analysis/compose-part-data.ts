/**
 * The plain data, the project model and the memo values of a document stitched from parts
 * (compose-parts.ts), assembled from what each part keeps instead of walked out of the whole tree
 * at every edit.
 */
import type { ComposeDoc, ComposeProject, ComposeService } from './compose-doc';
import { normalizeService, type PlainMap } from './compose-merge';
import type { PartIndex } from './compose-part-index';
import type { Results } from './compose-part-results';
import { noteRead, recordingReads, recordReads } from './compose-reads';
import type { ParsedChunk } from './compose-chunk-parse';
import type { AnalysisContext } from './types';

/** Plain data of a part's value (`toJS()`), and normalised for a service; valid for `dataKey`. `before`: the plain data it replaced. */
export interface PartValues {
  dataKey: string;
  /** For a service, the parts outside `services:` its `dataKey` names. */
  references?: readonly ParsedChunk[];
  plain?: unknown;
  normalized?: unknown;
  before?: unknown;
}

/** What PartData reads of a part. */
export interface DataPart {
  chunk: ParsedChunk;
  line: number;
  data: PartValues;
  results: Results;
}

type Form = 'plain' | 'normalized';

export class PartData<P extends DataPart> {
  /**
   * The services map of the last generation's model, per form: the next generation's is that map
   * with the services its edit changed set again (compose-service-folds.ts), rather than hundreds
   * of entries copied. Updated in place: a document is out of use once the next one is built
   * (`ComposeIncrementalAnalyzer.document`), and the map's other entries are the same objects.
   */
  private readonly lastServices: Record<Form, { generation: number; map: PlainMap } | undefined> = { plain: undefined, normalized: undefined };

  constructor(private readonly byName: PartIndex<P>) {}

  /** `ComposeDoc.project` as buildProject gives it for a file without other files in its project. */
  project(doc: ComposeDoc, context: AnalysisContext): ComposeProject {
    const model = this.topLevel(doc, 'normalized');
    return { model, partial: context.compose?.partial === true, hasInclude: model.include !== undefined };
  }

  /** `ComposeDoc.toJS()`, from each part's plain data. */
  plain(doc: ComposeDoc): unknown {
    return this.topLevel(doc, 'plain');
  }

  serviceData(service: ComposeService, form: Form): unknown {
    const data = this.part(service).data;
    if (!('plain' in data)) data.plain = service.node.toJS();
    if (form === 'normalized' && !('normalized' in data)) data.normalized = normalizeService(data.plain);
    return form === 'plain' ? data.plain : data.normalized;
  }

  /** `ComposeDoc.serviceMemo`: computed once per results, with the keys it read noted wherever the value is used. */
  memo(service: ComposeService, key: string, compute: (service: ComposeService) => unknown, forFindings: boolean): unknown {
    const memo = this.part(service).results.memo;
    let entry = memo.get(key);
    if (!entry) {
      const { result, reads } = recordReads(compute, service);
      entry = { value: result, reads: reads.get(service.name) ?? new Set(), forFindings: false };
      memo.set(key, entry);
    } else if (recordingReads()) {
      for (const read of entry.reads) noteRead(service.name, read);
    }
    entry.forFindings ||= forFindings;
    return entry.value;
  }

  private part(service: ComposeService): P {
    return this.byName.services.get(service.name) as P;
  }

  private topLevel(doc: ComposeDoc, form: Form): PlainMap {
    const data = Object.create(null) as PlainMap;
    for (const entry of doc.root?.entries() ?? []) {
      const key = String(entry.key);
      data[key] = key === 'services' ? this.services(doc, form) : this.topData(key, entry.toJS.bind(entry));
    }
    return data;
  }

  private services(doc: ComposeDoc, form: Form): PlainMap {
    const changes = doc.serviceChanges;
    const last = this.lastServices[form];
    if (changes?.changed && last?.generation === changes.generation - 1) {
      for (const i of changes.changed) last.map[doc.allServices[i].name] = this.serviceData(doc.allServices[i], form);
      last.generation = changes.generation;
      return last.map;
    }
    const services = Object.create(null) as PlainMap;
    for (const service of doc.allServices) services[service.name] = this.serviceData(service, form);
    this.lastServices[form] = changes ? { generation: changes.generation, map: services } : undefined;
    return services;
  }

  private topData(key: string, toJS: () => unknown): unknown {
    const data = (this.byName.tops.get(key) as P).data;
    if (!('plain' in data)) data.plain = toJS();
    return data.plain;
  }
}
