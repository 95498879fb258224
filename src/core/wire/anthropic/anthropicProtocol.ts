/**
 * Anthropic Messages (`wire_api = "anthropic"`): POST `<base_url>/messages` with `stream: true`.
 * Sent with plain fetch rather than `@anthropic-ai/sdk`: the SDK insists on its own auth header
 * (and reads ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN / ANTHROPIC_BASE_URL from process.env),
 * while gateways need exactly the headers requestBuilder produces (x-api-key, or Bearer for
 * auth commands, plus `anthropic-version`); the body is one JSON object, and the stream goes
 * through the same SSE pump as the other protocols.
 *
 * `max_tokens` is required by Anthropic: 8192 when the request gives none. A reasoning effort
 * turns on extended thinking with a budget below `max_tokens`.
 */
import type { MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { ModelRequest } from '../modelClient';
import type { WireProtocol } from '../wireProtocol';
import { AnthropicStreamMapper } from './anthropicStreamMapper';
import { convertToAnthropicMessages } from './convertToAnthropicMessages';
import { prepareAnthropicTools } from './prepareAnthropicTools';

/** Anthropic's required `max_tokens` when the request sets none. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 8192;

const THINKING_BUDGET = { minimal: 0, low: 2048, medium: 8192, high: 24576 } as const;
/** Anthropic's smallest thinking budget. */
const MIN_THINKING_BUDGET = 1024;

/** The request body for `request`. */
export function buildAnthropicBody(request: ModelRequest): MessageCreateParamsStreaming {
  const { system, messages } = convertToAnthropicMessages(request.messages);
  const tools = prepareAnthropicTools(request.tools);
  let maxTokens = request.maxOutputTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS;
  let budget: number = request.reasoningEffort ? THINKING_BUDGET[request.reasoningEffort] : 0;
  if (budget > 0 && request.maxOutputTokens === undefined) maxTokens = Math.max(maxTokens, budget + DEFAULT_ANTHROPIC_MAX_TOKENS);
  budget = Math.min(budget, maxTokens - 1);
  return {
    model: request.model,
    max_tokens: maxTokens,
    ...(system !== undefined && { system }),
    messages,
    ...(tools && { tools }),
    ...(budget >= MIN_THINKING_BUDGET && { thinking: { type: 'enabled' as const, budget_tokens: budget } }),
    stream: true,
  };
}

export const anthropicProtocol: WireProtocol = {
  wireApi: 'anthropic',
  path: '/messages',
  send(post, request) {
    return post(JSON.stringify(buildAnthropicBody(request)));
  },
  createMapper: (ctx) => new AnthropicStreamMapper(ctx),
};
