import type { ComposeDoc, ComposeService } from '../../analysis/compose-doc';
import type { ComposeNode, DictEntry } from '../../analysis/compose-node';
import { interpolationFix, secretFix, supportsFileVariant } from '../../analysis/compose-secret-fixes';
import { foldServices } from '../../analysis/compose-service-folds';
import { sameData } from '../../analysis/finding-reuse';
import { isInterpolated } from '../../analysis/interpolation';
import { defineRule } from '../../analysis/rule';
import { isSecretName, nameWords, secretValueKind } from '../../analysis/secrets';
import type { Fix, Range } from '../../analysis/types';

/** Words in a secret-like name that say it configures the secret rather than holding it (`TOKEN_TTL`, `AUTH_PROVIDER`). */
const SETTING_WORDS = new Set([
  'ttl', 'timeout', 'expiry', 'expires', 'expiration', 'lifetime', 'length', 'size', 'enabled', 'enable', 'disable', 'disabled', 'required',
  'algorithm', 'rounds', 'header', 'name', 'user', 'username', 'id', 'policy', 'min', 'max', 'count', 'provider', 'strategy', 'backend',
  'driver', 'realm', 'issuer', 'audience', 'scope', 'scopes', 'domain', 'endpoint', 'server', 'prefix', 'format', 'location', 'allow', 'random',
]);
/** Values that are switches, not secrets (`MYSQL_ALLOW_EMPTY_PASSWORD: "yes"`). */
const FLAG_VALUE = /^(true|false|yes|no|on|off)$/i;
/** `scheme://user:password@host`: a password inside a connection URL. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:[^\s@/]+@/i;

/** A password in `environment:` is in the repository and in `docker inspect`; .env or a secret keeps it out of both. */
export const serviceSecretInEnvironment = defineRule({
  id: 'service-secret-in-environment',
  kind: 'compose',
  title: 'Hard-coded secret in a service environment',
  severity: 'error',
  aliases: [],
  messages: {
    hardCoded: 'Service "{service}" hard-codes the secret {name}, readable by anyone with this file or "docker inspect"; set it from .env with ${{variable}} instead.',
    hardCodedFile: 'Service "{service}" hard-codes the secret {name}, readable by anyone with this file or "docker inspect"; set it from .env with ${{variable}}, or pass it as a Compose secret with {name}_FILE.',
    valueShape: 'Service "{service}" sets {name} to what looks like {kind}, readable by anyone with this file; revoke it if it was ever committed, and set it from .env with ${{variable}}.',
    urlPassword: 'Service "{service}" writes a password into the URL in {name}, readable by anyone with this file; set the whole URL from .env with ${{variable}}.',
  },
  fixable: true,
  check(doc, report) {
    const reported = secretsToReport(doc);
    for (const service of doc.services) {
      const found = reported.get(service.name);
      if (!found) continue;
      const entries = service.get('environment')?.dictEntries() ?? [];
      for (const { index, messageId: judgedId, kind, variable } of found) {
        const entry = entries[index];
        const fileVariant = judgedId === 'hardCoded' && supportsFileVariant(service, entry.name);
        const messageId = fileVariant ? 'hardCodedFile' : judgedId;
        const fixes = [interpolationFix(entry, variable), fileVariant ? secretFix(doc, service, entry, variable.toLowerCase()) : undefined].filter((fix): fix is Fix => !!fix);
        report({ range: nameRange(entry), messageId, data: { service: service.name, name: entry.name, variable, kind }, fixes, ...(judgedId === 'valueShape' ? {} : { severity: 'warning' as const }) });
      }
    }
  },
});

/** A hard-coded secret in a service's `environment:` (an index into its `dictEntries()`). */
interface Judged {
  index: number;
  name: string;
  messageId: string;
  kind: string;
  /**
   * Where the value is written (`line:character`): one anchored value used by several services is
   * reported once. A position rather than the node, which a re-parse of the anchor replaces.
   */
  at: string;
}

/** A secret to report, with the variable its fix takes the value from. */
export interface SecretToReport extends Judged {
  variable: string;
}

/**
 * Service name -> its secrets to report, in order. A value shared through an anchor is reported for
 * the first service only; a name hard-coded in several services gets a variable per service. Kept
 * across edits that change no service's hard-coded secrets (compose-service-folds.ts).
 */
export function secretsToReport(doc: ComposeDoc): Map<string, SecretToReport[]> {
  return foldServices(doc, 'service-secret-in-environment', (service) => judgedSecrets(doc, service), sameData, () => secretsIn(doc));
}

function judgedSecrets(doc: ComposeDoc, service: ComposeService): Judged[] {
  return doc.serviceMemo(service, 'service-secret-in-environment', judgeService);
}

function secretsIn(doc: ComposeDoc): Map<string, SecretToReport[]> {
  let result = reportedFor.get(doc.allServices);
  if (result) return result;
  const seen = new Set<string>();
  const found: { service: string; judged: Judged }[] = [];
  for (const service of doc.allServices) {
    for (const judged of judgedSecrets(doc, service)) {
      if (seen.has(judged.at)) continue;
      seen.add(judged.at);
      found.push({ service: service.name, judged });
    }
  }
  // Plain variable name -> the first service hard-coding it, and whether another one does too.
  const owners = new Map<string, { first: string; shared: boolean }>();
  for (const { service, judged } of found) {
    const plain = variableName(judged.name);
    const owner = owners.get(plain);
    if (!owner) owners.set(plain, { first: service, shared: false });
    else if (owner.first !== service) owner.shared = true;
  }
  result = new Map<string, SecretToReport[]>();
  for (const { service, judged } of found) {
    const secret = toReport(judged, service, owners.get(variableName(judged.name))?.shared === true);
    const own = result.get(service);
    if (own) own.push(secret);
    else result.set(service, [secret]);
  }
  reportedFor.set(doc.allServices, result);
  return result;
}

/** `secretsToReport` per document (its views share `allServices`). */
const reportedFor = new WeakMap<readonly ComposeService[], Map<string, SecretToReport[]>>();

/** The last secret to report made of a judged one, for its service and whether another service hard-codes its name too. */
const madeOf = new WeakMap<Judged, { service: string; shared: boolean; secret: SecretToReport }>();
/** `secretsDependency` of one secret, kept with it. */
const dependencyOf = new WeakMap<SecretToReport, string>();

/**
 * The judged secret with its variable: the same object (and variable text) as at the last edit
 * while its service and sharing stay, as they do for every service but the edited one. `shared`:
 * the same name is hard-coded in another service, which may hold another value, so each one gets
 * its own variable.
 */
function toReport(judged: Judged, service: string, shared: boolean): SecretToReport {
  const made = madeOf.get(judged);
  if (made && made.service === service && made.shared === shared) return made.secret;
  const plain = variableName(judged.name);
  const variable = shared ? `${variableName(service).toUpperCase()}_${plain}` : plain;
  const secret = { ...judged, variable };
  madeOf.set(judged, { service, shared, secret });
  dependencyOf.set(secret, `${secret.index}=${variable}`);
  return secret;
}

/** What a service's findings depend on in other services: which of its secrets are reported, with which variable. */
export function secretsDependency(secrets: readonly SecretToReport[] | undefined): string {
  if (!secrets) return '';
  // Most services with a secret have one: its text is kept with it.
  const single = secrets.length === 1 ? dependencyOf.get(secrets[0]) : undefined;
  return single ?? secrets.map((secret) => `${secret.index}=${secret.variable}`).join(',');
}

/** The service's hard-coded secrets (before the anchors shared with other services are counted once). */
function judgeService(service: ComposeService): Judged[] {
  const judged: Judged[] = [];
  const nodes = new Set<unknown>();
  (service.get('environment')?.dictEntries() ?? []).forEach((entry, index) => {
    if (nodes.has(entry.node.yaml)) return;
    const verdict = judge(entry);
    if (!verdict) return;
    nodes.add(entry.node.yaml);
    const { start } = entry.node.sourceRange;
    judged.push({ index, name: entry.name, at: `${start.line}:${start.character}`, ...verdict });
  });
  return judged;
}

/** Which message fits a hard-coded value, or undefined when it is no secret (or not hard-coded). Never looks at more than the shape. */
function judge(entry: DictEntry): { messageId: string; kind: string } | undefined {
  const { value } = entry;
  if (value === undefined || value === null || typeof value === 'boolean') return undefined;
  const text = String(value);
  if (text === '' || isInterpolated(text)) return undefined;
  const kind = secretValueKind(text);
  if (kind) return { messageId: 'valueShape', kind };
  if (URL_PASSWORD.test(text)) return { messageId: 'urlPassword', kind: '' };
  if (!isSecretName(entry.name) || nameWords(entry.name).some((word) => SETTING_WORDS.has(word)) || FLAG_VALUE.test(text)) return undefined;
  return { messageId: 'hardCoded', kind: '' };
}

/** A name Compose can interpolate: `spring.datasource.password` -> `SPRING_DATASOURCE_PASSWORD`. */
function variableName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  const cleaned = name.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** Where the name is written: in the service, or inside the anchor the service merges in (the text to change). */
function nameRange(entry: DictEntry): Range {
  const node = entry.node;
  if (node.isLocal) return entry.nameRange;
  const lines = node.host.lines;
  if (node.path.length > 0 && typeof node.key === 'string' && node.keyNode?.range) return lines.rangeOf(node.keyNode.range[0], node.keyNode.range[1]);
  const start = writtenTextOffset(node);
  return start === undefined ? node.sourceRange : lines.rangeOf(start, start + entry.name.length);
}

/** Offset of a scalar's value text, also inside an anchor (ComposeNode.valueTextOffset is for local values). */
function writtenTextOffset(node: ComposeNode): number | undefined {
  const range = node.yaml.range;
  const text = node.text;
  if (!range || text === undefined) return undefined;
  const source = node.host.text.slice(range[0], range[1]);
  const style = node.scalarStyle;
  if (style === 'PLAIN' && source === text) return range[0];
  if ((style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') && source.slice(1, -1) === text) return range[0] + 1;
  return undefined;
}
