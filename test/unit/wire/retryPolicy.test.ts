// Backoff delays and Retry-After parsing decide how long users wait; both must be right.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffMs, formatDelay, MAX_BACKOFF_MS, retryAfterMs } from '../../../src/core/wire/retry/retryPolicy';

test('backoff doubles per retry with ±20% jitter and is capped', () => {
  assert.equal(backoffMs(1, () => 0.5), 250);
  assert.equal(backoffMs(2, () => 0.5), 500);
  assert.equal(backoffMs(3, () => 0.5), 1000);
  assert.equal(backoffMs(1, () => 0), 200);
  assert.equal(backoffMs(1, () => 0.999999), 300);
  assert.equal(backoffMs(30, () => 0.5), MAX_BACKOFF_MS);
});

test('Retry-After in seconds, as an HTTP date, and retry-after-ms', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  assert.equal(retryAfterMs(new Headers({ 'retry-after': '7' }), now), 7000);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': '1.5' }), now), 1500);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': 'Sun, 01 Jun 2025 12:00:30 GMT' }), now), 30_000);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': 'Sun, 01 Jun 2025 11:00:00 GMT' }), now), 0, 'a past date means now');
  assert.equal(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now), 250, 'the precise header wins');
  assert.equal(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now), undefined);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': '-3' }), now), undefined);
  assert.equal(retryAfterMs(new Headers(), now), undefined);
});

test('delays read naturally', () => {
  assert.equal(formatDelay(250), '250 ms');
  assert.equal(formatDelay(1500), '1.5 s');
  assert.equal(formatDelay(3_600_000), '60 min');
});
