/**
 * Tokens from `[model_providers.<id>.auth]` commands: run without a shell and without stdin,
 * stdout trimmed, cached until `refresh_interval_ms` passes, re-run on demand after a 401, and
 * shared between concurrent requests so one burst of requests runs the command once.
 */
import type { Env, ProcessRunner } from '../ports';
import { authCommandError, type CommandFailure } from './authErrors';
import type { CommandAuth, ProviderInfo } from './providerInfo';
import { redactSecrets } from './redact';

/** A token with its cache times (epoch ms). */
export interface CommandToken {
  token: string;
  fetchedAt: number;
  /** When it will be fetched again; undefined when `refresh_interval_ms` is 0 (only after a 401). */
  refreshesAt?: number;
}

/** Options for `CommandTokenSource`. */
export interface CommandTokenSourceOptions {
  runner: ProcessRunner;
  /** Environment the command runs with (PATH, HOME, CODEX_HOME...). */
  env: Env;
  now: () => number;
  /** Cap on the command's stdout; a longer answer is an error, not a token (default 64 KiB). */
  maxTokenBytes?: number;
}

const DEFAULT_MAX_TOKEN_BYTES = 64 * 1024;

/** Identity of a command configuration: a changed config must not reuse an old token. */
function cacheKey(providerId: string, auth: CommandAuth): string {
  return JSON.stringify([providerId, auth.command, auth.args, auth.cwd ?? null]);
}

/** Runs auth commands and caches their tokens per provider and command. */
export class CommandTokenSource {
  private readonly cache = new Map<string, CommandToken>();
  private readonly inFlight = new Map<string, Promise<CommandToken>>();
  private readonly maxTokenBytes: number;

  constructor(private readonly options: CommandTokenSourceOptions) {
    this.maxTokenBytes = options.maxTokenBytes ?? DEFAULT_MAX_TOKEN_BYTES;
  }

  /**
   * The token for `provider.auth`: cached when still fresh (and `forceRefresh` is not set),
   * otherwise from a run of the command — joining a run already in progress if there is one.
   */
  async get(provider: ProviderInfo, auth: CommandAuth, forceRefresh = false): Promise<CommandToken> {
    const key = cacheKey(provider.id, auth);
    const running = this.inFlight.get(key);
    if (running) return running;
    const cached = this.cache.get(key);
    if (cached && !forceRefresh && (cached.refreshesAt === undefined || this.options.now() < cached.refreshesAt)) {
      return cached;
    }
    const run = this.fetch(provider, auth).then(
      (token) => {
        this.cache.set(key, token);
        return token;
      },
      (error: unknown) => {
        this.cache.delete(key);
        throw error;
      },
    );
    const shared = run.finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, shared);
    return shared;
  }

  /** The cached token's times without running anything (for status displays). */
  peek(providerId: string, auth: CommandAuth): Omit<CommandToken, 'token'> | undefined {
    const cached = this.cache.get(cacheKey(providerId, auth));
    return cached && { fetchedAt: cached.fetchedAt, refreshesAt: cached.refreshesAt };
  }

  /** Forgets cached tokens (all, or one provider's). */
  clear(providerId?: string): void {
    if (providerId === undefined) {
      this.cache.clear();
      return;
    }
    for (const key of [...this.cache.keys()]) {
      if ((JSON.parse(key) as unknown[])[0] === providerId) this.cache.delete(key);
    }
  }

  private async fetch(provider: ProviderInfo, auth: CommandAuth): Promise<CommandToken> {
    const fail = (failure: CommandFailure, stderr?: string, stdout?: string) =>
      authCommandError(provider, auth.command, failure, stderr && redactSecrets(stderr, [stdout?.trim(), ...knownSecrets(provider, this.options.env)]));
    let result;
    try {
      result = await this.options.runner.runCommand(auth.command, auth.args, {
        cwd: auth.cwd,
        env: this.options.env,
        timeoutMs: auth.timeoutMs,
        // One byte more than allowed, so "longer than the cap" is visible in what comes back.
        maxOutputBytes: this.maxTokenBytes + 1,
      });
    } catch (error) {
      throw fail({ type: 'not-started', detail: spawnErrorDetail(error) });
    }
    if (result.timedOut) throw fail({ type: 'timeout', timeoutMs: auth.timeoutMs }, result.stderr, result.stdout);
    if (result.exitCode === null && result.signal) throw fail({ type: 'signal', signal: result.signal }, result.stderr, result.stdout);
    if (result.exitCode !== 0) throw fail({ type: 'exit', exitCode: result.exitCode ?? -1 }, result.stderr, result.stdout);
    if (new TextEncoder().encode(result.stdout).length > this.maxTokenBytes) {
      throw fail({ type: 'too-long', maxBytes: this.maxTokenBytes });
    }
    const token = result.stdout.trim();
    if (!token) throw fail({ type: 'empty' }, result.stderr);
    const fetchedAt = this.options.now();
    return {
      token,
      fetchedAt,
      refreshesAt: auth.refreshIntervalMs > 0 ? fetchedAt + auth.refreshIntervalMs : undefined,
    };
  }
}

/** Values that must never show up in an error even if a command echoes them on stderr. */
function knownSecrets(provider: ProviderInfo, env: Env): (string | undefined)[] {
  return [provider.experimentalBearerToken, provider.envKey ? env[provider.envKey] : undefined];
}

function spawnErrorDetail(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return 'command not found';
  if (code === 'EACCES') return 'permission denied: the file is not executable';
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
