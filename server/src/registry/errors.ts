/** Why a registry look-up failed: the adapters choose a fallback and a message from the kind. */
export type RegistryErrorKind = 'unreachable' | 'timeout' | 'unauthorized' | 'not-found' | 'protocol';

/** A registry failure with a message meant for the user: it names the registry, the cause and the next step. */
export class RegistryError extends Error {
  constructor(readonly kind: RegistryErrorKind, message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** Seconds as people say them: 5 s, 0.2 s. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Turns what fetch throws (timeouts, refused connections, unknown hosts) into a RegistryError naming `subject` ("registry 127.0.0.1:5055"). */
export function networkError(subject: string, error: unknown, timeoutMs: number): RegistryError {
  if (error instanceof RegistryError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new RegistryError('timeout', `${subject} did not answer within ${seconds(timeoutMs)} — are you offline?`);
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code === 'ECONNREFUSED') return new RegistryError('unreachable', `${subject} refused the connection — is it running, or are you offline?`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new RegistryError('unreachable', `${subject} could not be found (DNS lookup failed) — are you offline?`);
  const detail = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return new RegistryError('unreachable', `${subject} could not be reached (${detail}) — are you offline?`);
}
