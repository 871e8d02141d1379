import type { ComposeService } from './compose-doc';
import type { ComposeNode } from './compose-node';
import { parseVolumeSpec } from './compose-volumes';
import type { Range } from './types';

/** The top-level section a reference points into. */
export type ReferenceKind = 'services' | 'volumes' | 'networks' | 'secrets' | 'configs';

/** A name one service uses that must be defined elsewhere in the project. */
export interface ComposeReference {
  kind: ReferenceKind;
  name: string;
  /** The field it is written in (`depends_on`, `network_mode`, `volumes`, `build.secrets`...). */
  field: string;
  /** The name itself (e.g. `db` in `- db:database`), or the alias / merge key it comes through. */
  range: Range;
  /** `depends_on: {x: {required: false}}`: Compose only warns when the service is missing. */
  optional?: boolean;
}

/**
 * Every name the service's own text refers to: services in `depends_on`, `links`, `extends`
 * (same file), `volumes_from`, `network_mode`/`ipc: service:x`; named volumes in `volumes`;
 * `networks`; `secrets`, `configs` and `build.secrets`. Names with `${...}` are left out.
 */
export function serviceReferences(service: ComposeService): ComposeReference[] {
  const refs: ComposeReference[] = [];
  const nameKeys = (kind: ReferenceKind, field: string, node: ComposeNode | undefined): void => {
    if (node?.isMap) {
      for (const entry of node.entries()) {
        if (String(entry.key).includes('$')) continue;
        refs.push({ kind, name: String(entry.key), field, range: entry.keyRange, ...(entry.get('required')?.bool === false ? { optional: true } : {}) });
      }
    } else {
      for (const item of node?.items() ?? []) if (item.kind === 'scalar') scalarRef(refs, kind, field, item, item.text, 0);
    }
  };

  nameKeys('services', 'depends_on', service.get('depends_on'));
  for (const item of service.get('links')?.items() ?? []) scalarRef(refs, 'services', 'links', item, item.text?.split(':')[0], 0);
  for (const item of service.get('volumes_from')?.items() ?? []) {
    const text = item.text ?? '';
    if (!text.startsWith('container:')) scalarRef(refs, 'services', 'volumes_from', item, text.split(':')[0], 0);
  }
  const extendsNode = service.get('extends');
  if (extendsNode?.kind === 'scalar') scalarRef(refs, 'services', 'extends', extendsNode, extendsNode.text, 0);
  else if (extendsNode?.isMap && !extendsNode.has('file')) {
    const target = extendsNode.get('service');
    if (target) scalarRef(refs, 'services', 'extends', target, target.text, 0);
  }
  for (const field of ['network_mode', 'ipc']) {
    const node = service.get(field);
    if (node?.text?.startsWith('service:')) scalarRef(refs, 'services', field, node, node.text.slice('service:'.length), 'service:'.length);
  }

  for (const item of service.get('volumes')?.items() ?? []) {
    const mount = parseVolumeSpec(item.toJS());
    if (!mount || mount.type !== 'volume' || !mount.source || mount.sourceInterpolated) continue;
    if (item.kind === 'scalar') scalarRef(refs, 'volumes', 'volumes', item, mount.source, 0);
    else {
      const source = item.get('source');
      if (source) scalarRef(refs, 'volumes', 'volumes', source, mount.source, 0);
    }
  }
  nameKeys('networks', 'networks', service.get('networks'));
  grants(refs, 'secrets', 'secrets', service.get('secrets'));
  grants(refs, 'configs', 'configs', service.get('configs'));
  grants(refs, 'secrets', 'build.secrets', service.get('build')?.get('secrets'));
  return refs;
}

/** `secrets: [a, {source: b}]`. */
function grants(refs: ComposeReference[], kind: ReferenceKind, field: string, node: ComposeNode | undefined): void {
  for (const item of node?.items() ?? []) {
    const target = item.isMap ? item.get('source') : item;
    if (target?.kind === 'scalar') scalarRef(refs, kind, field, target, target.text, 0);
  }
}

/** A name at `start` inside a scalar (`service:db` -> `db`), ranged on the name when the text allows. */
function scalarRef(refs: ComposeReference[], kind: ReferenceKind, field: string, node: ComposeNode, name: string | undefined, start: number): void {
  if (!name || name.includes('$')) return;
  refs.push({ kind, name, field, range: node.subRange(start, start + name.length) });
}
