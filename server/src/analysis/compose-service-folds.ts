/**
 * Results folded from every service of a Compose file (which ports clash, which service waits for
 * which, the schema problems...), kept by the incremental analyzer from one version of the file to
 * the next. Its parts (compose-parts.ts) tell which services an edit changed: their parsed text,
 * their kept results (memo values) or their plain data. Every other service's values are then
 * those it had, so only the changed services are read again, and the fold is done again only when
 * one of their values differs. A document parsed whole has no history: its folds are done once.
 */
import type { ComposeDoc, ComposeService } from './compose-doc';

/** What changed since the last document built from the same parts. */
export interface ServiceChanges {
  /** Counts the usable documents the parts were stitched into. */
  readonly generation: number;
  /**
   * Positions (in `allServices`) of the services whose part, kept results or data differ from the last
   * generation's; undefined when that is unknown or more changed (services added, removed or moved
   * in order, any part outside `services:`).
   */
  readonly changed: readonly number[] | undefined;
  /** Fold states, kept with the parts. */
  readonly store: Map<string, unknown>;
}

interface FoldState<V, R> {
  generation: number;
  values: V[];
  result: R;
}

/**
 * `fold` of every service's `read` value. With a history, the last generation's result while the
 * changed services' values are `same` as before. `fold` must depend on nothing but those values,
 * the services (their names and order) and the file outside `services:`; it may read them from the
 * document (`doc.project`...) and gets the values only with a history. `read` must give equal values
 * for a service whose part, results and data are the same (a memo value, something of its data).
 */
export function foldServices<V, R>(doc: ComposeDoc, key: string, read: (service: ComposeService) => V, same: (a: V, b: V) => boolean, fold: (values: readonly V[] | undefined) => R): R {
  const changes = doc.serviceChanges;
  if (!changes) return fold(undefined);
  const state = changes.store.get(key) as FoldState<V, R> | undefined;
  if (state?.generation === changes.generation) return state.result;
  const services = doc.allServices;
  let values: V[] | undefined;
  if (state && state.generation === changes.generation - 1 && changes.changed) {
    values = state.values;
    for (const i of changes.changed) {
      const value = read(services[i]);
      if (same(value, values[i])) continue;
      if (values === state.values) values = values.slice();
      values[i] = value;
    }
    if (values === state.values) {
      state.generation = changes.generation;
      return state.result;
    }
  }
  values ??= services.map(read);
  const result = fold(values);
  changes.store.set(key, { generation: changes.generation, values, result } satisfies FoldState<V, R>);
  return result;
}

/**
 * Keeps track, across builds of the parts, of which services changed (compose-parts.ts records
 * them as it replaces a part, its results or its data) and hands out `ServiceChanges`.
 */
export class ServiceChangeLog {
  private generation = 0;
  /** The service names of the last generation, in order; undefined when the next one cannot be compared with it. */
  private names: string[] | undefined;
  private readonly touched = new Set<string>();
  private outsideTouched = false;
  private readonly store = new Map<string, unknown>();

  /** A service part was replaced, or its results or data were (or its memo values dropped). */
  touchService(name: string): void {
    this.touched.add(name);
  }

  /** A part outside `services:` was replaced or removed. */
  touchOutside(): void {
    this.outsideTouched = true;
  }

  /** The parts were replaced without making a usable document: the next one cannot be compared with the last. */
  interrupt(): void {
    this.names = undefined;
    this.touched.clear();
    this.outsideTouched = false;
  }

  /** The changes of a new usable document whose services are `names`, in order. */
  next(names: string[]): ServiceChanges {
    const last = this.names;
    let changed: number[] | undefined;
    if (last && !this.outsideTouched && sameNames(last, names)) {
      changed = [];
      if (this.touched.size > 0) names.forEach((name, i) => this.touched.has(name) && changed?.push(i));
    }
    this.generation++;
    this.names = names;
    this.touched.clear();
    this.outsideTouched = false;
    return { generation: this.generation, changed, store: this.store };
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
