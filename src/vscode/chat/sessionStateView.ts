/**
 * The chat header's state: which provider and model are active, the choices the pickers offer
 * (the same providers and models as "Select Provider" / "Select Model") and the approval modes.
 * Pure.
 */
import { APPROVAL_MODES, type ApprovalMode } from '../../core/agent/approvals';
import type { ProviderInfo } from '../../core/providers/providerInfo';
import type { ModelListEntry } from '../../core/wire/modelClient';
import type { ApprovalModeChoice, ProviderChoice, SessionState } from '../../shared/webviewProtocol';

/** The approval modes the header offers, in order. */
export const APPROVAL_MODE_CHOICES: readonly ApprovalModeChoice[] = [
  { id: 'read-only', label: 'Read-only', description: 'Reads workspace files; never edits files or runs commands.' },
  { id: 'ask', label: 'Ask', description: 'Asks before each file edit or command.' },
  { id: 'auto', label: 'Auto', description: 'Edits files and runs commands in the workspace without asking; still asks for paths outside it.' },
];

/** The mode used when nothing was picked. */
export const DEFAULT_APPROVAL_MODE: ApprovalMode = 'ask';

/** `value` as an approval mode, or `undefined` when it is not one. */
export function asApprovalMode(value: unknown): ApprovalMode | undefined {
  return typeof value === 'string' && (APPROVAL_MODES as readonly string[]).includes(value) ? (value as ApprovalMode) : undefined;
}

/** Each provider with the models worth offering: its default model, then its fetched list; the active one also its current model. */
export function providerChoices(
  providers: readonly ProviderInfo[],
  modelLists: Readonly<Record<string, readonly ModelListEntry[]>>,
  active?: { providerId: string; model?: string },
): ProviderChoice[] {
  return providers.map((provider) => {
    const models: string[] = [];
    const add = (model: string | undefined) => {
      if (model && !models.includes(model)) models.push(model);
    };
    if (active?.providerId === provider.id) add(active.model);
    add(provider.defaultModel);
    for (const entry of modelLists[provider.id] ?? []) add(entry.id);
    return { id: provider.id, name: provider.name || provider.id, models };
  });
}

/** What `buildSessionState` needs. */
export interface SessionStateInput {
  session?: { id: string; title: string };
  /** The active provider and model; `activeId` names an active provider that is not configured. */
  active?: { provider: ProviderInfo; model?: string };
  activeId?: string;
  providers: readonly ProviderInfo[];
  modelLists: Readonly<Record<string, readonly ModelListEntry[]>>;
  approvalMode: ApprovalMode;
  running: boolean;
}

/** The `sessionState` message's params. */
export function buildSessionState(input: SessionStateInput): SessionState {
  const provider = input.active
    ? { id: input.active.provider.id, name: input.active.provider.name || input.active.provider.id }
    : input.activeId
      ? { id: input.activeId, name: `${input.activeId} (not configured)` }
      : { id: 'none', name: 'No provider' };
  const active = input.active ? { providerId: input.active.provider.id, ...(input.active.model !== undefined && { model: input.active.model }) } : undefined;
  return {
    ...(input.session && { sessionId: input.session.id, ...(input.session.title !== '' && { title: input.session.title }) }),
    provider,
    model: input.active?.model ?? '',
    approvalMode: input.approvalMode,
    approvalModes: [...APPROVAL_MODE_CHOICES],
    providers: providerChoices(input.providers, input.modelLists, active),
    running: input.running,
  };
}
