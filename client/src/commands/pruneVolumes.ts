/**
 * Container Hygiene: Prune Volumes — asks first (saying whether named volumes go too on this
 * engine), then `docker volume prune --force [--all]`, and reports what it removed and freed.
 * Arguments: { includeNamed?: boolean, confirm?: boolean, throwOnError?: boolean }.
 * Returns { deleted: string[], reclaimedBytes, reclaimedText } or undefined when declined.
 */
import { window } from 'vscode';
import { formatBytes, type PruneResult } from '../engine';
import { booleanArg, registerEngineCommand, type CommandServices } from './support';

export const PRUNE_VOLUMES = 'containerHygiene.pruneVolumes';

export function registerPruneVolumes(services: CommandServices) {
  return registerEngineCommand(services, PRUNE_VOLUMES, 'Prune Volumes', async (args?: unknown): Promise<PruneResult | undefined> => {
    const engine = services.engine();
    let includeNamed = booleanArg(args, 'includeNamed');
    if (includeNamed === undefined && booleanArg(args, 'confirm') !== true) {
      const scope = await window.showQuickPick([
        { label: 'Anonymous volumes only', includeNamed: false, detail: 'Volumes no one named, left behind by containers' },
        { label: 'All unused volumes, named ones too', includeNamed: true, detail: 'Every volume no container uses, running or stopped' },
      ], { title: 'Prune Volumes', placeHolder: 'Which unused volumes to remove?' });
      if (!scope) return undefined;
      includeNamed = scope.includeNamed;
    }
    const removesNamed = await engine.pruneRemovesNamedVolumes(includeNamed ?? false);
    if (booleanArg(args, 'confirm') !== true) {
      const what = removesNamed
        ? 'every volume no container uses (running or stopped), named volumes included'
        : 'every anonymous volume no container uses';
      const note = removesNamed && !includeNamed ? ' This engine (API before 1.42) prunes named volumes too.' : '';
      const answer = await window.showWarningMessage(`Prune volumes? This removes ${what}; their data cannot be recovered.${note}`, { modal: true }, 'Prune');
      if (answer !== 'Prune') return undefined;
    }
    const result = await engine.pruneVolumes({ includeNamed: includeNamed ?? false });
    services.changed('volumes');
    const freed = result.reclaimedBytes !== null ? formatBytes(result.reclaimedBytes) : result.reclaimedText;
    const names = result.deleted.length > 0 ? `: ${result.deleted.slice(0, 5).join(', ')}${result.deleted.length > 5 ? ', …' : ''}` : '';
    void window.showInformationMessage(`Removed ${result.deleted.length} volume${result.deleted.length === 1 ? '' : 's'}${names}; freed ${freed}.`);
    services.output.appendLine(`Pruned ${result.deleted.length} volumes (${result.deleted.join(', ') || 'none'}); freed ${freed}.`);
    return result;
  });
}
