/**
 * `switchboard exec [--approval read-only|auto] [--no-tools] [--json] <prompt | ->`: one agent
 * turn, non-interactive. The prompt comes from the arguments, or from stdin when it is `-` or
 * absent and stdin is not a terminal. The workspace is `--cwd`. Tools follow `--approval`:
 * `read-only` (default) lets the model read the workspace and refuses edits and commands;
 * `auto` lets edits and commands inside the workspace run. Nobody is asked anything, so paths
 * outside the workspace are always refused. Output: see execPrinter.ts (answer on stdout, the rest
 * on stderr; `--json` for event lines).
 *
 * Exit codes: 0 done; 1 the provider or a tool failed (including an error event inside an HTTP 200
 * stream) or the key is missing; 2 configuration or command-line error; 130 stopped by Ctrl-C
 * (the request is aborted at once; a second Ctrl-C quits immediately).
 */
import { AgentSession, type AgentSessionOptions, type TurnResult } from '../../core/agent/agentSession';
import type { ApprovalMode } from '../../core/agent/approvals';
import type { ResolvedConfig } from '../../core/config/resolvedConfig';
import type { ProviderInfo } from '../../core/providers/providerInfo';
import { createModelClient } from '../../core/wire/createModelClient';
import { createNodeWorkspaceFiles } from '../../node/nodeWorkspaceFiles';
import { reportDiagnostics } from '../diagnosticText';
import { EXIT_CONFIG_ERROR, EXIT_FAILURE, EXIT_OK, type CliContext } from '../verbTypes';
import { nodeExecHost, type ExecHost } from './execHost';
import { jsonPrinter, textPrinter } from './execPrinter';
import { createCliWireDeps, stderrLogger } from './execWireDeps';

/** Exit code after Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** The approval modes the CLI offers (`ask` needs someone to ask). */
export const EXEC_APPROVAL_MODES: readonly ApprovalMode[] = ['read-only', 'auto'];

const EFFORTS = ['minimal', 'low', 'medium', 'high'] as const;

function usage(context: CliContext, message: string): number {
  context.io.stderr(`switchboard: ${message}\nusage: switchboard exec [--approval read-only|auto] [--no-tools] [--json] <prompt | ->\n`);
  return EXIT_CONFIG_ERROR;
}

/** The prompt from the arguments or stdin; undefined when there is none to read. */
async function readPrompt(context: CliContext, host: ExecHost): Promise<string | undefined> {
  const words = context.positionals;
  const fromStdin = words.length === 0 || (words.length === 1 && words[0] === '-');
  if (!fromStdin) return words.join(' ');
  if (words.length === 0 && host.stdinIsTTY) return undefined;
  return host.readStdin();
}

function reasoningEffort(config: ResolvedConfig): AgentSessionOptions['reasoningEffort'] {
  const value = config.settings.model_reasoning_effort;
  return EFFORTS.find((effort) => effort === value);
}

function exitCodeOf(result: TurnResult, interrupted: boolean): number {
  switch (result.reason) {
    case 'completed':
      return EXIT_OK;
    case 'stopped':
      return interrupted ? EXIT_INTERRUPTED : EXIT_FAILURE;
    case 'error':
      return result.error?.kind === 'config' ? EXIT_CONFIG_ERROR : result.error?.kind === 'cancelled' && interrupted ? EXIT_INTERRUPTED : EXIT_FAILURE;
    case 'max-steps':
      return EXIT_FAILURE;
  }
}

/** The active provider and model, or an exit code after saying what is wrong. */
function activeSelection(context: CliContext, config: ResolvedConfig): { provider: ProviderInfo; model: string } | number {
  const provider = config.providers.find((p) => p.id === config.provider.value);
  if (!provider) {
    context.io.stderr(`switchboard: provider "${config.provider.value}" is not defined; see \`switchboard providers list\`.\n`);
    return EXIT_CONFIG_ERROR;
  }
  const model = config.model.value;
  if (model === undefined) {
    context.io.stderr(`switchboard: no model is set for provider "${provider.id}". Pass --model <name>, or set model = "..." in config.toml (or default_model in [model_providers.${provider.id}]).\n`);
    return EXIT_CONFIG_ERROR;
  }
  return { provider, model };
}

/** Runs the verb; `host` is the process (stdin, Ctrl-C). */
export async function runExec(context: CliContext, host: ExecHost = nodeExecHost()): Promise<number> {
  const approval = (context.values.approval as string | undefined) ?? 'read-only';
  if (!EXEC_APPROVAL_MODES.includes(approval as ApprovalMode)) {
    return usage(context, `--approval must be read-only or auto, not "${approval}" (the CLI cannot ask for approvals).`);
  }

  const controller = new AbortController();
  let interrupted = false;
  const stopListening = host.onInterrupt(() => {
    if (interrupted) return host.exitNow(EXIT_INTERRUPTED);
    interrupted = true;
    context.io.stderr('\nswitchboard: interrupted; stopping (Ctrl-C again quits at once).\n');
    controller.abort();
  });
  try {
    const prompt = await readPrompt(context, host);
    if (interrupted) return EXIT_INTERRUPTED;
    if (prompt === undefined) return usage(context, 'no prompt: pass it as an argument, or pipe it on stdin (with `-` or no argument).');
    if (prompt.trim() === '') return usage(context, 'the prompt is empty.');

    const config = await context.loadConfig();
    if (reportDiagnostics(config, context.io, true)) return EXIT_CONFIG_ERROR;
    const selection = activeSelection(context, config);
    if (typeof selection === 'number') return selection;

    const wire = createCliWireDeps(context);
    const session = new AgentSession({
      client: createModelClient(wire),
      files: createNodeWorkspaceFiles(context.cwd),
      processRunner: context.processRunner,
      provider: selection.provider,
      model: selection.model,
      approvalMode: approval as ApprovalMode,
      ...(context.values['no-tools'] === true && { tools: [] }),
      ...(reasoningEffort(config) && { reasoningEffort: reasoningEffort(config) }),
      logger: stderrLogger(context.io),
    });
    const printer = context.global.json ? jsonPrinter(context.io) : textPrinter(context.io);
    const unsubscribe = session.onEvent((event) => printer.onEvent(event));
    let result: TurnResult;
    try {
      result = await session.send(prompt, { signal: controller.signal });
    } finally {
      unsubscribe();
    }
    printer.finish(result);
    return exitCodeOf(result, interrupted);
  } finally {
    stopListening();
  }
}
