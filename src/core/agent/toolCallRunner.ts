/**
 * Runs the tool calls of one model response: argument parsing, path policy, approval mode,
 * approvals, then the implementation. Never throws: every failure becomes a tool result the model
 * reads. Consecutive read-only calls run concurrently; a mutating call runs alone, in order;
 * results come back in the model's order.
 */
import type { ToolCall } from '../../shared/conversation';
import type { ProcessRunner, WorkspaceFiles } from '../ports';
import type { AgentEvent, ToolCallStatus } from './agentEvents';
import type { ApprovalGate, ApprovalOutcome } from './approvalGate';
import type { ApprovalMode, ApprovalRequest } from './approvals';
import type { PathPolicy, ResolvedPath } from './pathPolicy';
import type { ToolDisplay, TranscriptEntry } from './transcript';
import { parseToolArguments } from './tools/toolSchema';
import { ToolError, type AgentTool, type ToolContext, type ToolPreview, type ToolResult } from './tools/toolTypes';

export interface ToolRunEnvironment {
  tools: ReadonlyMap<string, AgentTool>;
  files: WorkspaceFiles;
  processRunner?: ProcessRunner;
  pathPolicy: PathPolicy;
  approvals: ApprovalGate;
  /** Read when each call starts, so a mode change applies to the next call. */
  mode(): ApprovalMode;
  emit(event: AgentEvent): void;
  newId(): string;
}

export interface CompletedToolCall {
  call: ToolCall;
  result: ToolResult;
  display: ToolDisplay;
}

/** Runs `calls` and returns one result per call, in the same order. */
export async function runToolCalls(
  calls: readonly ToolCall[],
  env: ToolRunEnvironment,
  turnId: string,
  signal: AbortSignal,
): Promise<CompletedToolCall[]> {
  const results: CompletedToolCall[] = new Array(calls.length);
  let i = 0;
  while (i < calls.length) {
    if (!isReadOnly(calls[i], env)) {
      results[i] = await runToolCall(calls[i], env, turnId, signal);
      i++;
      continue;
    }
    let j = i;
    while (j < calls.length && isReadOnly(calls[j], env)) j++;
    const batch = calls.slice(i, j).map((call) => runToolCall(call, env, turnId, signal));
    const done = await Promise.all(batch);
    for (let k = 0; k < done.length; k++) results[i + k] = done[k];
    i = j;
  }
  return results;
}

/** Unknown tools count as read-only: they do nothing but return an error. */
function isReadOnly(call: ToolCall, env: ToolRunEnvironment): boolean {
  return env.tools.get(call.name)?.definition.readOnly ?? true;
}

/** Runs one call through the whole policy. */
export async function runToolCall(
  call: ToolCall,
  env: ToolRunEnvironment,
  turnId: string,
  signal: AbortSignal,
): Promise<CompletedToolCall> {
  let display: ToolDisplay = { title: call.name };
  const update = (status: ToolCallStatus, result?: ToolResult) =>
    env.emit({
      type: 'tool-call',
      turnId,
      call: { callId: call.id, name: call.name, status, ...display, ...(result && { result }) },
    });
  const finish = (result: ToolResult): CompletedToolCall => {
    display = { ...display, ...(result.meta && { meta: result.meta }) };
    update('done', result);
    // The saved transcript keeps a diff once: the result's, when it equals the preview's.
    if (display.preview?.diff !== undefined && display.preview.diff === result.meta?.diff) {
      const { diff: _same, ...rest } = display.preview;
      display = { ...display, preview: rest };
    }
    return { call, result, display };
  };
  const fail = (content: string, approval?: 'refused' | 'rejected'): CompletedToolCall =>
    finish({ content, isError: true, ...(approval && { meta: { approval } }) });

  if (signal.aborted) return fail('Not run: the user stopped the turn before this tool call ran.');
  const tool = env.tools.get(call.name);
  if (!tool) {
    return fail(`Unknown tool "${call.name}". Available tools: ${[...env.tools.keys()].join(', ')}.`);
  }
  const parsed = parseToolArguments(call.name, call.arguments, tool.definition.schema);
  if (!parsed.ok) return fail(parsed.message);
  const { definition, implementation } = tool;
  const args = parsed.args;
  display = { title: definition.title(args) };
  const summary = definition.summary?.(args);
  if (summary !== undefined) display.summary = summary;
  update('pending');

  try {
    const resolved = await Promise.all(definition.paths(args).map((p) => env.pathPolicy.resolve(p)));
    const mode = env.mode();
    if (!definition.readOnly && mode === 'read-only') {
      return fail(
        `${call.name} is not allowed in read-only mode: the user has not allowed edits or commands. Describe the change instead, or ask the user to switch to "ask" or "auto" mode.`,
        'refused',
      );
    }
    const ask = async (kind: ApprovalRequest['kind'], preview: ToolPreview | undefined, reason?: string) => {
      if (preview) display = { ...display, preview };
      update('awaiting-approval');
      const request: ApprovalRequest = {
        id: env.newId(),
        callId: call.id,
        toolName: call.name,
        kind,
        title: display.title,
        paths: (kind === 'path' ? resolved.filter((r) => !r.inside) : resolved).map((r) => r.display),
        ...(reason !== undefined && { reason }),
        ...(preview && { preview }),
      };
      return env.approvals.ask(request, turnId, signal);
    };

    let userApproved = false;
    const outside = resolved.filter((r) => !r.inside);
    if (outside.length > 0) {
      const reason = outside.map((r) => r.outsideReason).join('; ');
      if (mode === 'read-only') {
        return fail(`Refused: ${reason}. Paths outside the workspace are not allowed in read-only mode.`, 'refused');
      }
      const outcome = await ask('path', definition.previewFromArgs?.(args), reason);
      if (outcome !== 'approved') return fail(deniedMessage(outcome, call.name, `access to ${outside.map((r) => r.display).join(', ')}`, reason), deniedKind(outcome));
      userApproved = true;
    }

    const byRaw = new Map<string, ResolvedPath>(resolved.map((r) => [r.raw, r]));
    const context: ToolContext = {
      files: env.files,
      ...(env.processRunner && { processRunner: env.processRunner }),
      signal,
      resolvePath(raw) {
        const found = byRaw.get(raw);
        if (!found) throw new Error(`${call.name} used the path "${raw}" that its definition did not declare.`);
        return found;
      },
      onOutput: (chunk, stream) => env.emit({ type: 'tool-output', turnId, callId: call.id, chunk, stream }),
    };
    const prepared = await implementation.prepare(args, context);
    if (prepared.preview) display = { ...display, preview: prepared.preview };

    if (!definition.readOnly && mode === 'ask' && !userApproved) {
      const kind = definition.category === 'command' ? 'command' : 'edit';
      const outcome = await ask(kind, prepared.preview);
      if (outcome !== 'approved') return fail(deniedMessage(outcome, call.name, kind === 'command' ? 'command' : 'edit'), deniedKind(outcome));
      userApproved = true;
    }
    if (signal.aborted) return fail('Not run: the user stopped the turn before this tool call ran.');
    update('running');
    const result = await prepared.run();
    const approval = userApproved ? 'approved' : definition.readOnly ? undefined : 'auto';
    return finish(approval ? { ...result, meta: { ...result.meta, approval } } : result);
  } catch (error) {
    if (signal.aborted) return fail(`Stopped by the user while ${call.name} was running.`);
    if (error instanceof ToolError) return fail(error.message);
    return fail(`${call.name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function deniedKind(outcome: ApprovalOutcome): 'refused' | 'rejected' {
  return outcome === 'rejected' ? 'rejected' : 'refused';
}

function deniedMessage(outcome: ApprovalOutcome, toolName: string, what: string, reason?: string): string {
  switch (outcome) {
    case 'rejected':
      return `The user rejected this ${what}; ${toolName} did not run. Do not retry the same call: ask the user how to proceed or take a different approach.`;
    case 'stopped':
      return `Not run: the user stopped the turn while this ${what} waited for approval.`;
    default:
      return reason !== undefined
        ? `Refused: ${reason}. Paths outside the workspace need the user's approval, and there is no one to ask here.`
        : `Refused: this ${what} needs the user's approval, and there is no one to ask here.`;
  }
}

/** The transcript entry (tool message plus display details) of a finished call. */
export function toolResultEntry({ call, result, display }: CompletedToolCall, at: number): TranscriptEntry {
  return {
    type: 'message',
    at,
    message: {
      role: 'tool',
      toolCallId: call.id,
      name: call.name,
      content: result.content,
      ...(result.isError && { isError: true }),
    },
    tool: display,
  };
}
