/**
 * What the chat controller needs from its host, as interfaces: the VS Code implementations live
 * in chatWorkbench.ts / registerChat.ts, unit tests pass fakes. No `vscode` import here.
 */
import type { AgentSession } from '../../core/agent/agentSession';
import type { ApprovalHandler, ApprovalMode } from '../../core/agent/approvals';
import type { SessionRecord } from '../../core/agent/sessionStore';
import type { ProviderInfo } from '../../core/providers/providerInfo';
import type { ModelListEntry } from '../../core/wire/modelClient';
import type { AttachSource, Attachment } from '../../shared/webviewProtocol';
import type { AttachedContext } from './attachmentList';
import type { LinkTarget } from './linkTargets';

/** The provider and model requests go to. */
export interface ActiveModel {
  provider: ProviderInfo;
  model: string | undefined;
}

/** The provider side (ProviderService in the extension). */
export interface ChatProviders {
  /** The active provider and model, or undefined when the active provider is not configured (or not loaded yet). */
  active(): ActiveModel | undefined;
  /** The active provider id even when it is not configured. */
  activeId(): string | undefined;
  /** The providers the pickers offer. */
  providers(): readonly ProviderInfo[];
  /** Fetched model lists by provider id. */
  modelLists(): Readonly<Record<string, readonly ModelListEntry[]>>;
  /** Makes a provider active, exactly like "Switchboard: Select Provider". */
  useProvider(providerId: string): Promise<void>;
  /** Picks a model, exactly like "Switchboard: Select Model". */
  useModel(providerId: string, model: string): Promise<void>;
  /** Whether the provider is defined in a config file (so "Open Config" can open its table). */
  hasDefinitionFile(providerId: string): boolean;
}

/** Editor, file and command access (VS Code in the extension). */
export interface ChatWorkbench {
  runCommand(command: string, args: readonly unknown[]): Promise<void>;
  /** A code block button: insert at the cursor, open as a new file, or copy. */
  codeBlock(action: 'insert' | 'newFile' | 'copy', code: string, language: string | undefined): Promise<void>;
  /** Opens an allowed link target. */
  openLink(target: Exclude<LinkTarget, { kind: 'refused' }>): Promise<void>;
  /** Context to attach from the editor or a picker; [] when there is none (after telling the user). */
  attach(source: AttachSource): Promise<AttachedContext[]>;
  /** The current text of an attached file (the selected lines for a selection without captured text). */
  readAttachment(attachment: Attachment): Promise<{ text: string; languageId?: string }>;
  /** Workspace-relative paths of files matching `glob` (node_modules excluded), at most `limit`. */
  findFiles(glob: string, limit: number): Promise<string[]>;
  /** Asks before deleting a saved session. */
  confirmDelete(title: string): Promise<boolean>;
}

/** What the chat remembers per workspace. */
export interface ChatMemory {
  lastSessionId(): string | undefined;
  setLastSessionId(id: string | undefined): Promise<void>;
  approvalMode(): ApprovalMode;
  setApprovalMode(mode: ApprovalMode): Promise<void>;
}

/** What a new or resumed `AgentSession` is built from; the factory adds client, files, runner, store and logger. */
export interface SessionSetup {
  provider: ProviderInfo;
  model: string;
  approvalMode: ApprovalMode;
  approvalHandler: ApprovalHandler;
  record?: SessionRecord;
}

export type SessionFactory = (setup: SessionSetup) => AgentSession;
