/**
 * `run_command`: a command line through `ProcessRunner.runShell` in the workspace (or `workdir`),
 * output streamed to the UI and shortened for the model to its beginning and end.
 */
import { RUN_COMMAND_DEFAULT_TIMEOUT_S, type RunCommandArgs } from '../definitions/runCommand';
import { ToolError, type ToolImplementation } from '../toolTypes';
import { headAndTail } from './headAndTail';

/** Most output characters (stdout and stderr together) the model is shown. */
export const RUN_COMMAND_MODEL_OUTPUT_CHARS = 30_000;
/** Most bytes captured per stream. */
const CAPTURE_BYTES = 1_000_000;

/**
 * Shares the model's character budget between stdout and stderr: each stream keeps at least a
 * quarter (or all of it, if shorter), the rest goes in proportion to size. A flood on stdout must
 * not hide the few lines of stderr that say what went wrong.
 */
export function splitBudget(budget: number, out: number, err: number): [number, number] {
  if (out + err <= budget) return [out, err];
  const floor = Math.floor(budget / 4);
  const outMin = Math.min(out, floor);
  const errMin = Math.min(err, floor);
  const rest = budget - outMin - errMin;
  const outExtra = Math.round((rest * (out - outMin)) / (out - outMin + (err - errMin)));
  const outShare = Math.min(out, outMin + outExtra);
  return [outShare, Math.min(err, budget - outShare)];
}

export const runCommandImplementation: ToolImplementation<RunCommandArgs> = {
  async prepare(args, context) {
    const cwd = context.resolvePath(args.workdir ?? '.');
    return {
      preview: { command: args.command, cwd: cwd.display },
      async run() {
        const runner = context.processRunner;
        if (!runner) throw new ToolError('Running commands is not available in this host.');
        const timeoutS = args.timeout_seconds ?? RUN_COMMAND_DEFAULT_TIMEOUT_S;
        // Kept so a stopped command still shows the model what it printed before it was killed.
        const seen: string[] = [];
        let seenChars = 0;
        let result;
        try {
          result = await runner.runShell(args.command, {
            cwd: cwd.absolute,
            timeoutMs: timeoutS * 1000,
            maxOutputBytes: CAPTURE_BYTES,
            signal: context.signal,
            onOutput: (chunk, stream) => {
              if (seenChars < CAPTURE_BYTES) {
                seen.push(chunk);
                seenChars += chunk.length;
              }
              context.onOutput(chunk, stream);
            },
          });
        } catch (error) {
          if (!context.signal.aborted) throw error;
          const output = headAndTail(seen.join(''), RUN_COMMAND_MODEL_OUTPUT_CHARS);
          return {
            content: `Stopped by the user; the command was killed.${output.text === '' ? '' : `\nOutput before it was stopped:\n${output.text}`}`,
            isError: true,
            meta: { exitCode: null, truncated: output.cut },
          };
        }
        const status = result.timedOut
          ? `Timed out after ${timeoutS} s; the command was killed.`
          : result.exitCode === null
            ? `Killed by signal ${result.signal ?? 'unknown'}.`
            : `Exit code: ${result.exitCode}`;
        const [stdoutBudget, stderrBudget] = splitBudget(RUN_COMMAND_MODEL_OUTPUT_CHARS, result.stdout.length, result.stderr.length);
        const stdout = headAndTail(result.stdout, stdoutBudget);
        const stderr = headAndTail(result.stderr, stderrBudget);
        const parts = [status];
        if (result.stdout !== '') parts.push(`stdout:\n${stdout.text}`);
        if (result.stderr !== '') parts.push(`stderr:\n${stderr.text}`);
        if (result.stdout === '' && result.stderr === '') parts.push('(no output)');
        if (result.truncated) parts.push(`[Output beyond ${CAPTURE_BYTES / 1_000_000} MB per stream was not captured.]`);
        return {
          content: parts.join('\n'),
          isError: result.timedOut || result.exitCode === null,
          meta: {
            exitCode: result.exitCode,
            signal: result.signal,
            timedOut: result.timedOut,
            truncated: result.truncated || stdout.cut || stderr.cut,
          },
        };
      },
    };
  },
};
