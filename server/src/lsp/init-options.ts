import { DEFAULT_DEBOUNCE_MS } from './linter';

/** `initializationOptions` the server understands; every field is optional. */
export interface InitOptions {
  /** Quiet time after the last keystroke before linting (tests use 0). */
  debounceMs: number;
  /**
   * The client adds each diagnostic's `source` and rule link (`codeDescription`) itself, from its `code`
   * (the VS Code extension does, in client/src/diagnostic-links.ts): a third fewer bytes in every publish.
   */
  compactDiagnostics: boolean;
}

export function readInitOptions(raw: unknown): InitOptions {
  const options = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const debounce = options.debounceMs;
  const valid = typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 && debounce <= 10_000;
  return { debounceMs: valid ? debounce : DEFAULT_DEBOUNCE_MS, compactDiagnostics: options.compactDiagnostics === true };
}
