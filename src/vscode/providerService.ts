/**
 * The provider side of the extension as one object, for the tree, the commands and the chat view:
 * the active provider and model, the resolved configuration, credentials (with the workspace
 * trust and consent rules applied), saved keys and fetched model lists, and one change event.
 *
 * Chat usage:
 *   const active = await providers.ready();           // { provider, model }
 *   providers.onDidChange(() => ...providers.current());
 *   createModelClient(providers.wireDeps());          // credentials already gated
 *   catch (e) { void showErrorNotification(e) }        // or providers.showError(e)
 */
import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config/resolvedConfig';
import type { Env, Logger } from '../core/ports';
import type { CachingCredentialResolver } from '../core/providers/credentialResolver';
import type { ProviderInfo } from '../core/providers/providerInfo';
import type { ModelListEntry } from '../core/wire/modelClient';
import type { WireDeps } from '../core/wire/wireDeps';
import type { ConfigService, ConfigSnapshot } from './configService';
import type { CredentialConsent } from './credentialConsent';
import type { ErrorInfo } from '../shared/errors';
import { showErrorNotification } from './errorNotifier';
import type { SecretStorageStore } from './secretStorageStore';
import type { SelectionStore } from './selectionStore';
import { computeAuthStatus, type AuthStatus } from '../core/providers/authStatus';

/** The provider and model requests go to right now. */
export interface ActiveSelection {
  provider: ProviderInfo;
  model: string | undefined;
  profile: string | undefined;
}

/** A provider's models; `reason` says why the list is empty when the provider has none. */
export interface FetchedModels {
  models: ModelListEntry[];
  reason?: string;
}

/** Lists a provider's models (GET /models or the wire's equivalent), skipping any cache. */
export type ListModelsFn = (provider: ProviderInfo, signal?: AbortSignal) => Promise<FetchedModels>;

/** Result of "Test Connection", in words. */
export interface ConnectionCheck {
  ok: boolean;
  /** One line: what worked or what failed. */
  summary: string;
  /** Further lines for the log (never secrets). */
  details: string[];
  /** When not ok: the error to show, with its fix and buttons. */
  failure?: ErrorInfo;
}

export type TestConnectionFn = (provider: ProviderInfo, model: string | undefined, signal?: AbortSignal) => Promise<ConnectionCheck>;

export interface ProviderServiceDeps {
  config: ConfigService;
  selection: SelectionStore;
  secrets: SecretStorageStore;
  credentials: CachingCredentialResolver;
  consent: CredentialConsent;
  /** What the wire layer needs; one object for the extension's life (it keys transport caches). */
  wire: WireDeps;
  env: Env;
  logger: Logger;
  homeDir: string;
  listModels: ListModelsFn;
  testConnection: TestConnectionFn;
}

export class ProviderService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the configuration, a saved key, a fetched model list or a token changed. */
  readonly onDidChange = this.changed.event;
  private readonly models = new Map<string, ModelListEntry[]>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(readonly deps: ProviderServiceDeps) {
    this.subscriptions = [
      deps.config.onDidChange(() => this.changed.fire()),
      deps.secrets.onDidChange(() => this.changed.fire()),
    ];
  }

  /** The latest snapshot (configuration in use and for display), if loaded. */
  get snapshot(): ConfigSnapshot | undefined {
    return this.deps.config.current;
  }

  /** The configuration in use (workspace files only when trusted), if loaded. */
  get resolvedConfig(): ResolvedConfig | undefined {
    return this.deps.config.current?.config;
  }

  /** Credentials with the trust and consent rules applied. Never log `token`. */
  get credentials(): CachingCredentialResolver {
    return this.deps.credentials;
  }

  /** What `createModelClient` / `listModels` need. */
  wireDeps(): WireDeps {
    return this.deps.wire;
  }

  /** The active provider and model, or undefined before the first load (or if the active id is unknown). */
  current(): ActiveSelection | undefined {
    const config = this.resolvedConfig;
    if (!config) return undefined;
    const provider = config.providers.find((p) => p.id === config.provider.value);
    return provider && { provider, model: config.model.value, profile: config.profile.value };
  }

  /** Waits for the first load, then returns `current()`. */
  async ready(): Promise<ActiveSelection | undefined> {
    await this.deps.config.ready();
    return this.current();
  }

  /** A provider by id from everything shown (includes workspace providers of an untrusted workspace). */
  /**
   * The credential status shown for `provider` (tree, pickers, status bar, Explain): which source
   * would supply its credential, never the value. `hasStoredSecret`: a key is in SecretStorage.
   */
  authStatus(provider: ProviderInfo, hasStoredSecret: boolean): AuthStatus {
    return computeAuthStatus({
      provider,
      env: this.deps.env,
      hasStoredSecret,
      workspaceTrusted: this.snapshot?.workspaceTrusted ?? vscode.workspace.isTrusted,
      lastSource: this.deps.credentials.cachedCommandSource(provider),
      now: Date.now(),
      formatTime: (ms) => new Date(ms).toLocaleTimeString(),
    });
  }

  findProvider(id: string): ProviderInfo | undefined {
    return this.snapshot?.display.providers.find((p) => p.id === id);
  }

  /** Fetched models of a provider, if "List models" ran. */
  modelsOf(providerId: string): readonly ModelListEntry[] | undefined {
    return this.models.get(providerId);
  }

  /** All fetched model lists by provider id. */
  modelLists(): Record<string, readonly ModelListEntry[]> {
    return Object.fromEntries(this.models);
  }

  /** Fetches and remembers a provider's model list. */
  async listModels(provider: ProviderInfo, signal?: AbortSignal): Promise<FetchedModels> {
    const list = await this.deps.listModels(provider, signal);
    this.models.set(provider.id, list.models);
    this.changed.fire();
    return list;
  }

  /** Runs the connection test for a provider. */
  async testConnection(provider: ProviderInfo, model: string | undefined, signal?: AbortSignal): Promise<ConnectionCheck> {
    try {
      return await this.deps.testConnection(provider, model, signal);
    } finally {
      this.changed.fire(); // an auth command may have run: new fetch times
    }
  }

  /** Runs a provider's auth command now, ignoring the cached token. */
  async refreshToken(provider: ProviderInfo): Promise<void> {
    try {
      await this.deps.credentials.resolve(provider, { forceRefresh: true });
    } finally {
      this.changed.fire();
    }
  }

  /** Tells listeners that something shown changed (e.g. after a key was saved). */
  notifyChanged(): void {
    this.changed.fire();
  }

  /** Shows an error notification with its fix buttons. */
  showError(error: unknown, providerId?: string): Promise<void> {
    this.deps.logger.warn(error instanceof Error ? error.message : String(error));
    return showErrorNotification(error, providerId);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
