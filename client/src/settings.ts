/** Reads the engine settings (`containerHygiene.containerCommand`, `.environment`, `.volumeHelperImage`). */
import { workspace } from 'vscode';
import type { EngineSettings } from './engine';

export const ENGINE_SETTING_KEYS = ['containerHygiene.containerCommand', 'containerHygiene.environment', 'containerHygiene.volumeHelperImage'];

/** Unset or empty values fall back to the engine module's defaults; values are validated when the engine is created. */
export function readEngineSettings(): Partial<EngineSettings> {
  const section = workspace.getConfiguration('containerHygiene');
  const command = section.get<unknown>('containerCommand');
  const environment = section.get<unknown>('environment');
  const helperImage = section.get<unknown>('volumeHelperImage');
  const settings: Partial<EngineSettings> = {};
  if (typeof command === 'string' && command.trim() !== '') settings.command = command.trim();
  if (typeof helperImage === 'string' && helperImage.trim() !== '') settings.helperImage = helperImage.trim();
  if (environment && typeof environment === 'object' && !Array.isArray(environment)) {
    settings.environment = Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, String(value)]));
  }
  return settings;
}
