/**
 * Extra CA certificates for corporate networks (TLS-inspecting proxies, internal gateways).
 * Node applies `NODE_EXTRA_CA_CERTS` only to its default TLS context, and a custom undici Agent
 * with its own `ca` list replaces that context, so we read it ourselves together with the
 * provider's `caCertificate` path and `CODEX_CA_CERTIFICATE` (Codex's variable, with
 * `SSL_CERT_FILE` as its fallback).
 *
 * Explicit settings (`caCertificate`, `CODEX_CA_CERTIFICATE`) must be readable PEM or the request
 * fails with a config error. Ambient variables many machines set anyway (`SSL_CERT_FILE`,
 * `NODE_EXTRA_CA_CERTS`) are used when readable and otherwise skipped.
 */
import { rootCertificates } from 'node:tls';
import { SwitchboardError } from '../../../shared/errors';
import type { Env, Logger } from '../../ports';
import type { ProviderInfo } from '../../providers/providerInfo';
import type { ReadTextFile } from '../wireDeps';

interface CaSource {
  path: string;
  /** Where the path came from, for messages. */
  origin: string;
  explicit: boolean;
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The CA files that add trust for `provider` (NODE_EXTRA_CA_CERTS not included). */
export function extraCaSources(provider: ProviderInfo, env: Env): CaSource[] {
  const sources: CaSource[] = [];
  const add = (path: string | undefined, origin: string, explicit: boolean) => {
    if (path && !sources.some((s) => s.path === path)) sources.push({ path, origin, explicit });
  };
  add(clean(provider.caCertificate), `caCertificate of provider \`${provider.id}\``, true);
  const codexCa = clean(env.CODEX_CA_CERTIFICATE);
  if (codexCa) add(codexCa, 'CODEX_CA_CERTIFICATE', true);
  else add(clean(env.SSL_CERT_FILE), 'SSL_CERT_FILE', false);
  return sources;
}

function configError(provider: ProviderInfo, message: string, fix: string): SwitchboardError {
  return new SwitchboardError({ kind: 'config', message, fix, providerId: provider.id, actions: ['openConfig'] });
}

/**
 * The full CA list for a custom agent: Node's bundled roots, `NODE_EXTRA_CA_CERTS`, and each
 * extra file. Undefined when no extra file is configured (the default agent is fine then).
 */
export async function loadCaList(
  provider: ProviderInfo,
  env: Env,
  readFile: ReadTextFile | undefined,
  logger?: Logger,
): Promise<string[] | undefined> {
  const sources = extraCaSources(provider, env);
  if (sources.length === 0) return undefined;
  const nodeExtra = clean(env.NODE_EXTRA_CA_CERTS);
  if (nodeExtra && !sources.some((s) => s.path === nodeExtra)) {
    sources.unshift({ path: nodeExtra, origin: 'NODE_EXTRA_CA_CERTS', explicit: false });
  }
  const pems: string[] = [];
  for (const source of sources) {
    if (!readFile) {
      if (source.explicit) {
        throw new SwitchboardError({
          kind: 'internal',
          message: `A CA certificate is configured (${source.origin}) but no file reader was given to the wire layer.`,
          providerId: provider.id,
        });
      }
      continue;
    }
    let pem: string;
    try {
      pem = await readFile(source.path);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!source.explicit) {
        logger?.warn(`Ignoring ${source.origin}=${source.path}: ${reason}`);
        continue;
      }
      throw configError(
        provider,
        `Cannot read the CA certificate file ${source.path} (from ${source.origin}): ${reason}`,
        "Point it at a readable PEM file with your network's root certificate, or remove the setting.",
      );
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      if (!source.explicit) continue;
      throw configError(
        provider,
        `The CA certificate file ${source.path} (from ${source.origin}) contains no PEM certificate.`,
        'Use a PEM file (text starting with -----BEGIN CERTIFICATE-----).',
      );
    }
    pems.push(pem);
  }
  return pems.length > 0 ? [...rootCertificates, ...pems] : undefined;
}
