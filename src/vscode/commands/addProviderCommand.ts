/**
 * Add Custom Provider: a short guided flow (id, base URL, wire API, auth, optional headers and
 * default model, target file) that APPENDS a `[model_providers.<id>]` table to the user or
 * workspace TOML file, keeping the file's comments and content, then reloads.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { WireApi } from '../../core/providers/providerInfo';
import {
  appendNewProvider,
  parseHeaderLine,
  splitCommandLine,
  suggestEnvKey,
  validateBaseUrl,
  validateEnvVarName,
  validateProviderId,
  type NewProviderAuth,
} from '../../core/providers/newProvider';
import type { ProviderService } from '../providerService';
import { useProvider } from './selectCommands';

const TOTAL = 6;
const title = (step: number) => `Switchboard: Add Custom Provider (${step}/${TOTAL})`;

async function askAuth(id: string): Promise<NewProviderAuth | undefined> {
  const kinds: (vscode.QuickPickItem & { authKind: NewProviderAuth['kind'] })[] = [
    { label: '$(key) API key saved in VS Code', description: 'SecretStorage; an env var of your choice still overrides it', authKind: 'secret' },
    { label: '$(symbol-variable) API key from an environment variable', description: 'env_key', authKind: 'env' },
    { label: '$(terminal) Token from a command', description: '[model_providers.<id>.auth], e.g. gcloud auth print-access-token', authKind: 'command' },
    { label: '$(circle-slash) No authentication', description: 'local servers (Ollama, LM Studio, llama.cpp) and open gateways', authKind: 'none' },
  ];
  const picked = await vscode.window.showQuickPick(kinds, { title: title(4), placeHolder: 'How does this provider authenticate?', ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.authKind === 'none') return { kind: 'none' };
  if (picked.authKind === 'command') {
    const line = await vscode.window.showInputBox({
      title: title(4),
      prompt: 'Command that prints a token (run without a shell; quote arguments with spaces)',
      placeHolder: 'gcloud auth print-access-token',
      ignoreFocusOut: true,
      validateInput: (v) => (splitCommandLine(v) ? undefined : 'Enter a command, e.g. gcloud auth print-access-token'),
    });
    const parsed = line === undefined ? undefined : splitCommandLine(line);
    return parsed && { kind: 'command', ...parsed };
  }
  const envKey = await vscode.window.showInputBox({
    title: title(4),
    prompt: picked.authKind === 'env' ? 'Environment variable that holds the key' : 'Environment variable that may override the saved key (also used by the Codex CLI)',
    value: suggestEnvKey(id),
    ignoreFocusOut: true,
    validateInput: validateEnvVarName,
  });
  if (envKey === undefined) return undefined;
  return picked.authKind === 'env' ? { kind: 'env', envKey } : { kind: 'secret', envKey };
}

async function askHeaders(): Promise<Record<string, string> | undefined> {
  const headers: Record<string, string> = {};
  for (;;) {
    const line = await vscode.window.showInputBox({
      title: title(5),
      prompt: `Optional extra HTTP header as "Name: value"; leave empty to continue${Object.keys(headers).length ? ` (added: ${Object.keys(headers).join(', ')})` : ''}`,
      placeHolder: 'X-Team: platform',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' || parseHeaderLine(v) ? undefined : 'Write it as Name: value'),
    });
    if (line === undefined) return undefined;
    if (line.trim() === '') return headers;
    const header = parseHeaderLine(line)!;
    headers[header.name] = header.value;
  }
}

/** Runs the flow. */
export async function addProviderCommand(service: ProviderService): Promise<void> {
  const snapshot = await service.deps.config.ready();
  const existing = snapshot.display.providers.map((p) => p.id);
  const id = await vscode.window.showInputBox({ title: title(1), prompt: 'Provider id (the <id> in [model_providers.<id>])', placeHolder: 'my-gateway', ignoreFocusOut: true, validateInput: (v) => validateProviderId(v.trim(), existing) });
  if (id === undefined) return;
  const baseUrl = await vscode.window.showInputBox({ title: title(2), prompt: 'Base URL (requests go to <base URL>/responses, /chat/completions or /messages)', placeHolder: 'https://gateway.example.com/v1', ignoreFocusOut: true, validateInput: validateBaseUrl });
  if (baseUrl === undefined) return;
  const wire = await vscode.window.showQuickPick(
    [
      { label: 'chat', description: 'OpenAI Chat Completions — most gateways and local servers', wire: 'chat' as WireApi },
      { label: 'responses', description: 'OpenAI Responses API', wire: 'responses' as WireApi },
      { label: 'anthropic', description: 'Anthropic Messages API', wire: 'anthropic' as WireApi },
    ],
    { title: title(3), placeHolder: 'Which API does it speak? (wire_api)', ignoreFocusOut: true },
  );
  if (!wire) return;
  const auth = await askAuth(id.trim());
  if (!auth) return;
  const headers = await askHeaders();
  if (!headers) return;
  const defaultModel = await vscode.window.showInputBox({ title: title(6), prompt: 'Default model (optional)', placeHolder: 'gpt-4o-mini', ignoreFocusOut: true });
  if (defaultModel === undefined) return;

  const userFile = snapshot.display.files.find((f) => f.role === 'user')?.path;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const workspaceFile = snapshot.display.files.find((f) => f.role === 'workspace' && f.exists)?.path ?? (folder ? vscode.Uri.joinPath(folder.uri, 'codex.toml').fsPath : undefined);
  const targets = [
    ...(userFile ? [{ label: '$(home) User config', description: userFile, path: userFile }] : []),
    ...(workspaceFile ? [{ label: '$(folder) Workspace config', description: `${workspaceFile}${vscode.workspace.isTrusted ? '' : ' (applies once the workspace is trusted)'}`, path: workspaceFile }] : []),
  ];
  const target = targets.length === 1 ? targets[0] : await vscode.window.showQuickPick(targets, { title: 'Switchboard: Add Custom Provider — write it to', ignoreFocusOut: true });
  if (!target) return;

  const uri = vscode.Uri.file(target.path);
  const openDoc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === target.path);
  if (openDoc?.isDirty) {
    void vscode.window.showErrorMessage(`Switchboard: ${target.path} has unsaved changes; save it, then add the provider again.`);
    return;
  }
  let text: string | undefined;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    text = undefined;
  }
  const spec = { id: id.trim(), baseUrl: baseUrl.trim(), wireApi: wire.wire, auth, headers, defaultModel: defaultModel.trim() || undefined };
  const result = appendNewProvider(text, spec);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Switchboard: ${result.error}`);
    return;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(dirname(target.path)));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
  service.deps.logger.info(`Added [model_providers.${spec.id}] to ${target.path}.`);
  const next = await service.deps.config.reload(`added provider ${spec.id}`);
  if (auth.kind === 'secret') await vscode.commands.executeCommand('switchboard.setApiKey', spec.id).then(undefined, () => undefined);
  const added = next.display.providers.find((p) => p.id === spec.id);
  const use = 'Use It Now';
  const open = 'Open File';
  const choice = await vscode.window.showInformationMessage(`Switchboard: added provider "${spec.id}" to ${target.path}.`, use, open);
  if (choice === use && added) await useProvider(service, added);
  if (choice === open) await vscode.commands.executeCommand('switchboard.openDefinition', spec.id);
}
