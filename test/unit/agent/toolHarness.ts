// Runs one built-in tool call against a real directory through the same runner the loop uses.
import { ApprovalGate } from '../../../src/core/agent/approvalGate';
import type { AgentEvent } from '../../../src/core/agent/agentEvents';
import type { ApprovalMode } from '../../../src/core/agent/approvals';
import { PathPolicy } from '../../../src/core/agent/pathPolicy';
import { runToolCall } from '../../../src/core/agent/toolCallRunner';
import { builtinTools } from '../../../src/core/agent/tools/builtinTools';
import type { ToolResult } from '../../../src/core/agent/tools/toolTypes';
import type { ProcessRunner, WorkspaceFiles } from '../../../src/core/ports';
import { createNodeWorkspaceFiles } from '../../../src/node/nodeWorkspaceFiles';

export interface ToolRun {
  result: ToolResult;
  events: AgentEvent[];
}

let counter = 0;

/** Runs `name` with `args` (an object, or raw JSON text) in `auto` mode unless told otherwise. */
export async function runTool(
  root: string,
  name: string,
  args: unknown,
  options: { runner?: ProcessRunner; mode?: ApprovalMode; files?: WorkspaceFiles; signal?: AbortSignal } = {},
): Promise<ToolRun> {
  const events: AgentEvent[] = [];
  const files = options.files ?? createNodeWorkspaceFiles(root);
  const emit = (e: AgentEvent) => events.push(e);
  const completed = await runToolCall(
    { id: `call-${++counter}`, name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
    {
      tools: new Map(builtinTools().map((t) => [t.definition.name, t])),
      files,
      ...(options.runner && { processRunner: options.runner }),
      pathPolicy: new PathPolicy(files),
      approvals: new ApprovalGate(undefined, emit),
      mode: () => options.mode ?? 'auto',
      emit,
      newId: () => `id-${++counter}`,
    },
    'turn',
    options.signal ?? new AbortController().signal,
  );
  return { result: completed.result, events };
}
