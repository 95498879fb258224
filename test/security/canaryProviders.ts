/**
 * Providers whose credential is a canary, one per auth source and wire protocol, defined in a
 * real user config file and loaded with the real loader: `env` (env_key), `store` (SecretStorage),
 * `bearer` (experimental_bearer_token), `command` (an auth command printing the token). Each also
 * sends a canary env_http_headers value under a harmless-looking header name.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../../src/core/ports';
import { createCredentialResolver, type CachingCredentialResolver } from '../../src/core/providers/credentialResolver';
import type { ProviderInfo, WireApi } from '../../src/core/providers/providerInfo';
import { createNodeProcessRunner } from '../../src/node/processRunner';
import { CanarySet, memorySecretStore } from '../helpers/canary';
import { loadSandbox, providerOf, q, sandbox, tempDir, type Sandbox } from './support';

export const SOURCES = ['env', 'store', 'bearer', 'command'] as const;
export type Source = (typeof SOURCES)[number];
export const WIRES: WireApi[] = ['responses', 'chat', 'anthropic'];

export interface CanaryProviders {
  canaries: CanarySet;
  /** The canary each source supplies. */
  tokenOf: Record<Source, string>;
  /** The env_http_headers canary. */
  headerValue: string;
  env: Env;
  box: Sandbox;
  provider(source: Source, wire: WireApi): ProviderInfo;
  /** A fresh resolver (real process runner, SecretStorage fake holding the `store` canary). */
  resolver(): CachingCredentialResolver;
}

function providerToml(id: string, wire: WireApi, baseUrl: string, source: Source, bearer: string, tokenScript: string): string {
  const lines = [
    `[model_providers.${id}]`,
    `name = "Canary ${source} ${wire}"`,
    `base_url = ${q(baseUrl)}`,
    `wire_api = "${wire}"`,
    'request_max_retries = 1',
    'stream_max_retries = 1',
    'stream_idle_timeout_ms = 5000',
    'env_http_headers = { "X-Tenant-Route" = "SB_CANARY_ROUTE" }',
  ];
  if (source === 'env') lines.push('env_key = "SB_CANARY_KEY"');
  if (source === 'bearer') lines.push(`experimental_bearer_token = ${q(bearer)}`);
  if (source === 'command') lines.push(`[model_providers.${id}.auth]`, `command = ${q(process.execPath)}`, `args = [${q(tokenScript)}]`, 'refresh_interval_ms = 0');
  return lines.join('\n') + '\n';
}

/** Writes the config and loads it; fails if loading reported an error or echoed a canary. */
export async function setupCanaryProviders(baseUrl: string): Promise<CanaryProviders> {
  const canaries = new CanarySet();
  const tokenOf: Record<Source, string> = {
    env: canaries.add('env key'),
    store: canaries.add('secret store'),
    bearer: canaries.add('bearer token'),
    command: canaries.add('auth command'),
  };
  const headerValue = canaries.add('env http header');
  const dir = tempDir();
  const tokenFile = join(dir, 'token.txt');
  writeFileSync(tokenFile, `${tokenOf.command}\n`);
  const tokenScript = join(dir, 'print-token.cjs');
  writeFileSync(tokenScript, `process.stdout.write(require('fs').readFileSync(${q(tokenFile)}, 'utf8'))`);
  const toml = WIRES.flatMap((wire) => SOURCES.map((source) => providerToml(`${source}-${wire}`, wire, baseUrl, source, tokenOf.bearer, tokenScript))).join('\n');
  const box = sandbox(toml);
  const env: Env = { SB_CANARY_KEY: tokenOf.env, SB_CANARY_ROUTE: headerValue, PATH: process.env.PATH };
  const config = await loadSandbox(box, env);
  canaries.assertAbsent('config diagnostics', config.diagnostics);
  assert.deepEqual(config.diagnostics.filter((d) => d.severity === 'error'), []);
  const providers = new Map<string, ProviderInfo>();
  for (const wire of WIRES) for (const source of SOURCES) providers.set(`${source}-${wire}`, providerOf(config, `${source}-${wire}`));
  return {
    canaries,
    tokenOf,
    headerValue,
    env,
    box,
    provider: (source, wire) => providers.get(`${source}-${wire}`)!,
    resolver: () =>
      createCredentialResolver({
        env,
        processRunner: createNodeProcessRunner(),
        secretStore: memorySecretStore(Object.fromEntries(WIRES.map((w) => [`store-${w}`, tokenOf.store]))),
      }),
  };
}
