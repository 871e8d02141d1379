import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Message } from 'vscode-languageserver/node';
import { cachedJsonEncoder, messageJson } from '../../server/src/lsp/message-json';

function diagnostic(line: number, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    range: { start: { line, character: 0 }, end: { line, character: 4 } },
    severity: 2, source: 'container-hygiene', code: 'image-latest-tag',
    codeDescription: { href: 'https://example.test/rules/image-latest-tag.md' }, message, ...extra,
  };
}

function publish(diagnostics: unknown[], version?: number): Message {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///w/Dockerfile', ...(version === undefined ? {} : { version }), diagnostics } } as Message;
}

/** Counts JSON.stringify calls while `run` runs. */
function stringifyCalls(run: () => void): number {
  const original = JSON.stringify;
  let calls = 0;
  JSON.stringify = ((...args: Parameters<typeof original>) => {
    calls++;
    return original(...args);
  }) as typeof original;
  try {
    run();
  } finally {
    JSON.stringify = original;
  }
  return calls;
}

describe('message-json: publishes joined from cached diagnostic JSON', () => {
  it('writes the same bytes as JSON.stringify, with or without a version, for any text', () => {
    const diagnostics = [
      diagnostic(0, 'plain'),
      diagnostic(1, 'quotes " and \\ and\nnew line, \u00e9\u4e2d\u{1F433} and a lone \ud800', { data: { pin: { image: 'a:1' } }, tags: [1] }),
      diagnostic(2, ''),
    ];
    for (const message of [publish(diagnostics, 7), publish(diagnostics), publish([], 3)]) {
      // Params in LSP's order (uri, version, diagnostics): byte for byte what vscode-jsonrpc would send.
      assert.equal(messageJson(message).toString('utf8'), JSON.stringify(message));
    }
  });

  it('serialises a diagnostic once: a republish of the same objects stringifies only the envelope', () => {
    const diagnostics = Array.from({ length: 200 }, (_, line) => diagnostic(line, `finding ${line}`));
    const first = stringifyCalls(() => messageJson(publish(diagnostics, 1)));
    const again = stringifyCalls(() => messageJson(publish([...diagnostics, diagnostic(300, 'new')], 2)));
    assert.ok(first >= 200, `first publish stringified ${first} times`);
    // The envelope (uri/version, jsonrpc, method) plus the one new diagnostic.
    assert.ok(again <= 4, `republish stringified ${again} times`);
    assert.equal(JSON.parse(messageJson(publish(diagnostics, 3)).toString('utf8')).params.diagnostics.length, 200);
  });

  it('stringifies other messages and malformed publishes as they are', () => {
    const request = { jsonrpc: '2.0', id: 4, method: 'workspace/configuration', params: { items: [{ section: 'x' }] } } as Message;
    assert.equal(messageJson(request).toString('utf8'), JSON.stringify(request));
    for (const odd of [publish([null, 1]), { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: null }, { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: [1] }] as Message[]) {
      assert.equal(messageJson(odd).toString('utf8'), JSON.stringify(odd));
    }
  });

  it('encodes for vscode-jsonrpc: UTF-8 through the cache, another charset through JSON.stringify', async () => {
    const message = publish([diagnostic(0, 'caf\u00e9')], 1);
    const utf8 = Buffer.from(await cachedJsonEncoder.encode(message, { charset: 'utf-8' }));
    assert.deepEqual(JSON.parse(utf8.toString('utf8')), JSON.parse(JSON.stringify(message)));
    const ascii = Buffer.from(await cachedJsonEncoder.encode(message, { charset: 'ascii' }));
    assert.deepEqual(ascii, Buffer.from(JSON.stringify(message), 'ascii'));
    const circular: Record<string, unknown> = { jsonrpc: '2.0', method: 'x' };
    circular.params = circular;
    await assert.rejects(cachedJsonEncoder.encode(circular as unknown as Message, { charset: 'utf-8' }), TypeError);
  });
});
