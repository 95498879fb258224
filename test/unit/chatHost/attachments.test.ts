// Attached context: how files and selections become part of the message the model sees (path,
// line range, fenced content that cannot be broken out of, size caps), how a saved message is
// shown again as typed, and the host's attachment list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttachmentList } from '../../../src/vscode/chat/attachmentList';
import { fenceFor, formatUserMessage, typedText } from '../../../src/vscode/chat/attachmentText';

const file = (path: string) => ({ id: path, kind: 'file' as const, label: path.split('/').pop() ?? path, path });

test('a file and a selection are appended after the typed text with path, range and a fenced block', () => {
  const message = formatUserMessage('Why does this fail?', [
    { attachment: file('src/app.ts'), text: 'const a = 1;\n', languageId: 'typescript' },
    { attachment: { id: 's', kind: 'selection', label: 'util.py:3-4', path: 'lib/util.py', range: { startLine: 3, endLine: 4 } }, text: 'def f():\n    pass', languageId: 'python' },
  ]);
  assert.equal(
    message,
    'Why does this fail?\n\n---\nAttached context:\n\n' +
      '`src/app.ts`:\n```typescript\nconst a = 1;\n```\n\n' +
      '`lib/util.py (lines 3-4)`:\n```python\ndef f():\n    pass\n```',
  );
  assert.equal(typedText(message), 'Why does this fail?');
  assert.equal(formatUserMessage('plain', []), 'plain', 'no attachments, no section');
  assert.equal(typedText('no section here'), 'no section here');
});

test('content with backtick fences cannot close the block early', () => {
  const content = 'text\n```js\nx\n```\n````\n';
  assert.equal(fenceFor(content), '`````');
  const message = formatUserMessage('q', [{ attachment: file('README.md'), text: content, languageId: 'markdown' }]);
  assert.ok(message.endsWith('`````markdown\ntext\n```js\nx\n```\n````\n`````'), message);
  assert.equal(fenceFor('no ticks'), '```');
});

test('each attachment and all of them together are size-capped, saying what was left out', () => {
  const big = 'x'.repeat(120);
  const message = formatUserMessage(
    'q',
    [
      { attachment: file('a.txt'), text: big },
      { attachment: file('b.txt'), text: 'y'.repeat(60) },
      { attachment: file('c.txt'), text: 'z' },
    ],
    { perAttachment: 100, total: 150 },
  );
  assert.ok(message.includes(`\`a.txt\`:\n\`\`\`\n${'x'.repeat(100)}\n\`\`\`\n(truncated: the first 100 of 120 characters)`), message);
  assert.ok(message.includes(`\`b.txt\`:\n\`\`\`\n${'y'.repeat(50)}\n\`\`\`\n(truncated: the first 50 of 60 characters)`), message);
  assert.ok(message.includes('`c.txt`: not included, the attachments reached the 150-character limit.'), message);
  assert.ok(!message.includes('```\nz'), 'c.txt content is not included');
});

test('the attachment list: ids assigned, duplicates replaced, remove, and take empties it', () => {
  const list = new AttachmentList();
  assert.equal(list.add([{ attachment: { kind: 'file', label: 'a.ts', path: 'src/a.ts' } }]), true);
  list.add([{ attachment: { kind: 'selection', label: 'a.ts:1-2', path: 'src/a.ts', range: { startLine: 1, endLine: 2 } }, text: 'old' }]);
  list.add([{ attachment: { kind: 'selection', label: 'a.ts:1-2', path: 'src/a.ts', range: { startLine: 1, endLine: 2 } }, text: 'new' }]);
  const shown = list.list();
  assert.deepEqual(shown.map((a) => [a.id, a.kind]), [['att-1', 'file'], ['att-2', 'selection']]);
  assert.equal(list.remove('att-1'), true);
  assert.equal(list.remove('att-1'), false);
  list.add([{ attachment: { kind: 'file', label: 'b.ts', path: 'b.ts' } }]);
  const taken = list.take([shown[1], { id: 'stale', kind: 'file', label: 'c.ts', path: 'c.ts' }]);
  assert.deepEqual(taken.map((t) => [t.attachment.path, t.text]), [['src/a.ts', 'new'], ['c.ts', undefined]]);
  assert.equal(list.size, 0, 'the message owns its attachments now');
});
