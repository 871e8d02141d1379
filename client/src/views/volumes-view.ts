/**
 * The Volumes tree in the "Container Hygiene" activity-bar container: one item per volume; click to
 * inspect, context menu to remove; title buttons refresh, create and prune. Nothing runs in
 * Restricted Mode (the view's welcome text says why).
 */
import {
  EventEmitter, MarkdownString, ThemeIcon, TreeItem, TreeItemCollapsibleState, window, workspace,
  type Disposable, type TreeDataProvider, type TreeView,
} from 'vscode';
import { describeError, type VolumeSummary } from '../engine';
import type { CommandServices } from '../commands/support';
import { code } from '../model/reports';

export const VOLUMES_VIEW_ID = 'containerHygiene.volumes';

/** A volume in the tree; commands take it (or `{ volume: name }`) as their argument. */
export class VolumeItem extends TreeItem {
  constructor(readonly volume: VolumeSummary) {
    super(volume.name, TreeItemCollapsibleState.None);
    const anonymous = /^[0-9a-f]{64}$/.test(volume.name);
    this.label = anonymous ? `${volume.name.slice(0, 12)}…` : volume.name;
    this.description = anonymous ? `${volume.driver} · anonymous` : volume.driver;
    this.contextValue = 'volume';
    this.iconPath = new ThemeIcon('database');
    const labels = Object.entries(volume.labels).map(([key, value]) => `- ${code(key)} = ${code(value)}`);
    this.tooltip = new MarkdownString([`**${code(volume.name)}**`, '', `Driver: ${code(volume.driver)}`, volume.mountpoint ? `Mountpoint: ${code(volume.mountpoint)}` : '', ...labels].join('\n\n'));
    this.command = { command: 'containerHygiene.inspectVolume', title: 'Inspect Volume', arguments: [{ volume: volume.name }] };
  }
}

class VolumesProvider implements TreeDataProvider<VolumeItem> {
  private readonly changes = new EventEmitter<void>();
  readonly onDidChangeTreeData = this.changes.event;
  view: TreeView<VolumeItem> | undefined;

  constructor(private readonly services: CommandServices) {}

  refresh(): void {
    this.changes.fire();
  }

  getTreeItem(item: VolumeItem): VolumeItem {
    return item;
  }

  async getChildren(parent?: VolumeItem): Promise<VolumeItem[]> {
    if (parent || !workspace.isTrusted) return [];
    try {
      const volumes = await this.services.engine().listVolumes();
      this.setMessage(volumes.length === 0 ? 'No volumes. Create one with the + button.' : undefined);
      return volumes.sort((a, b) => a.name.localeCompare(b.name)).map((volume) => new VolumeItem(volume));
    } catch (error) {
      this.setMessage(describeError(error));
      return [];
    }
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    this.changes.dispose();
  }
}

export interface VolumesView extends Disposable {
  refresh(): void;
}

export function createVolumesView(services: CommandServices): VolumesView {
  const provider = new VolumesProvider(services);
  const view = window.createTreeView(VOLUMES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  provider.view = view;
  const trust = workspace.onDidGrantWorkspaceTrust(() => provider.refresh());
  return {
    refresh: () => provider.refresh(),
    dispose: () => {
      trust.dispose();
      view.dispose();
      provider.dispose();
    },
  };
}

/** The volume name from a tree item, `{ volume }`, or a plain string. */
export function volumeNameFrom(arg: unknown): string | undefined {
  if (arg instanceof VolumeItem) return arg.volume.name;
  if (typeof arg === 'string') return arg;
  const volume = typeof arg === 'object' && arg !== null ? (arg as { volume?: unknown }).volume : undefined;
  if (typeof volume === 'string') return volume;
  if (typeof volume === 'object' && volume !== null && typeof (volume as { name?: unknown }).name === 'string') return (volume as { name: string }).name;
  return undefined;
}
