import { PublishDiagnosticsNotification, type ContentTypeEncoder, type Diagnostic, type Message, type NotificationMessage, type PublishDiagnosticsParams } from 'vscode-languageserver/node';

/**
 * The JSON of every diagnostic object already sent. LSP republishes all of a document's diagnostics
 * on each change, and after a typing edit nearly all are the same objects as before (the linter keeps
 * one diagnostic per reused finding), so serialising only the new ones saves most of the work.
 * Published diagnostics are never mutated (see toDiagnostic), which is what makes the cache sound.
 */
const jsonOfDiagnostic = new WeakMap<Diagnostic, { json: string; bytes: number }>();

/**
 * The message as UTF-8 JSON: a publishDiagnostics is written from cached diagnostics into one buffer,
 * anything else is stringified. (Strings, not a Buffer per diagnostic: small Buffers are slices of
 * Node's shared 8 KB pool, and one long-lived diagnostic would keep its whole block alive.)
 */
export function messageJson(message: Message): Buffer {
  if (!isPublishDiagnostics(message)) return Buffer.from(JSON.stringify(message), 'utf8');
  const { diagnostics, ...rest } = message.params;
  const others = JSON.stringify(rest);
  const head = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":${JSON.stringify(message.method)},"params":`
    + (others === '{}' ? '{"diagnostics":[' : `${others.slice(0, -1)},"diagnostics":[`);
  const tail = ']}}';
  const pieces = diagnostics.map(diagnosticJson);
  let size = Buffer.byteLength(head) + tail.length + Math.max(0, pieces.length - 1);
  for (const piece of pieces) size += piece.bytes;
  const buffer = Buffer.allocUnsafe(size);
  let at = buffer.write(head, 0, 'utf8');
  pieces.forEach((piece, index) => {
    if (index > 0) at = buffer.writeUInt8(0x2c, at); // ','
    // ASCII-only JSON (one byte per character) is the same in latin1, which copies without encoding.
    at += buffer.write(piece.json, at, piece.bytes === piece.json.length ? 'latin1' : 'utf8');
  });
  buffer.write(tail, at, 'latin1');
  return buffer;
}

function diagnosticJson(diagnostic: Diagnostic): { json: string; bytes: number } {
  let cached = jsonOfDiagnostic.get(diagnostic);
  if (cached === undefined) {
    const json = JSON.stringify(diagnostic);
    cached = { json, bytes: Buffer.byteLength(json, 'utf8') };
    jsonOfDiagnostic.set(diagnostic, cached);
  }
  return cached;
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
