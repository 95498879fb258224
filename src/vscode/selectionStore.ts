/**
 * The explicit layer: `switchboard.provider/model/profile` settings and the picks made with Select
 * Provider/Model/Profile, saved per workspace in workspaceState (so they survive a reload). The
 * merge rule (latest action wins) lives in core/config/explicitSelection.ts.
 */
import * as vscode from 'vscode';
import {
  dropPicksForChangedSettings,
  mergeExplicit,
  SELECTION_FIELDS,
  type Selection,
  type SelectionField,
} from '../core/config/explicitSelection';
import type { ExplicitChoice } from '../core/config/resolvedConfig';
import type { ExplicitOrigin } from '../core/config/sourceWords';

const STATE_KEY = 'switchboard.selection';

export class SelectionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a pick or one of the settings changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly state: vscode.Memento) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      const changed = SELECTION_FIELDS.filter((field) => event.affectsConfiguration(`switchboard.${field}`));
      if (changed.length > 0) void this.settingsChanged(changed);
      else if (event.affectsConfiguration('switchboard.userConfigPath')) this.changed.fire();
    });
  }

  /** The saved picks. */
  picks(): Selection {
    return { ...(this.state.get<Selection>(STATE_KEY) ?? {}) };
  }

  /** The `switchboard.*` settings as a selection. */
  settings(): Selection {
    const config = vscode.workspace.getConfiguration('switchboard');
    const read = (field: SelectionField) => config.get<string>(field) || undefined;
    return { provider: read('provider'), model: read('model'), profile: read('profile') };
  }

  /** The override of $CODEX_HOME, if set. */
  userConfigPath(): string | undefined {
    return vscode.workspace.getConfiguration('switchboard').get<string>('userConfigPath')?.trim() || undefined;
  }

  /** The explicit choice for loadConfig and where each field came from. */
  explicit(): { choice: ExplicitChoice; origins: Partial<Record<SelectionField, ExplicitOrigin>> } {
    return mergeExplicit(this.settings(), this.picks());
  }

  /** Saves new picks and notifies. */
  async setPicks(picks: Selection): Promise<void> {
    await this.state.update(STATE_KEY, picks);
    this.changed.fire();
  }

  private async settingsChanged(fields: SelectionField[]): Promise<void> {
    await this.state.update(STATE_KEY, dropPicksForChangedSettings(this.picks(), fields));
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
