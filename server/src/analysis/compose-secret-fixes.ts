/**
 * The two quick fixes of service-secret-in-environment, as Compose edits: (a) `${NAME:?...}`
 * interpolation from .env in place of a hard-coded value, (b) a Compose secret read through the
 * image's `<NAME>_FILE` variable. Neither ever writes the secret's value anywhere.
 */
import type { ComposeDoc, ComposeService } from './compose-doc';
import { appendItem, insertKey, replaceInScalar, replaceScalar } from './compose-edits';
import type { ComposeNode, DictEntry } from './compose-node';
import { hasFileVariant, parseImageReference } from './images';
import { maskInterpolation } from './interpolation';
import type { Fix, TextEdit } from './types';

/** Official images whose entrypoint reads `<NAME>_FILE`, by the prefix of the variable. */
const FILE_VARIANT_IMAGES: readonly [RegExp, readonly string[]][] = [
  [/^POSTGRES_/, ['postgres', 'postgis', 'pgvector', 'timescaledb']],
  [/^MYSQL_/, ['mysql', 'mariadb']],
  [/^MARIADB_/, ['mariadb']],
  [/^MONGO_INITDB_/, ['mongo']],
  [/^WORDPRESS_/, ['wordpress']],
];

/** Fix (a): `${NAME:?set NAME in .env}` in place of the value; the value itself is never written anywhere. */
export function interpolationFix(entry: DictEntry, variable: string): Fix | undefined {
  const node = entry.node;
  if (String(node.scalarStyle).startsWith('BLOCK')) return undefined;
  const reference = `\${${variable}:?set ${variable} in .env}`;
  let edit: TextEdit | undefined;
  if (typeof node.key === 'number') {
    const text = node.text ?? '';
    const eq = text.indexOf('=');
    edit = node.isLocal ? replaceInScalar(node, eq + 1, text.length, reference) : replaceScalar(node, `${text.slice(0, eq + 1)}${reference}`, { editAnchor: true });
  } else {
    edit = replaceScalar(node, reference, { editAnchor: true });
  }
  return edit && { title: `Take ${entry.name} from .env (\${${variable}:?…}); put ${variable}=… in .env yourself`, edits: [edit], safe: false, preferred: true };
}

/** Whether the service's image reads `<name>_FILE` (the official postgres, mysql, mariadb, mongo and wordpress images). */
export function supportsFileVariant(service: ComposeService, name: string): boolean {
  const image = service.effective.image;
  if (!hasFileVariant(name) || name !== name.toUpperCase() || service.effective.build !== undefined || typeof image !== 'string') return false;
  const ref = parseImageReference(maskInterpolation(image, '_'));
  const images = FILE_VARIANT_IMAGES.find(([prefix]) => prefix.test(name))?.[1] ?? [];
  return !!ref && images.includes(ref.name.toLowerCase());
}

/**
 * Fix (b): `NAME_FILE: /run/secrets/<secret>`, `secrets: [<secret>]` on the service and a top-level
 * `<secret>: {file: ./<secret>.txt}` that the user creates. Only for entries written in the service.
 */
export function secretFix(doc: ComposeDoc, service: ComposeService, entry: DictEntry, secret: string): Fix | undefined {
  const node = entry.node;
  // Block scalars (`|`) end after their line break, where the new `secrets:` would go: leave them to the user.
  if (!node.isLocal || !node.parent?.isLocal || String(node.scalarStyle).startsWith('BLOCK')) return undefined;
  const path = `/run/secrets/${secret}`;
  const rename = renameEdits(node, entry.name, path);
  const grant = grantEdits(service, secret);
  const declare = doc.isDefined('secrets', secret) ? [] : declareSecret(doc, secret);
  if (!rename || !grant || !declare) return undefined;
  const file = declare.length > 0 ? `; create ./${secret}.txt with the value and keep it out of version control` : '';
  return { title: `Use a Compose secret: ${entry.name}_FILE=${path}${file}`, edits: [...rename, ...grant, ...declare], safe: false };
}

function renameEdits(node: ComposeNode, name: string, path: string): TextEdit[] | undefined {
  if (typeof node.key === 'number') {
    const edit = replaceScalar(node, `${name}_FILE=${path}`);
    return edit && [edit];
  }
  const key = node.keyNode;
  const valueEdit = node.isNull ? undefined : replaceScalar(node, path);
  if (!key?.range || !valueEdit) return undefined;
  const source = node.host.text.slice(key.range[0], key.range[1]);
  const quote = /^["']/.test(source) ? source[0] : '';
  return [{ range: node.host.lines.rangeOf(key.range[0], key.range[1]), newText: `${quote}${name}_FILE${quote}` }, valueEdit];
}

/** Adds the secret to the service's `secrets:` (after `environment:` when the key is new); [] when already granted. */
function grantEdits(service: ComposeService, secret: string): TextEdit[] | undefined {
  const granted = service.effective.secrets;
  if (Array.isArray(granted) && granted.some((item) => item === secret || (typeof item === 'object' && item !== null && (item as { source?: unknown }).source === secret))) return [];
  const secrets = service.get('secrets');
  if (secrets) return secrets.isSeq || secrets.isNull ? appendItem(secrets, secret) : undefined;
  return insertKey(service.node, 'secrets', [secret], { after: 'environment' });
}

function declareSecret(doc: ComposeDoc, secret: string): TextEdit[] | undefined {
  const value = { file: `./${secret}.txt` };
  const section = doc.topLevel('secrets');
  if (section) return section.isMap || section.isNull ? insertKey(section, secret, value) : undefined;
  return doc.root ? insertKey(doc.root, 'secrets', { [secret]: value }) : undefined;
}
