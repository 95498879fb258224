/**
 * The merged values of one provider's fields while layers are merged: camelCase field (and
 * sub-field such as `auth.command` or `aws.region`) -> the real value (not the display-safe one).
 * Who set each value is not stored: provenance, asked for later, derives it from the provider's
 * tables (finalizeProvider.ts). A config with thousands of providers makes thousands of these, so
 * the values live in one array with a fixed slot per field, made in one step: a keyed object
 * would be read and written with a different key at every site, which the runtime cannot
 * specialise. Sub-fields remember the order they were first set in, as a `Map` would, since
 * provenance lists them in that order.
 */
import { PROVIDER_CONFIG_FIELDS } from './providerFields';

/** Every field and sub-field a provider table can set, in slot order. */
const FIELD_KEYS: readonly string[] = [
  ...PROVIDER_CONFIG_FIELDS,
  'auth.command',
  'auth.args',
  'auth.timeoutMs',
  'auth.refreshIntervalMs',
  'aws.profile',
  'aws.region',
];

const SLOT_OF = new Map<string, number>(FIELD_KEYS.map((key, i) => [key, i]));

/** The slot of a field or sub-field key; throws for a key no provider table can set (a bug). */
export function slotOf(key: string): number {
  const slot = SLOT_OF.get(key);
  if (slot === undefined) throw new Error(`Unknown provider field "${key}"`);
  return slot;
}

/**
 * Field values of one provider, with the `Map` operations the merge uses (by key), plus the same
 * by slot (`slotOf`) for the merge's inner loop. `undefined` means unset.
 */
export class FieldValues {
  private readonly slots: unknown[] = new Array<unknown>(FIELD_KEYS.length).fill(undefined);
  /** Sub-field keys (with a dot), in the order they were set. */
  private subKeys: string[] | undefined;

  get(key: string): unknown {
    return this.slots[slotOf(key)];
  }

  has(key: string): boolean {
    return this.slots[slotOf(key)] !== undefined;
  }

  /** Sets a field (no dot in `key`). */
  set(key: string, value: unknown): void {
    this.slots[slotOf(key)] = value;
  }

  getAt(slot: number): unknown {
    return this.slots[slot];
  }

  setAt(slot: number, value: unknown): void {
    this.slots[slot] = value;
  }

  /** Sets a sub-field (`auth.command`), remembering the order sub-fields were first set in. */
  setSub(key: string, value: unknown): void {
    const slot = slotOf(key);
    if (this.slots[slot] === undefined) (this.subKeys ??= []).push(key);
    this.slots[slot] = value;
  }

  delete(key: string): void {
    const slot = slotOf(key);
    if (this.slots[slot] === undefined) return;
    this.slots[slot] = undefined;
    if (this.subKeys?.includes(key)) this.subKeys = this.subKeys.filter((k) => k !== key);
  }

  /** The set sub-fields (`auth.command`, ...), in the order they were first set. */
  subFields(): string[] {
    return (this.subKeys ?? []).filter((key) => this.has(key));
  }
}
