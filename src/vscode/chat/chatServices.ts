/**
 * The chat controller's provider and memory ports on VS Code: providers and models come from the
 * `ProviderService` and are picked through the same commands as the palette ("Select Provider",
 * "Select Model"), so both always show the same workspace selection; the last open session and
 * the approval mode are remembered per workspace (workspaceState).
 */
import * as vscode from 'vscode';
import type { ApprovalMode } from '../../core/agent/approvals';
import type { ProviderService } from '../providerService';
import type { ChatMemory, ChatProviders } from './chatPorts';
import { asApprovalMode, DEFAULT_APPROVAL_MODE } from './sessionStateView';

const LAST_SESSION_KEY = 'switchboard.chat.lastSessionId';
const APPROVAL_MODE_KEY = 'switchboard.chat.approvalMode';

/** `ChatProviders` backed by the provider service and the provider commands. */
export function createChatProviders(service: ProviderService): ChatProviders {
  return {
    active: () => service.current(),
    activeId: () => service.resolvedConfig?.provider.value,
    providers: () => service.snapshot?.display.providers ?? [],
    modelLists: () => service.modelLists(),
    async useProvider(providerId) {
      await vscode.commands.executeCommand('switchboard.useProvider', providerId);
    },
    async useModel(providerId, model) {
      await vscode.commands.executeCommand('switchboard.useModel', providerId, model);
    },
    hasDefinitionFile: (providerId) => service.findProvider(providerId)?.file !== undefined,
  };
}

/**
 * `ChatMemory` in workspaceState. The approval mode picked in the chat wins; until one is picked,
 * the `switchboard.approvalMode` user setting (application scope: a workspace cannot loosen it),
 * else `ask`. In Restricted Mode `auto` acts as `ask`: text from an untrusted workspace must not
 * be able to talk the model into edits or commands nobody approves.
 */
export function createChatMemory(state: vscode.Memento): ChatMemory {
  return {
    lastSessionId: () => state.get<string>(LAST_SESSION_KEY),
    setLastSessionId: async (id) => {
      await state.update(LAST_SESSION_KEY, id);
    },
    approvalMode: (): ApprovalMode => {
      const mode =
        asApprovalMode(state.get(APPROVAL_MODE_KEY)) ??
        asApprovalMode(vscode.workspace.getConfiguration('switchboard').get('approvalMode')) ??
        DEFAULT_APPROVAL_MODE;
      return mode === 'auto' && !vscode.workspace.isTrusted ? 'ask' : mode;
    },
    setApprovalMode: async (mode) => {
      await state.update(APPROVAL_MODE_KEY, mode);
      if (mode === 'auto' && !vscode.workspace.isTrusted) {
        void vscode.window.showInformationMessage('Switchboard: "Auto" applies once you trust this workspace; until then the chat asks before each edit or command.');
      }
    },
  };
}
