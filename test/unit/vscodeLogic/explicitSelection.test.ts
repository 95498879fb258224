import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropPicksForChangedSettings, mergeExplicit, pickModel, pickProfile, pickProvider } from '../../../src/core/config/explicitSelection';

test('a pick beats the setting; a blank value counts as unset', () => {
  const { choice, origins } = mergeExplicit({ provider: 'openai', model: 'gpt-5', profile: ' ' }, { provider: 'ollama' });
  assert.deepEqual(choice, { provider: 'ollama', model: 'gpt-5' });
  assert.deepEqual(origins, { provider: 'pick', model: 'setting' });
});

test('changing a setting drops the pick for that field, so the latest action wins', () => {
  const picks = dropPicksForChangedSettings({ provider: 'ollama', model: 'llama3' }, ['model']);
  assert.deepEqual(mergeExplicit({ model: 'gpt-5' }, picks).choice, { provider: 'ollama', model: 'gpt-5' });
});

test("picking a provider takes its default model, or drops the model pick when it has none", () => {
  assert.deepEqual(pickProvider({ model: 'gpt-5' }, 'anthropic', 'claude-sonnet-4-5'), { provider: 'anthropic', model: 'claude-sonnet-4-5' });
  assert.deepEqual(pickProvider({ model: 'gpt-5', profile: 'p' }, 'ollama', undefined), { provider: 'ollama', profile: 'p' });
});

test('picking a model saves the provider that serves it', () => {
  assert.deepEqual(pickModel({}, 'ollama', 'llama3'), { provider: 'ollama', model: 'llama3' });
});

test('picking a profile replaces provider/model picks; clearing it keeps them', () => {
  assert.deepEqual(pickProfile({ provider: 'x', model: 'y' }, 'fast'), { profile: 'fast' });
  assert.deepEqual(pickProfile({ provider: 'x', profile: 'fast' }, undefined), { provider: 'x' });
});
