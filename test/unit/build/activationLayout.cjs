// Child process for activationLayout.test.ts: loads the built extension (argv[2]: extension.js)
// the way the extension host does (plain CommonJS require) with a recording stand-in for the
// `vscode` module, activates it, and prints what happened as one JSON line.
/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports */
const Module = require('node:module');
const { readFileSync, statSync } = require('node:fs');
const { join, dirname, resolve } = require('node:path');
/* eslint-enable @typescript-eslint/no-require-imports */

const bundle = resolve(process.argv[2]);
const builtDir = dirname(bundle);
const repo = process.argv[3];
const scratch = process.argv[4];
/** `broken`: a lazily loaded file is missing; report how activation and a command cope. */
const mode = process.argv[5];
const record = { commands: new Map(), views: {}, webviews: {}, content: {}, shown: 0, log: [], errors: [] };

const disposable = () => ({ dispose() {} });
const event = () => disposable();
class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
  }
  fire(value) {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}
const uri = (path) => ({ scheme: 'file', path, fsPath: path, toString: () => `file://${path}`, with: () => uri(path) });
/** Any other API: a callable, constructible stand-in with every property. */
function standIn() {
  return new Proxy(function () {}, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : standIn()),
    apply: () => standIn(),
    construct: () => standIn(),
  });
}
const withStandIns = (explicit) => new Proxy(explicit, { get: (t, key) => (key in t ? t[key] : standIn()) });
const channel = withStandIns({
  info: (m) => record.log.push(m), warn: (m) => record.log.push(m), error: (m) => record.log.push(m), debug: () => undefined, trace: () => undefined,
  show: () => record.shown++, dispose() {},
});
const vscode = {};
// esbuild copies the module's own keys: list every API name, then fill in what activation uses.
const typings = readFileSync(join(repo, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
for (const m of typings.matchAll(/^\t?export (?:namespace|class|enum|const|function|let) (\w+)/gm)) vscode[m[1]] = standIn();
Object.assign(vscode, {
  EventEmitter,
  Disposable: class { static from() { return disposable(); } dispose() {} },
  ThemeIcon: class { constructor(id) { this.id = id; } },
  ThemeColor: class { constructor(id) { this.id = id; } },
  MarkdownString: class { constructor(value) { this.value = value; } },
  TreeItem: class { constructor(label) { this.label = label; } },
  RelativePattern: class { constructor(base, pattern) { this.base = base; this.pattern = pattern; } },
  Uri: { file: uri, joinPath: (base, ...parts) => uri(join(base.fsPath, ...parts)), from: (parts) => ({ ...parts, toString: () => `${parts.scheme}:${parts.path}` }), parse: (s) => uri(s) },
  StatusBarAlignment: { Left: 1, Right: 2 },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  window: withStandIns({
    createOutputChannel: () => channel,
    createTreeView: (id, options) => ((record.views[id] = options.treeDataProvider), disposable()),
    registerTreeDataProvider: (id, provider) => ((record.views[id] = provider), disposable()),
    registerWebviewViewProvider: (id, provider) => ((record.webviews[id] = provider), disposable()),
    createStatusBarItem: () => withStandIns({ show() {}, dispose() {} }),
    showErrorMessage: async (message) => void record.errors.push(message),
    showInformationMessage: async () => undefined,
  }),
  commands: {
    registerCommand: (id, handler) => (record.commands.set(id, handler), disposable()),
    executeCommand: async () => undefined,
  },
  workspace: withStandIns({
    workspaceFolders: undefined,
    isTrusted: true,
    getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }),
    onDidChangeConfiguration: event, onDidGrantWorkspaceTrust: event, onDidChangeWorkspaceFolders: event, onDidSaveTextDocument: event,
    createFileSystemWatcher: () => ({ onDidChange: event, onDidCreate: event, onDidDelete: event, dispose() {} }),
    registerTextDocumentContentProvider: (scheme, provider) => ((record.content[scheme] = provider), disposable()),
    fs: { readFile: async () => new Uint8Array() },
  }),
  languages: withStandIns({ createDiagnosticCollection: () => ({ clear() {}, set() {}, dispose() {} }) }),
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

/** Built files loaded so far, with their sizes. */
const loaded = () => Object.keys(require.cache).filter((f) => f.startsWith(builtDir)).map((f) => ({ file: f.slice(builtDir.length + 1), bytes: statSync(f).size }));
const memento = { get: () => undefined, update: async () => undefined, keys: () => [] };
const context = {
  subscriptions: [],
  secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: event },
  workspaceState: memento,
  globalState: { ...memento, setKeysForSync: () => undefined },
  extensionUri: uri(dirname(builtDir)),
  extensionPath: dirname(builtDir),
  storageUri: undefined,
  globalStorageUri: uri(join(scratch, 'global-storage')),
  extension: { id: 'switchboard-dev.switchboard', packageJSON: JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) },
};

/** With a part missing: activation still registers everything; using it reports the problem. */
async function broken() {
  const extension = require(bundle); // eslint-disable-line @typescript-eslint/no-require-imports
  const api = extension.activate(context);
  const ready = await api.ready().then(() => 'loaded', (error) => `failed: ${error.message}`);
  await record.commands.get('switchboard.selectProvider')();
  process.stdout.write(`${JSON.stringify({ commands: [...record.commands.keys()], ready, errors: record.errors, log: record.log })}\n`);
  process.exit(0);
}

async function main() {
  if (mode === 'broken') return broken();
  const extension = require(bundle); // eslint-disable-line @typescript-eslint/no-require-imports
  const afterLoad = loaded();
  const api = extension.activate(context);
  const afterActivate = loaded();
  const service = await api.ready();
  const afterReady = loaded();
  const html = await new Promise((done, fail) => {
    const webview = { options: {}, html: '', cspSource: 'vscode-resource:', asWebviewUri: (u) => u, onDidReceiveMessage: event, postMessage: async () => true };
    const view = { webview, onDidDispose: event, onDidChangeVisibility: event, visible: true };
    Promise.resolve(record.webviews['switchboard.chat'].resolveWebviewView(view, {}, {})).then(() => done(webview.html), fail);
  });
  await record.commands.get('switchboard.showLogs')();
  const afterChat = loaded();
  process.stdout.write(`${JSON.stringify({
    afterLoad, afterActivate, afterReady, afterChat,
    commands: [...record.commands.keys()],
    views: Object.keys(record.views), webviews: Object.keys(record.webviews), content: Object.keys(record.content),
    activeProvider: service.current()?.provider.id,
    providersTree: (await record.views['switchboard.providers'].getChildren()).length,
    chatHtmlHasScript: /<script [^>]*src=/.test(html),
    shown: record.shown, errors: record.errors, log: record.log,
  })}\n`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
