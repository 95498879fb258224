/**
 * The webview's side of the channel to the extension host: VS Code's `acquireVsCodeApi()` wrapped
 * with typed messages, and the small state VS Code keeps for a hidden webview (the draft).
 */
import type { ToHostMessage } from '../shared/webviewProtocol';

/** What the webview persists with `setState` (survives hide/show; the host resends the rest). */
export interface WebviewState {
  draft: string;
}

/** Typed access to the host. */
export interface HostChannel {
  post(message: ToHostMessage): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

function isWebviewState(value: unknown): value is WebviewState {
  return typeof value === 'object' && value !== null && typeof (value as { draft?: unknown }).draft === 'string';
}

/** Connects to the host. Call once: VS Code allows `acquireVsCodeApi()` only once per page. */
export function connectToHost(): HostChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    getState: () => {
      const state = api.getState();
      return isWebviewState(state) ? state : undefined;
    },
    setState: (state) => api.setState(state),
  };
}
