/**
 * The shape of an agent tool: a definition (what the model and the UI see) and an implementation
 * (what it does, reaching the workspace only through the `WorkspaceFiles` / `ProcessRunner` ports).
 */
import type { z } from 'zod';
import type { ProcessRunner, WorkspaceFiles } from '../../ports';
import type { ResolvedPath } from '../pathPolicy';

/** Which approval rule applies: reads run in every mode; edits and commands depend on it. */
export type ApprovalCategory = 'read' | 'edit' | 'command';

/** What an approval card or the tool-call UI shows about a call before it runs. */
export interface ToolPreview {
  /** Unified diff of the change (edits, new files). */
  diff?: string;
  /** The command line (shell tool). */
  command?: string;
  /** Working directory of the command (relative when inside the workspace). */
  cwd?: string;
}

/** What the model and the UI learn about a tool call. Definition-only: no I/O. */
export interface AgentToolDefinition<A> {
  name: string;
  /** Told to the model. */
  description: string;
  /** Validates the parsed arguments (the model's JSON). */
  schema: z.ZodType<A>;
  /** JSON Schema of the arguments, sent to the model. */
  parameters: Record<string, unknown>;
  /** True when the tool never changes anything (may run concurrently with other read-only calls). */
  readOnly: boolean;
  category: ApprovalCategory;
  /** Short UI title, e.g. "Read src/app.ts". */
  title(args: A): string;
  /** Optional second UI line, e.g. "lines 10–40". */
  summary?(args: A): string | undefined;
  /** The path arguments, checked against the path policy before anything runs. */
  paths(args: A): string[];
  /** A preview from the arguments alone (no I/O), for approvals asked before the file is read. */
  previewFromArgs?(args: A): ToolPreview | undefined;
}

/** Display-only details of a finished call (the UI and the saved transcript keep them). */
export interface ToolResultMeta {
  diff?: string;
  /** Path the tool acted on, as displayed. */
  path?: string;
  exitCode?: number | null;
  signal?: string | null;
  timedOut?: boolean;
  /** The model was shown less than the whole output. */
  truncated?: boolean;
  /** How the call was decided: shown as a badge. */
  approval?: 'approved' | 'rejected' | 'refused' | 'auto';
}

/** The outcome of one tool call. */
export interface ToolResult {
  /** What the model sees. */
  content: string;
  isError?: boolean;
  meta?: ToolResultMeta;
}

/** What an implementation may use. */
export interface ToolContext {
  files: WorkspaceFiles;
  /** Absent when the host cannot run processes; the shell tool then reports that. */
  processRunner?: ProcessRunner;
  signal: AbortSignal;
  /** The policy-checked form of a path argument returned by the definition's `paths`. */
  resolvePath(raw: string): ResolvedPath;
  /** Streams command output to the UI. */
  onOutput(chunk: string, stream: 'stdout' | 'stderr'): void;
}

/** A call that is ready to run once approved. */
export interface PreparedToolCall {
  preview?: ToolPreview;
  run(): Promise<ToolResult>;
}

export interface ToolImplementation<A> {
  /**
   * Validates against the workspace and computes the preview (e.g. reads the file and builds the
   * diff). Throws `ToolError` for problems the model should fix.
   */
  prepare(args: A, context: ToolContext): Promise<PreparedToolCall>;
}

/** A definition paired with its implementation. */
export interface AgentTool<A = unknown> {
  definition: AgentToolDefinition<A>;
  implementation: ToolImplementation<A>;
}

/** A failure the model should read and can fix (wrong path, ambiguous match...). */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/** Erases the argument type so tools of different shapes fit one list. */
export function defineTool<A>(definition: AgentToolDefinition<A>, implementation: ToolImplementation<A>): AgentTool {
  return { definition, implementation } as unknown as AgentTool;
}
