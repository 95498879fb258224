/**
 * Turns a merged provider (built-in values plus every layer's keys) into a `ProviderInfo` with
 * defaults applied, checks the rules that span keys (an `auth` command excludes other credential
 * keys), and derives Bedrock's region and base URL.
 */
import type { AwsSettings, CommandAuth, ProviderInfo, WireApi } from '../providers/providerInfo';
import type { Diagnostic, Sourced } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import { displaySafeValue } from './displaySafe';
import { keyPathText, locateIn, withValue } from './layers';
import { PROVIDER_CONFIG_FIELDS, defaultFieldValue, toCommandAuth, type MergeContext, type ProviderState } from './providerFields';
import { bedrockMantleBaseUrl } from '../wire/bedrock/bedrockEndpoint';

const BEDROCK = 'amazon-bedrock';
const BUILTIN: Omit<Sourced<unknown>, 'value'> = { source: 'builtin' };

/**
 * Provenance of a field no layer set (same for every provider except `name`): shared, frozen
 * objects, since a 2,000-provider config would otherwise allocate tens of thousands of copies.
 */
const DEFAULT_SOURCES = Object.fromEntries(
  PROVIDER_CONFIG_FIELDS.map((field) => {
    const value = defaultFieldValue(field, '');
    return [field, Object.freeze({ value: value !== null && typeof value === 'object' ? Object.freeze(value) : value, source: 'builtin' as const })];
  }),
) as Record<string, Sourced<unknown>>;
const REGION = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;

/** Where to point a diagnostic about `key` of this provider: the highest table that set it. */
function whereKey(state: ProviderState, key: string) {
  for (let i = state.tables.length - 1; i >= 0; i--) {
    const t = state.tables[i];
    if (t.values[key] !== undefined) return locateIn(t.layer, ['model_providers', state.id, key]);
  }
  const last = state.tables[state.tables.length - 1];
  return last ? locateIn(last.layer, ['model_providers', state.id]) : {};
}

function whereText(state: ProviderState, key: string): string {
  const w = whereKey(state, key);
  return w.file ? ` (${w.file}${w.position ? `:${w.position.line}` : ''})` : '';
}

function checkAuth(state: ProviderState, diagnostics: Diagnostic[]): void {
  const auth = state.fields.get('auth');
  if (!auth) return;
  const commandAuth = toCommandAuth(auth.value as Record<string, unknown>);
  const table = `[${keyPathText(['model_providers', state.id, 'auth'])}]`;
  if (!commandAuth) {
    diagnostics.push(
      makeDiagnostic('error', DiagnosticCodes.invalidValue, `${table} has no \`command\`; the auth table is ignored.`, 'Add command = "<program that prints a token>" (and args = [...]).', whereKey(state, 'auth')),
    );
    state.fields.delete('auth');
    return;
  }
  auth.value = commandAuth;
  const conflicts: string[] = [];
  const envKey = state.fields.get('envKey');
  if (envKey && envKey.source !== 'builtin') conflicts.push('env_key');
  if (state.fields.has('experimentalBearerToken')) conflicts.push('experimental_bearer_token');
  if (state.fields.get('requiresOpenaiAuth')?.value === true) conflicts.push('requires_openai_auth');
  if (conflicts.length > 0) {
    const others = conflicts.map((k) => `\`${k}\`${whereText(state, k)}`).join(', ');
    diagnostics.push(
      makeDiagnostic(
        'error',
        DiagnosticCodes.authConflict,
        `Provider "${state.id}" has an auth command and also ${others}; a provider gets its token from one place. The auth command is used and ${conflicts.join(', ')} ignored.`,
        `Remove ${conflicts.join(', ')} from [model_providers.${state.id}], or remove its auth table.`,
        whereKey(state, 'auth'),
      ),
    );
  }
  // A built-in env_key (azure) simply gives way to a configured auth command.
  state.fields.delete('envKey');
  state.fields.delete('experimentalBearerToken');
  state.fields.delete('requiresOpenaiAuth');
}

function deriveBedrock(state: ProviderState, context: MergeContext, diagnostics: Diagnostic[]): void {
  const aws = { ...((state.fields.get('aws')?.value as Record<string, unknown> | undefined) ?? {}) };
  let region: Sourced<unknown> | undefined = state.fields.get('aws.region');
  if (typeof aws.region !== 'string' && context.awsRegion) {
    aws.region = context.awsRegion.value;
    region = withValue(context.awsRegion, aws.region);
    state.fields.set('aws.region', region);
  }
  const prev = state.fields.get('aws');
  const configured = prev !== undefined && prev.source !== 'builtin';
  state.fields.set('aws', withValue(configured ? prev : (region ?? BUILTIN), aws));
  if (state.fields.has('baseUrl') || typeof aws.region !== 'string' || !region) return;
  if (!REGION.test(aws.region)) {
    diagnostics.push(
      makeDiagnostic('error', DiagnosticCodes.invalidValue, `AWS region "${aws.region.slice(0, 40)}" for amazon-bedrock is not a valid region name.`, 'Use a region such as "us-east-1" or "eu-central-1".', region.source === 'env' ? {} : whereKey(state, 'aws')),
    );
    return;
  }
  const url = bedrockMantleBaseUrl(aws.region);
  state.fields.set('baseUrl', withValue(region, url));
}

/** Builds the ProviderInfo and its field sources. */
export function finalizeProvider(state: ProviderState, context: MergeContext, diagnostics: Diagnostic[]): { provider: ProviderInfo; sources: Record<string, Sourced<unknown>> } {
  checkAuth(state, diagnostics);
  if (state.id === BEDROCK) deriveBedrock(state, context, diagnostics);

  const sources: Record<string, Sourced<unknown>> = {};
  const values: Record<string, unknown> = {};
  for (const field of PROVIDER_CONFIG_FIELDS) {
    const f = state.fields.get(field);
    const value = f ? f.value : defaultFieldValue(field, state.id);
    values[field] = value;
    if (!f && field !== 'name') {
      sources[field] = DEFAULT_SOURCES[field];
      continue;
    }
    const shown = displaySafeValue(field, value);
    // The field's own state object is reused when it already holds what may be shown.
    sources[field] = f && shown === f.value ? f : withValue(f ?? BUILTIN, shown);
  }
  if (state.tables.length > 0 || state.id === BEDROCK) {
    for (const [key, f] of state.fields) if (key.includes('.')) sources[key] = f;
  }

  const top = state.tables[state.tables.length - 1];
  const provider: ProviderInfo = {
    id: state.id,
    name: values.name as string,
    wireApi: values.wireApi as WireApi,
    httpHeaders: values.httpHeaders as Record<string, string>,
    envHttpHeaders: values.envHttpHeaders as Record<string, string>,
    queryParams: values.queryParams as Record<string, string>,
    requestMaxRetries: values.requestMaxRetries as number,
    streamMaxRetries: values.streamMaxRetries as number,
    streamIdleTimeoutMs: values.streamIdleTimeoutMs as number,
    supportsWebsockets: values.supportsWebsockets as boolean,
    requiresOpenaiAuth: values.requiresOpenaiAuth as boolean,
    source: top ? top.layer.source : 'builtin',
    fromWorkspace: state.fromWorkspace,
  };
  if (values.baseUrl !== undefined) provider.baseUrl = values.baseUrl as string;
  if (values.envKey !== undefined) provider.envKey = values.envKey as string;
  if (values.envKeyInstructions !== undefined) provider.envKeyInstructions = values.envKeyInstructions as string;
  if (values.experimentalBearerToken !== undefined) provider.experimentalBearerToken = values.experimentalBearerToken as string;
  if (values.auth !== undefined) provider.auth = values.auth as CommandAuth;
  if (values.defaultModel !== undefined) provider.defaultModel = values.defaultModel as string;
  if (values.caCertificate !== undefined) provider.caCertificate = values.caCertificate as string;
  if (values.aws !== undefined) provider.aws = values.aws as AwsSettings;
  if (top?.layer.file) {
    provider.file = top.layer.file;
    const line = top.layer.positions?.lineOf([...top.layer.prefix, 'model_providers', state.id]);
    if (line !== undefined) provider.line = line;
  }
  return { provider, sources };
}
