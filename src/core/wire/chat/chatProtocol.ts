/**
 * Chat Completions (`wire_api = "chat"`): POST `<base_url>/chat/completions` with `stream: true`
 * and `stream_options.include_usage` through the `openai` SDK. The token cap goes as
 * `max_tokens`, except `max_completion_tokens` for OpenAI's and Azure's o-series / gpt-5 models,
 * which reject `max_tokens`.
 */
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { ProviderInfo } from '../../providers/providerInfo';
import { isAzureProvider } from '../../providers/requestBuilder';
import type { ModelRequest } from '../modelClient';
import { openAiSdkClient } from '../shared/openAiSdkClient';
import type { WireProtocol } from '../wireProtocol';
import { ChatStreamMapper } from './chatStreamMapper';
import { convertToChatMessages } from './convertToChatMessages';
import { prepareChatTools } from './prepareChatTools';

/** Whether the provider is OpenAI's own API (or Azure OpenAI) and the model a reasoning model. */
export function usesMaxCompletionTokens(provider: ProviderInfo, model: string): boolean {
  let host: string;
  try {
    host = new URL(provider.baseUrl ?? '').hostname.toLowerCase();
  } catch {
    return false;
  }
  const openAiHost = host === 'api.openai.com' || isAzureProvider(provider);
  return openAiHost && /^(o\d|gpt-5)/i.test(model.replace(/^openai\//, ''));
}

/** The request body for `request`. */
export function buildChatBody(request: ModelRequest, provider: ProviderInfo): ChatCompletionCreateParamsStreaming {
  const tools = prepareChatTools(request.tools);
  const max = request.maxOutputTokens;
  return {
    model: request.model,
    messages: convertToChatMessages(request.messages),
    ...(tools && { tools }),
    ...(max !== undefined &&
      (usesMaxCompletionTokens(provider, request.model) ? { max_completion_tokens: max } : { max_tokens: max })),
    ...(request.reasoningEffort && { reasoning_effort: request.reasoningEffort }),
    stream: true,
    stream_options: { include_usage: true },
  };
}

export const chatProtocol: WireProtocol = {
  wireApi: 'chat',
  path: '/chat/completions',
  async send(post, request, provider) {
    const client = await openAiSdkClient(post, provider);
    return client.chat.completions.create(buildChatBody(request, provider)).asResponse();
  },
  createMapper: (ctx) => new ChatStreamMapper(ctx),
};
