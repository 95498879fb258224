/** Our tool definitions -> Anthropic tools (`input_schema` is our JSON Schema). */
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { ToolDefinition } from '../../../shared/conversation';

export function prepareAnthropicTools(tools: readonly ToolDefinition[] | undefined): Tool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: { type: 'object', ...tool.parameters } as Tool.InputSchema,
  }));
}
