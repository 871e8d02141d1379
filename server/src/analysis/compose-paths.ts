import type { ComposeDoc, ComposeService } from './compose-doc';
import type { ComposeNode } from './compose-node';
import { foldServices } from './compose-service-folds';
import { sameData } from './finding-reuse';

/** A file or folder a Compose file names, to be checked for existence. */
export interface ReferencedPath {
  /** Normalised, relative to the Compose file's folder (as in `AnalysisContext.existingPaths`). */
  path: string;
  /** `env_file`, `label_file`, `build.context`, `build.dockerfile`, `extends.file`, `secrets.file`, `configs.file`, `include`. */
  field: string;
  /** The value naming it: report a missing path here. */
  node: ComposeNode;
  /** False for `env_file: {path, required: false}`: a missing file is fine. */
  required: boolean;
  /** The service it belongs to, if any. */
  service?: string;
}

/**
 * Paths the file references, for the adapters to stat (`existingPaths`) and for path rules.
 * Remote build contexts (URLs, git), paths with `${...}` and inline Dockerfiles are left out.
 */
export function composeReferencedPaths(doc: ComposeDoc): ReferencedPath[] {
  return [...doc.services.flatMap(servicePaths), ...topLevelPaths(doc)];
}

/**
 * The paths alone (for the adapters to stat), every service's kept across edits of other services, and
 * the whole list (the same array) across edits that change no service's paths (compose-service-folds.ts).
 */
export function composeReferencedPathNames(doc: ComposeDoc): readonly string[] {
  const pathsOf = (service: ComposeService): string[] => doc.serviceMemo(service, 'referenced-paths', servicePathNames);
  return foldServices(doc, 'referenced-paths', pathsOf, sameData, (values) => {
    const names: string[] = [];
    for (const own of values ?? doc.allServices.map(pathsOf)) for (const name of own) names.push(name);
    for (const ref of topLevelPaths(doc)) names.push(ref.path);
    return names;
  });
}

/** The paths of one service (a module function: the memo takes it for every service without a closure each). */
function servicePathNames(service: ComposeService): string[] {
  return servicePaths(service).map((ref) => ref.path);
}

function collector(found: ReferencedPath[]): (field: string, node: ComposeNode | undefined, text: string | undefined, service?: string, required?: boolean) => void {
  return (field, node, text, service, required = true) => {
    if (!node || text === undefined || text === '' || text.includes('$')) return;
    found.push({ path: normalizeRelativePath(text), field, node, required, service });
  };
}

function servicePaths(service: ComposeService): ReferencedPath[] {
  const found: ReferencedPath[] = [];
  const add = collector(found);
  for (const entry of service.get('env_file')?.isSeq ? service.get('env_file')?.items() ?? [] : [service.get('env_file')]) {
    if (entry?.isMap) add('env_file', entry.get('path'), entry.get('path')?.text, service.name, entry.get('required')?.bool !== false);
    else add('env_file', entry, entry?.text, service.name);
  }
  for (const entry of service.get('label_file')?.strings() ?? []) add('label_file', entry, entry.text, service.name);
  const build = service.get('build');
  const context = build?.kind === 'scalar' ? build : build?.get('context');
  const contextText = context?.text ?? (build?.isMap ? '.' : undefined);
  if (contextText !== undefined && !isRemoteContext(contextText)) {
    add('build.context', context ?? build, contextText, service.name);
    const dockerfile = build?.get('dockerfile');
    if (dockerfile?.text && !build?.has('dockerfile_inline')) {
      add('build.dockerfile', dockerfile, dockerfile.text.startsWith('/') ? dockerfile.text : `${contextText}/${dockerfile.text}`, service.name);
    }
  }
  const extendsFile = service.get('extends')?.get('file');
  add('extends.file', extendsFile, extendsFile?.text, service.name);
  return found;
}

/** Paths outside services: secret and config files, included projects. */
function topLevelPaths(doc: ComposeDoc): ReferencedPath[] {
  const found: ReferencedPath[] = [];
  const add = collector(found);
  for (const section of ['secrets', 'configs']) {
    for (const entry of doc.topLevel(section)?.entries() ?? []) add(`${section}.file`, entry.get('file'), entry.get('file')?.text);
  }
  for (const entry of doc.topLevel('include')?.items() ?? []) {
    if (entry.kind === 'scalar') add('include', entry, entry.text);
    else for (const path of entry.get('path')?.strings() ?? []) add('include', path, path.text);
  }
  return found;
}

/** Build contexts Compose fetches instead of reading from disk. */
export function isRemoteContext(context: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || /^git@|^github\.com\//.test(context) || /\.git(#|$)/.test(context);
}

/** `./a//b/` -> `a/b`; backslashes become slashes. Absolute paths stay absolute. */
export function normalizeRelativePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}
