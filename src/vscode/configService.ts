/**
 * Loads the configuration and keeps it current: reloads (debounced) when a config file, a
 * `switchboard.*` setting, a pick or workspace trust changes, keeps the last good configuration
 * while a file is broken, and publishes a snapshot to the tree, status bar, diagnostics and chat.
 *
 * In an untrusted workspace two configurations are loaded: `config` (what is used: workspace files
 * not applied) and `display` (workspace files read only to SHOW their providers and problems).
 */
import * as vscode from 'vscode';
import { chooseConfig } from '../core/config/lastGoodConfig';
import { diagnosticsToShow } from '../core/config/untrustedDiagnostics';
import type { SelectionField } from '../core/config/explicitSelection';
import type { LoadConfigOptions, ResolvedConfig } from '../core/config/resolvedConfig';
import type { ExplicitOrigin } from '../core/config/sourceWords';
import type { ConfigFileSystem, Env, Logger } from '../core/ports';
import type { SelectionStore } from './selectionStore';

/** What the UI shows and the agent uses, after one reload. */
export interface ConfigSnapshot {
  /** The configuration in use (workspace files only when trusted). */
  config: ResolvedConfig;
  /** Everything to show: equals `config` in a trusted workspace. */
  display: ResolvedConfig;
  /** The newest load had a broken file; `config`/`display` are the last good ones. */
  keptLastGood: boolean;
  origins: Partial<Record<SelectionField, ExplicitOrigin>>;
  workspaceTrusted: boolean;
}

export interface ConfigServiceDeps {
  load: (options: LoadConfigOptions) => Promise<ResolvedConfig>;
  fs: ConfigFileSystem;
  env: Env;
  homeDir: string;
  /** Workspace root, or undefined with no folder open. */
  workspaceRoot: () => string | undefined;
  /** Used as cwd when no folder is open (a folder with no config files in it). */
  noWorkspaceCwd: string;
  selection: SelectionStore;
  logger: Logger;
  debounceMs?: number;
}

export class ConfigService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConfigSnapshot>();
  /** Fires after each reload that produced a snapshot. */
  readonly onDidChange = this.changed.event;
  private snapshot: ConfigSnapshot | undefined;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private first: Promise<ConfigSnapshot> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly deps: ConfigServiceDeps) {
    this.subscriptions.push(
      deps.selection.onDidChange(() => this.scheduleReload('selection or settings changed', 0)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleReload('workspace trusted', 0)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload('workspace folders changed', 0)),
    );
  }

  /** The latest snapshot, or undefined before the first load finished. */
  get current(): ConfigSnapshot | undefined {
    return this.snapshot;
  }

  /** Resolves with the first snapshot (starting the first load if needed). */
  ready(): Promise<ConfigSnapshot> {
    if (this.snapshot) return Promise.resolve(this.snapshot);
    this.first ??= this.reload('first load');
    return this.first;
  }

  /** Reloads after `delayMs` (default ~200 ms); bursts of events cause one reload. */
  scheduleReload(reason: string, delayMs = this.deps.debounceMs ?? 200): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload(reason);
    }, delayMs);
  }

  /** Reloads now. Only the newest of overlapping reloads is published. */
  async reload(reason: string): Promise<ConfigSnapshot> {
    const generation = ++this.generation;
    const started = Date.now();
    const trusted = vscode.workspace.isTrusted;
    const { choice, origins } = this.deps.selection.explicit();
    const root = this.deps.workspaceRoot();
    const options: LoadConfigOptions = {
      cwd: root ?? this.deps.noWorkspaceCwd,
      env: this.deps.env,
      fs: this.deps.fs,
      explicit: choice,
      trustWorkspace: trusted,
      userConfigPath: this.deps.selection.userConfigPath(),
      homeDir: this.deps.homeDir,
    };
    try {
      const [config, display] = await Promise.all([
        this.deps.load(options),
        trusted || !root ? undefined : this.deps.load({ ...options, trustWorkspace: true }),
      ]);
      const previous = this.snapshot;
      const used = chooseConfig(previous?.config, config);
      const shown = display ? chooseConfig(previous?.display, display) : used;
      const snapshot: ConfigSnapshot = {
        config: used.config,
        display: display ? { ...shown.config, diagnostics: diagnosticsToShow(config, display) } : used.config,
        keptLastGood: used.keptLastGood || shown.keptLastGood,
        origins,
        workspaceTrusted: trusted,
      };
      if (generation !== this.generation && this.snapshot) return this.snapshot;
      this.snapshot = snapshot;
      this.deps.logger.info(
        `Configuration loaded (${reason}) in ${Date.now() - started} ms: provider ${snapshot.config.provider.value}, model ${snapshot.config.model.value ?? '(none)'}, ` +
          `${snapshot.display.diagnostics.length} diagnostic(s)${snapshot.keptLastGood ? '; keeping the last good configuration' : ''}.`,
      );
      this.changed.fire(snapshot);
      return snapshot;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.logger.error(`Loading the configuration failed (${reason}): ${message}`);
      if (this.snapshot) return this.snapshot;
      throw error;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
