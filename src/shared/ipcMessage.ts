/**
 * Generic typed-message machinery for the webview protocol (after gitlens's ipc.ts): a message is
 * declared once as a `MessageType` carrying its name, kind and zod validator, which gives a type
 * guard (`is`), a constructor (`create`) and validation on receipt (`parseWith`).
 */
import type * as z from 'zod';

/** `command`: webview -> host, no answer. `request`: webview -> host, answered by `responseType`. `notification`: host -> webview. */
export type MessageKind = 'command' | 'request' | 'notification';

/** One message on the wire. */
export interface Message<T extends string = string, P = unknown> {
  readonly type: T;
  readonly params: P;
}

/** The outcome of validating a received message. `error` is a short sentence fit for a log line. */
export type ParseResult<M> = { ok: true; message: M } | { ok: false; error: string };

/** A message declaration: its name, kind, validator and constructor. */
export interface MessageType<T extends string, P> {
  readonly type: T;
  readonly kind: MessageKind;
  /** For a `request`: the type of the notification that answers it. */
  readonly responseType?: string;
  readonly schema: z.ZodType<P>;
  /** True when `message` is a well-formed message of this type. */
  is(message: unknown): message is Message<T, P>;
  /** Builds a message of this type. */
  create(params: P): Message<T, P>;
}

/** Declares a message type. */
export function define<T extends string, P>(
  type: T,
  kind: MessageKind,
  schema: z.ZodType<P>,
  responseType?: string,
): MessageType<T, P> {
  return {
    type,
    kind,
    schema,
    ...(responseType !== undefined && { responseType }),
    is(message: unknown): message is Message<T, P> {
      return isRecord(message) && message.type === type && schema.safeParse(message.params).success;
    },
    create(params: P): Message<T, P> {
      return { type, params };
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates `raw` against the message types in `registry`; unknown keys in params are stripped. */
export function parseWith<M>(registry: Record<string, MessageType<string, unknown>>, raw: unknown): ParseResult<M> {
  if (!isRecord(raw) || typeof raw.type !== 'string') {
    return { ok: false, error: 'Dropped a message that is not an object with a string "type".' };
  }
  const type = raw.type;
  const definition = Object.hasOwn(registry, type) ? registry[type] : undefined;
  if (!definition) return { ok: false, error: `Dropped a message of unknown type "${type.slice(0, 60)}".` };
  const result = definition.schema.safeParse(raw.params ?? {});
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'params'}: ${issue.message}`)
      .join('; ');
    return { ok: false, error: `Dropped a malformed "${type}" message (${issues}).` };
  }
  return { ok: true, message: { type, params: result.data } as M };
}

