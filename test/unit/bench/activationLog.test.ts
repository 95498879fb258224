// The activation benchmark reads Switchboard's own log lines to split VS Code's activation time
// into code loading and the activate() call, and to report when the first configuration was
// ready; these lines are what src/extension.ts writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activationBreakdown, activationLogTimes } from '../../../bench/lib/activationLog';

const LOG = [
  '2026-11-22 00:38:44.833 [info] Switchboard activated in 2.0 ms (workspace trusted).',
  '2026-11-22 00:38:44.900 [info] Configuration loaded (first load) in 20 ms: provider anthropic, model claude-sonnet-4-5, 0 diagnostic(s).',
  '2026-11-22 00:38:44.901 [info] Configuration ready 59.4 ms after activate() was called (provider side loaded after 37.4 ms).',
].join('\n');

test('reads the activate() time and the time until the configuration was ready', () => {
  assert.deepEqual(activationLogTimes(LOG), { activateCallMs: 2, configReadyAfterActivateMs: 59.4 });
});

test('a log without the ready line (still loading, or the load failed) has no ready time', () => {
  assert.deepEqual(activationLogTimes(LOG.split('\n')[0]), { activateCallMs: 2 });
  assert.deepEqual(activationLogTimes(''), {});
});

test('code loading = VS Code time - activate(); ready = code loading + ready after activate()', () => {
  assert.deepEqual(activationBreakdown(9, { activateCallMs: 2, configReadyAfterActivateMs: 59.4 }), { codeLoadingMs: 7, configReadyMs: 66.4 });
  assert.deepEqual(activationBreakdown(9, { activateCallMs: 2 }), { codeLoadingMs: 7 });
  assert.deepEqual(activationBreakdown(9, {}), {});
  assert.deepEqual(activationBreakdown(1, { activateCallMs: 1.6 }), { codeLoadingMs: 0 }, 'rounding never gives a negative time');
});
