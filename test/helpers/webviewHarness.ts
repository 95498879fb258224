/**
 * Runs the built chat webview in headless Chromium, the way VS Code hosts it: the page is
 * `renderChatHtml` output (with its strict CSP) served from 127.0.0.1, and `acquireVsCodeApi` is a
 * stand-in that records what the webview posts and keeps its state. Tests post host messages with
 * `chat.post(...)` and read the webview's messages with `chat.posted()` / `chat.waitForPosted(...)`.
 *
 * The bundle is built with esbuild into a private temp folder (not dist/, so parallel builds by
 * others cannot race it). Chromium: `CHROME_PATH` or /usr/bin/chromium (`apt-get install chromium`).
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderChatHtml } from '../../src/shared/chatHtml';
import type { ToHostMessage } from '../../src/shared/webviewProtocol';

// `__filename`, not `__dirname`: tsx gives a wrong `__dirname` when an .mts file (the bench) imports this.
const REPO = resolve(dirname(__filename), '../..');

/** Launch flags for headless Chromium in containers and CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium executable: `CHROME_PATH`, else /usr/bin/chromium. Throws with install advice if missing. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install it with "apt-get update && apt-get install -y chromium", or set CHROME_PATH to a Chromium or Chrome executable.`,
    );
  }
  return path;
}

/** Bundles src/webview/main.ts (minified, like the release build) and its CSS/fonts into a temp folder. */
export async function buildWebviewBundle(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-webview-'));
  await build({
    entryPoints: [join(REPO, 'src/webview/main.ts')],
    outfile: join(dir, 'chat.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
  });
  const codicons = join(REPO, 'node_modules/@vscode/codicons/dist');
  await copyFile(join(REPO, 'src/webview/chat.css'), join(dir, 'chat.css'));
  await copyFile(join(codicons, 'codicon.css'), join(dir, 'codicon.css'));
  await copyFile(join(codicons, 'codicon.ttf'), join(dir, 'codicon.ttf'));
  return dir;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.html': 'text/html; charset=utf-8',
};

async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = `http://${request.headers.host}`;
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = renderChatHtml({
        cspSource: origin,
        nonce: randomBytes(16).toString('base64'),
        scriptUri: `${origin}/chat.js`,
        styleUri: `${origin}/chat.css`,
        codiconUri: `${origin}/codicon.css`,
      });
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] }).end(html);
      return;
    }
    const name = url.pathname.slice(1);
    if (!/^[\w.-]+$/.test(name)) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(dir, name)).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** What the stand-in `acquireVsCodeApi` records, on `window.__vscode`. */
interface VsCodeStub {
  posted: ToHostMessage[];
  state: unknown;
  violations: string[];
}

function installVsCodeStub(initialState: unknown): void {
  const record: VsCodeStub = { posted: [], state: initialState, violations: [] };
  let acquired = false;
  (window as unknown as { __vscode: VsCodeStub }).__vscode = record;
  document.addEventListener('securitypolicyviolation', (event) => {
    record.violations.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
  });
  (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: (message: unknown) => record.posted.push(structuredClone(message) as ToHostMessage),
      getState: () => record.state,
      setState: (state: unknown) => {
        record.state = structuredClone(state);
        return state;
      },
    });
  };
}

/** One chat webview page. */
export interface ChatPage {
  readonly page: Page;
  /** Sends a message as the host would (no validation here: malformed messages reach the webview). */
  post(message: unknown): Promise<void>;
  /** Everything the webview posted so far. */
  posted(): Promise<ToHostMessage[]>;
  /** Waits until the webview posted a message of `type` (matching `where`, if given) and returns it. */
  waitForPosted<T extends ToHostMessage['type']>(
    type: T,
    where?: Record<string, unknown>,
  ): Promise<Extract<ToHostMessage, { type: T }>>;
  /** Forgets the recorded messages. */
  clearPosted(): Promise<void>;
  /** The state the webview saved with `setState`. */
  savedState(): Promise<unknown>;
  /** CSP violations and page errors seen so far. */
  problems(): Promise<string[]>;
}

export interface OpenChatOptions {
  /** What `getState()` returns at load (as after the webview was hidden and shown). */
  state?: unknown;
  viewport?: { width: number; height: number };
  /** Theme variables (`--vscode-*`) set on <html>, as VS Code does for a real theme. */
  themeVariables?: Record<string, string>;
  /** Class on <body>, e.g. `vscode-dark`. */
  bodyClass?: string;
}

function applyTheme([variables, bodyClass]: [Record<string, string>, string]): void {
  document.addEventListener('DOMContentLoaded', () => {
    for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(name, value);
    if (bodyClass) document.body.classList.add(bodyClass);
  });
}

/** Build + server + browser, shared by the tests of one file. */
export interface WebviewHarness {
  readonly browser: Browser;
  readonly origin: string;
  openChat(options?: OpenChatOptions): Promise<ChatPage>;
  close(): Promise<void>;
}

/** Builds the bundle, starts the server and launches Chromium. */
export async function startWebviewHarness(): Promise<WebviewHarness> {
  const executablePath = chromiumPath();
  const dir = await buildWebviewBundle();
  const { server, origin } = await serve(dir);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    origin,
    async openChat(options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 420, height: 720 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      // tsx compiles the functions we hand to the page with esbuild's keepNames, which calls `__name`.
      await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
      await page.addInitScript(installVsCodeStub, options.state);
      if (options.themeVariables) await page.addInitScript(applyTheme, [options.themeVariables, options.bodyClass ?? ''] as [Record<string, string>, string]);
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => (window as unknown as { __vscode: VsCodeStub }).__vscode.posted.some((m) => m.type === 'ready'));
      return {
        page,
        post: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
        posted: () => page.evaluate(() => (window as unknown as { __vscode: VsCodeStub }).__vscode.posted),
        async waitForPosted(type, where = {}) {
          const handle = await page.waitForFunction(
            ([t, w]) =>
              (window as unknown as { __vscode: VsCodeStub }).__vscode.posted.find(
                (m) => m.type === t && Object.entries(w).every(([k, v]) => JSON.stringify((m.params as Record<string, unknown>)[k]) === JSON.stringify(v)),
              ),
            [type, where] as const,
            { timeout: 10_000 },
          );
          return (await handle.jsonValue()) as never;
        },
        clearPosted: () => page.evaluate(() => void ((window as unknown as { __vscode: VsCodeStub }).__vscode.posted.length = 0)),
        savedState: () => page.evaluate(() => (window as unknown as { __vscode: VsCodeStub }).__vscode.state),
        problems: async () => [...pageErrors, ...(await page.evaluate(() => (window as unknown as { __vscode: VsCodeStub }).__vscode.violations))],
      };
    },
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
