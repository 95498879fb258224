/**
 * Runtime validators (zod) for the shared types that cross the webview boundary: `Usage`,
 * `StreamEvent`, `ErrorInfo` and `ChatMessage`. Each schema is annotated with the TypeScript type
 * it validates, so the compiler fails if the two drift apart.
 */
import * as z from 'zod';
import type { ChatMessage, ToolCall } from './conversation';
import type { ErrorInfo, ErrorKind, FixAction } from './errors';
import type { StopReason, StreamEvent, Usage } from './streamEvents';

const tokenCount = z.number().int().nonnegative();

/** Validates a `Usage`. */
export const usageSchema: z.ZodType<Usage> = z.object({
  inputTokens: tokenCount,
  outputTokens: tokenCount,
  cachedInputTokens: tokenCount,
  reasoningTokens: tokenCount,
});

/** Every `ErrorKind`, in declaration order. */
export const ERROR_KINDS = [
  'config',
  'auth',
  'not_found',
  'bad_request',
  'rate_limited',
  'server',
  'network',
  'protocol',
  'cancelled',
  'tool',
  'internal',
] as const satisfies readonly ErrorKind[];

/** Every `FixAction`, in the order the UI shows them. */
export const FIX_ACTIONS = [
  'setApiKey',
  'openConfig',
  'testConnection',
  'retry',
  'trustWorkspace',
  'showLogs',
] as const satisfies readonly FixAction[];

/** Every `StopReason`. */
export const STOP_REASONS = [
  'stop',
  'length',
  'tool_calls',
  'content_filter',
  'refusal',
  'cancelled',
  'error',
  'other',
] as const satisfies readonly StopReason[];

/** Validates a `FixAction`. */
export const fixActionSchema: z.ZodType<FixAction> = z.enum(FIX_ACTIONS);

/** Validates a `StopReason`. */
export const stopReasonSchema: z.ZodType<StopReason> = z.enum(STOP_REASONS);

/** Validates an `ErrorInfo`. */
export const errorInfoSchema: z.ZodType<ErrorInfo> = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  fix: z.string().optional(),
  status: z.number().int().optional(),
  providerId: z.string().optional(),
  actions: z.array(fixActionSchema).optional(),
  retryable: z.boolean().optional(),
});

/** Validates a `StreamEvent`. */
export const streamEventSchema: z.ZodType<StreamEvent> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text-delta'), text: z.string() }),
  z.object({ type: z.literal('reasoning-delta'), text: z.string() }),
  z.object({ type: z.literal('tool-call-start'), id: z.string(), name: z.string() }),
  z.object({ type: z.literal('tool-call-delta'), id: z.string(), argumentsDelta: z.string() }),
  z.object({ type: z.literal('tool-call-end'), id: z.string(), name: z.string(), arguments: z.string() }),
  z.object({ type: z.literal('usage'), usage: usageSchema }),
  z.object({
    type: z.literal('retry'),
    attempt: z.number().int().positive(),
    delayMs: z.number().nonnegative(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('done'),
    stopReason: stopReasonSchema,
    providerStopReason: z.string().optional(),
  }),
  z.object({ type: z.literal('error'), error: errorInfoSchema }),
]);

const toolCallSchema: z.ZodType<ToolCall> = z.object({ id: z.string(), name: z.string(), arguments: z.string() });

/** Validates a `ChatMessage`. */
export const chatMessageSchema: z.ZodType<ChatMessage> = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string() }),
  z.object({ role: z.literal('user'), content: z.string() }),
  z.object({
    role: z.literal('assistant'),
    content: z.string(),
    reasoning: z.string().optional(),
    toolCalls: z.array(toolCallSchema).optional(),
  }),
  z.object({
    role: z.literal('tool'),
    toolCallId: z.string(),
    name: z.string(),
    content: z.string(),
    isError: z.boolean().optional(),
  }),
]);
