// The webview protocol's validators and the page HTML. Pure logic: runs in Node, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatContentSecurityPolicy, renderChatHtml } from '../../src/shared/chatHtml';
import {
  parseToHostMessage,
  parseToWebviewMessage,
  toHost,
  toWebview,
  type ToHostMessage,
  type ToWebviewMessage,
} from '../../src/shared/webviewProtocol';

const u = { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, reasoningTokens: 1 };

/** One valid example of every host -> webview message (the Record type forces completeness). */
const WEBVIEW_SAMPLES: { [K in ToWebviewMessage['type']]: Extract<ToWebviewMessage, { type: K }>['params'] } = {
  sessionState: {
    provider: { id: 'openai', name: 'OpenAI' },
    model: 'gpt-5',
    approvalMode: 'on-request',
    approvalModes: [{ id: 'on-request', label: 'Ask when needed' }],
    providers: [{ id: 'openai', name: 'OpenAI', models: ['gpt-5'] }],
    running: false,
  },
  transcript: {
    messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello', toolCalls: [{ id: 'c', name: 'ls', arguments: '{}' }] }, { role: 'tool', toolCallId: 'c', name: 'ls', content: 'a' }],
    notes: [{ afterMessage: 1, text: 'Stopped.' }, { afterMessage: 3, error: { kind: 'server', message: '503', retryable: true, actions: ['retry'] } }],
    sessionUsage: u,
  },
  turnStarted: { turnId: 't1', userMessage: 'Explain this' },
  toolOutput: { turnId: 't1', id: 'c', chunk: 'PASS test/a.test.ts\n', skipped: true },
  streamEvents: {
    turnId: 't1',
    events: [
      { type: 'text-delta', text: 'a' },
      { type: 'reasoning-delta', text: 'b' },
      { type: 'tool-call-start', id: 'c', name: 'ls' },
      { type: 'tool-call-delta', id: 'c', argumentsDelta: '{' },
      { type: 'tool-call-end', id: 'c', name: 'ls', arguments: '{}' },
      { type: 'usage', usage: u },
      { type: 'retry', attempt: 1, delayMs: 500, reason: 'HTTP 503' },
      { type: 'done', stopReason: 'stop' },
      { type: 'error', error: { kind: 'server', message: 'boom', status: 503, retryable: true } },
    ],
  },
  toolCall: { turnId: 't1', id: 'c', name: 'ls', summary: 'List src', arguments: '{"path":"src"}' },
  toolResult: { turnId: 't1', id: 'c', output: 'a\nb', isError: false },
  approvalRequest: { turnId: 't1', id: 'a', kind: 'command', title: 'Run ls', command: 'ls', cwd: '/w' },
  approvalResolved: { id: 'a', decision: 'cancelled' },
  turnEnded: { turnId: 't1', stopReason: 'stop', usage: u, sessionUsage: u },
  error: { error: { kind: 'auth', message: 'Bad key', providerId: 'openai', actions: ['setApiKey', 'retry'] } },
  sessionList: { sessions: [{ id: 's', title: 'T', updatedAt: 1 }], currentSessionId: 's' },
  attachments: { attachments: [{ id: 'x', kind: 'selection', label: 'a.ts:1-2', path: 'a.ts', range: { startLine: 1, endLine: 2 } }] },
  fileCompletions: { requestId: 3, items: [{ path: 'src/a.ts' }] },
};

/** One valid example of every webview -> host message. */
const HOST_SAMPLES: { [K in ToHostMessage['type']]: Extract<ToHostMessage, { type: K }>['params'] } = {
  ready: {},
  sendMessage: { text: 'hi', attachments: [] },
  stop: { turnId: 't1' },
  newSession: {},
  openSession: { id: 's' },
  deleteSession: { id: 's' },
  listSessions: {},
  pickProvider: { providerId: 'ollama' },
  pickModel: { model: 'llama3' },
  setApprovalMode: { mode: 'never' },
  approvalDecision: { id: 'a', decision: 'approve' },
  fixAction: { action: 'testConnection', providerId: 'openai' },
  codeBlockAction: { action: 'insert', code: 'x', language: 'ts' },
  attachContext: { source: 'path', path: 'src/a.ts' },
  removeAttachment: { id: 'x' },
  requestFileCompletions: { requestId: 3, query: 'a' },
  retryLastTurn: {},
  openLink: { href: 'https://example.com' },
  log: { level: 'warn', message: 'dropped' },
};

test('every declared message has a sample, and each sample survives create -> JSON -> parse unchanged', () => {
  assert.deepEqual(Object.keys(WEBVIEW_SAMPLES).sort(), Object.keys(toWebview).sort());
  assert.deepEqual(Object.keys(HOST_SAMPLES).sort(), Object.keys(toHost).sort());
  for (const [type, params] of Object.entries(WEBVIEW_SAMPLES)) {
    const message = toWebview[type as keyof typeof toWebview].create(params as never);
    assert.deepEqual(parseToWebviewMessage(JSON.parse(JSON.stringify(message))), { ok: true, message: { type, params } }, type);
    assert.equal(toWebview[type as keyof typeof toWebview].is(message), true);
    assert.equal(parseToHostMessage(message).ok, false, `${type} is not a host message`);
  }
  for (const [type, params] of Object.entries(HOST_SAMPLES)) {
    const message = toHost[type as keyof typeof toHost].create(params as never);
    assert.deepEqual(parseToHostMessage(JSON.parse(JSON.stringify(message))), { ok: true, message: { type, params } }, type);
  }
});

test('message kinds: host messages are notifications, requests name an existing response', () => {
  for (const definition of Object.values(toWebview)) assert.equal(definition.kind, 'notification');
  const requests = Object.values(toHost).filter((d) => d.kind === 'request');
  assert.deepEqual(requests.map((d) => [d.type, d.responseType]), [['listSessions', 'sessionList'], ['requestFileCompletions', 'fileCompletions']]);
  for (const d of Object.values(toHost)) assert.ok(d.kind === 'command' || d.kind === 'request');
});

test('malformed messages are rejected with a short reason naming the problem', () => {
  const cases: [unknown, RegExp][] = [
    [null, /not an object/],
    ['ready', /not an object/],
    [[{ type: 'ready' }], /not an object/],
    [{ params: {} }, /not an object with a string "type"/],
    [{ type: 'nope', params: {} }, /unknown type "nope"/],
    [{ type: 'toString', params: {} }, /unknown type/],
    [{ type: 'constructor', params: {} }, /unknown type/],
    [{ type: '__proto__', params: {} }, /unknown type/],
    [{ type: 'streamEvents', params: { turnId: 't', events: [] } }, /malformed "streamEvents".*events/],
    [{ type: 'streamEvents', params: { turnId: 't', events: [{ type: 'text-delta' }] } }, /events\.0\.text/],
    [{ type: 'streamEvents', params: { turnId: 't', events: [{ type: 'usage', usage: { inputTokens: -1, outputTokens: 0, cachedInputTokens: 0, reasoningTokens: 0 } }] } }, /inputTokens/],
    [{ type: 'error', params: { error: { kind: 'auth', message: 'x', actions: ['format-disk'] } } }, /actions\.0/],
    [{ type: 'turnStarted', params: { turnId: '' } }, /turnId/],
    [{ type: 'approvalRequest', params: { turnId: 't', id: 'a', kind: 'delete', title: 'x' } }, /kind/],
    [{ type: 'transcript', params: { messages: [{ role: 'robot', content: 'x' }] } }, /messages\.0/],
  ];
  for (const [raw, reason] of cases) {
    const result = parseToWebviewMessage(raw);
    assert.equal(result.ok, false, JSON.stringify(raw));
    if (!result.ok) assert.match(result.error, reason);
  }
  assert.equal(parseToHostMessage({ type: 'sendMessage', params: { text: '', attachments: [] } }).ok, false, 'empty messages are not sent');
  assert.equal(parseToHostMessage({ type: 'fixAction', params: { action: 'rm -rf' } }).ok, false);
  assert.equal(parseToHostMessage({ type: 'attachContext', params: { source: 'path' } }).ok, false);
  assert.equal(parseToHostMessage({ type: 'codeBlockAction', params: { action: 'run', code: 'x' } }).ok, false);
});

test('unknown extra keys are stripped; a missing params object is treated as empty', () => {
  assert.deepEqual(parseToHostMessage({ type: 'openSession', params: { id: 's', evil: true } }), { ok: true, message: { type: 'openSession', params: { id: 's' } } });
  assert.deepEqual(parseToHostMessage({ type: 'ready' }), { ok: true, message: { type: 'ready', params: {} } });
});

test('renderChatHtml sets the strict CSP, the script nonce, and escapes the URIs', () => {
  const html = renderChatHtml({
    cspSource: 'https://*.vscode-cdn.net',
    nonce: 'AbCdEfGhIjKlMnOp0123',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/chat.js?a=1&b="2"',
    styleUri: 'https://x/chat.css',
    codiconUri: 'https://x/codicon.css',
  });
  const csp = "default-src 'none'; img-src https://*.vscode-cdn.net data:; style-src https://*.vscode-cdn.net; font-src https://*.vscode-cdn.net; script-src 'nonce-AbCdEfGhIjKlMnOp0123'";
  assert.equal(chatContentSecurityPolicy('https://*.vscode-cdn.net', 'AbCdEfGhIjKlMnOp0123'), csp);
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
  assert.ok(html.includes('<script nonce="AbCdEfGhIjKlMnOp0123" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/chat.js?a=1&amp;b=&quot;2&quot;"></script>'));
  assert.ok(html.includes('<link rel="stylesheet" href="https://x/codicon.css">'));
  assert.ok(html.includes('<div id="app" class="app"></div>'));
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
  assert.doesNotMatch(html, /style=|<style/);
});

test('renderChatHtml refuses nonces and csp sources that could break out of the policy', () => {
  const base = { cspSource: 'https://a', nonce: 'AbCdEfGhIjKlMnOp0123', scriptUri: 's', styleUri: 's', codiconUri: 'c' };
  assert.throws(() => renderChatHtml({ ...base, nonce: 'short' }), /nonce/);
  assert.throws(() => renderChatHtml({ ...base, nonce: "AbCdEfGhIjKlMnOp0123' 'unsafe-inline" }), /nonce/);
  assert.throws(() => renderChatHtml({ ...base, cspSource: "https://a; script-src 'unsafe-inline'" }), /cspSource/);
});
