import { PublishDiagnosticsNotification, type ContentTypeEncoder, type Diagnostic, type Message, type NotificationMessage, type PublishDiagnosticsParams } from 'vscode-languageserver/node';

/**
 * The JSON of every diagnostic object already sent. LSP republishes all of a document's diagnostics
 * on each change, and after a typing edit nearly all are the same objects as before (the linter keeps
 * one diagnostic per reused finding), so serialising only the new ones saves most of the work.
 * Published diagnostics are never mutated (see toDiagnostic), which is what makes the cache sound.
 */
const jsonOfDiagnostic = new WeakMap<Diagnostic, Buffer>();
const COMMA = Buffer.from(',');

/** The message as UTF-8 JSON: a publishDiagnostics is joined from cached diagnostics, anything else is stringified. */
export function messageJson(message: Message): Buffer {
  if (!isPublishDiagnostics(message)) return Buffer.from(JSON.stringify(message), 'utf8');
  const { diagnostics, ...rest } = message.params;
  const others = JSON.stringify(rest);
  const head = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":${JSON.stringify(message.method)},"params":`
    + (others === '{}' ? '{"diagnostics":[' : `${others.slice(0, -1)},"diagnostics":[`);
  const pieces: Buffer[] = [Buffer.from(head, 'utf8')];
  diagnostics.forEach((diagnostic, index) => {
    if (index > 0) pieces.push(COMMA);
    pieces.push(diagnosticJson(diagnostic));
  });
  pieces.push(Buffer.from(']}}'));
  return Buffer.concat(pieces);
}

function diagnosticJson(diagnostic: Diagnostic): Buffer {
  let json = jsonOfDiagnostic.get(diagnostic);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(diagnostic), 'utf8');
    jsonOfDiagnostic.set(diagnostic, json);
  }
  return json;
}

function isPublishDiagnostics(message: Message): message is NotificationMessage & { params: PublishDiagnosticsParams } {
  const notification = message as Partial<NotificationMessage>;
  const params = notification.params as Partial<PublishDiagnosticsParams> | undefined;
  return notification.method === PublishDiagnosticsNotification.method && typeof params === 'object' && params !== null
    && !Array.isArray(params) && Array.isArray(params.diagnostics) && params.diagnostics.every((item) => typeof item === 'object' && item !== null);
}

/** vscode-jsonrpc's JSON encoder (same name, same errors as rejections) with publishes built by `messageJson`. */
export const cachedJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message, options) => {
    try {
      const utf8 = /^utf-?8$/i.test(options.charset);
      return Promise.resolve(utf8 ? messageJson(message) : Buffer.from(JSON.stringify(message), options.charset));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};
