import type { Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LOCAL_IMAGE_DIGESTS_METHOD, type LocalImageDigestsResult } from '../../server/src/lsp/pinning-protocol';
import type { EngineSettings } from './engine';

/**
 * The engine module's look-up of an image's RepoDigests (`docker image inspect`), the only place
 * that runs the container CLI. Passed in rather than imported so that this module stays testable
 * outside VS Code and independent of how the engine module is built.
 */
export type RepoDigestLookup = (ref: string) => Promise<string[]>;

/** What the server may ask for: a plain image reference, never anything that could read as a flag. */
const IMAGE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@[\]]{0,511}$/;

/**
 * Answers the server's containerHygiene/localImageDigests request: when the registry cannot be
 * reached, "Pin to digest" falls back to the digest the local engine recorded for the image.
 */
export function answerLocalImageDigests(client: Pick<BaseLanguageClient, 'onRequest'>, lookup: RepoDigestLookup, isTrusted: () => boolean): Disposable {
  return client.onRequest(LOCAL_IMAGE_DIGESTS_METHOD, (params: unknown) => localImageDigests(params, lookup, isTrusted()));
}

export async function localImageDigests(params: unknown, lookup: RepoDigestLookup, trusted: boolean): Promise<LocalImageDigestsResult> {
  const image = (params as { image?: unknown } | null)?.image;
  if (typeof image !== 'string' || !IMAGE_REFERENCE.test(image)) return { repoDigests: [], error: 'the request did not name a valid image reference.' };
  if (!trusted) return { repoDigests: [], error: 'this workspace is not trusted, so the editor runs no container command; trust the workspace to let it ask the engine.' };
  try {
    const digests = await lookup(image);
    return { repoDigests: digests.filter((digest) => typeof digest === 'string') };
  } catch (error) {
    return { repoDigests: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The engine settings from the `containerHygiene` section: `containerCommand` and `environment`.
 * (A stand-in until the commands' own settings reader exists; the keys are the same.)
 */
export function engineSettingsFrom(section: { get<T>(key: string): T | undefined }): Partial<EngineSettings> {
  const command = section.get<unknown>('containerCommand');
  const environment = section.get<unknown>('environment');
  return {
    ...(typeof command === 'string' && command.trim() ? { command } : {}),
    ...(environment && typeof environment === 'object' ? { environment: environment as Record<string, string> } : {}),
  };
}
