/**
 * Container Hygiene: Inspect Volume — opens a read-only Markdown document: driver, mountpoint,
 * created, size (`docker system df -v`), labels, anonymous or not, the containers using it
 * (`docker ps -a --filter volume=`), and its files, listed read-only by a short-lived helper
 * container (containerHygiene.volumeHelperImage; no network, read-only, removed after).
 * Arguments: a Volumes-view item, or { volume?: string, helperImage?: string, throwOnError?: boolean }.
 * Returns { uri: string, markdown: string }.
 */
import { window } from 'vscode';
import { describeError } from '../engine';
import { renderVolumeReport } from '../model/reports';
import { showReport } from '../views/report-documents';
import { volumeNameFrom } from '../views/volumes-view';
import { pickVolume } from './pickers';
import { registerEngineCommand, stringArg, type CommandServices } from './support';

export const INSPECT_VOLUME = 'containerHygiene.inspectVolume';

export function registerInspectVolume(services: CommandServices) {
  return registerEngineCommand(services, INSPECT_VOLUME, 'Inspect Volume', async (args?: unknown) => {
    const engine = services.engine();
    const name = volumeNameFrom(args) ?? await pickVolume(engine, 'Volume to inspect');
    const helperImage = stringArg(args, 'helperImage') ?? engine.cli.settings.helperImage;
    const markdown = await window.withProgress({ location: { viewId: 'containerHygiene.volumes' }, title: `Inspecting ${name}` }, async () => {
      const details = await engine.inspectVolume(name);
      const [users, size, files] = await Promise.all([
        engine.volumeUsers(name),
        engine.volumeSize(name).catch(() => null),
        engine.listVolumeFiles(name, { helperImage }).catch((error: unknown) => ({ error: describeError(error) })),
      ]);
      return renderVolumeReport({ details, users, size, files, helperImage });
    });
    const uri = await showReport('volume', name, markdown);
    return { uri: uri.toString(), markdown };
  });
}
