/**
 * Wires the engine commands, the Volumes view, the engine status item and the report documents.
 * extension.ts calls `registerEngineFeatures` once; everything is disposed with the extension.
 */
import type { Disposable, ExtensionContext, OutputChannel } from 'vscode';
import { createEngineStatusItem } from '../views/engine-status';
import { registerReportDocuments } from '../views/report-documents';
import { createVolumesView } from '../views/volumes-view';
import { registerBuildImage } from './buildImage';
import { registerCreateVolume } from './createVolume';
import { registerInspectImage } from './inspectImage';
import { registerInspectVolume } from './inspectVolume';
import { registerListImages } from './listImages';
import { registerPruneVolumes } from './pruneVolumes';
import { registerRemoveImage } from './removeImage';
import { registerRemoveVolume } from './removeVolume';
import { registerRunContainer } from './runContainer';
import { registerSelectContext } from './selectContext';
import { createServices, registerEngineCommand, type ChangeKind } from './support';

export const REFRESH_VOLUMES = 'containerHygiene.refreshVolumes';

export function registerEngineFeatures(context: ExtensionContext, output: OutputChannel): Disposable[] {
  const listeners: ((kind: ChangeKind) => void)[] = [];
  const services = createServices(context, output, (kind) => listeners.forEach((listener) => listener(kind)));
  const volumes = createVolumesView(services);
  const status = createEngineStatusItem(services);
  listeners.push((kind) => {
    if (kind === 'volumes' || kind === 'context') volumes.refresh();
    if (kind === 'context') void status.refresh();
  });
  return [
    volumes,
    status,
    registerReportDocuments(),
    registerBuildImage(services),
    registerRunContainer(services),
    registerListImages(services),
    registerInspectImage(services),
    registerRemoveImage(services),
    registerInspectVolume(services),
    registerCreateVolume(services),
    registerRemoveVolume(services),
    registerPruneVolumes(services),
    registerSelectContext(services),
    registerEngineCommand(services, REFRESH_VOLUMES, 'Refresh Volumes', async () => {
      volumes.refresh();
      return (await status.refresh())?.answers;
    }),
  ];
}
