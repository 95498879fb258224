// The file tools against real temp directories through createNodeWorkspaceFiles:
// read_file, list_directory, search_text, edit_file, create_file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READ_FILE_MAX_LINES } from '../../../src/core/agent/tools/definitions/readFile';
import { createNodeWorkspaceFiles } from '../../../src/node/nodeWorkspaceFiles';
import { tempWorkspace } from './fakes';
import { runTool } from './toolHarness';

function ws(t: { after: (fn: () => void) => void }, files: Record<string, string>) {
  const w = tempWorkspace(files);
  t.after(w.cleanup);
  return w.root;
}

test('read_file numbers lines and reads a range', async (t) => {
  const root = ws(t, { 'a.txt': 'one\ntwo\nthree\nfour\n' });
  assert.equal((await runTool(root, 'read_file', { path: 'a.txt' })).result.content, '1\tone\n2\ttwo\n3\tthree\n4\tfour');
  assert.equal((await runTool(root, 'read_file', { path: 'a.txt', start_line: 2, end_line: 3 })).result.content, '2\ttwo\n3\tthree');
  assert.equal((await runTool(root, 'read_file', { path: 'a.txt', start_line: 4, end_line: 99 })).result.content, '4\tfour');
});

test('read_file caps long files and says how to read on', async (t) => {
  const lines = Array.from({ length: READ_FILE_MAX_LINES + 500 }, (_, i) => `line ${i + 1}`);
  const root = ws(t, { 'big.txt': lines.join('\n') });
  const { result } = await runTool(root, 'read_file', { path: 'big.txt' });
  const out = result.content.split('\n');
  assert.equal(out.length, READ_FILE_MAX_LINES + 1);
  assert.equal(out[READ_FILE_MAX_LINES - 1], `${READ_FILE_MAX_LINES}\tline ${READ_FILE_MAX_LINES}`);
  assert.equal(
    out.at(-1),
    `[Showing lines 1-${READ_FILE_MAX_LINES} of ${READ_FILE_MAX_LINES + 500}. Call read_file with start_line=${READ_FILE_MAX_LINES + 1} to read more.]`,
  );
  assert.equal(result.meta?.truncated, true);
  const rest = await runTool(root, 'read_file', { path: 'big.txt', start_line: READ_FILE_MAX_LINES + 1 });
  assert.equal(rest.result.content.split('\n').length, 500);
  assert.equal(rest.result.meta?.truncated, false);
});

test('read_file caps characters too (one huge minified line)', async (t) => {
  const root = ws(t, { 'min.js': 'x'.repeat(300_000) + '\nsecond\n' });
  const { result } = await runTool(root, 'read_file', { path: 'min.js' });
  assert.ok(result.content.length < 110_000);
  assert.match(result.content, /\[line cut at 100000 characters\]/);
  assert.match(result.content, /Call read_file with start_line=2 to read more/);
});

test('read_file errors: missing file, binary file, range past the end, directory', async (t) => {
  const root = ws(t, { 'a.txt': 'one\n', 'bin.dat': 'ab\u0000cd', 'dir/x': '' });
  const missing = (await runTool(root, 'read_file', { path: 'nope.txt' })).result;
  assert.equal(missing.isError, true);
  assert.match(missing.content, /File not found: nope\.txt/);
  assert.match((await runTool(root, 'read_file', { path: 'bin.dat' })).result.content, /binary file/);
  assert.match((await runTool(root, 'read_file', { path: 'a.txt', start_line: 5 })).result.content, /past the end of a\.txt, which has 1 lines/);
  const dir = (await runTool(root, 'read_file', { path: 'dir' })).result;
  assert.equal(dir.isError, true);
  assert.match(dir.content, /is a directory/);
});

test('list_directory shows directories first with markers; missing directory is an error', async (t) => {
  const root = ws(t, { 'b.txt': '', 'a.txt': '', 'src/x.ts': '', 'lib/y.ts': '' });
  symlinkSync(join(root, 'a.txt'), join(root, 'link'));
  assert.equal((await runTool(root, 'list_directory', {})).result.content, 'lib/\nsrc/\na.txt\nb.txt\nlink@');
  assert.equal((await runTool(root, 'list_directory', { path: 'src' })).result.content, 'x.ts');
  assert.match((await runTool(root, 'list_directory', { path: 'nope' })).result.content, /Directory not found: nope/);
});

test('search_text finds literal text case-insensitively and skips node_modules, .git and binary files', async (t) => {
  const root = ws(t, {
    'src/a.ts': 'const Foo = 1;\nfoo();\n',
    'src/b.md': 'no match\nFOO bar (x)\n',
    'node_modules/pkg/index.js': 'foo',
    '.git/config': 'foo',
    'img.bin': 'foo\u0000\u0001',
  });
  const { result } = await runTool(root, 'search_text', { query: 'foo' });
  assert.equal(result.content, 'src/a.ts:1: const Foo = 1;\nsrc/a.ts:2: foo();\nsrc/b.md:2: FOO bar (x)');
  const special = await runTool(root, 'search_text', { query: 'bar (x)' });
  assert.equal(special.result.content, 'src/b.md:2: FOO bar (x)', 'literal mode does not treat ( as regex');
  const cased = await runTool(root, 'search_text', { query: 'Foo', case_sensitive: true });
  assert.equal(cased.result.content, 'src/a.ts:1: const Foo = 1;');
});

test('search_text skips what .gitignore files ignore, folder by folder, with deeper files re-including', async (t) => {
  const root = ws(t, {
    '.gitignore': '# build output\ndist/\n*.log\n!keep.log\n',
    'src/a.ts': 'foo\n',
    'dist/bundle.js': 'foo\n',
    'debug.log': 'foo\n',
    'keep.log': 'foo\n',
    'pkg/.gitignore': 'generated.ts\n!*.log\n',
    'pkg/generated.ts': 'foo\n',
    'pkg/app.ts': 'foo\n',
    'pkg/trace.log': 'foo\n',
    'src/generated.ts': 'foo\n',
  });
  const { result } = await runTool(root, 'search_text', { query: 'foo' });
  assert.deepEqual(
    result.content.split('\n').map((line) => line.split(':')[0]),
    ['keep.log', 'pkg/app.ts', 'pkg/trace.log', 'src/a.ts', 'src/generated.ts'],
    'dist/ and *.log ignored at the root; generated.ts only under pkg/; pkg/ re-includes its logs',
  );
});

test('search_text supports regexes, include globs and max_results; bad regexes are errors', async (t) => {
  const root = ws(t, { 'src/a.ts': 'foo1\nfoo22\n', 'src/deep/c.ts': 'foo3\n', 'README.md': 'foo4\n' });
  assert.equal(
    (await runTool(root, 'search_text', { query: 'foo\\d{2}', is_regex: true })).result.content,
    'src/a.ts:2: foo22',
  );
  assert.equal(
    (await runTool(root, 'search_text', { query: 'foo', include: '*.md' })).result.content,
    'README.md:1: foo4',
  );
  assert.equal(
    (await runTool(root, 'search_text', { query: 'foo', include: 'src/**/*.ts' })).result.content,
    'src/a.ts:1: foo1\nsrc/a.ts:2: foo22\nsrc/deep/c.ts:1: foo3',
  );
  const capped = (await runTool(root, 'search_text', { query: 'foo', max_results: 2 })).result;
  assert.equal(capped.content.split('\n').length, 3);
  assert.match(capped.content, /Stopped at 2 matches/);
  assert.match((await runTool(root, 'search_text', { query: 'nothing-here' })).result.content, /^No matches for "nothing-here"/);
  const bad = (await runTool(root, 'search_text', { query: 'foo(', is_regex: true })).result;
  assert.equal(bad.isError, true);
  assert.match(bad.content, /not a valid regular expression/);
});

test('edit_file replaces a unique match and reports the diff', async (t) => {
  const root = ws(t, { 'a.ts': 'let a = 1;\nlet b = 2;\n' });
  const { result } = await runTool(root, 'edit_file', { path: 'a.ts', old_string: 'let b = 2;', new_string: 'let b = 3; // $& $1' });
  assert.equal(result.isError, undefined);
  assert.equal(result.content, 'Edited a.ts: replaced at line 2.');
  assert.equal(readFileSync(join(root, 'a.ts'), 'utf8'), 'let a = 1;\nlet b = 3; // $& $1\n');
  assert.match(result.meta?.diff ?? '', /-let b = 2;\n\+let b = 3; \/\/ \$& \$1/);
});

test('edit_file refuses ambiguous and missing matches with advice; replace_all changes every one', async (t) => {
  const root = ws(t, { 'a.ts': 'x = 1;\nx = 1;\n' });
  const ambiguous = (await runTool(root, 'edit_file', { path: 'a.ts', old_string: 'x = 1;', new_string: 'x = 2;' })).result;
  assert.equal(ambiguous.isError, true);
  assert.match(ambiguous.content, /old_string occurs 2 times in a\.ts\. Include more surrounding lines .* or set replace_all/);
  const missing = (await runTool(root, 'edit_file', { path: 'a.ts', old_string: 'y = 1;', new_string: 'y = 2;' })).result;
  assert.match(missing.content, /old_string was not found in a\.ts\. It must match the file exactly/);
  const same = (await runTool(root, 'edit_file', { path: 'a.ts', old_string: 'x', new_string: 'x' })).result;
  assert.match(same.content, /the same/);
  assert.equal(readFileSync(join(root, 'a.ts'), 'utf8'), 'x = 1;\nx = 1;\n');
  const all = (await runTool(root, 'edit_file', { path: 'a.ts', old_string: 'x = 1;', new_string: 'x = 2;', replace_all: true })).result;
  assert.equal(all.content, 'Edited a.ts: replaced 2 occurrences.');
  assert.equal(readFileSync(join(root, 'a.ts'), 'utf8'), 'x = 2;\nx = 2;\n');
  const absent = (await runTool(root, 'edit_file', { path: 'b.ts', old_string: 'a', new_string: 'b' })).result;
  assert.match(absent.content, /File not found: b\.ts/);
});

test('edit_file matches LF text against a CRLF file and keeps CRLF', async (t) => {
  const root = ws(t, { 'w.txt': 'a\r\nb\r\nc\r\n' });
  const { result } = await runTool(root, 'edit_file', { path: 'w.txt', old_string: 'a\nb', new_string: 'A\nB' });
  assert.equal(result.isError, undefined);
  assert.equal(readFileSync(join(root, 'w.txt'), 'utf8'), 'A\r\nB\r\nc\r\n');
});

test('create_file creates parents, refuses to overwrite unless asked', async (t) => {
  const root = ws(t, { 'exists.txt': 'keep\n' });
  const created = (await runTool(root, 'create_file', { path: 'deep/new/file.txt', content: 'hello\nworld\n' })).result;
  assert.equal(created.content, 'Created deep/new/file.txt (2 lines).');
  assert.equal(readFileSync(join(root, 'deep/new/file.txt'), 'utf8'), 'hello\nworld\n');
  assert.match(created.meta?.diff ?? '', /--- \/dev\/null\n\+\+\+ deep\/new\/file\.txt/);
  const refused = (await runTool(root, 'create_file', { path: 'exists.txt', content: 'new' })).result;
  assert.equal(refused.isError, true);
  assert.match(refused.content, /exists\.txt already exists\. Use edit_file .* overwrite set to true/);
  assert.equal(readFileSync(join(root, 'exists.txt'), 'utf8'), 'keep\n');
  const over = (await runTool(root, 'create_file', { path: 'exists.txt', content: 'new\n', overwrite: true })).result;
  assert.equal(over.content, 'Overwrote exists.txt (1 line).');
  assert.equal(readFileSync(join(root, 'exists.txt'), 'utf8'), 'new\n');
});

test('tools accept null for optional arguments and report a thrown adapter error as a tool error', async (t) => {
  const root = ws(t, { 'a.txt': 'x\n' });
  assert.equal((await runTool(root, 'read_file', '{"path":"a.txt","start_line":null,"end_line":null}')).result.content, '1\tx');
  writeFileSync(join(root, 'a.txt'), 'x\n');
  const files = {
    ...createNodeWorkspaceFiles(root),
    listDirectory: async () => {
      throw new Error('disk on fire');
    },
  };
  const { result } = await runTool(root, 'list_directory', {}, { files });
  assert.equal(result.isError, true);
  assert.equal(result.content, 'list_directory failed: disk on fire');
});
