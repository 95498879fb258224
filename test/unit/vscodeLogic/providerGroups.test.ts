import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupProviders } from '../../../src/core/providers/providerGroups';
import { provider } from './providerFixture';

test('providers are grouped Built-in, User file, Workspace file, keeping their order', () => {
  const groups = groupProviders([
    provider({ id: 'anthropic' }),
    provider({ id: 'openai' }),
    provider({ id: 'mine', source: 'user' }),
    provider({ id: 'fast', source: 'profile' }),
    provider({ id: 'team', source: 'workspace', fromWorkspace: true }),
    // A user provider whose base_url the workspace changed belongs to the workspace group (security boundary).
    provider({ id: 'patched', source: 'user', fromWorkspace: true }),
  ]);
  assert.deepEqual(
    groups.map((g) => [g.label, g.providers.map((p) => p.id)]),
    [
      ['Built-in', ['anthropic', 'openai']],
      ['User file', ['mine', 'fast']],
      ['Workspace file', ['team', 'patched']],
    ],
  );
});

test('Built-in is always shown; empty file groups are not', () => {
  const groups = groupProviders([provider({ id: 'mine', source: 'user' })]);
  assert.deepEqual(groups.map((g) => g.id), ['builtin', 'user']);
  assert.equal(groups[0].providers.length, 0);
});

test('explicit overrides get their own group', () => {
  assert.deepEqual(groupProviders([provider({ id: 'x', source: 'flag' })]).map((g) => g.label), ['Built-in', 'Overrides']);
});
