// A ChatController wired to fakes: a scripted model client, a real AgentSession working on a temp
// folder through the Node WorkspaceFiles, an in-memory session store, and recording fakes of the
// provider, workbench and memory ports. `posted` holds every message sent to the webview, each
// checked against the webview's own validator.
import assert from 'node:assert/strict';
import { AgentSession } from '../../../src/core/agent/agentSession';
import type { ApprovalMode } from '../../../src/core/agent/approvals';
import { capturingLogger, type CapturingLogger } from '../../helpers/canary';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';
import { createNodeWorkspaceFiles } from '../../../src/node/nodeWorkspaceFiles';
import { parseToWebviewMessage, type ToHostMessage, type ToWebviewMessage, type ToWebviewParams } from '../../../src/shared/webviewProtocol';
import type { AttachedContext } from '../../../src/vscode/chat/attachmentList';
import { ChatController } from '../../../src/vscode/chat/chatController';
import type { ActiveModel, ChatMemory, ChatProviders, ChatWorkbench } from '../../../src/vscode/chat/chatPorts';
import { MemoryStore, provider, type ScriptedClient } from '../agent/fakes';

export class FakeProviders implements ChatProviders {
  readonly calls: string[] = [];
  list: ProviderInfo[] = [provider('alpha', { name: 'Alpha', defaultModel: 'alpha-1' }), provider('beta', { name: 'Beta', defaultModel: 'beta-1', file: '/home/u/.codex/config.toml' })];
  current: ActiveModel | undefined = { provider: this.list[0], model: 'alpha-1' };
  /** Called after a pick, like the config reload firing `onDidChange`. */
  onChange: () => void = () => undefined;

  active(): ActiveModel | undefined {
    return this.current;
  }
  activeId(): string | undefined {
    return this.current?.provider.id;
  }
  providers(): readonly ProviderInfo[] {
    return this.list;
  }
  modelLists() {
    return {};
  }
  async useProvider(providerId: string): Promise<void> {
    this.calls.push(`useProvider ${providerId}`);
    const found = this.list.find((p) => p.id === providerId);
    if (found) this.current = { provider: found, model: found.defaultModel };
    this.onChange();
  }
  async useModel(providerId: string, model: string): Promise<void> {
    this.calls.push(`useModel ${providerId} ${model}`);
    const found = this.list.find((p) => p.id === providerId);
    if (found) this.current = { provider: found, model };
    this.onChange();
  }
  hasDefinitionFile(providerId: string): boolean {
    return this.list.find((p) => p.id === providerId)?.file !== undefined;
  }
}

export class FakeWorkbench implements ChatWorkbench {
  readonly commands: { command: string; args: readonly unknown[] }[] = [];
  readonly codeBlocks: string[] = [];
  readonly links: unknown[] = [];
  attachResult: AttachedContext[] = [];
  files: Record<string, string> = {};
  workspacePaths: string[] = [];
  globs: string[] = [];
  confirm = true;

  async runCommand(command: string, args: readonly unknown[]): Promise<void> {
    this.commands.push({ command, args });
  }
  async codeBlock(action: string, code: string, language: string | undefined): Promise<void> {
    this.codeBlocks.push(`${action}:${language ?? ''}:${code}`);
  }
  async openLink(target: unknown): Promise<void> {
    this.links.push(target);
  }
  async attach(): Promise<AttachedContext[]> {
    return this.attachResult;
  }
  async readAttachment(attachment: { path: string }): Promise<{ text: string; languageId?: string }> {
    const text = this.files[attachment.path];
    if (text === undefined) throw new Error(`${attachment.path} does not exist any more.`);
    return { text, languageId: 'typescript' };
  }
  async findFiles(glob: string): Promise<string[]> {
    this.globs.push(glob);
    return this.workspacePaths;
  }
  async confirmDelete(): Promise<boolean> {
    return this.confirm;
  }
}

export class FakeMemory implements ChatMemory {
  last: string | undefined;
  mode: ApprovalMode = 'ask';
  lastSessionId(): string | undefined {
    return this.last;
  }
  async setLastSessionId(id: string | undefined): Promise<void> {
    this.last = id;
  }
  approvalMode(): ApprovalMode {
    return this.mode;
  }
  async setApprovalMode(mode: ApprovalMode): Promise<void> {
    this.mode = mode;
  }
}

export interface Harness {
  controller: ChatController;
  posted: ToWebviewMessage[];
  providers: FakeProviders;
  workbench: FakeWorkbench;
  memory: FakeMemory;
  store: MemoryStore;
  logger: CapturingLogger;
  send(message: ToHostMessage): Promise<void>;
  /** Params of every posted message of `type`. */
  of<T extends ToWebviewMessage['type']>(type: T): ToWebviewParams<T>[];
  last<T extends ToWebviewMessage['type']>(type: T): ToWebviewParams<T>;
  /** The text of every streamed text delta. */
  streamedText(): string;
  clear(): void;
}

/** A controller over `root` answering from `client`; pass `shared` to simulate a reload (same store and memory). */
export function chatHarness(root: string, client: ScriptedClient, shared?: { store: MemoryStore; memory: FakeMemory }): Harness {
  const posted: ToWebviewMessage[] = [];
  const providers = new FakeProviders();
  const workbench = new FakeWorkbench();
  const memory = shared?.memory ?? new FakeMemory();
  const store = shared?.store ?? new MemoryStore();
  const logger = capturingLogger();
  let counter = 0;
  const controller = new ChatController({
    post: (message) => {
      const parsed = parseToWebviewMessage(JSON.parse(JSON.stringify(message)));
      assert.ok(parsed.ok, `invalid ${message.type} message: ${parsed.ok ? '' : parsed.error}`);
      posted.push(message);
    },
    providers,
    workbench,
    memory,
    store,
    logger,
    batchIntervalMs: 1,
    createSession: (setup) =>
      new AgentSession({
        client,
        files: createNodeWorkspaceFiles(root),
        store,
        provider: setup.provider,
        model: setup.model,
        approvalMode: setup.approvalMode,
        approvalHandler: setup.approvalHandler,
        newId: () => `id${++counter}`,
        flushIntervalMs: 5,
        ...(setup.record && { record: setup.record }),
      }),
  });
  providers.onChange = () => controller.providersChanged();
  const of = <T extends ToWebviewMessage['type']>(type: T) =>
    posted.filter((m): m is Extract<ToWebviewMessage, { type: T }> => m.type === type).map((m) => m.params as ToWebviewParams<T>);
  return {
    controller,
    posted,
    providers,
    workbench,
    memory,
    store,
    logger,
    send: (message) => controller.handle(message),
    of,
    last: (type) => {
      const all = of(type);
      assert.ok(all.length > 0, `no ${type} message was posted; got ${posted.map((m) => m.type).join(', ')}`);
      return all[all.length - 1];
    },
    streamedText: () =>
      of('streamEvents')
        .flatMap((p) => p.events)
        .map((e) => (e.type === 'text-delta' ? e.text : ''))
        .join(''),
    clear: () => {
      posted.length = 0;
    },
  };
}
