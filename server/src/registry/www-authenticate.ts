/**
 * The `WWW-Authenticate` challenge of a registry's 401 (Docker's token authentication spec):
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"`.
 */
export interface BearerChallenge {
  realm: string;
  service?: string;
  scope?: string;
}

/**
 * Reads the Bearer challenge from a header value, which may list several challenges (`Basic
 * realm="x", Bearer realm="y"`); null when there is no Bearer challenge with a realm.
 */
export function parseBearerChallenge(header: string | null | undefined): BearerChallenge | null {
  if (!header) return null;
  const challenges = splitChallenges(header);
  const bearer = challenges.find((challenge) => challenge.scheme.toLowerCase() === 'bearer');
  const realm = bearer?.params.get('realm');
  if (!bearer || !realm) return null;
  return { realm, service: bearer.params.get('service'), scope: bearer.params.get('scope') };
}

interface Challenge {
  scheme: string;
  params: Map<string, string>;
}

/** auth-scheme followed by comma-separated `name=token` or `name="quoted string"` pairs (RFC 9110 §11.6.1). */
function splitChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let i = 0;
  const skip = (chars: RegExp): void => { while (i < header.length && chars.test(header[i])) i++; };
  const token = (): string => { const start = i; while (i < header.length && !/[\s,="]/.test(header[i])) i++; return header.slice(start, i); };
  while (i < header.length) {
    skip(/[\s,]/);
    const name = token();
    if (name === '') { i++; continue; }
    skip(/\s/);
    if (header[i] !== '=') { challenges.push({ scheme: name, params: new Map() }); continue; }
    i++;
    skip(/\s/);
    let value = '';
    if (header[i] === '"') {
      for (i++; i < header.length && header[i] !== '"'; i++) value += header[i] === '\\' ? header[++i] ?? '' : header[i];
      i++;
    } else {
      value = token();
    }
    challenges.at(-1)?.params.set(name.toLowerCase(), value);
  }
  return challenges;
}

/** The URL of the token request for a challenge: realm with `service` and `scope` as query parameters. */
export function tokenUrl(challenge: BearerChallenge, scope: string | undefined): URL {
  const url = new URL(challenge.realm);
  if (challenge.service) url.searchParams.set('service', challenge.service);
  const wanted = scope ?? challenge.scope;
  if (wanted) url.searchParams.set('scope', wanted);
  return url;
}
