/** Our tool definitions -> Chat Completions function tools. */
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import type { ToolDefinition } from '../../../shared/conversation';

export function prepareChatTools(tools: readonly ToolDefinition[] | undefined): ChatCompletionFunctionTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}
