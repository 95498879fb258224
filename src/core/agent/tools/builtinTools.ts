/** The agent's built-in tools, in the order they are offered to the model. */
import type { ToolDefinition } from '../../../shared/conversation';
import { createFileDefinition } from './definitions/createFile';
import { editFileDefinition } from './definitions/editFile';
import { listDirectoryDefinition } from './definitions/listDirectory';
import { readFileDefinition } from './definitions/readFile';
import { runCommandDefinition } from './definitions/runCommand';
import { searchTextDefinition } from './definitions/searchText';
import { createFileImplementation } from './implementations/createFile';
import { editFileImplementation } from './implementations/editFile';
import { listDirectoryImplementation } from './implementations/listDirectory';
import { readFileImplementation } from './implementations/readFile';
import { runCommandImplementation } from './implementations/runCommand';
import { searchTextImplementation } from './implementations/searchText';
import { defineTool, type AgentTool } from './toolTypes';

/** read_file, list_directory, search_text, edit_file, create_file, run_command. */
export function builtinTools(): AgentTool[] {
  return [
    defineTool(readFileDefinition, readFileImplementation),
    defineTool(listDirectoryDefinition, listDirectoryImplementation),
    defineTool(searchTextDefinition, searchTextImplementation),
    defineTool(editFileDefinition, editFileImplementation),
    defineTool(createFileDefinition, createFileImplementation),
    defineTool(runCommandDefinition, runCommandImplementation),
  ];
}

/** What the model is told about `tools`. */
export function toolDefinitionsForModel(tools: readonly AgentTool[]): ToolDefinition[] {
  return tools.map(({ definition }) => ({
    name: definition.name,
    description: definition.description,
    parameters: definition.parameters,
  }));
}
