/** Our tool definitions -> Responses API function tools (non-strict: our schemas are not all strict-mode compatible). */
import type { FunctionTool } from 'openai/resources/responses/responses';
import type { ToolDefinition } from '../../../shared/conversation';

export function prepareResponsesTools(tools: readonly ToolDefinition[] | undefined): FunctionTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((tool) => ({
    type: 'function',
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
    strict: false,
  }));
}
