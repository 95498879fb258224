// Path policy on real temp directories: what counts as outside the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PathPolicy, relativeInside } from '../../../src/core/agent/pathPolicy';
import { createNodeWorkspaceFiles } from '../../../src/node/nodeWorkspaceFiles';
import { tempWorkspace } from './fakes';

function setup(t: { after: (fn: () => void) => void }) {
  const ws = tempWorkspace({ 'src/a.ts': 'a', 'docs/readme.md': 'r' });
  const outside = tempWorkspace({ 'secret.txt': 's', 'dir/inner.txt': 'i' });
  t.after(ws.cleanup);
  t.after(outside.cleanup);
  return { ws, outside, policy: new PathPolicy(createNodeWorkspaceFiles(ws.root)) };
}

test('relative paths inside the workspace resolve against the root', async (t) => {
  const { ws, policy } = setup(t);
  const r = await policy.resolve('src/a.ts');
  assert.equal(r.inside, true);
  assert.equal(r.absolute, join(ws.root, 'src/a.ts'));
  assert.equal(r.display, 'src/a.ts');
  assert.equal((await policy.resolve('.')).display, '.');
  assert.equal((await policy.resolve('')).display, '.');
  assert.equal((await policy.resolve('src/../docs/readme.md')).display, 'docs/readme.md');
  assert.equal((await policy.resolve('src/new/file.ts')).inside, true, 'a file that does not exist yet');
});

test('.. that climbs out of the root is outside', async (t) => {
  const { policy } = setup(t);
  for (const raw of ['..', '../x', 'src/../../x', './../../etc/passwd']) {
    const r = await policy.resolve(raw);
    assert.equal(r.inside, false, raw);
    assert.match(r.outsideReason ?? '', /is outside the workspace/);
  }
});

test('absolute paths are outside unless they point into the workspace', async (t) => {
  const { ws, outside, policy } = setup(t);
  const out = await policy.resolve(join(outside.root, 'secret.txt'));
  assert.equal(out.inside, false);
  assert.equal(out.display, join(outside.root, 'secret.txt'));
  assert.equal((await policy.resolve('/etc/passwd')).inside, false);
  const inside = await policy.resolve(join(ws.root, 'src', 'a.ts'));
  assert.equal(inside.inside, true);
  assert.equal(inside.display, 'src/a.ts');
  // A sibling directory whose name starts with the root's name is not inside.
  assert.equal((await policy.resolve(`${ws.root}-other/x`)).inside, false);
});

test('a symlink that leads outside is outside, for the link, paths under it, and new files under it', async (t) => {
  const { ws, outside, policy } = setup(t);
  symlinkSync(join(outside.root, 'secret.txt'), join(ws.root, 'link.txt'));
  symlinkSync(join(outside.root, 'dir'), join(ws.root, 'linkdir'), 'dir');
  for (const raw of ['link.txt', 'linkdir', 'linkdir/inner.txt', 'linkdir/not-yet/new.txt']) {
    const r = await policy.resolve(raw);
    assert.equal(r.inside, false, raw);
    assert.match(r.outsideReason ?? '', /goes through a symbolic link to .* which is outside the workspace/, raw);
  }
});

test('a dangling symlink is outside: writing through it would create its target anywhere', async (t) => {
  const { ws, outside, policy } = setup(t);
  symlinkSync(join(outside.root, 'not-there.txt'), join(ws.root, 'dangling.txt'));
  symlinkSync(join(outside.root, 'no-dir'), join(ws.root, 'dangling-dir'));
  for (const raw of ['dangling.txt', 'dangling-dir/new.txt']) {
    const r = await policy.resolve(raw);
    assert.equal(r.inside, false, raw);
    assert.match(r.outsideReason ?? '', /is a symbolic link to a path that does not exist/, raw);
  }
  assert.equal((await policy.resolve('not-a-link/new.txt')).inside, true);
});

test('a symlink that stays inside the workspace is allowed', async (t) => {
  const { ws, policy } = setup(t);
  symlinkSync(join(ws.root, 'src', 'a.ts'), join(ws.root, 'alias.ts'));
  symlinkSync(join(ws.root, 'docs'), join(ws.root, 'manual'), 'dir');
  assert.equal((await policy.resolve('alias.ts')).inside, true);
  assert.equal((await policy.resolve('manual/readme.md')).inside, true);
});

test('a workspace root reached through a symlink still works', async (t) => {
  const { ws } = setup(t);
  const holder = tempWorkspace();
  t.after(holder.cleanup);
  const linkedRoot = join(holder.root, 'ws-link');
  symlinkSync(ws.root, linkedRoot, 'dir');
  mkdirSync(join(ws.root, 'lib'));
  const policy = new PathPolicy(createNodeWorkspaceFiles(linkedRoot));
  const r = await policy.resolve('lib/x.ts');
  assert.equal(r.inside, true);
  assert.equal(r.absolute, join(linkedRoot, 'lib', 'x.ts'));
});

test('relativeInside is exact about boundaries', () => {
  assert.equal(relativeInside('/a/b', '/a/b'), '.');
  assert.equal(relativeInside('/a/b', '/a/b/c/d'), 'c/d');
  assert.equal(relativeInside('/a/b', '/a/bc'), undefined);
  assert.equal(relativeInside('/a/b', '/a'), undefined);
  assert.equal(relativeInside('/a/b', '/a/b/..foo'), '..foo');
});
