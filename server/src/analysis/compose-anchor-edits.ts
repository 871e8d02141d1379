/**
 * What an edit of an anchor (a top-level entry such as `x-defaults: &defaults`) changed for a
 * service that merges or aliases it: the top-level keys whose value changed, and the keys whose
 * text comes from the lines that changed (findings may point into the anchor, so their positions
 * count too). Services that read none of these keep their findings (compose-parts.ts).
 */
import { isAlias, isMap, isPair, isSeq, type Alias, type Node, type Pair } from 'yaml';
import { canonicalText } from './compose-canonical';
import type { ComposeDoc, ComposeService } from './compose-doc';
import { keyText } from './compose-yaml-maps';
import { ALL_KEYS } from './compose-reads';

/** Keys of `service` changed by an edit of lines `changedLines` outside `services:`; `before` and `after` are its plain values. */
export function keysChangedByAnchors(doc: ComposeDoc, service: ComposeService, before: unknown, after: unknown, changedLines: ReadonlySet<number>): Set<string> {
  const changed = new Set<string>();
  if (!isRecord(before) || !isRecord(after)) return new Set([ALL_KEYS]);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!Object.hasOwn(before, key) || !Object.hasOwn(after, key) || canonicalText(before[key]) !== canonicalText(after[key])) changed.add(key);
  }
  const onChangedLines = (node: Node | null | undefined, from?: Node | null): boolean => {
    const start = (from ?? node)?.range?.[0];
    const end = node?.range?.[1];
    if (start === undefined || end === undefined) return false;
    for (let line = doc.lines.positionAt(start).line, last = doc.lines.positionAt(end).line; line <= last; line++) if (changedLines.has(line)) return true;
    return false;
  };
  // Keys merged in through `<<` (or the whole value behind an alias): their text is in the anchor.
  for (const entry of service.node.entries()) {
    if (!entry.isLocal && onChangedLines(entry.yaml, entry.keyNode)) changed.add(String(entry.key));
  }
  // Keys written here whose value holds an alias into the changed lines.
  const map = service.node.isLocal && isMap(service.node.yaml) ? service.node.yaml : undefined;
  for (const pair of (map?.items ?? []) as Pair[]) {
    const key = keyText(pair);
    if (key !== undefined && aliasesUnder(pair.value as Node | null).some((alias) => onChangedLines(doc.aliasTarget(alias)))) changed.add(key);
  }
  return changed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The aliases inside a value (not followed). */
function aliasesUnder(root: Node | null): Alias[] {
  const found: Alias[] = [];
  const stack: unknown[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) stack.push(node.key, node.value);
    else if (isAlias(node)) found.push(node);
    else if (isMap(node) || isSeq(node)) stack.push(...node.items);
  }
  return found;
}
