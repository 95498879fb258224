/**
 * A fetch that authenticates each Bedrock request: `Authorization: Bearer` with a Bedrock API
 * key from AWS_BEARER_TOKEN_BEDROCK, else a SigV4 signature (service `bedrock-mantle`) over the
 * method, URL, body and the `host`, `content-type` and `x-amz*` headers. Other headers are sent
 * unsigned, so proxies that add or drop them do not break the signature.
 */
import type { SignatureV4 } from '@smithy/signature-v4';
import { SwitchboardError } from '../../../shared/errors';
import type { Env, FetchLike } from '../../ports';
import type { ProviderInfo } from '../../providers/providerInfo';
import { awsCredentialsFor } from './awsCredentials';
import { BEDROCK_SIGNING_SERVICE } from './bedrockEndpoint';

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) headers.forEach((value, name) => (out[name] = value));
  else if (Array.isArray(headers)) for (const [name, value] of headers) out[name] = value;
  else Object.assign(out, headers);
  return out;
}

function withoutHeader(headers: Record<string, string>, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() !== name) out[key] = value;
  return out;
}

/** Wraps `transport` with Bedrock authentication for `provider` in `region`. */
export function createBedrockFetch(transport: FetchLike, provider: ProviderInfo, env: Env, region: string): FetchLike {
  const bearer = env.AWS_BEARER_TOKEN_BEDROCK?.trim();
  if (bearer) {
    return (input, init) =>
      transport(input, {
        ...init,
        headers: { ...withoutHeader(headerRecord(init?.headers), 'authorization'), authorization: `Bearer ${bearer}` },
      });
  }
  let signer: Promise<SignatureV4> | undefined;
  const loadSigner = async () => {
    const [{ SignatureV4: Signer }, { Sha256 }] = await Promise.all([import('@smithy/signature-v4'), import('@aws-crypto/sha256-js')]);
    return new Signer({ service: BEDROCK_SIGNING_SERVICE, region, credentials: awsCredentialsFor(provider, env), sha256: Sha256, uriEscapePath: true });
  };
  return async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const headers = withoutHeader(headerRecord(init?.headers), 'authorization');
    const toSign: Record<string, string> = { host: url.host };
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (lower === 'content-type' || lower.startsWith('x-amz')) toSign[lower] = value;
    }
    const query: Record<string, string | string[]> = {};
    for (const [key, value] of url.searchParams) {
      const existing = query[key];
      query[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
    }
    let signed;
    try {
      signer ??= loadSigner();
      signed = await (await signer).sign({
        method: (init?.method ?? 'GET').toUpperCase(),
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port && { port: Number(url.port) }),
        path: url.pathname,
        query,
        headers: toSign,
        body: typeof init?.body === 'string' ? init.body : undefined,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SwitchboardError(
        {
          kind: 'auth',
          message: `Could not get AWS credentials to sign the Amazon Bedrock request: ${reason}`,
          fix: `Set AWS_PROFILE (or aws.profile under [model_providers.${provider.id}]) to a configured profile, run \`aws sso login\`, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_BEARER_TOKEN_BEDROCK).`,
          providerId: provider.id,
          actions: ['openConfig', 'testConnection'],
          retryable: false,
        },
        { cause: error },
      );
    }
    const finalHeaders = { ...headers };
    for (const [name, value] of Object.entries(signed.headers)) if (name !== 'host') finalHeaders[name] = value;
    return transport(input, { ...init, headers: finalHeaders });
  };
}
