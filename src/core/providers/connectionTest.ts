/**
 * "Test Connection": checks a provider end to end, one step at a time, so the CLI
 * (`switchboard providers test`) and the VS Code command can show where it breaks:
 *
 * 1. `config`     — the provider exists, its base_url is present and an http(s) URL;
 * 2. `credential` — the credential can be had (runs `auth.command` if any); reports its source only;
 * 3. `models`     — the model list: ok, not supported (warn), or failed;
 * 4. `request`    — one small streamed request (16 output tokens, `stream: true`): HTTP status,
 *                   first byte, and the final `done` event.
 *
 * The first failing step carries a `fix` taken from the provider debugging checklist (wire_api,
 * base URL and `/v1`, auth, streaming, model name). Later steps are `skipped`, except that a model
 * list that fails for reasons other than auth or the network only warns and the request still
 * runs. Pure core: it reaches the network only through the wire deps.
 */
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import type { ResolvedConfig } from '../config/resolvedConfig';
import type { WireDeps } from '../wire/wireDeps';
import { checkProviderConfig } from './connectionConfig';
import { credentialFailure } from './connectionFixes';
import { runModelsStep } from './connectionModels';
import { runRequestStep } from './connectionRequest';
import { describeCredentialSource, type Credential } from './credential';
import type { ProviderInfo } from './providerInfo';
import { readEnvValue } from './providerAuth';
import { isSensitiveHeader, redactSecrets } from './redact';

/** Which check a step is. */
export type ConnectionStepId = 'config' | 'credential' | 'models' | 'request';

/** `warn`: it worked with a caveat (e.g. no model list); `skipped`: an earlier step failed. */
export type ConnectionStepStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** The item of the provider debugging checklist a failure points at. */
export type ConnectionFixArea = 'config' | 'wire_api' | 'base_url' | 'auth' | 'streaming' | 'model' | 'network' | 'provider';

/** One finished step of a connection test. Never contains a secret. */
export interface ConnectionStep {
  id: ConnectionStepId;
  /** Short name for display: "Configuration", "Credential", "Model list", "Test request". */
  title: string;
  status: ConnectionStepStatus;
  /** How long the step took (0 when skipped). */
  durationMs: number;
  /** One line saying what was found. */
  detail: string;
  /** Only on the first failing step: how to fix it. */
  fix?: string;
  /** With `fix`: which checklist item it is about. */
  area?: ConnectionFixArea;
  /** The underlying error (already redacted), when the step failed or warned on one. */
  error?: ErrorInfo;
  /** `models` step: the model ids listed, when listing worked. */
  models?: string[];
}

/** What `testConnection` needs. */
export interface ConnectionTestDeps {
  /** The wire deps requests go through (credentials, env, transport, CA file reader). */
  wire: WireDeps;
  /** Where a provider id is looked up, and config errors to report in the `config` step. */
  config?: Pick<ResolvedConfig, 'providers' | 'diagnostics'>;
  /** Longest the test request may take before it counts as a streaming failure (default 60 s). */
  requestTimeoutMs?: number;
  /** Epoch ms, for durations (default `wire.clock` or `Date.now`). */
  now?: () => number;
}

export interface ConnectionTestOptions {
  signal?: AbortSignal;
}

/** Default cap on the test request. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

const TITLES: Record<ConnectionStepId, string> = {
  config: 'Configuration',
  credential: 'Credential',
  models: 'Model list',
  request: 'Test request',
};

const ORDER: ConnectionStepId[] = ['config', 'credential', 'models', 'request'];

/** A step before its title and duration are filled in. */
export type StepOutcome = Omit<ConnectionStep, 'id' | 'title' | 'durationMs'>;

function cancelled(): StepOutcome {
  return { status: 'fail', detail: 'Cancelled.', error: { kind: 'cancelled', message: 'Cancelled.' } };
}

/**
 * Runs the steps and yields each as it finishes. `provider` is a provider or an id looked up in
 * `deps.config.providers`; `model` defaults to the provider's `default_model`. Never throws; stops
 * after a cancelled step.
 */
export async function* testConnection(
  deps: ConnectionTestDeps,
  provider: ProviderInfo | string,
  model: string | undefined,
  options: ConnectionTestOptions = {},
): AsyncGenerator<ConnectionStep> {
  const now = deps.now ?? deps.wire.clock?.now ?? Date.now;
  const { signal } = options;
  const secrets: string[] = [];
  let failedAt: ConnectionStepId | undefined;

  const finish = (id: ConnectionStepId, started: number, outcome: StepOutcome): ConnectionStep => {
    const step: ConnectionStep = { id, title: TITLES[id], durationMs: Math.max(0, Math.round(now() - started)), ...outcome };
    step.detail = redactSecrets(step.detail, secrets);
    if (step.fix !== undefined) step.fix = redactSecrets(step.fix, secrets);
    if (step.error) step.error = { ...step.error, message: redactSecrets(step.error.message, secrets) };
    if (step.status !== 'fail') {
      delete step.fix;
      delete step.area;
    }
    if (step.status === 'fail') failedAt ??= id;
    return step;
  };
  const skipRest = function* (from: ConnectionStepId): Generator<ConnectionStep> {
    for (const id of ORDER.slice(ORDER.indexOf(from))) {
      yield { id, title: TITLES[id], status: 'skipped', durationMs: 0, detail: `Skipped: the ${TITLES[failedAt!].toLowerCase()} step failed.` };
    }
  };
  const isCancelled = (outcome: StepOutcome) => outcome.error?.kind === 'cancelled' || signal?.aborted === true;

  // 1. Configuration.
  let started = now();
  const config = checkProviderConfig(provider, model, deps.config);
  yield finish('config', started, config.outcome);
  if (!config.provider) {
    yield* skipRest('credential');
    return;
  }
  const target = config.provider;
  const chosenModel = config.model;
  for (const [name, variable] of Object.entries(target.envHttpHeaders)) {
    const value = isSensitiveHeader(name) ? readEnvValue(deps.wire.env, variable) : undefined;
    if (value) secrets.push(value);
  }

  // 2. Credential.
  started = now();
  let credential: Credential;
  try {
    credential = await deps.wire.credentials.resolve(target, { signal });
    if (credential.token) secrets.push(credential.token);
  } catch (error) {
    const outcome = signal?.aborted ? cancelled() : credentialFailure(target, toErrorInfo(error), deps.wire.env);
    yield finish('credential', started, outcome);
    if (!isCancelled(outcome)) yield* skipRest('models');
    return;
  }
  yield finish('credential', started, { status: 'ok', detail: credentialDetail(credential) });

  // 3. Model list.
  started = now();
  const models = await runModelsStep(deps.wire, target, credential, chosenModel, signal);
  yield finish('models', started, models.outcome);
  if (isCancelled(models.outcome)) return;
  if (models.outcome.status === 'fail') {
    yield* skipRest('request');
    return;
  }

  // 4. Test request.
  started = now();
  const request = await runRequestStep({
    wire: deps.wire,
    provider: target,
    model: chosenModel,
    credential,
    listedModels: models.ids,
    modelsListed: models.outcome.status === 'ok',
    timeoutMs: deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    now,
    signal,
  }).catch((error: unknown): StepOutcome => ({ status: 'fail', area: 'provider', detail: toErrorInfo(error).message, error: toErrorInfo(error), fix: 'This looks like a bug in Switchboard; please report it.' }));
  yield finish('request', started, request);
}

function credentialDetail(credential: Credential): string {
  if (credential.source.type === 'none') return 'No credential needed (no env_key or auth command is configured).';
  return `From ${describeCredentialSource(credential.source)}.`;
}

/** The steps of a finished test, summed up: `ok` when none failed; the first failure, if any. */
export function summarizeConnection(steps: readonly ConnectionStep[]): { ok: boolean; failed?: ConnectionStep } {
  const failed = steps.find((s) => s.status === 'fail');
  return failed ? { ok: false, failed } : { ok: true };
}

/** Runs the whole test and collects its steps. */
export async function runConnectionTest(
  deps: ConnectionTestDeps,
  provider: ProviderInfo | string,
  model: string | undefined,
  options: ConnectionTestOptions = {},
): Promise<ConnectionStep[]> {
  const steps: ConnectionStep[] = [];
  for await (const step of testConnection(deps, provider, model, options)) steps.push(step);
  return steps;
}
