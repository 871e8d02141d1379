/**
 * Which services' kept findings a service-scoped rule must check again (compose-incremental.ts):
 * those whose findings array lacks the rule's entry, volatile ones, and those whose dependency on
 * other services changed. A check leaves every service's findings array complete (an entry for each
 * rule that ran) with the dependency it was made for; arrays only ever gain entries. So a service
 * with the same array at the same position as after the last check, and the same dependency, needs
 * nothing. With the parts' history (compose-service-folds.ts) only the services an edit changed are
 * looked up and asked for their dependency; the others' are those of the last check.
 */
import type { ComposeDoc, ComposeService } from './compose-doc';
import type { CachedFindings } from './compose-part-results';

/** A service's kept findings, by the rule's position in the rules the analyzer runs. */
export type KeptFindings = (CachedFindings | undefined)[];

/** What each service's findings depend on in other services, as text, made from `basis` (the same object while it is the same) and the service. */
export interface ServiceDependency {
  basis: object;
  of(service: ComposeService): string;
}

interface Dependencies {
  generation: number;
  basis: object;
  values: string[];
}

export class StaleServices {
  /** Each service's findings after the last completed check, by position, and the generation of its document. */
  private last: { generation: number | undefined; kept: readonly KeptFindings[] } = { generation: undefined, kept: [] };
  private readonly dependencies = new Map<string, Dependencies>();
  /** The check under way. */
  private doc: ComposeDoc | undefined;
  private kept: KeptFindings[] = [];
  private volatile: readonly boolean[] = [];
  /** Its document's changed services, when they follow the last completed check. */
  private changes: { generation: number; changed: readonly number[] } | undefined;
  /** Services (in order) whose findings array is not the complete one of the last check, or that are volatile. */
  private candidates: number[] = [];

  /** Forgets the last check (its findings were cleared). */
  reset(): void {
    this.last = { generation: undefined, kept: [] };
    this.dependencies.clear();
  }

  /** Starts a check of `doc`: every service's findings arrays, in order (`findingsOf`, or those of the last check for services the edit left). */
  start(doc: ComposeDoc, findingsOf: (service: ComposeService) => KeptFindings, volatile: readonly boolean[]): KeptFindings[] {
    const changes = doc.serviceChanges;
    this.changes = changes?.changed && this.last.generation === changes.generation - 1 ? { generation: changes.generation, changed: changes.changed } : undefined;
    const services = doc.allServices;
    let kept: KeptFindings[];
    if (this.changes) {
      kept = this.last.kept.slice();
      for (const i of this.changes.changed) kept[i] = findingsOf(services[i]);
    } else {
      kept = services.map(findingsOf);
    }
    this.candidates = [];
    for (let i = 0; i < kept.length; i++) if (volatile[i] || kept[i] !== this.last.kept[i]) this.candidates.push(i);
    this.last = { generation: undefined, kept: [] };
    this.doc = doc;
    this.kept = kept;
    this.volatile = volatile;
    return kept;
  }

  /**
   * The services (positions, in order) whose findings of the rule at `rank` cannot be kept, and each
   * service's dependency (to keep with its new findings). `allStale`: every one is.
   */
  stale(ruleId: string, rank: number, allStale: boolean, dependency: ServiceDependency | undefined): { stale: number[]; dependencies: readonly string[] | undefined } {
    const found = dependency ? this.dependenciesOf(ruleId, dependency) : undefined;
    const dependencies = found?.values;
    const only = allStale ? undefined : found ? found.changed && union(this.candidates, found.changed) : this.candidates;
    const stale: number[] = [];
    const isStale = (i: number): boolean => {
      const entry = this.kept[i][rank];
      return allStale || this.volatile[i] || entry === undefined || (dependencies !== undefined && entry.dependency !== dependencies[i]);
    };
    if (only) {
      for (const i of only) if (isStale(i)) stale.push(i);
    } else {
      for (let i = 0; i < this.kept.length; i++) if (isStale(i)) stale.push(i);
    }
    return { stale, dependencies };
  }

  /** The check completed: every findings array now holds an entry for each rule that ran. */
  finish(): void {
    this.last = { generation: this.doc?.serviceChanges?.generation, kept: this.kept };
    this.doc = undefined;
  }

  /** Every service's dependency, and the services whose dependency changed since the last check (undefined: any may have). */
  private dependenciesOf(ruleId: string, dependency: ServiceDependency): { values: string[]; changed: number[] | undefined } {
    const services = (this.doc as ComposeDoc).allServices;
    const last = this.dependencies.get(ruleId);
    let values: string[];
    let changed: number[] | undefined;
    if (this.changes && last?.basis === dependency.basis && last.generation === this.changes.generation - 1) {
      values = last.values;
      changed = [];
      for (const i of this.changes.changed) {
        const value = dependency.of(services[i]);
        if (value === values[i]) continue;
        if (values === last.values) values = values.slice();
        values[i] = value;
        changed.push(i);
      }
    } else {
      values = services.map((service) => dependency.of(service));
    }
    const generation = this.doc?.serviceChanges?.generation;
    if (generation === undefined) this.dependencies.delete(ruleId);
    else this.dependencies.set(ruleId, { generation, basis: dependency.basis, values });
    return { values, changed };
  }
}

/** The positions in either sorted list, sorted, once each. */
function union(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a as number[];
  const merged: number[] = [];
  let i = 0;
  let k = 0;
  while (i < a.length || k < b.length) {
    const next = k >= b.length || (i < a.length && a[i] <= b[k]) ? a[i++] : b[k++];
    if (merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}
