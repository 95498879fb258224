/**
 * Synthetic but protocol-exact SSE bodies for fault tests: a text answer split into the given
 * deltas, ending with the protocol's terminal event, optionally with tool calls.
 */

export interface StreamSpec {
  text: string[];
  /** Tool calls (complete arguments split into two deltas each). */
  tools?: { id: string; name: string; arguments: string }[];
}

const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

export function chatStream({ text, tools = [] }: StreamSpec): string {
  const chunk = (delta: unknown, finish: string | null = null) =>
    sse({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });
  let body = chunk({ role: 'assistant', content: '' });
  for (const piece of text) body += chunk({ content: piece });
  tools.forEach((tool, index) => {
    const half = Math.floor(tool.arguments.length / 2);
    body += chunk({ tool_calls: [{ index, id: tool.id, type: 'function', function: { name: tool.name, arguments: '' } }] });
    body += chunk({ tool_calls: [{ index, function: { arguments: tool.arguments.slice(0, half) } }] });
    body += chunk({ tool_calls: [{ index, function: { arguments: tool.arguments.slice(half) } }] });
  });
  body += chunk({}, tools.length > 0 ? 'tool_calls' : 'stop');
  body += sse({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 } });
  return `${body}data: [DONE]\n\n`;
}

export function responsesStream({ text, tools = [] }: StreamSpec): string {
  let body = sse({ type: 'response.created', response: { id: 'resp_1', status: 'in_progress' } }, 'response.created');
  body += sse({ type: 'response.output_item.added', output_index: 0, item: { type: 'message', id: 'msg_1', role: 'assistant', content: [] } }, 'response.output_item.added');
  for (const piece of text) body += sse({ type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, delta: piece }, 'response.output_text.delta');
  body += sse({ type: 'response.output_item.done', output_index: 0, item: { type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'output_text', text: text.join('') }] } }, 'response.output_item.done');
  tools.forEach((tool, i) => {
    const item = { type: 'function_call', id: `fc_${i}`, call_id: tool.id, name: tool.name, arguments: '' };
    const half = Math.floor(tool.arguments.length / 2);
    body += sse({ type: 'response.output_item.added', output_index: i + 1, item }, 'response.output_item.added');
    body += sse({ type: 'response.function_call_arguments.delta', item_id: `fc_${i}`, delta: tool.arguments.slice(0, half) }, 'response.function_call_arguments.delta');
    body += sse({ type: 'response.function_call_arguments.delta', item_id: `fc_${i}`, delta: tool.arguments.slice(half) }, 'response.function_call_arguments.delta');
    body += sse({ type: 'response.output_item.done', output_index: i + 1, item: { ...item, arguments: tool.arguments } }, 'response.output_item.done');
  });
  body += sse(
    {
      type: 'response.completed',
      response: { id: 'resp_1', status: 'completed', usage: { input_tokens: 11, output_tokens: 7, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } } },
    },
    'response.completed',
  );
  return body;
}

export function anthropicStream({ text, tools = [] }: StreamSpec): string {
  let body = sse({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], usage: { input_tokens: 11, output_tokens: 1 } } }, 'message_start');
  body += sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start');
  for (const piece of text) body += sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }, 'content_block_delta');
  body += sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop');
  tools.forEach((tool, i) => {
    const index = i + 1;
    const half = Math.floor(tool.arguments.length / 2);
    body += sse({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: tool.id, name: tool.name, input: {} } }, 'content_block_start');
    body += sse({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: tool.arguments.slice(0, half) } }, 'content_block_delta');
    body += sse({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: tool.arguments.slice(half) } }, 'content_block_delta');
    body += sse({ type: 'content_block_stop', index }, 'content_block_stop');
  });
  body += sse({ type: 'message_delta', delta: { stop_reason: tools.length > 0 ? 'tool_use' : 'end_turn' }, usage: { output_tokens: 7 } }, 'message_delta');
  body += sse({ type: 'message_stop' }, 'message_stop');
  return body;
}

export const STREAM_BUILDERS = { chat: chatStream, responses: responsesStream, anthropic: anthropicStream } as const;
