/**
 * Codex's environment knobs for built-in providers:
 * - `CODEX_OSS_BASE_URL` (a full base URL) or `CODEX_OSS_PORT` (a port on localhost) move the OSS
 *   built-ins `ollama` and `lmstudio`, as Codex's `create_oss_provider` does.
 * - `OPENAI_BASE_URL` moves the built-in `openai` (Codex's `create_openai_provider`). The top-level
 *   `openai_base_url` config key does the same and wins over the variable: it is written for
 *   Codex specifically, while the variable is often set for other tools.
 */
import type { Env } from '../ports';
import type { Diagnostic, Sourced } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import { withValue, type ConfigLayer } from './layers';

/**
 * Base URL overrides for built-ins, by provider id. `fromWorkspace` marks an `openai_base_url` set
 * by a workspace file: the built-in then counts as workspace-defined (it would carry the user's
 * OPENAI_API_KEY to a server the repository chose), so the consent rules apply to it.
 */
export type BuiltinBaseUrls = Map<string, Sourced<string> & { fromWorkspace?: boolean }>;

function stripSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

function nonBlank(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** Base URLs the environment and `openai_base_url` give the built-ins. */
export function builtinBaseUrls(env: Env, layers: readonly ConfigLayer[], diagnostics: Diagnostic[]): BuiltinBaseUrls {
  const out: BuiltinBaseUrls = new Map();
  const ossUrl = nonBlank(env, 'CODEX_OSS_BASE_URL');
  const ossPort = nonBlank(env, 'CODEX_OSS_PORT');
  if (ossUrl) {
    for (const id of ['ollama', 'lmstudio']) out.set(id, { value: stripSlash(ossUrl), source: 'env' });
  } else if (ossPort) {
    const port = /^\d+$/.test(ossPort) ? Number(ossPort) : NaN;
    if (port >= 1 && port <= 65535) {
      for (const id of ['ollama', 'lmstudio']) out.set(id, { value: `http://localhost:${port}/v1`, source: 'env' });
    } else {
      diagnostics.push(
        makeDiagnostic('warning', DiagnosticCodes.invalidEnvValue, 'CODEX_OSS_PORT is not a port number (1-65535); it is ignored.', 'Set CODEX_OSS_PORT to the port your local server listens on, e.g. 11434.'),
      );
    }
  }

  const openaiEnv = nonBlank(env, 'OPENAI_BASE_URL');
  if (openaiEnv) out.set('openai', { value: stripSlash(openaiEnv), source: 'env' });
  for (let i = layers.length - 1; i >= 0; i--) {
    const s = layers[i].selection.openai_base_url;
    if (s) {
      const entry: Sourced<string> & { fromWorkspace?: boolean } = withValue(s, stripSlash(s.value));
      if (layers[i].fromWorkspace) entry.fromWorkspace = true;
      out.set('openai', entry);
      break;
    }
  }
  return out;
}

/** The AWS region for Bedrock from the environment (`AWS_REGION`, then `AWS_DEFAULT_REGION`). */
export function awsRegionFromEnv(env: Env): Sourced<string> | undefined {
  const v = nonBlank(env, 'AWS_REGION') ?? nonBlank(env, 'AWS_DEFAULT_REGION');
  return v ? { value: v, source: 'env' } : undefined;
}
