/**
 * Turns a merged provider (built-in values plus every layer's keys) into a `ProviderInfo` with
 * defaults applied, checks the rules that span keys (an `auth` command excludes other credential
 * keys), and derives Bedrock's region and base URL. When asked, also works out which layer set
 * each field (provenance): the highest of the provider's tables that sets it, else the environment
 * or the built-in.
 */
import type { AwsSettings, CommandAuth, ProviderInfo, WireApi } from '../providers/providerInfo';
import type { Diagnostic, Sourced } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import { displaySafeValue } from './displaySafe';
import { keyPathText, locateIn, withValue } from './layers';
import { PROVIDER_CONFIG_FIELDS, defaultFieldValue, tablePathOf, toCommandAuth, type MergeContext, type ProviderConfigField, type ProviderState } from './providerFields';
import type { ProviderLayerTable } from './providerTable';
import { isTable } from './validateTable';
import { bedrockMantleBaseUrl } from '../wire/bedrock/bedrockEndpoint';
import { setLazyLine } from './lazyLine';
import { slotOf } from './fieldValues';

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

/** The highest table of the provider that sets field `fieldKey` (`baseUrl`, `auth.command`...). */
function lastTableWith(state: ProviderState, fieldKey: string): ProviderLayerTable | undefined {
  const [key, sub] = tablePathOf(fieldKey);
  for (let i = state.tables.length - 1; i >= 0; i--) {
    const t = state.tables[i];
    const v = t.values[key];
    if (sub === undefined ? v !== undefined : isTable(v) && v[sub] !== undefined) return t;
  }
  return undefined;
}

/**
 * Who set field `fieldKey`: the environment or a value derived from it (`state.origins`), else the
 * highest table that sets it (with the key's line when `withLines`), else the built-in.
 */
function originOf(state: ProviderState, fieldKey: string, withLines: boolean): Omit<Sourced<unknown>, 'value'> {
  const known = state.origins?.get(fieldKey);
  if (known) return known;
  const t = lastTableWith(state, fieldKey);
  if (!t) return BUILTIN;
  const origin: Omit<Sourced<unknown>, 'value'> = { source: t.layer.source };
  if (t.layer.file === undefined) return origin;
  origin.file = t.layer.file;
  if (withLines) {
    const path = tablePathOf(fieldKey);
    const line = t.layer.positions?.childLines([...t.layer.prefix, 'model_providers', state.id, ...path.slice(0, -1)])(path[path.length - 1]);
    if (line !== undefined) origin.line = line;
  }
  return origin;
}

function setOrigin(state: ProviderState, fieldKey: string, origin: Omit<Sourced<unknown>, 'value'>): void {
  (state.origins ??= new Map()).set(fieldKey, origin);
}

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
  const auth = state.values.get('auth');
  if (auth === undefined) return;
  const commandAuth = toCommandAuth(auth as Record<string, unknown>);
  if (!commandAuth) {
    const table = `[${keyPathText(['model_providers', state.id, 'auth'])}]`;
    diagnostics.push(
      makeDiagnostic('error', DiagnosticCodes.invalidValue, `${table} has no \`command\`; the auth table is ignored.`, 'Add command = "<program that prints a token>" (and args = [...]).', whereKey(state, 'auth')),
    );
    state.values.delete('auth');
    return;
  }
  state.values.set('auth', commandAuth);
  const conflicts: string[] = [];
  // A built-in env_key (azure) is no conflict: it simply gives way to a configured auth command.
  if (state.values.has('envKey') && lastTableWith(state, 'envKey')) conflicts.push('env_key');
  if (state.values.has('experimentalBearerToken')) conflicts.push('experimental_bearer_token');
  if (state.values.get('requiresOpenaiAuth') === true) conflicts.push('requires_openai_auth');
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
  state.values.delete('envKey');
  state.values.delete('experimentalBearerToken');
  state.values.delete('requiresOpenaiAuth');
}

function deriveBedrock(state: ProviderState, context: MergeContext, diagnostics: Diagnostic[], withLines: boolean): void {
  const aws = { ...((state.values.get('aws') as Record<string, unknown> | undefined) ?? {}) };
  let region = state.values.has('aws.region') ? originOf(state, 'aws.region', withLines) : undefined;
  if (typeof aws.region !== 'string' && context.awsRegion) {
    aws.region = context.awsRegion.value;
    region = context.awsRegion;
    state.values.setSub('aws.region', aws.region);
    setOrigin(state, 'aws.region', region);
  }
  // A configured aws table keeps its provenance; otherwise the table is the region's doing.
  const configured = state.values.has('aws') && lastTableWith(state, 'aws') !== undefined;
  state.values.set('aws', aws);
  if (!configured) setOrigin(state, 'aws', region ?? BUILTIN);
  if (state.values.has('baseUrl') || typeof aws.region !== 'string' || !region) return;
  if (!REGION.test(aws.region)) {
    diagnostics.push(
      makeDiagnostic('error', DiagnosticCodes.invalidValue, `AWS region "${aws.region.slice(0, 40)}" for amazon-bedrock is not a valid region name.`, 'Use a region such as "us-east-1" or "eu-central-1".', region.source === 'env' ? {} : whereKey(state, 'aws')),
    );
    return;
  }
  state.values.set('baseUrl', bedrockMantleBaseUrl(aws.region));
  setOrigin(state, 'baseUrl', region);
}

/**
 * What `finalizeProvider` builds besides the provider: no provenance (a load), provenance with
 * file lines (`fieldSources`), or provenance without them (no file scan).
 */
export type SourcesMode = 'none' | 'lines' | 'unlined';

/** A merged provider and, when asked for, where each of its fields came from. */
export interface FinalizedProvider {
  provider: ProviderInfo;
  sources?: Record<string, Sourced<unknown>>;
}

/** Display-safe provenance of every field, then of every sub-field (`auth.command`...) a table set. */
function sourcesOf(state: ProviderState, provider: ProviderInfo, withLines: boolean): Record<string, Sourced<unknown>> {
  const sources: Record<string, Sourced<unknown>> = {};
  for (const field of PROVIDER_CONFIG_FIELDS) {
    const set = state.values.has(field);
    if (!set && field !== 'name') {
      sources[field] = DEFAULT_SOURCES[field];
      continue;
    }
    sources[field] = withValue(set ? originOf(state, field, withLines) : BUILTIN, displaySafeValue(field, provider[field]));
  }
  if (state.tables.length > 0 || state.id === BEDROCK) {
    for (const key of state.values.subFields()) {
      const value = state.values.get(key);
      // `auth.args` is the parsed file's own array: provenance gets a copy.
      sources[key] = withValue(originOf(state, key, withLines), Array.isArray(value) ? [...value] : value);
    }
  }
  return sources;
}

/** Each config field's slot in `FieldValues`, read below by constant name. */
const SLOT = Object.fromEntries(PROVIDER_CONFIG_FIELDS.map((field) => [field, slotOf(field)])) as Record<ProviderConfigField, number>;

/** The merged value of `field`, or its default when no layer set it. */
function valueOf(state: ProviderState, field: ProviderConfigField, slot: number): unknown {
  const v = state.values.getAt(slot);
  return v !== undefined ? v : defaultFieldValue(field, state.id);
}

/** Builds the ProviderInfo (its `line` is computed when first read) and, as `sources` says, its field sources. */
export function finalizeProvider(state: ProviderState, context: MergeContext, diagnostics: Diagnostic[], sources: SourcesMode): FinalizedProvider {
  checkAuth(state, diagnostics);
  if (state.id === BEDROCK) deriveBedrock(state, context, diagnostics, sources === 'lines');

  const values = state.values;
  const top = state.tables[state.tables.length - 1];
  const provider: ProviderInfo = {
    id: state.id,
    name: valueOf(state, 'name', SLOT.name) as string,
    wireApi: valueOf(state, 'wireApi', SLOT.wireApi) as WireApi,
    httpHeaders: valueOf(state, 'httpHeaders', SLOT.httpHeaders) as Record<string, string>,
    envHttpHeaders: valueOf(state, 'envHttpHeaders', SLOT.envHttpHeaders) as Record<string, string>,
    queryParams: valueOf(state, 'queryParams', SLOT.queryParams) as Record<string, string>,
    requestMaxRetries: valueOf(state, 'requestMaxRetries', SLOT.requestMaxRetries) as number,
    streamMaxRetries: valueOf(state, 'streamMaxRetries', SLOT.streamMaxRetries) as number,
    streamIdleTimeoutMs: valueOf(state, 'streamIdleTimeoutMs', SLOT.streamIdleTimeoutMs) as number,
    supportsWebsockets: valueOf(state, 'supportsWebsockets', SLOT.supportsWebsockets) as boolean,
    requiresOpenaiAuth: valueOf(state, 'requiresOpenaiAuth', SLOT.requiresOpenaiAuth) as boolean,
    source: top ? top.layer.source : 'builtin',
    fromWorkspace: state.fromWorkspace,
  };
  // Fields without a default: present only when set.
  let v: unknown;
  if ((v = values.getAt(SLOT.baseUrl)) !== undefined) provider.baseUrl = v as string;
  if ((v = values.getAt(SLOT.envKey)) !== undefined) provider.envKey = v as string;
  if ((v = values.getAt(SLOT.envKeyInstructions)) !== undefined) provider.envKeyInstructions = v as string;
  if ((v = values.getAt(SLOT.experimentalBearerToken)) !== undefined) provider.experimentalBearerToken = v as string;
  if ((v = values.getAt(SLOT.auth)) !== undefined) provider.auth = v as CommandAuth;
  if ((v = values.getAt(SLOT.defaultModel)) !== undefined) provider.defaultModel = v as string;
  if ((v = values.getAt(SLOT.caCertificate)) !== undefined) provider.caCertificate = v as string;
  if ((v = values.getAt(SLOT.aws)) !== undefined) provider.aws = v as AwsSettings;
  if (top?.layer.file) {
    provider.file = top.layer.file;
    const layer = top.layer;
    const id = state.id;
    if (layer.positions) setLazyLine(provider, () => layer.positions?.lineOf([...layer.prefix, 'model_providers', id]));
  }
  return sources === 'none' ? { provider } : { provider, sources: sourcesOf(state, provider, sources === 'lines') };
}
