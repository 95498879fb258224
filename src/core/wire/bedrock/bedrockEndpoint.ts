/**
 * Amazon Bedrock as Codex does it: the OpenAI-compatible "Mantle" endpoint
 * `https://bedrock-mantle.<region>.api.aws/openai/v1` speaking the Responses API, signed with
 * SigV4 for the service `bedrock-mantle` (or a Bedrock API key in AWS_BEARER_TOKEN_BEDROCK).
 * A `base_url` in the config overrides the endpoint.
 */
import { SwitchboardError } from '../../../shared/errors';
import type { Env } from '../../ports';
import type { ProviderInfo } from '../../providers/providerInfo';

/** SigV4 service name of the Mantle endpoint. */
export const BEDROCK_SIGNING_SERVICE = 'bedrock-mantle';

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The region: `[model_providers.amazon-bedrock.aws] region`, else AWS_REGION, else AWS_DEFAULT_REGION. */
export function bedrockRegion(provider: ProviderInfo, env: Env): string {
  const region = clean(provider.aws?.region) ?? clean(env.AWS_REGION) ?? clean(env.AWS_DEFAULT_REGION);
  if (region) return region;
  throw new SwitchboardError({
    kind: 'config',
    message: `Amazon Bedrock needs an AWS region for provider \`${provider.id}\`, and none is set.`,
    fix: `Add \`region = "us-east-1"\` (your region) under [model_providers.${provider.id}.aws], or set AWS_REGION.`,
    providerId: provider.id,
    actions: ['openConfig'],
  });
}

/** The Mantle base URL for `region`. */
export function bedrockMantleBaseUrl(region: string): string {
  return `https://bedrock-mantle.${region}.api.aws/openai/v1`;
}

/** `provider` with its base URL filled in from the region when the config gives none. */
export function withBedrockBaseUrl(provider: ProviderInfo, region: string): ProviderInfo {
  return provider.baseUrl ? provider : { ...provider, baseUrl: bedrockMantleBaseUrl(region) };
}
