/**
 * The `CredentialResolver`: finds a provider's credential for each request. Sources, in order:
 *
 * 1. `[model_providers.<id>.auth]` command (config makes it exclusive with `env_key` and
 *    `experimental_bearer_token`, so nothing else is tried when it is set);
 * 2. the `env_key` environment variable, when set and not blank — **an environment variable wins
 *    over a key saved in SecretStorage**, as in Codex, so a shell `export` always takes effect;
 * 3. a key saved in the `SecretStore` under the provider id (VS Code only; the CLI has none);
 * 4. `experimental_bearer_token` from the config;
 * 5. AWS credentials for Bedrock (signing happens in the wire layer; no token here);
 * 6. nothing — fine for providers without `env_key` (Ollama, LM Studio, open gateways);
 *    with `env_key`, a "Missing environment variable" auth error.
 *
 * Two trust checks: `allowWorkspaceCommands` (checked before running: a workspace config may not
 * make us run programs unless allowed) and the `mayUseCredential` hook (checked before a found
 * credential is handed out: the VS Code layer refuses to send keys to workspace-defined
 * providers in untrusted workspaces, or asks the user first). For workspace-defined providers the
 * hook also sees each environment variable `env_http_headers` would send (as an `env` source).
 */
import { SwitchboardError } from '../../shared/errors';
import type { Clock, Env, ProcessRunner, SecretStore } from '../ports';
import { missingEnvKeyError, untrustedWorkspaceError } from './authErrors';
import { CommandTokenSource } from './commandTokenSource';
import type { Credential, CredentialRequestOptions, CredentialResolver, CredentialSource } from './credential';
import type { ProviderInfo } from './providerInfo';
import { awsDetail, effectiveEnvKey, isAwsProvider, readEnvValue } from './providerAuth';

/** Options for `createCredentialResolver`. */
export interface CredentialResolverOptions {
  /** Environment, read at each request (pass `process.env` to see later changes). */
  env: Env;
  /** Runs `auth` commands; required when any provider uses `[...auth]`. */
  processRunner?: ProcessRunner;
  /** Keys saved by the user (VS Code SecretStorage). */
  secretStore?: SecretStore;
  clock?: Pick<Clock, 'now'>;
  /**
   * Whether auth commands defined (even partly) by a workspace file may run. Default false:
   * opening a repository must never run a program it names. The CLI passes true because it only
   * applies workspace files the user trusted.
   */
  allowWorkspaceCommands?: boolean;
  /**
   * Trust gate called with the credential's source after it was found and before it is
   * returned for sending (default: allow). For auth commands this is after the command ran
   * (`allowWorkspaceCommands` decides whether it may run at all). Returning false fails the
   * request with a "workspace is not trusted" auth error; the hook may also throw its own
   * `SwitchboardError` (e.g. "you declined to send this key").
   */
  mayUseCredential?: (provider: ProviderInfo, source: CredentialSource) => boolean | Promise<boolean>;
  /** Cap on an auth command's stdout in bytes (default 64 KiB). */
  maxTokenBytes?: number;
}

/** A `CredentialResolver` with cache inspection for status displays. */
export interface CachingCredentialResolver extends CredentialResolver {
  /**
   * The `command` source of a cached token (fetchedAt, refreshesAt) without running anything;
   * undefined when the provider has no auth command or nothing is cached.
   */
  cachedCommandSource(provider: ProviderInfo): CredentialSource | undefined;
  /** Forgets cached command tokens (all, or one provider's), e.g. after the config changed. */
  clearCache(providerId?: string): void;
}

/** Creates the resolver described at the top of this file. */
export function createCredentialResolver(options: CredentialResolverOptions): CachingCredentialResolver {
  const now = () => (options.clock ? options.clock.now() : Date.now());
  let commands: CommandTokenSource | undefined;
  const commandSource = () => {
    if (!options.processRunner) {
      throw new SwitchboardError({ kind: 'internal', message: 'Auth commands need a process runner, and none was given.' });
    }
    commands ??= new CommandTokenSource({
      runner: options.processRunner,
      env: options.env,
      now,
      maxTokenBytes: options.maxTokenBytes,
    });
    return commands;
  };

  const gate = async (provider: ProviderInfo, credential: Credential, what: string): Promise<Credential> => {
    if (options.mayUseCredential && !(await options.mayUseCredential(provider, credential.source))) {
      throw untrustedWorkspaceError(provider, what);
    }
    return credential;
  };

  /**
   * `env_http_headers` copy environment variables into headers, so for a provider a workspace
   * file defined or changed, each value set goes through the same gate as a credential (source
   * `env`, named by the variable): refused in an untrusted workspace, asked about in a trusted one.
   */
  const gateEnvHeaders = async (provider: ProviderInfo): Promise<void> => {
    if (!provider.fromWorkspace || !options.mayUseCredential) return;
    for (const variable of new Set(Object.values(provider.envHttpHeaders ?? {}))) {
      if (readEnvValue(options.env, variable) === undefined) continue;
      if (!(await options.mayUseCredential(provider, { type: 'env', name: variable }))) {
        throw untrustedWorkspaceError(provider, `send the value of ${variable} (env_http_headers)`);
      }
    }
  };

  async function resolve(provider: ProviderInfo, request: CredentialRequestOptions = {}): Promise<Credential> {
    const credential = await resolveCredential(provider, request);
    await gateEnvHeaders(provider);
    return credential;
  }

  async function resolveCredential(provider: ProviderInfo, request: CredentialRequestOptions): Promise<Credential> {
    throwIfAborted(request.signal);
    const env = options.env;

    if (provider.auth) {
      const auth = provider.auth;
      if (provider.fromWorkspace && !options.allowWorkspaceCommands) {
        throw untrustedWorkspaceError(provider, 'run its auth command');
      }
      const result = await withAbort(commandSource().get(provider, auth, request.forceRefresh), request.signal);
      const source: CredentialSource = {
        type: 'command',
        command: auth.command,
        fetchedAt: result.fetchedAt,
        refreshesAt: result.refreshesAt,
      };
      return gate(provider, { token: result.token, source }, 'send the token from its auth command');
    }

    const envKey = effectiveEnvKey(provider);
    const fromEnv = envKey ? readEnvValue(env, envKey) : undefined;
    if (envKey && fromEnv) {
      return gate(provider, { token: fromEnv, source: { type: 'env', name: envKey } }, `send the key from ${envKey}`);
    }

    const saved = (await options.secretStore?.get(provider.id))?.trim();
    if (saved) {
      return gate(provider, { token: saved, source: { type: 'secret-storage' } }, 'send your saved API key');
    }

    const bearer = provider.experimentalBearerToken?.trim();
    if (bearer) {
      return gate(provider, { token: bearer, source: { type: 'bearer-token' } }, 'send its experimental_bearer_token');
    }

    if (isAwsProvider(provider)) {
      return gate(provider, { source: { type: 'aws', detail: awsDetail(provider, env) } }, 'use your AWS credentials');
    }

    if (envKey) throw missingEnvKeyError(provider, envKey);
    return { source: { type: 'none' } }; // nothing is sent, so there is nothing to gate
  }

  return {
    resolve,
    cachedCommandSource(provider) {
      if (!provider.auth || !commands) return undefined;
      const times = commands.peek(provider.id, provider.auth);
      return times && { type: 'command', command: provider.auth.command, ...times };
    },
    clearCache(providerId) {
      commands?.clear(providerId);
    },
  };
}

function abortReason(signal: AbortSignal): Error {
  const error = new Error('Cancelled.');
  error.name = 'AbortError';
  return signal.reason instanceof Error && signal.reason.name === 'AbortError' ? signal.reason : error;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/**
 * Waits for `promise` unless `signal` aborts first. The shared command run itself keeps going
 * (other requests may be waiting on it); its own timeout bounds it.
 */
function withAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
