// Every real Codex config in the corpus (<repo>/../shared/corpus/codex-configs) loads without a
// crash, with the providers it defines, the exact values spot-checked, and errors only where due.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CODEX_HOME, USER_FILE, WS_FILE, load, onlyDiagnostic, provider } from './loadHelper';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/codex-configs');
const FILES = readdirSync(CORPUS).filter((f) => f.endsWith('.toml')).sort();

function corpus(prefix: string): string {
  const name = FILES.find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`corpus file ${prefix} missing`);
  return readFileSync(resolve(CORPUS, name), 'utf8');
}

const BUILTIN_IDS = ['anthropic', 'openai', 'ollama', 'lmstudio', 'azure', 'amazon-bedrock'];

/** Providers each file defines (besides the built-ins, which must always be present). */
const EXPECTED_PROVIDERS: Record<string, string[]> = {
  '002': ['openai-chat-completions'],
  '003': ['azure'],
  '004': ['example'],
  '006': ['openai-chat-completions'],
  '008': ['mistral'],
  '010': ['qwen38_sglang'],
  '012': ['lucebox'],
  '013': ['deepseek', 'deepseek-flash'],
  '015': ['ds4'],
  '017': ['llmtap'],
  '019': ['cliproxyapi'],
  '020': ['agent-maestro', 'router-maestro', 'litellm'],
  '021': ['maker-local'],
  '024': ['vertex'],
  '025': ['internal'],
  '026': ['azure'],
  '027': ['litellm'],
  '028': ['openaidr'],
  '033': ['openai-api'],
  '036': ['custom'],
  '037': ['azure'],
  '038': ['azure'],
  '039': ['azure'],
  '040': ['openai-chat-completions'],
  '042': ['ollama-custom'],
  '043': ['api_proxy'],
  '044': ['litellm'],
  '045': ['ollama-launch'],
  '046': ['openaicustom'],
  '047': ['amazon-bedrock'],
  '048': ['amazon-bedrock'],
  '049': ['lms'],
  '050': ['openrouter'],
  '051': ['amd_llm'],
};

/** The only error diagnostics each file may produce (none for the rest). */
const EXPECTED_ERRORS: Record<string, string[]> = {
  '005': ['reserved-provider-id'],
  '007': ['reserved-provider-id'],
  '009': ['toml-syntax'],
  '029': ['reserved-provider-id'],
  '035': ['reserved-provider-id'],
  '048': ['missing-region'],
  '049': ['reserved-provider-id'],
  '052': ['toml-syntax'],
};

test('the corpus is there (52 files)', () => {
  assert.equal(FILES.length, 52);
});

test('every corpus file loads as the user config: no crash, built-ins and its providers present, errors only where due', async () => {
  for (const name of FILES) {
    const key = name.slice(0, 3);
    const config = await load({ [USER_FILE]: readFileSync(resolve(CORPUS, name), 'utf8') }, { trustWorkspace: 'user-file' });
    const ids = config.providers.map((p) => p.id);
    for (const id of [...BUILTIN_IDS, ...(EXPECTED_PROVIDERS[key] ?? [])]) assert.ok(ids.includes(id), `${name}: provider ${id} missing`);
    for (const id of EXPECTED_PROVIDERS[key] ?? []) assert.equal(provider(config, id).source, 'user', `${name}: ${id}`);
    assert.ok(ids.includes(config.provider.value), `${name}: active provider exists`);
    const errors = config.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    assert.deepEqual(errors, EXPECTED_ERRORS[key] ?? [], `${name}: ${JSON.stringify(config.diagnostics)}`);
    for (const d of config.diagnostics) {
      assert.ok(d.message && d.code, `${name}: diagnostic has message and code`);
      if (d.file) assert.equal(d.file, USER_FILE);
    }
  }
});

test('every corpus file loads as a workspace codex.toml without hiding the user file\'s provider', async () => {
  for (const name of FILES) {
    const config = await load({
      [USER_FILE]: '[model_providers.mine]\nbase_url = "https://mine.example/v1"\nenv_key = "MINE_KEY"\n',
      [WS_FILE]: readFileSync(resolve(CORPUS, name), 'utf8'),
    });
    assert.equal(provider(config, 'mine').envKey, 'MINE_KEY', name);
  }
});

test('009 and 052 (not valid TOML): toml-syntax error at the right line', async () => {
  const c009 = await load({ [USER_FILE]: corpus('009') });
  const d009 = onlyDiagnostic(c009, 'toml-syntax');
  assert.deepEqual([d009.file, d009.line, d009.column], [USER_FILE, 2, 33]);
  const c052 = await load({ [USER_FILE]: corpus('052') });
  const d052 = onlyDiagnostic(c052, 'toml-syntax');
  assert.deepEqual([d052.file, d052.line, d052.column], [USER_FILE, 1, 1]);
});

test('003 azure: query_params api-version, base_url and name', async () => {
  const config = await load({ [USER_FILE]: corpus('003') });
  const azure = provider(config, 'azure');
  assert.deepEqual(azure.queryParams, { 'api-version': '2025-04-01-preview' });
  assert.equal(azure.baseUrl, 'https://YOUR_PROJECT_NAME.openai.azure.com/openai');
  assert.equal(azure.name, 'Azure');
  assert.equal(azure.envKey, 'AZURE_OPENAI_API_KEY');
  assert.equal(azure.wireApi, 'responses');
});

test('024 vertex: auth command and args, times', async () => {
  const config = await load({ [USER_FILE]: corpus('024') });
  assert.equal(config.provider.value, 'vertex');
  assert.equal(config.model.value, 'gemini-2.5-pro');
  assert.deepEqual(provider(config, 'vertex').auth, { command: 'gcloud', args: ['auth', 'print-access-token'], timeoutMs: 5000, refreshIntervalMs: 300000, cwd: CODEX_HOME });
});

test('044 indented litellm: bearer token warning at its indented position, trusted project', async () => {
  const config = await load({ [USER_FILE]: corpus('044') });
  const d = onlyDiagnostic(config, 'bearer-token-in-config');
  assert.deepEqual([d.severity, d.line, d.column], ['warning', 14, 4]);
  const litellm = provider(config, 'litellm');
  assert.equal(litellm.line, 9);
  assert.equal(litellm.supportsWebsockets, false);
  assert.equal(litellm.experimentalBearerToken, 'REDACTED');
  assert.deepEqual(config.trustedProjects, ['/tmp/lit7355-codex.UkSo']);
  assert.deepEqual(config.model, { value: 'claude-auto', source: 'user', file: USER_FILE, line: 2 });
});

test('046 indented gateway and 051 env_http_headers sub-table', async () => {
  const c046 = await load({ [USER_FILE]: corpus('046') });
  assert.deepEqual(provider(c046, 'openaicustom').envHttpHeaders, { ApiKey: 'OPENAI_AUTH_TOKEN' });
  assert.equal(provider(c046, 'openaicustom').line, 4);
  assert.equal(c046.fieldSources.openaicustom.envHttpHeaders.line, 9);
  const c051 = await load({ [USER_FILE]: corpus('051') });
  const amd = provider(c051, 'amd_llm');
  assert.deepEqual(amd.envHttpHeaders, { 'Ocp-Apim-Subscription-Key': 'LLM_GATEWAY_KEY' });
  assert.equal(amd.baseUrl, 'https://llm-api.amd.com/OpenAI');
  assert.equal(amd.wireApi, 'responses');
});

test('047 and 048 bedrock: aws profile and region merged onto the built-in', async () => {
  const c047 = await load({ [USER_FILE]: corpus('047') });
  const b = provider(c047, 'amazon-bedrock');
  assert.deepEqual(b.aws, { profile: 'default', region: 'eu-central-1' });
  assert.equal(b.baseUrl, 'https://bedrock-mantle.eu-central-1.api.aws/openai/v1');
  assert.equal(b.name, 'Amazon Bedrock');
  assert.equal(c047.model.value, '<bedrock-model-id>');
  const c048 = await load({ [USER_FILE]: corpus('048') }, { env: { AWS_REGION: 'us-east-1' } });
  assert.deepEqual(provider(c048, 'amazon-bedrock').aws, { profile: 'codex-bedrock', region: 'us-east-1' });
  assert.equal(c048.fieldSources['amazon-bedrock']['aws.profile'].line, 4);
});

test('020 windows gateways: trailing slashes stripped, literal-string project keys', async () => {
  const config = await load({ [USER_FILE]: corpus('020') });
  assert.equal(provider(config, 'litellm').baseUrl, 'https://litellm.ningw.net/openai/v1');
  assert.equal(provider(config, 'agent-maestro').streamIdleTimeoutMs, 600000);
  assert.deepEqual(config.trustedProjects, ['\\\\?\\C:\\Users\\ningw\\GitHub\\Hypersonic', '\\\\?\\C:\\Users\\ningw\\.local\\share\\chezmoi']);
  assert.equal(config.settings.model_reasoning_effort, 'xhigh');
});

test('006 and 040 legacy profiles; 035 lmstudio profile with a reserved table', async () => {
  const c006 = await load({ [USER_FILE]: corpus('006') });
  assert.deepEqual([c006.profile.value, c006.profile.form, c006.provider.value, c006.model.value], ['o3', 'legacy-table', 'openai', 'o3']);
  assert.equal(c006.settings.approval_policy, 'never');
  assert.equal(c006.settings.model_reasoning_effort, 'high');
  const c040 = await load({ [USER_FILE]: corpus('040') });
  assert.equal(c040.provider.value, 'openai-chat-completions');
  assert.equal(provider(c040, 'openai-chat-completions').envKey, 'token');
  assert.equal(provider(c040, 'openai-chat-completions').baseUrl, 'https://ai-albssdsdsdsds.openai.azure.com');
  const c035 = await load({ [USER_FILE]: corpus('035') });
  assert.equal(onlyDiagnostic(c035, 'reserved-provider-id').line, 44);
  assert.deepEqual([c035.provider.value, c035.model.value], ['lmstudio', 'qwen2.5-coder']);
  assert.equal(provider(c035, 'lmstudio').source, 'builtin');
});

test('033 and 045 as profile files in $CODEX_HOME', async () => {
  const c033 = await load({ [`${CODEX_HOME}/api.config.toml`]: corpus('033') }, { explicit: { profile: 'api' } });
  assert.equal(c033.provider.value, 'openai-api');
  assert.deepEqual(provider(c033, 'openai-api').auth?.args, ['-c', 'cat "${CODEX_HOME:-${HOME}/.codex}/api-key.txt"']);
  const c045 = await load({ [USER_FILE]: 'profile = "ollama-launch"\n', [`${CODEX_HOME}/ollama-launch.config.toml`]: corpus('045') });
  assert.deepEqual([c045.provider.value, c045.model.value, c045.profile.form], ['ollama-launch', 'gpt-oss:120b', 'profile-file']);
  assert.equal(provider(c045, 'ollama-launch').baseUrl, 'http://localhost:11434/v1');
});

test('013 requires_openai_auth, 036 unknown key warning, 041 wrong table, 042 model inside a provider', async () => {
  const c013 = await load({ [USER_FILE]: corpus('013') });
  assert.equal(provider(c013, 'deepseek').requiresOpenaiAuth, true);
  const c036 = await load({ [USER_FILE]: corpus('036') });
  assert.equal(onlyDiagnostic(c036, 'unknown-provider-key').line, 24);
  const c041 = await load({ [USER_FILE]: corpus('041') });
  assert.match(onlyDiagnostic(c041, 'wrong-table-name').fix ?? '', /model_providers\.openai/);
  const c042 = await load({ [USER_FILE]: corpus('042') });
  const d = onlyDiagnostic(c042, 'unknown-provider-key');
  assert.deepEqual([d.line, d.severity], [7, 'warning']);
  assert.match(d.fix ?? '', /default_model/);
});
