/**
 * What looks like a secret: variable names (BuildKit's SecretsUsedInArgOrEnv tokens plus
 * hadolint DL3064's compound names), values with a recognisable credential shape, and files that
 * usually hold credentials. Shared by the Dockerfile rules and, later, the Compose rules.
 */

/** Name words that mark a secret (`DB_PASSWORD`, `apiKey`, `GITHUB_TOKEN`, `auth`). */
const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'pass', 'password', 'passwd', 'pword', 'passphrase', 'secret', 'token']);
/** Words that say the value is not the secret itself (`PUBLIC_KEY`, `PASSWORD_FILE`, `AUTH_URL`, `GPG_KEY` fingerprints). */
const NOT_SECRET_WORDS = new Set(['public', 'file', 'version', 'path', 'dir', 'url', 'uri', 'host', 'port', 'type', 'method', 'mode', 'gpg', 'pgp']);
/** Single words that embed a secret word (`DBPASSWORD`, `CLIENTSECRET`). */
const EMBEDDED = /password|passwd|passphrase|secret/;

/** Splits `SUPER_Secret`, `api-key`, `dbPassword` into lower-case words. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Whether an ENV/ARG (or Compose environment) name suggests its value is a secret. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((word) => NOT_SECRET_WORDS.has(word))) return false;
  return words.some((word) => SECRET_WORDS.has(word) || EMBEDDED.test(word));
}

const VALUE_SHAPES: readonly [RegExp, string][] = [
  [/-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/, 'a private key'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key ID'],
  [/\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{22,}\b/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/, 'a GitLab token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}\b/, 'a Slack token'],
  [/\b[sr]k_live_[A-Za-z0-9]{16,}\b/, 'a Stripe live key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
];

/** What kind of credential a value looks like ("a GitHub token"), or null. Never returns the value. */
export function secretValueKind(value: string): string | null {
  return VALUE_SHAPES.find(([shape]) => shape.test(value))?.[1] ?? null;
}

/** Names of files that hold credentials (compared to the last path component, lower-cased). */
const SECRET_FILE_NAMES = new Set([
  '.env', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', '.npmrc', '.pypirc', '.netrc', '_netrc', '.git-credentials',
  'credentials.json', 'kubeconfig', '.htpasswd', '.pgpass', '.aws', '.ssh',
]);
/** Paths whose last two components name a credential file. */
const SECRET_FILE_PATHS = new Set(['.aws/credentials', '.aws/config', '.docker/config.json', '.kube/config', '.ssh/id_rsa']);
const TEMPLATE_SUFFIX = /\.(example|sample|template|tmpl|dist|defaults?)$/;
/** `.pem` files named as certificates or chains are public; the others usually hold a key. */
const PUBLIC_PEM = /(^|[-_.])(ca|cert|certificate|chain|fullchain|bundle|pub|public)([-_.]|$)/;

/**
 * Whether a path (relative or absolute, `/` or `\` separated, globs allowed) names a file that
 * usually holds credentials: `.env` and `.env.*` (not `.env.example`/`.sample`/`.template`),
 * private keys, package-manager and cloud credentials.
 */
export function isSecretFilePath(path: string): boolean {
  const parts = path.replace(/\\/g, '/').replace(/\/+$/, '').toLowerCase().split('/').filter((part) => part !== '' && part !== '.');
  const base = parts[parts.length - 1];
  if (!base || TEMPLATE_SUFFIX.test(base)) return false;
  if (SECRET_FILE_NAMES.has(base) || base.startsWith('.env.') || /^\.env[*?]/.test(base)) return true;
  if (parts.length >= 2 && SECRET_FILE_PATHS.has(parts.slice(-2).join('/'))) return true;
  if (/\.(key|p12|pfx|jks|keystore)$/.test(base)) return true;
  return base.endsWith('.pem') && (base.includes('key') || !PUBLIC_PEM.test(base.slice(0, -'.pem'.length)));
}
