// Buttons and links in the chat: fix buttons run the matching command with the error's
// provider; transcript links open only web/mail links and workspace files; code blocks open with
// the right language; `@file` completion finds files in any case and offers the best first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageIdForFence } from '../../../src/vscode/chat/codeLanguage';
import { completionGlob, rankCompletions } from '../../../src/vscode/chat/fileCompletionQuery';
import { fixStep } from '../../../src/vscode/chat/fixActions';
import { classifyLink } from '../../../src/vscode/chat/linkTargets';

test('fix buttons map to the provider commands', () => {
  assert.deepEqual(fixStep('setApiKey', 'openai', false), { kind: 'command', command: 'switchboard.setApiKey', args: ['openai'] });
  assert.deepEqual(fixStep('testConnection', 'gw', true), { kind: 'command', command: 'switchboard.testConnection', args: ['gw'] });
  assert.deepEqual(fixStep('openConfig', 'gw', true), { kind: 'command', command: 'switchboard.openDefinition', args: ['gw'] });
  assert.deepEqual(fixStep('openConfig', 'openai', false), { kind: 'command', command: 'switchboard.openUserConfig', args: [] });
  assert.deepEqual(fixStep('trustWorkspace', 'gw', true), { kind: 'command', command: 'workbench.trust.manage', args: [] });
  assert.deepEqual(fixStep('showLogs', undefined, false), { kind: 'command', command: 'switchboard.showLogs', args: [] });
  assert.deepEqual(fixStep('retry', 'x', false), { kind: 'retry' });
  assert.deepEqual(fixStep('setApiKey', undefined, false), { kind: 'command', command: 'switchboard.setApiKey', args: [] });
});

test('links: web and mail open outside; workspace paths open at a line; everything else is refused', () => {
  assert.deepEqual(classifyLink('https://example.com/a?b=1'), { kind: 'external', url: 'https://example.com/a?b=1' });
  assert.deepEqual(classifyLink('mailto:dev@example.com'), { kind: 'external', url: 'mailto:dev@example.com' });
  assert.deepEqual(classifyLink('src/app.ts#L12'), { kind: 'workspaceFile', path: 'src/app.ts', line: 12 });
  assert.deepEqual(classifyLink('main.ts:40'), { kind: 'workspaceFile', path: 'main.ts', line: 40 });
  assert.deepEqual(classifyLink('./docs/My%20File.md'), { kind: 'workspaceFile', path: 'docs/My File.md' });
  for (const href of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'file:///etc/passwd', 'vscode://x', 'data:text/html,hi', '../outside.txt', 'a/../../x', '/etc/hosts', 'C:\\Windows\\x', '#top', '', 'http://[bad']) {
    assert.equal(classifyLink(href).kind, 'refused', href);
  }
});

test('code block languages map to VS Code ids, unknown ones to plaintext', () => {
  const known = new Set(['typescript', 'python', 'shellscript', 'plaintext', 'rust', 'go']);
  assert.equal(languageIdForFence('ts', known), 'typescript');
  assert.equal(languageIdForFence('Python', known), 'python');
  assert.equal(languageIdForFence('bash', known), 'shellscript');
  assert.equal(languageIdForFence('go', known), 'go');
  assert.equal(languageIdForFence('brainfuck', known), 'plaintext');
  assert.equal(languageIdForFence(undefined, known), 'plaintext');
  assert.equal(languageIdForFence('rust {.line-numbers}', known), 'rust');
});

test('@file completion: case-insensitive glob with glob characters taken literally', () => {
  assert.equal(completionGlob(''), '**/*');
  assert.equal(completionGlob('Ma'), '**/*[mM][aA]*');
  assert.equal(completionGlob('src/a'), '**/*[sS][rR][cC]/[aA]*');
  assert.equal(completionGlob('a*[1]'), '**/*[aA][*][[]1[]]*');
  assert.equal(completionGlob('./x'), '**/*[xX]*');
});

test('@file completion ranks exact and prefix name matches first, then shorter paths, at most the limit', () => {
  const paths = ['lib/deep/nested/main.ts', 'src/domain.ts', 'main.ts', 'src/main.test.ts', 'docs/maintenance.md', 'main.ts', 'MAIN/x.ts'];
  const items = rankCompletions(paths, 'main.ts');
  assert.deepEqual(items.map((i) => i.path), ['main.ts', 'lib/deep/nested/main.ts', 'src/domain.ts', 'MAIN/x.ts', 'src/main.test.ts', 'docs/maintenance.md']);
  assert.deepEqual(rankCompletions(paths, 'Main').map((i) => i.path), ['main.ts', 'src/main.test.ts', 'docs/maintenance.md', 'lib/deep/nested/main.ts', 'src/domain.ts', 'MAIN/x.ts']);
  assert.deepEqual(items[1], { path: 'lib/deep/nested/main.ts', label: 'main.ts', description: 'lib/deep/nested' });
  assert.deepEqual(items[0], { path: 'main.ts', label: 'main.ts' });
  assert.equal(rankCompletions(Array.from({ length: 80 }, (_, i) => `f${i}.ts`), '').length, 50);
});
