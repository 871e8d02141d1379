/**
 * Container Hygiene: Inspect Image — `docker image inspect` shown as a read-only Markdown document
 * (tags, digests, size, user, exposed ports, entrypoint, environment names without values, labels).
 * Arguments: { image?: string, throwOnError?: boolean }. Returns { uri: string, markdown: string }.
 */
import { renderImageReport } from '../model/reports';
import { showReport } from '../views/report-documents';
import { pickImage } from './pickers';
import { registerEngineCommand, stringArg, type CommandServices } from './support';

export const INSPECT_IMAGE = 'containerHygiene.inspectImage';

export function registerInspectImage(services: CommandServices) {
  return registerEngineCommand(services, INSPECT_IMAGE, 'Inspect Image', async (args?: unknown) => {
    const engine = services.engine();
    const image = stringArg(args, 'image') ?? (await pickImage(engine, 'Image to inspect')).reference;
    const markdown = renderImageReport(await engine.inspectImage(image));
    const uri = await showReport('image', image, markdown);
    return { uri: uri.toString(), markdown };
  });
}
