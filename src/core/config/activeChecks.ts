/**
 * Problems that matter only for the provider in use: no `base_url` (Azure needs the user's resource
 * URL; Bedrock needs a region to derive it), and no model at all. Reported once, at the provider's
 * table when it has one, else where the provider was chosen.
 */
import type { ProviderInfo } from '../providers/providerInfo';
import type { Diagnostic, Sourced } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic, type DiagnosticLocation } from './diagnostics';
import { keyPathText, locateIn, type ConfigLayer } from './layers';
import type { Choice } from './selection';

export interface ActiveCheckInput {
  provider: ProviderInfo;
  choice: Choice<string>;
  /** The layers that define the provider's table, lowest first. */
  layers: readonly ConfigLayer[];
  model: Sourced<string | undefined>;
  /** Where the model was chosen (for the default-provider hint). */
  modelAt: DiagnosticLocation;
  diagnostics: Diagnostic[];
}

const OPENAI_MODEL = /^(gpt-|o\d|codex-|chatgpt-)/i;

/** Adds diagnostics about the active provider. */
export function checkActiveProvider(input: ActiveCheckInput): void {
  const { provider, choice, layers, diagnostics } = input;
  const top = layers[layers.length - 1];
  const at = top ? locateIn(top, ['model_providers', provider.id]) : choice.at;
  const table = `[${keyPathText(['model_providers', provider.id])}]`;
  if (!provider.baseUrl) {
    if (provider.id === 'azure') {
      diagnostics.push(
        makeDiagnostic(
          'error',
          DiagnosticCodes.missingBaseUrl,
          'The active provider "azure" has no base_url: Azure OpenAI needs the URL of your resource.',
          'Add to your config.toml:\n[model_providers.azure]\nbase_url = "https://<resource>.openai.azure.com/openai"',
          at,
        ),
      );
    } else if (provider.id === 'amazon-bedrock') {
      diagnostics.push(
        makeDiagnostic(
          'error',
          DiagnosticCodes.missingRegion,
          'The active provider "amazon-bedrock" has no AWS region, so its endpoint is unknown.',
          'Set AWS_REGION, or add to your config.toml:\n[model_providers.amazon-bedrock.aws]\nregion = "us-east-1"',
          at,
        ),
      );
    } else {
      diagnostics.push(
        makeDiagnostic(
          'error',
          DiagnosticCodes.missingBaseUrl,
          `The active provider "${provider.id}" has no base_url, so Switchboard does not know where to send requests.`,
          `Add base_url = "https://..." to ${table}.`,
          at,
        ),
      );
    }
  }
  if (input.model.value === undefined) {
    diagnostics.push(
      makeDiagnostic(
        'warning',
        DiagnosticCodes.noModel,
        `No model is set for provider "${provider.id}".`,
        `Set model = "<model>" at the top of your config.toml (for Azure: the deployment name), or default_model in ${table}.`,
        choice.at,
      ),
    );
  }
  const model = input.model.value;
  const fromFile = input.model.source === 'user' || input.model.source === 'workspace' || input.model.source === 'profile';
  if (choice.sourced.source === 'builtin' && model !== undefined && fromFile && OPENAI_MODEL.test(model) && provider.wireApi === 'anthropic') {
    diagnostics.push(
      makeDiagnostic(
        'warning',
        DiagnosticCodes.defaultProviderMismatch,
        `model "${model.slice(0, 60)}" looks like an OpenAI model, but nothing sets model_provider, and Switchboard's default provider is "${provider.id}" (the Codex CLI's default is "openai").`,
        'Add model_provider = "openai" next to model (or choose another provider).',
        input.modelAt,
      ),
    );
  }
}
