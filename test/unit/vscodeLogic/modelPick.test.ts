import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideModelPick, modelChoices, prefersTypedName } from '../../../src/core/providers/modelPick';
import { provider } from './providerFixture';

const providers = [provider({ id: 'openai', defaultModel: 'gpt-5' }), provider({ id: 'ollama' }), provider({ id: 'openrouter' })];
const modelLists = {
  openai: [{ id: 'gpt-5' }, { id: 'gpt-5-mini' }],
  ollama: [{ id: 'llama3.1', name: 'Llama 3.1' }],
};

test('choices: the active provider first (current, default, listed, no duplicates), then other providers', () => {
  const choices = modelChoices({ activeProviderId: 'openai', providers, modelLists, currentModel: 'o3' });
  assert.deepEqual(
    choices.map((c) => [c.providerId, c.model, c.origin]),
    [
      ['openai', 'o3', 'current'],
      ['openai', 'gpt-5', 'default'],
      ['openai', 'gpt-5-mini', 'listed'],
      ['ollama', 'llama3.1', 'listed'],
    ],
  );
  assert.equal(choices[3].name, 'Llama 3.1');
});

test("picking another provider's model switches provider too", () => {
  const [choice] = modelChoices({ activeProviderId: 'openai', providers, modelLists }).filter((c) => c.providerId === 'ollama');
  assert.deepEqual(decideModelPick({ choice }, { activeProviderId: 'openai', modelLists }), { kind: 'apply', providerId: 'ollama', model: 'llama3.1' });
});

test('typed model: applied to the active provider when its list is unknown or includes it', () => {
  assert.deepEqual(decideModelPick({ typed: ' anything ' }, { activeProviderId: 'openrouter', modelLists }), { kind: 'apply', providerId: 'openrouter', model: 'anything' });
  assert.deepEqual(decideModelPick({ typed: 'gpt-5-mini' }, { activeProviderId: 'openai', modelLists }), { kind: 'apply', providerId: 'openai', model: 'gpt-5-mini' });
});

test('typed model another provider lists: ask, recommending the switch', () => {
  const outcome = decideModelPick({ typed: 'llama3.1' }, { activeProviderId: 'openai', modelLists });
  assert.equal(outcome.kind, 'confirm');
  if (outcome.kind !== 'confirm') return;
  assert.match(outcome.message, /not in openai's model list, but ollama lists it/);
  assert.deepEqual(outcome.options.map((o) => o.providerId), ['ollama', 'openai']);
});

test('typed model nobody lists while the active list is known: ask before keeping the provider', () => {
  const outcome = decideModelPick({ typed: 'typo-model' }, { activeProviderId: 'openai', modelLists });
  assert.equal(outcome.kind, 'confirm');
  assert.deepEqual(outcome.kind === 'confirm' && outcome.options.map((o) => o.label), ['Use "typo-model" with openai anyway']);
});

test('Enter with a typed name the highlighted row does not contain uses the typed name', () => {
  assert.equal(prefersTypedName('team-model', 'team-model-large'), true);
  assert.equal(prefersTypedName('$(check) gpt-5-mini', 'GPT-5'), false); // filtering, then picking the row
  assert.equal(prefersTypedName(undefined, 'x'), true);
  assert.equal(prefersTypedName('gpt-5', '  '), false);
});
