import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectionStep } from '../../../src/core/providers/connectionTest';
import { failureInfo, stepLine } from '../../../src/vscode/wireAdapters';

const failed: ConnectionStep = {
  id: 'credential',
  title: 'Credential',
  status: 'fail',
  durationMs: 3,
  detail: 'Provider `ws` is defined by workspace configuration and the workspace is not trusted.',
  fix: 'Trust this workspace.',
  area: 'auth',
  error: { kind: 'auth', message: 'not trusted', actions: ['trustWorkspace', 'openConfig'] },
};

test('a failed step becomes a notification that keeps the error kind, fix and buttons', () => {
  assert.deepEqual(failureInfo('ws', failed), {
    kind: 'auth',
    message: 'ws — Credential failed: Provider `ws` is defined by workspace configuration and the workspace is not trusted.',
    fix: 'Trust this workspace.',
    providerId: 'ws',
    actions: ['trustWorkspace', 'openConfig'],
  });
  const noError = failureInfo('gw', { ...failed, id: 'request', title: 'Test request', area: 'base_url', error: undefined, fix: undefined });
  assert.deepEqual(noError.actions, ['openConfig', 'showLogs']);
  assert.equal(noError.fix, undefined);
});

test('each step is one log line with its mark, time and fix', () => {
  assert.equal(stepLine(failed), '✗ Credential (3 ms): Provider `ws` is defined by workspace configuration and the workspace is not trusted. Fix: Trust this workspace.');
  assert.equal(stepLine({ id: 'models', title: 'Model list', status: 'warn', durationMs: 9, detail: 'No list.' }), '! Model list (9 ms): No list.');
});
