/**
 * The "Switchboard" output channel as a core `Logger`. Every line goes through `redactSecrets`
 * first, so a key that slips into a message (a command's stderr, a provider's error body) is
 * replaced before it reaches the channel.
 */
import type * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { redactSecrets } from '../core/providers/redact';

/** A Logger writing to a LogOutputChannel; `knownSecrets` lists extra values to redact (e.g. saved keys). */
export function createOutputLogger(channel: vscode.LogOutputChannel, knownSecrets: () => readonly string[] = () => []): Logger {
  const clean = (message: string) => redactSecrets(message, knownSecrets());
  return {
    debug: (message) => channel.debug(clean(message)),
    info: (message) => channel.info(clean(message)),
    warn: (message) => channel.warn(clean(message)),
    error: (message) => channel.error(clean(message)),
  };
}
