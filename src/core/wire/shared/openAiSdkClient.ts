/**
 * An `openai` SDK client used only to build and send the request: its fetch is our `post`, which
 * sends to the URL with the headers from requestBuilder (so the SDK's own Authorization,
 * `x-stainless-*` and env-derived headers never go out), under our retry, idle-timeout and abort
 * handling. Nothing is read from `process.env` (organization/project are pinned to null).
 */
import type OpenAI from 'openai';
import type { ProviderInfo } from '../../providers/providerInfo';
import type { PostJson } from '../wireProtocol';

const MAX_TIMER_MS = 2 ** 31 - 1;

let sdk: Promise<typeof OpenAI> | undefined;

/** The SDK is loaded on first use (it is large; the extension should activate fast). */
export async function openAiSdkClient(post: PostJson, provider: ProviderInfo): Promise<OpenAI> {
  // The named export exists in both the ESM and CJS builds (the bundle loads the CJS one).
  sdk ??= import('openai').then((m) => m.OpenAI);
  const OpenAIClient = await sdk;
  return new OpenAIClient({
    apiKey: 'unused-switchboard-sends-its-own-headers',
    baseURL: provider.baseUrl || 'http://localhost',
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: MAX_TIMER_MS,
    logLevel: 'off',
    fetch: async (_url: string | URL | Request, init?: RequestInit) => post(typeof init?.body === 'string' ? init.body : ''),
  });
}
