// The webview's render scheduler: deltas that arrive together render in one pass, passes are
// spaced out, a slow pass spaces them further, and flushNow renders at once. Pure logic, fake clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameScheduler, MIN_INTERVAL_MS, type Flushable, type SchedulerClock } from '../../src/webview/frameScheduler';

class FakeClock implements SchedulerClock {
  time = 1000;
  private microtasks: (() => void)[] = [];
  timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now = () => this.time;
  setTimer = (callback: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  };
  clearTimer = (handle: unknown) => {
    this.timers.delete(handle as number);
  };
  microtask = (callback: () => void) => {
    this.microtasks.push(callback);
  };
  /** Ends the current task: runs its microtasks. */
  endTask(): void {
    while (this.microtasks.length > 0) this.microtasks.shift()!();
  }
  /** Moves time forward, firing due timers (each in its own task). */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
      this.endTask();
    }
    this.time = until;
  }
}

function counter(clock?: FakeClock, costMs = 0): Flushable & { count: number } {
  return {
    count: 0,
    flush() {
      this.count++;
      if (clock) clock.time += costMs;
    },
  };
}

test('everything scheduled in one task renders once, at the end of that task', () => {
  const clock = new FakeClock();
  const scheduler = new FrameScheduler(clock);
  const a = counter();
  const b = counter();
  scheduler.schedule(a);
  scheduler.schedule(b);
  scheduler.schedule(a);
  assert.equal(a.count + b.count, 0, 'nothing renders while the message is still being applied');
  clock.endTask();
  assert.deepEqual([a.count, b.count], [1, 1]);
  assert.equal(clock.timers.size, 0, 'a due pass needs no timer');
});

test('a pass that is not due yet waits for the interval, then renders everything queued meanwhile', () => {
  const clock = new FakeClock();
  const scheduler = new FrameScheduler(clock);
  const item = counter();
  scheduler.schedule(item);
  clock.endTask();
  clock.advance(10);
  scheduler.schedule(item);
  clock.endTask();
  assert.equal(item.count, 1, 'the second pass waits');
  clock.advance(5);
  scheduler.schedule(item);
  clock.endTask();
  assert.equal(clock.timers.size, 1, 'one timer, however many deltas arrive while waiting');
  clock.advance(MIN_INTERVAL_MS - 15 - 1);
  assert.equal(item.count, 1);
  clock.advance(1);
  assert.equal(item.count, 2, 'renders once the interval has passed');
});

test('flushNow renders at once and cancels the pending pass', () => {
  const clock = new FakeClock();
  const scheduler = new FrameScheduler(clock);
  const item = counter();
  scheduler.schedule(item);
  clock.endTask();
  scheduler.schedule(item);
  scheduler.flushNow();
  assert.equal(item.count, 2);
  assert.equal(clock.timers.size, 0);
  clock.advance(1000);
  assert.equal(item.count, 2, 'nothing renders twice');
  scheduler.flushNow();
  assert.equal(item.count, 2, 'flushNow with nothing queued renders nothing');
});

test('a slow pass makes the next one wait longer', () => {
  const clock = new FakeClock();
  const scheduler = new FrameScheduler(clock);
  const slow = counter(clock, 20);
  scheduler.schedule(slow);
  clock.endTask();
  scheduler.schedule(slow);
  clock.endTask();
  clock.advance(MIN_INTERVAL_MS + 1);
  assert.equal(slow.count, 1, 'a 20 ms pass pushes the next one past the usual interval');
  clock.advance(100);
  assert.equal(slow.count, 2);
});
