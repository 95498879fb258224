// A whole conversation in the webview, themed like VS Code Dark Modern: streams reasoning, text,
// a tool call, an approval and an error, checks the theme reaches the UI, and saves a screenshot
// to test-results/webview/ for people to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toWebview } from '../../src/shared/webviewProtocol';
import { startWebviewHarness, type WebviewHarness } from '../helpers/webviewHarness';
import { DARK_MODERN } from './darkTheme';
import { deltas, error, events, sessionState, text, turnEnded, turnStarted, usage } from './hostMessages';

const OUT_DIR = resolve(__dirname, '../../test-results/webview');

let harness: WebviewHarness;
before(async () => {
  harness = await startWebviewHarness();
});
after(async () => {
  await harness?.close();
});

const ANSWER = `The retry policy lives in \`requestWithRetry\`. Two changes:

1. Honour \`Retry-After\` on **429** responses
2. Cap the delay at \`stream_idle_timeout_ms\`

\`\`\`ts
export function retryDelay(attempt: number, retryAfter?: string): number {
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds * 1000;
  return Math.min(2 ** attempt * 250, 30_000);
}
\`\`\`

| Status | Retried |
| --- | :-: |
| 429 | yes |
| 401 | no |
`;

test('a full conversation renders with the VS Code theme and is saved as a screenshot', async () => {
  const chat = await harness.openChat({ themeVariables: DARK_MODERN, bodyClass: 'vscode-dark', viewport: { width: 460, height: 1500 } });
  await chat.post(sessionState());
  await chat.page.locator('.input').fill('Make the HTTP client respect Retry-After');
  await chat.page.locator('.input').press('Enter');
  await chat.waitForPosted('sendMessage');
  await chat.post(turnStarted('t1'));
  await chat.post(events('t1', { type: 'reasoning-delta', text: 'The user wants 429 handling. ' }, { type: 'reasoning-delta', text: 'Look at the client first.' }));
  await chat.post(events('t1',
    { type: 'tool-call-start', id: 'c1', name: 'read_file' },
    { type: 'tool-call-end', id: 'c1', name: 'read_file', arguments: '{"path":"src/core/wire/http.ts"}' },
  ));
  await chat.post(toWebview.toolCall.create({ turnId: 't1', id: 'c1', name: 'read_file', summary: 'src/core/wire/http.ts', arguments: '{"path":"src/core/wire/http.ts"}' }));
  await chat.post(toWebview.toolResult.create({ turnId: 't1', id: 'c1', output: 'export async function requestWithRetry() {\n  // ...\n}' }));
  for (const part of deltas(ANSWER, 12)) await chat.post(text('t1', part));
  await chat.post(turnEnded('t1', usage(18_420, 1_133), usage(18_420, 1_133)));

  await chat.page.locator('.input').fill('Apply it and run the tests');
  await chat.page.locator('.input').press('Enter');
  await chat.post(turnStarted('t2'));
  await chat.post(toWebview.approvalRequest.create({ turnId: 't2', id: 'ap1', kind: 'command', title: 'Run the unit tests', command: 'npm run test:unit', cwd: '/work/main' }));
  await chat.page.locator('[data-approval-id="ap1"]').getByRole('button', { name: 'Approve' }).click();
  await chat.post(error('t2', { kind: 'rate_limited', status: 429, message: 'Anthropic is rate limiting requests.', fix: 'Wait a moment, then retry.', providerId: 'anthropic', actions: ['retry', 'showLogs'] }));
  await chat.post(turnEnded('t2', usage(19_000, 12), usage(37_420, 1_145)));

  await chat.page.locator('.input').fill('Retry');
  await chat.page.locator('.input').press('Enter');
  await chat.post(turnStarted('t3'));
  await chat.post(text('t3', 'Applying the change:'));
  await chat.post(toWebview.approvalRequest.create({
    turnId: 't3',
    id: 'ap2',
    kind: 'edit',
    title: 'Edit src/core/wire/http.ts',
    diff: '@@ -10,3 +10,4 @@\n const response = await fetch(url, init);\n-if (response.status === 429) throw new RateLimited();\n+const delay = retryDelay(attempt, response.headers.get("retry-after") ?? undefined);\n+await clock.sleep(delay, signal);\n',
  }));
  await chat.page.locator('[data-approval-id="ap2"]').waitFor();
  await chat.page.locator('.turn[data-turn-id="t2"] .turn-footer').waitFor();
  await chat.page.evaluate(() => document.fonts.ready);

  // The theme reaches the UI: themed colours, and diff lines coloured by kind.
  const colour = (selector: string, property: string) => chat.page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
  assert.equal(await colour('body', 'background-color'), 'rgb(24, 24, 24)');
  assert.equal(await colour('[data-approval-id="ap2"] .primary-button', 'background-color'), 'rgb(0, 120, 212)');
  assert.equal(await chat.page.locator('.send-button').getAttribute('aria-label'), 'Stop (Esc)', 'the turn waiting for approval is still running');
  assert.notEqual(await colour('.diff-add', 'background-color'), await colour('.diff-del', 'background-color'));
  assert.equal(await colour('.code-block .hljs-keyword', 'color'), 'rgb(86, 156, 214)');
  assert.equal(await colour('.send-button .codicon', 'font-family'), 'codicon', 'codicons load under the CSP');
  assert.deepEqual(await chat.problems(), []);

  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, 'conversation.png');
  await chat.page.screenshot({ path: file, fullPage: true });
  assert.ok(statSync(file).size > 20_000, 'the screenshot has content');
});
