/**
 * Saved sessions: the serializable record and the store interface hosts implement
 * (`src/node/nodeSessionStore.ts` for the CLI and tests; the VS Code adapter stores under
 * `context.storageUri`).
 */
import { SwitchboardError } from '../../shared/errors';
import type { Usage } from '../../shared/streamEvents';
import type { TranscriptEntry } from './transcript';

export const SESSION_RECORD_VERSION = 1;

/** Everything needed to show and resume a session. Plain JSON. */
export interface SessionRecord {
  version: typeof SESSION_RECORD_VERSION;
  id: string;
  /** From the first user message. */
  title: string;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  /** Provider and model of the latest turn. */
  providerId: string;
  model: string;
  /** May end with a `partial` assistant message when saved mid-stream; resuming repairs it. */
  transcript: TranscriptEntry[];
  /** Token usage over the whole session. */
  usage: Usage;
}

/** What a session list shows. */
export interface SessionSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  providerId: string;
  model: string;
}

export interface SessionStore {
  /** Creates or replaces the record. Must not leave a half-written record behind on a crash. */
  save(record: SessionRecord): Promise<void>;
  /** The record, or `undefined` when there is none with this id. Throws when it is unreadable. */
  load(id: string): Promise<SessionRecord | undefined>;
  /** All sessions, most recently updated first. Unreadable records are left out. */
  list(): Promise<SessionSummary[]>;
  /** Removes the record; no error when it does not exist. */
  delete(id: string): Promise<void>;
}

/** The summary fields of a record. */
export function summarizeSession(record: SessionRecord): SessionSummary {
  const { id, title, createdAt, updatedAt, providerId, model } = record;
  return { id, title, createdAt, updatedAt, providerId, model };
}

/**
 * Checks that parsed JSON is a session record this version understands; `where` names the
 * source (a file path) for the error.
 */
export function parseSessionRecord(value: unknown, where: string): SessionRecord {
  const fail = (what: string): never => {
    throw new SwitchboardError({
      kind: 'internal',
      message: `The saved session ${where} is not usable: ${what}.`,
      fix: 'Delete the file to remove the session from the list.',
    });
  };
  if (value === null || typeof value !== 'object') return fail('it is not a JSON object');
  const record = value as Partial<SessionRecord>;
  if (record.version !== SESSION_RECORD_VERSION) return fail(`unknown version ${JSON.stringify(record.version)}`);
  for (const key of ['id', 'title', 'providerId', 'model'] as const) {
    if (typeof record[key] !== 'string') fail(`"${key}" is missing`);
  }
  for (const key of ['createdAt', 'updatedAt'] as const) {
    if (typeof record[key] !== 'number') fail(`"${key}" is missing`);
  }
  if (!Array.isArray(record.transcript)) fail('"transcript" is not a list');
  if (record.usage === null || typeof record.usage !== 'object') fail('"usage" is missing');
  return record as SessionRecord;
}
