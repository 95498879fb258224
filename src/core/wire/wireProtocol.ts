/** What each wire protocol (responses, chat, anthropic) supplies to the shared streaming driver. */
import type { WireApi } from '../providers/providerInfo';
import type { ProviderInfo } from '../providers/providerInfo';
import type { ErrorContext } from './errors/errorContext';
import type { ModelRequest } from './modelClient';
import type { StreamMapper } from './sse/pumpSse';

/** Sends a JSON body to the attempt's URL with its headers; resolves with the 2xx response. */
export type PostJson = (body: string) => Promise<Response>;

export interface WireProtocol {
  readonly wireApi: WireApi;
  /** Endpoint path appended to base_url, e.g. `/responses`. */
  readonly path: string;
  /** Builds the body and sends it through `post` (directly or via an SDK). */
  send(post: PostJson, request: ModelRequest, provider: ProviderInfo): Promise<Response>;
  createMapper(ctx: ErrorContext): StreamMapper;
}
