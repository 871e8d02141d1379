/** Shared shapes of the analysis layer. Positions are 0-based lines and UTF-16 characters, as in LSP. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export type DocumentKind = 'dockerfile' | 'compose';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Edits to a file other than the analysed one, named relative to the analysed file's folder. */
export interface SideFileEdit {
  path: string;
  /** true when the file does not exist yet and the edit creates it. */
  create: boolean;
  edits: TextEdit[];
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  sideFiles?: SideFileEdit[];
  /** Safe fixes keep the image's behaviour; `--fix` and `source.fixAll` apply only these. */
  safe: boolean;
  preferred?: boolean;
}

export interface Finding {
  rule: string;
  aliases: readonly string[];
  severity: Severity;
  message: string;
  messageId: string;
  range: Range;
  fixes: Fix[];
  /** An image reference the adapters may pin to a version tag or digest, when the user asks (registry look-up). */
  pin?: PinnableImage;
}

/**
 * The image of a finding that can be pinned. Analysis only marks it (no network); the language
 * server looks the registry up in codeAction/resolve and replaces `range` with the pinned reference.
 */
export interface PinnableImage {
  /** The reference exactly as written at `range` (`127.0.0.1:5055/library/tiny:latest`, `node`). */
  image: string;
  range: Range;
}

export interface AnalysisSettings {
  /** Rule id or alias -> severity or 'off'. */
  severityOverrides: Record<string, SeveritySetting>;
  /** Registries allowed by registry-untrusted; empty means the rule is silent. */
  trustedRegistries: string[];
  /** Rule ids (or aliases) to turn off. */
  ignored: string[];
  /** Required labels and their value formats (hadolint `label-schema`): text, url, rfc3339, spdx, hash, semver, email. */
  labelSchema?: Record<string, string>;
  /** With a label schema, labels outside it are reported too (hadolint `strict-labels`). */
  strictLabels?: boolean;
  /** Files larger than this many bytes (UTF-8) are not analysed: one file-not-analyzed finding instead. Default DEFAULT_MAX_FILE_SIZE. */
  maxFileSize?: number;
}

/** Facts the adapters read from disk so that analysis stays pure. */
export interface AnalysisContext {
  /** Text of the `.dockerignore` beside the build context, null when absent, undefined when unknown. */
  dockerignore?: string | null;
  /** The other files of a Compose file's project (see `composeSideFileNames` in document-kind.ts). */
  compose?: ComposeProjectContext;
  /**
   * Among the paths a Compose file references (`ComposeDoc.referencedPaths()`: env_file,
   * build.context, build.dockerfile, secret/config files...), those that exist, relative to the
   * file's folder, `/`-separated and normalised (no `./`). Undefined when unknown: path rules stay silent.
   */
  existingPaths?: ReadonlySet<string>;
}

/** A Compose file read beside the analysed one. */
export interface ComposeSideFile {
  /** Path relative to the analysed file's folder (for messages). */
  path: string;
  text: string;
}

/** Files merged with the analysed Compose file, in Compose's order, before semantic rules run. */
export interface ComposeProjectContext {
  /** Merged before the analysed file: for `compose.override.yaml`, its `compose.yaml`. */
  before?: ComposeSideFile[];
  /** Merged after it: for `compose.yaml`, its `compose.override.yaml`. */
  after?: ComposeSideFile[];
  /** The analysed file is an override whose base could not be read: rules that judge missing things stay silent. */
  partial?: boolean;
}

export const defaultSettings: AnalysisSettings = Object.freeze({
  severityOverrides: {},
  trustedRegistries: [],
  ignored: [],
}) as AnalysisSettings;
