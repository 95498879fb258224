// The file-backed session store: round trip, newest-first listing, delete, atomic writes,
// and clear handling of bad ids and corrupt files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeSessionStore } from '../../../src/node/nodeSessionStore';
import { SESSION_RECORD_VERSION, type SessionRecord } from '../../../src/core/agent/sessionStore';
import { tempWorkspace, usage } from './fakes';

function record(id: string, updatedAt: number, title = `session ${id}`): SessionRecord {
  return {
    version: SESSION_RECORD_VERSION,
    id,
    title,
    createdAt: 1,
    updatedAt,
    providerId: 'openai',
    model: 'gpt',
    transcript: [
      { type: 'message', at: 1, message: { role: 'user', content: 'hi "there"\n' } },
      { type: 'message', at: 2, message: { role: 'assistant', content: 'hello', toolCalls: [{ id: 'c', name: 'read_file', arguments: '{}' }] } },
      { type: 'error', at: 3, error: { kind: 'server', message: 'boom' } },
    ],
    usage: usage(3, 4),
  };
}

function dir(t: { after: (fn: () => void) => void }) {
  const w = tempWorkspace();
  t.after(w.cleanup);
  return join(w.root, 'sessions');
}

test('save then load returns an equal record; saving again replaces it', async (t) => {
  const store = createNodeSessionStore(dir(t));
  const r = record('abc', 10);
  await store.save(r);
  assert.deepEqual(await store.load('abc'), r);
  const updated = { ...r, title: 'renamed', transcript: [...r.transcript, { type: 'stopped' as const, reason: 'user' as const, at: 4 }] };
  await store.save(updated);
  assert.deepEqual(await store.load('abc'), updated);
  assert.equal(await store.load('missing'), undefined);
});

test('list is newest first; delete removes; no temp files are left behind', async (t) => {
  const d = dir(t);
  const store = createNodeSessionStore(d);
  assert.deepEqual(await store.list(), []);
  await store.save(record('old', 100));
  await store.save(record('new', 300));
  await store.save(record('mid', 200));
  assert.deepEqual(
    (await store.list()).map((s) => [s.id, s.title, s.updatedAt]),
    [
      ['new', 'session new', 300],
      ['mid', 'session mid', 200],
      ['old', 'session old', 100],
    ],
  );
  await store.delete('mid');
  await store.delete('never-existed');
  assert.deepEqual(
    (await store.list()).map((s) => s.id),
    ['new', 'old'],
  );
  assert.deepEqual(readdirSync(d).sort(), ['new.json', 'old.json']);
});

test('concurrent saves of the same session leave one complete file', async (t) => {
  const store = createNodeSessionStore(dir(t));
  await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(record('same', i, `v${i}`))));
  const loaded = await store.load('same');
  assert.match(loaded?.title ?? '', /^v\d+$/);
});

test('ids that could escape the directory are rejected', async (t) => {
  const store = createNodeSessionStore(dir(t));
  await assert.rejects(store.load('../etc/passwd'), /not a valid session id/);
  await assert.rejects(store.save(record('a/b', 1)), /not a valid session id/);
});

test('a corrupt file is left out of the list and loading it says which file and how to fix', async (t) => {
  const d = dir(t);
  const store = createNodeSessionStore(d);
  await store.save(record('good', 1));
  writeFileSync(join(d, 'bad.json'), '{"version":1,"id":');
  writeFileSync(join(d, 'future.json'), JSON.stringify({ ...record('future', 2), version: 99 }));
  assert.deepEqual(
    (await store.list()).map((s) => s.id),
    ['good'],
  );
  await assert.rejects(store.load('bad'), (error: Error & { fix?: string }) => {
    assert.match(error.message, /The saved session .*bad\.json is not usable: it is not a JSON object/);
    assert.match(error.fix ?? '', /Delete the file/);
    return true;
  });
  await assert.rejects(store.load('future'), /unknown version 99/);
});
