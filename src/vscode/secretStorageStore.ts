/**
 * API keys saved with "Set API Key", in VS Code SecretStorage (the OS keychain), one entry per
 * provider under `switchboard.apiKey.<providerId>`. Implements the core `SecretStore` port; also
 * remembers which providers have a key so the tree can show it without reading values.
 */
import * as vscode from 'vscode';
import type { SecretStore } from '../core/ports';

const PREFIX = 'switchboard.apiKey.';

/** The SecretStorage key for a provider id. */
export function secretKeyFor(providerId: string): string {
  return `${PREFIX}${providerId}`;
}

export class SecretStorageStore implements SecretStore, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the provider id whose saved key changed (here or in another window). */
  readonly onDidChange = this.changed.event;
  private readonly present = new Map<string, boolean>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      if (!event.key.startsWith(PREFIX)) return;
      const id = event.key.slice(PREFIX.length);
      this.present.delete(id);
      this.changed.fire(id);
    });
  }

  async get(providerId: string): Promise<string | undefined> {
    const value = await this.secrets.get(secretKeyFor(providerId));
    this.present.set(providerId, Boolean(value?.trim()));
    return value;
  }

  async set(providerId: string, value: string): Promise<void> {
    await this.secrets.store(secretKeyFor(providerId), value);
    this.present.set(providerId, true);
  }

  async delete(providerId: string): Promise<void> {
    await this.secrets.delete(secretKeyFor(providerId));
    this.present.set(providerId, false);
  }

  /** Whether a key is saved for each id (reads SecretStorage once per id, then caches the yes/no). */
  async has(providerIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    await Promise.all(
      providerIds.map(async (id) => {
        let known = this.present.get(id);
        if (known === undefined) {
          const value = await this.secrets.get(secretKeyFor(id)).then(undefined, () => undefined);
          known = Boolean(value?.trim());
          this.present.set(id, known);
        }
        if (known) out.add(id);
      }),
    );
    return out;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
