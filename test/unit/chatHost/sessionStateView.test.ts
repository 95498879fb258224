// The chat header: the same providers and models the palette offers, the active pair, the three
// approval modes, and sensible text when the active provider is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseToWebviewMessage, toWebview } from '../../../src/shared/webviewProtocol';
import { asApprovalMode, buildSessionState, providerChoices } from '../../../src/vscode/chat/sessionStateView';
import { provider } from '../agent/fakes';

const providers = [provider('openai', { name: 'OpenAI', defaultModel: 'gpt-5' }), provider('local', { name: '', defaultModel: undefined })];

test('provider choices: default model, fetched list, and the active provider\'s current model first', () => {
  const choices = providerChoices(providers, { openai: [{ id: 'gpt-5' }, { id: 'gpt-5-mini' }], local: [{ id: 'llama3' }] }, { providerId: 'openai', model: 'o3' });
  assert.deepEqual(choices, [
    { id: 'openai', name: 'OpenAI', models: ['o3', 'gpt-5', 'gpt-5-mini'] },
    { id: 'local', name: 'local', models: ['llama3'] },
  ]);
});

test('session state with an active provider is a valid sessionState message', () => {
  const state = buildSessionState({ session: { id: 's1', title: 'Fix bug' }, active: { provider: providers[0], model: 'gpt-5' }, providers, modelLists: {}, approvalMode: 'ask', running: true });
  assert.equal(state.sessionId, 's1');
  assert.equal(state.title, 'Fix bug');
  assert.deepEqual(state.provider, { id: 'openai', name: 'OpenAI' });
  assert.equal(state.model, 'gpt-5');
  assert.deepEqual(state.approvalModes.map((m) => m.id), ['read-only', 'ask', 'auto']);
  assert.equal(state.running, true);
  assert.ok(parseToWebviewMessage(toWebview.sessionState.create(state)).ok);
});

test('an unknown or missing active provider still gives a valid header', () => {
  const unknown = buildSessionState({ activeId: 'gone', providers, modelLists: {}, approvalMode: 'read-only', running: false });
  assert.deepEqual(unknown.provider, { id: 'gone', name: 'gone (not configured)' });
  assert.equal(unknown.model, '');
  assert.equal(unknown.sessionId, undefined);
  const none = buildSessionState({ providers: [], modelLists: {}, approvalMode: 'auto', running: false });
  assert.deepEqual(none.provider, { id: 'none', name: 'No provider' });
  assert.ok(parseToWebviewMessage(toWebview.sessionState.create(none)).ok);
});

test('only the three approval modes are accepted', () => {
  assert.equal(asApprovalMode('auto'), 'auto');
  assert.equal(asApprovalMode('never'), undefined);
  assert.equal(asApprovalMode(undefined), undefined);
});
