// The extension host files as esbuild.mjs builds them (the layout the VSIX ships), loaded as the
// extension host loads them (plain CommonJS, a recording stand-in for `vscode`; see
// activationLayout.cjs): loading and activating reads only a few kilobytes and registers every
// contributed command and view at once; the provider side loads right after and serves the first
// configuration; the chat loads only when its view opens; every file is packaged by .vscodeignore;
// and a broken install (a lazily loaded file missing) still activates and says what is wrong.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'sb-activation-layout-'));
const dist = join(root, 'dist');
/** Activation may read this much (the shell; the provider side alone is hundreds of KB). */
const ACTIVATION_BUDGET_BYTES = 20_000;

interface LoadedFile {
  file: string;
  bytes: number;
}
interface Run {
  afterLoad: LoadedFile[];
  afterActivate: LoadedFile[];
  afterReady: LoadedFile[];
  afterChat: LoadedFile[];
  commands: string[];
  views: string[];
  webviews: string[];
  content: string[];
  activeProvider?: string;
  providersTree: number;
  chatHtmlHasScript: boolean;
  shown: number;
  errors: string[];
  log: string[];
}
let run: Run;

const bytes = (files: LoadedFile[]) => files.reduce((sum, f) => sum + f.bytes, 0);
const names = (files: LoadedFile[]) => files.map((f) => f.file).sort();

function runChild(mode?: string): unknown {
  const home = join(root, 'home');
  mkdirSync(join(home, '.codex'), { recursive: true });
  const child = spawnSync(process.execPath, [join(__dirname, 'activationLayout.cjs'), join(dist, 'extension.js'), REPO, root, ...(mode ? [mode] : [])], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, CODEX_HOME: join(home, '.codex') },
    timeout: 60_000,
  });
  assert.equal(child.status, 0, `loading the built extension failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

before(() => {
  const built = spawnSync(process.execPath, ['esbuild.mjs', `--outdir=${dist}`, '--only=extension'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(built.status, 0, `building the extension failed: ${built.stderr}`);
  run = runChild() as Run;
});
after(() => rmSync(root, { recursive: true, force: true }));

test('loading and activating reads only the small activation files, and activate() loads nothing', () => {
  assert.ok(run.afterLoad.some((f) => f.file === 'extension.js'));
  assert.ok(bytes(run.afterLoad) < ACTIVATION_BUDGET_BYTES, `activation loads ${bytes(run.afterLoad)} bytes: ${JSON.stringify(run.afterLoad)}`);
  assert.deepEqual(names(run.afterActivate), names(run.afterLoad));
});

test('activation registers every contributed command, the views and the Explain scheme', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  assert.deepEqual(run.commands, pkg.contributes.commands.map((c) => c.command));
  assert.deepEqual(run.views.sort(), ['switchboard.providers', 'switchboard.welcome']);
  assert.deepEqual(run.webviews, ['switchboard.chat']);
  assert.deepEqual(run.content, ['switchboard-explain']);
});

test('the provider side loads after activation and serves the first configuration and the tree', () => {
  assert.equal(run.activeProvider, 'anthropic', 'the built-in default with an empty CODEX_HOME');
  assert.ok(run.providersTree > 0, 'the Providers tree has groups');
  assert.ok(bytes(run.afterReady) > 10 * ACTIVATION_BUDGET_BYTES, 'the config engine came in a later file');
  assert.ok(run.log.some((l) => /^Configuration ready \d+(\.\d+)? ms after activate\(\) was called/.test(l)), run.log.join('\n'));
  assert.deepEqual(run.errors, []);
});

test('the chat loads only when its view opens; commands run once their part is loaded', () => {
  const chat = (files: LoadedFile[]) => files.filter((f) => f.file.includes('registerChat'));
  assert.deepEqual(chat(run.afterReady), [], 'chat not loaded for the first configuration');
  assert.equal(chat(run.afterChat).length, 1);
  assert.ok(run.chatHtmlHasScript, 'the chat view got its page');
  assert.equal(run.shown, 1, 'Show Logs showed the channel');
});

test('every built extension file is packaged (.vscodeignore)', () => {
  const patterns = readFileSync(join(REPO, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const toRegExp = (glob: string) => new RegExp(`^${glob.split('**').map((part) => part.split('*').map(escape).join('[^/]*')).join('.*')}$`);
  const packaged = (path: string) => patterns.reduce((included, p) => (p.startsWith('!') ? included || toRegExp(p.slice(1)).test(path) : included && !toRegExp(p).test(path)), true);
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
  const built = files(dist).filter((f) => f.endsWith('.js')).map((f) => `dist/${relative(dist, f).split('\\').join('/')}`);
  assert.ok(built.some((f) => f.startsWith('dist/lazy/')));
  for (const file of built) assert.ok(packaged(file), `${file} is in the VSIX`);
});

test('with the provider side missing, activation still registers the commands and a command says what is wrong', () => {
  const part = readdirSync(join(dist, 'lazy')).find((f) => f.startsWith('registerProviders'));
  assert.ok(part);
  rmSync(join(dist, 'lazy', part));
  const broken = runChild('broken') as { commands: string[]; ready: string; errors: string[]; log: string[] };
  assert.deepEqual(broken.commands, run.commands);
  assert.match(broken.ready, /^failed: /);
  assert.deepEqual(broken.errors, ['Switchboard: the command switchboard.selectProvider could not be loaded. Reinstalling the extension may fix this; the log has the details.']);
  assert.ok(broken.log.some((l) => l.startsWith('Loading the provider side failed: ')), broken.log.join('\n'));
});
