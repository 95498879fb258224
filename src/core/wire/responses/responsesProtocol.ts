/**
 * OpenAI Responses API (`wire_api = "responses"`): POST `<base_url>/responses` with `stream: true`
 * through the `openai` SDK. `store` is false (the conversation is sent in full each turn) except
 * for Azure, which needs stored items; reasoning models get `reasoning.effort` and their
 * encrypted reasoning back for the next turn.
 */
import type { ResponseCreateParamsStreaming } from 'openai/resources/responses/responses';
import { isAzureProvider } from '../../providers/requestBuilder';
import type { ProviderInfo } from '../../providers/providerInfo';
import type { ModelRequest } from '../modelClient';
import { openAiSdkClient } from '../shared/openAiSdkClient';
import type { WireProtocol } from '../wireProtocol';
import { convertToResponsesMessages } from './convertToResponsesMessages';
import { prepareResponsesTools } from './prepareResponsesTools';
import { ResponsesStreamMapper } from './responsesStreamMapper';

/** The request body for `request`. */
export function buildResponsesBody(request: ModelRequest, provider: ProviderInfo): ResponseCreateParamsStreaming {
  const { instructions, input } = convertToResponsesMessages(request.messages);
  const tools = prepareResponsesTools(request.tools);
  const store = isAzureProvider(provider);
  return {
    model: request.model,
    ...(instructions !== undefined && { instructions }),
    input,
    ...(tools && { tools, tool_choice: 'auto' as const, parallel_tool_calls: true }),
    ...(request.maxOutputTokens !== undefined && { max_output_tokens: request.maxOutputTokens }),
    ...(request.reasoningEffort && { reasoning: { effort: request.reasoningEffort, summary: 'auto' as const } }),
    ...(request.reasoningEffort && !store && { include: ['reasoning.encrypted_content' as const] }),
    store,
    stream: true,
  };
}

export const responsesProtocol: WireProtocol = {
  wireApi: 'responses',
  path: '/responses',
  async send(post, request, provider) {
    const client = await openAiSdkClient(post, provider);
    return client.responses.create(buildResponsesBody(request, provider)).asResponse();
  },
  createMapper: (ctx) => new ResponsesStreamMapper(ctx),
};
