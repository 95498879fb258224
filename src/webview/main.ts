/**
 * Entry point of the chat webview bundle (dist/webview/chat.js): connects to the host, validates
 * every incoming message (malformed ones are dropped and logged, the UI carries on) and tells the
 * host it is ready, so the host (re)sends state, transcript, sessions and attachments.
 */
import './zodSetup';
import { parseToWebviewMessage, toHost } from '../shared/webviewProtocol';
import { ChatApp } from './app';
import { connectToHost } from './hostChannel';

function start(): void {
  const host = connectToHost();
  const root = document.getElementById('app') ?? document.body;
  const app = new ChatApp(root, host);
  const log = (level: 'warn' | 'error', message: string) => {
    console[level](`[switchboard] ${message}`);
    host.post(toHost.log.create({ level, message }));
  };
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const result = parseToWebviewMessage(event.data);
    if (!result.ok) {
      log('warn', result.error);
      return;
    }
    try {
      app.handle(result.message);
    } catch (error) {
      log('error', `Failed to apply a "${result.message.type}" message: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  host.post(toHost.ready.create({}));
}

start();
