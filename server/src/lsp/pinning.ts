import { CodeActionKind, MessageType, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseImageReference, type ImageReference } from '../analysis/images';
import { withDigest, withTag } from '../analysis/pinning';
import type { PinnableImage, Range } from '../analysis/types';
import type { RegistryClient } from '../registry/client';
import { RegistryError } from '../registry/errors';
import { chooseVersionTag, mayHaveMoreSpecificTag } from '../registry/versions';
import type { OpenDocuments } from './linter';
import type { LocalImageDigestsResult } from './pinning-protocol';
import { documentEdit, type EditCapabilities } from './workspace-edits';

export type PinKind = 'tag' | 'digest';

/** What a pin action carries from the list to codeAction/resolve (the client echoes `data`). */
export interface PinActionData {
  containerHygienePin: { kind: PinKind; uri: string; version: number; image: string; range: Range };
}

export interface PinHost {
  /** Asks the client for the local engine's RepoDigests of an image (containerHygiene/localImageDigests). */
  localImageDigests(image: string): Promise<LocalImageDigestsResult>;
  showMessage(type: MessageType, message: string): void;
}

/** How long the client may take to ask its engine (a stopped engine can hang the CLI). */
const LOCAL_LOOKUP_TIMEOUT_MS = 15_000;
const PREFIX = 'Container Hygiene: ';

type Outcome = { newText: string; note?: string } | { failure: string };

/**
 * "Pin to <version tag>" and "Pin to digest": offered from the pin markers of diagnostics without
 * any look-up, and given their edit only in codeAction/resolve, when the user picks one. A failed
 * look-up resolves to a message and no edit, never a guessed reference.
 */
export class ImagePinning {
  constructor(
    private readonly documents: OpenDocuments,
    private readonly registry: RegistryClient,
    private readonly host: PinHost,
    private readonly capabilities: () => EditCapabilities,
  ) {}

  /** One action per pin kind and image range, whatever number of diagnostics share it. */
  offer(document: TextDocument, targets: readonly { diagnostic: Diagnostic; pin: PinnableImage }[]): CodeAction[] {
    const actions = new Map<string, CodeAction>();
    for (const { diagnostic, pin } of targets) {
      const ref = parseImageReference(pin.image);
      if (!ref) continue;
      const kinds: { kind: PinKind; title: string | null }[] = [{ kind: 'tag', title: this.tagTitle(ref) }, { kind: 'digest', title: 'Pin to digest' }];
      for (const { kind, title } of kinds) {
        if (title === null) continue;
        const key = `${kind} ${JSON.stringify(pin.range)}`;
        const existing = actions.get(key);
        if (existing) { existing.diagnostics?.push(diagnostic); continue; }
        const data: PinActionData = { containerHygienePin: { kind, uri: document.uri, version: document.version, image: pin.image, range: pin.range } };
        actions.set(key, { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], data });
      }
    }
    return [...actions.values()];
  }

  /** Fills in the edit of a pin action; other actions come back unchanged. */
  async resolve(action: CodeAction): Promise<CodeAction> {
    const data = readPinData(action.data);
    if (!data) return action;
    const document = this.documents.get(data.uri);
    if (!document || document.version !== data.version || document.getText(data.range) !== data.image) {
      this.host.showMessage(MessageType.Warning, `${PREFIX}the file changed after "${action.title}" was offered; nothing was pinned. Ask for the quick fix again.`);
      return withoutEdit(action);
    }
    const outcome = data.kind === 'tag' ? await this.pinTag(data.image) : await this.pinDigest(data.image);
    if ('failure' in outcome) {
      this.host.showMessage(MessageType.Warning, `${PREFIX}${outcome.failure}`);
      return withoutEdit(action);
    }
    if (outcome.note) this.host.showMessage(MessageType.Info, `${PREFIX}${outcome.note}`);
    return { ...action, edit: documentEdit({ uri: data.uri, version: data.version }, [{ range: data.range, newText: outcome.newText }], this.capabilities()) };
  }

  /** "Pin to 1.10.0" when the tag list is already cached, a generic title otherwise; null when no tag would do. */
  private tagTitle(ref: ImageReference): string | null {
    if (!mayHaveMoreSpecificTag(ref.tag)) return null;
    const cached = this.registry.peekTags(ref);
    if (!cached) return 'Pin to newest version tag';
    const chosen = chooseVersionTag(ref.tag, cached);
    return chosen && chosen !== ref.tag ? `Pin to ${chosen}` : null;
  }

  private async pinTag(image: string): Promise<Outcome> {
    const ref = parseImageReference(image) as ImageReference;
    let tags: string[];
    try {
      tags = await this.registry.listTags(ref);
    } catch (error) {
      return { failure: `could not pin ${image} to a version tag: ${sentence(reason(error))}` };
    }
    const chosen = chooseVersionTag(ref.tag, tags);
    const newText = chosen && chosen !== ref.tag ? withTag(image, chosen) : null;
    if (!newText) {
      const variant = ref.tag ?? 'latest';
      return { failure: `no stable version tag of the same variant as "${variant}" (and more specific than it) among the ${tags.length} tags of ${ref.domain}/${ref.repository}; pin ${image} by hand or by digest.` };
    }
    return { newText };
  }

  private async pinDigest(image: string): Promise<Outcome> {
    const ref = parseImageReference(image) as ImageReference;
    const tag = ref.tag ?? 'latest';
    let registryProblem: string;
    try {
      const digest = await this.registry.manifestDigest(ref, tag);
      const newText = withDigest(image, tag, digest);
      if (newText) return { newText };
      registryProblem = `its digest ${digest} could not be added to ${image}`;
    } catch (error) {
      registryProblem = reason(error);
    }
    const tagged = withTag(image, tag) ?? image;
    const local = await this.localDigest(ref, tagged);
    if ('digest' in local) {
      const newText = withDigest(image, tag, local.digest);
      if (newText) return { newText, note: `${sentence(registryProblem)} Pinned ${tagged} to the digest of the local engine's copy instead, which may be older than the registry's.` };
    }
    return { failure: `could not pin ${tagged} to a digest. Registry: ${sentence(registryProblem)} Local engine: ${sentence('problem' in local ? local.problem : 'gave no usable digest')}` };
  }

  /** The local engine's digest for the image's own repository (RepoDigests lists every repository it was pulled from or pushed to). */
  private async localDigest(ref: ImageReference, tagged: string): Promise<{ digest: string } | { problem: string }> {
    let result: LocalImageDigestsResult;
    try {
      result = await withTimeout(this.host.localImageDigests(tagged), LOCAL_LOOKUP_TIMEOUT_MS);
    } catch (error) {
      return { problem: `the editor could not ask it (${error instanceof Error ? error.message : String(error)})` };
    }
    if (typeof result?.error === 'string') return { problem: result.error };
    for (const repoDigest of Array.isArray(result?.repoDigests) ? result.repoDigests : []) {
      if (typeof repoDigest !== 'string') continue;
      const local = parseImageReference(repoDigest);
      if (local && local.domain === ref.domain && local.repository === ref.repository && local.digest && /^sha256:[a-f0-9]{64}$/.test(local.digest)) return { digest: local.digest };
    }
    return { problem: `it has no registry digest for ${tagged} (pull or push the image once, then try again)` };
  }
}

function reason(error: unknown): string {
  if (error instanceof RegistryError) return error.message;
  return `the look-up failed (${error instanceof Error ? error.message : String(error)})`;
}

/** Ends a clause as a sentence, without doubling its punctuation ("are you offline?"). */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

function withoutEdit(action: CodeAction): CodeAction {
  const { edit: _edit, ...rest } = action;
  return rest;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); });
  });
}

/** The pin data of an action echoed by the client, checked field by field (clients send anything back). */
export function readPinData(raw: unknown): PinActionData['containerHygienePin'] | undefined {
  const pin = (raw as Partial<PinActionData> | null | undefined)?.containerHygienePin;
  if (!pin || typeof pin !== 'object') return undefined;
  const { kind, uri, version, image, range } = pin;
  if ((kind !== 'tag' && kind !== 'digest') || typeof uri !== 'string' || typeof version !== 'number' || typeof image !== 'string' || !isRange(range)) return undefined;
  return { kind, uri, version, image, range };
}

export function isRange(value: unknown): value is Range {
  const range = value as Partial<Range> | null;
  const isPosition = (p: unknown): boolean => typeof p === 'object' && p !== null && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);
  return !!range && typeof range === 'object' && isPosition(range.start) && isPosition(range.end);
}
