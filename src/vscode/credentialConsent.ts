/**
 * The `mayUseCredential` hook: applies the consent rules (core/providers/providerTrust.ts) for
 * workspace-defined providers, asks the user with a modal the first time, and remembers the
 * answer per workspace (workspaceState) by base URL and credential.
 */
import * as vscode from 'vscode';
import type { ProviderFieldSources, ConsentAnswer } from '../core/providers/providerTrust';
import { decideCredentialUse } from '../core/providers/providerTrust';
import type { CredentialSource } from '../core/providers/credential';
import type { ProviderInfo } from '../core/providers/providerInfo';
import type { Logger } from '../core/ports';
import { SwitchboardError } from '../shared/errors';

const STATE_KEY = 'switchboard.credentialConsent';

export class CredentialConsent {
  private readonly pending = new Map<string, Promise<ConsentAnswer | undefined>>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly fieldsOf: (providerId: string) => ProviderFieldSources,
    private readonly logger: Logger,
  ) {}

  /** Remembered answers for this workspace. */
  answers(): Record<string, ConsentAnswer> {
    return { ...(this.state.get<Record<string, ConsentAnswer>>(STATE_KEY) ?? {}) };
  }

  /** Forgets every remembered answer (the user will be asked again). */
  async reset(): Promise<void> {
    await this.state.update(STATE_KEY, undefined);
  }

  /** The hook passed to the credential resolver: true to send, or throws why not. */
  readonly mayUseCredential = async (provider: ProviderInfo, source: CredentialSource): Promise<boolean> => {
    const decision = decideCredentialUse({
      provider,
      source,
      fields: this.fieldsOf(provider.id),
      workspaceTrusted: vscode.workspace.isTrusted,
      consents: this.answers(),
    });
    switch (decision.action) {
      case 'allow':
        return true;
      case 'block':
        this.logger.warn(decision.reason);
        throw new SwitchboardError({ kind: 'auth', message: decision.reason, providerId: provider.id, actions: ['trustWorkspace', 'openConfig'] });
      case 'deny':
        throw new SwitchboardError({ kind: 'auth', message: decision.reason, providerId: provider.id, actions: ['openConfig'] });
      case 'ask': {
        let asking = this.pending.get(decision.consentKey);
        if (!asking) {
          asking = this.ask(decision.question, decision.detail).finally(() => this.pending.delete(decision.consentKey));
          this.pending.set(decision.consentKey, asking);
        }
        const answer = await asking;
        if (answer) await this.state.update(STATE_KEY, { ...this.answers(), [decision.consentKey]: answer });
        if (answer === 'allow') return true;
        throw new SwitchboardError({
          kind: 'auth',
          message: answer === 'deny' ? `Not sent: you chose not to send this credential to provider "${provider.id}".` : `Not sent: no answer to "${decision.question}"`,
          providerId: provider.id,
          actions: ['openConfig'],
        });
      }
    }
  };

  private async ask(question: string, detail: string): Promise<ConsentAnswer | undefined> {
    const choice = await vscode.window.showWarningMessage(question, { modal: true, detail }, 'Allow', 'Deny');
    return choice === 'Allow' ? 'allow' : choice === 'Deny' ? 'deny' : undefined;
  }
}
