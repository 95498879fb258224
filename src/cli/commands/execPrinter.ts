/**
 * How `switchboard exec` shows a turn.
 *
 * Text mode: stdout gets the answer text only, as it streams (a later step's text after earlier
 * text is set off by a blank line; a final newline is added when the answer lacks one).
 * Everything else goes to stderr: reasoning, tool activity and command output, retries, warnings
 * and the error that ended the turn — so `switchboard exec "..." > answer.txt` keeps only the answer.
 *
 * JSON mode (`--json`): stdout gets one JSON object per line (`ExecJsonLine`): every normalized
 * `StreamEvent` of every model request as it arrives (`text-delta`, `reasoning-delta`,
 * `tool-call-start`/`-delta`/`-end`, `usage`, `retry`, `done`, `error`), the agent's
 * `tool-call` updates and `tool-output` chunks, and last a `turn-ended` line. stderr still gets
 * the error message, for people.
 */
import type { AgentEvent, ToolCallUpdate, TurnEndReason } from '../../core/agent/agentEvents';
import type { TurnResult } from '../../core/agent/agentSession';
import { redactSecrets } from '../../core/providers/redact';
import type { ErrorInfo } from '../../shared/errors';
import type { StreamEvent, Usage } from '../../shared/streamEvents';
import type { CliIo } from '../verbTypes';

/** One line of `exec --json` output. */
export type ExecJsonLine =
  | StreamEvent
  /** A tool call changed state (`pending`, `running`, `done` with its `result`). */
  | { type: 'tool-call'; call: ToolCallUpdate }
  /** Output of a running command, as it arrives. */
  | { type: 'tool-output'; callId: string; stream: 'stdout' | 'stderr'; chunk: string }
  /** Always the last line. */
  | { type: 'turn-ended'; reason: TurnEndReason; usage: Usage; error?: ErrorInfo };

/** Renders agent events; `finish` is called once with the turn's result. */
export interface ExecPrinter {
  onEvent(event: AgentEvent): void;
  finish(result: TurnResult): void;
}

/** The error for people; redacted once more (the wire already removed the request's secrets). */
function errorText(error: ErrorInfo): string {
  return redactSecrets(`switchboard: ${error.message}\n${error.fix ? `${error.fix}\n` : ''}`);
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Writes `--json` lines. */
export function jsonPrinter(io: CliIo): ExecPrinter {
  const line = (value: ExecJsonLine) => io.stdout(`${JSON.stringify(value)}\n`);
  return {
    onEvent(event) {
      if (event.type === 'stream') line(event.event);
      else if (event.type === 'tool-call') line({ type: 'tool-call', call: event.call });
      else if (event.type === 'tool-output') line({ type: 'tool-output', callId: event.callId, stream: event.stream, chunk: event.chunk });
      else if (event.type === 'error' && !event.fatal) io.stderr(errorText(event.error));
    },
    finish(result) {
      line({ type: 'turn-ended', reason: result.reason, usage: result.usage, ...(result.error && { error: result.error }) });
      if (result.error && result.reason === 'error') io.stderr(errorText(result.error));
    },
  };
}

/** Answer on stdout, the rest on stderr. */
export function textPrinter(io: CliIo): ExecPrinter {
  let wroteAnswer = false;
  let answerEndsWithNewline = false;
  let stepHasText = false;
  let reasoningOpen = false;
  let reasoningEndsWithNewline = true;

  const closeReasoning = () => {
    if (reasoningOpen && !reasoningEndsWithNewline) io.stderr('\n');
    reasoningOpen = false;
  };
  const onStream = (event: StreamEvent) => {
    switch (event.type) {
      case 'text-delta':
        if (event.text === '') return;
        closeReasoning();
        if (!stepHasText && wroteAnswer) io.stdout(answerEndsWithNewline ? '\n' : '\n\n');
        stepHasText = true;
        wroteAnswer = true;
        io.stdout(event.text);
        answerEndsWithNewline = event.text.endsWith('\n');
        return;
      case 'reasoning-delta':
        if (event.text === '') return;
        if (!reasoningOpen) io.stderr('[reasoning] ');
        reasoningOpen = true;
        io.stderr(event.text);
        reasoningEndsWithNewline = event.text.endsWith('\n');
        return;
      case 'retry':
        closeReasoning();
        io.stderr(`switchboard: ${event.reason}\n`);
        return;
      default:
        return;
    }
  };
  return {
    onEvent(event) {
      switch (event.type) {
        case 'step-started':
          closeReasoning();
          stepHasText = false;
          return;
        case 'stream':
          onStream(event.event);
          return;
        case 'tool-call':
          if (event.call.status === 'running') {
            closeReasoning();
            io.stderr(`• ${event.call.title}${event.call.summary ? ` (${event.call.summary})` : ''}\n`);
          } else if (event.call.status === 'done' && event.call.result?.isError) {
            closeReasoning();
            io.stderr(`✗ ${event.call.title}: ${firstLine(event.call.result.content)}\n`);
          }
          return;
        case 'tool-output':
          io.stderr(event.chunk);
          return;
        case 'error':
          if (!event.fatal) io.stderr(errorText(event.error));
          return;
        default:
          return;
      }
    },
    finish(result) {
      closeReasoning();
      if (wroteAnswer && !answerEndsWithNewline) io.stdout('\n');
      if (result.reason === 'error' && result.error) io.stderr(errorText(result.error));
      if (result.reason === 'max-steps') io.stderr('switchboard: stopped after the most tool rounds one turn may take; run again to continue.\n');
    },
  };
}
