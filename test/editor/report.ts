// What the suite tells its launcher, one JSON object per line in the file named by REPORT_ENV: the
// launcher cannot see the extension host's console (code-server keeps it in the browser).
import { appendFileSync } from 'node:fs';

export const REPORT_ENV = 'CONTAINER_HYGIENE_EDITOR_REPORT';

export type ReportEvent =
  | { type: 'start'; total: number; specs: string[] }
  | { type: 'suite'; title: string }
  | { type: 'pass'; title: string; durationMs: number }
  | { type: 'fail'; title: string; message: string; stack: string }
  | { type: 'pending'; title: string }
  | { type: 'note'; message: string }
  | { type: 'end'; passed: number; failed: number; pending: number; durationMs: number };

export function emit(event: ReportEvent): void {
  const path = process.env[REPORT_ENV];
  if (path) appendFileSync(path, `${JSON.stringify(event)}\n`);
}

/** A line the launcher prints as it comes (activation time, the docker command a test ran). */
export function note(message: string): void {
  console.log(`[editor-tests] ${message}`);
  emit({ type: 'note', message });
}
