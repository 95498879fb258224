/**
 * The merged values of one provider's fields while layers are merged: camelCase field (and
 * sub-field such as `auth.command` or `aws.region`) -> the real value (not the display-safe one).
 * Who set each value is not stored: provenance, asked for later, derives it from the provider's
 * tables (finalizeProvider.ts). A config with thousands of providers makes thousands of these, so
 * every known field lives in one fixed-shape object made in one step rather than a `Map` grown
 * entry by entry. Sub-fields remember the order they were first set in, as a `Map` would, since
 * provenance lists them in that order.
 */

type Slots = Record<string, unknown>;

/** Every field and sub-field a provider table can set, unset (one object literal: one shape). */
function emptySlots(): Slots {
  return {
    name: undefined,
    baseUrl: undefined,
    wireApi: undefined,
    envKey: undefined,
    envKeyInstructions: undefined,
    httpHeaders: undefined,
    envHttpHeaders: undefined,
    queryParams: undefined,
    requestMaxRetries: undefined,
    streamMaxRetries: undefined,
    streamIdleTimeoutMs: undefined,
    supportsWebsockets: undefined,
    requiresOpenaiAuth: undefined,
    experimentalBearerToken: undefined,
    auth: undefined,
    defaultModel: undefined,
    caCertificate: undefined,
    aws: undefined,
    'auth.command': undefined,
    'auth.args': undefined,
    'auth.timeoutMs': undefined,
    'auth.refreshIntervalMs': undefined,
    'aws.profile': undefined,
    'aws.region': undefined,
  };
}

/**
 * Field values of one provider, with the `Map` operations the merge uses. Keys are field and
 * sub-field names (never `Object.prototype` members); `undefined` means unset.
 */
export class FieldValues {
  private readonly slots: Slots = emptySlots();
  /** Sub-field keys (with a dot), in the order they were set. */
  private subKeys: string[] | undefined;

  get(key: string): unknown {
    return this.slots[key];
  }

  has(key: string): boolean {
    return this.slots[key] !== undefined;
  }

  set(key: string, value: unknown): void {
    if (key.includes('.') && !this.has(key)) (this.subKeys ??= []).push(key);
    this.slots[key] = value;
  }

  delete(key: string): void {
    if (!this.has(key)) return;
    this.slots[key] = undefined;
    if (this.subKeys?.includes(key)) this.subKeys = this.subKeys.filter((k) => k !== key);
  }

  /** The set sub-fields (`auth.command`, ...), in the order they were first set. */
  subFields(): string[] {
    return (this.subKeys ?? []).filter((key) => this.has(key));
  }
}
