/**
 * The environment the wire layer sees in the extension: the process environment plus VS Code's
 * `http.proxy` / `http.noProxy`, kept current when those settings change (new connections use
 * the new proxy; the wire layer keys its transports by proxy settings).
 */
import * as vscode from 'vscode';
import type { Env } from '../core/ports';
import { withEditorProxy } from '../core/wire/http/editorProxy';

function editorSettings(): { proxy?: string; noProxy?: string[] } {
  const http = vscode.workspace.getConfiguration('http');
  return { proxy: http.get<string>('proxy'), noProxy: http.get<string[]>('noProxy') };
}

/** A live env object and the disposable that keeps it current. */
export function createEditorProxyEnv(base: Env): { env: Env; subscription: vscode.Disposable } {
  const env: Record<string, string | undefined> = withEditorProxy(base, editorSettings());
  const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration('http.proxy') && !event.affectsConfiguration('http.noProxy')) return;
    const next = withEditorProxy(base, editorSettings());
    for (const key of Object.keys(env)) if (!(key in next)) delete env[key];
    Object.assign(env, next);
  });
  return { env, subscription };
}
