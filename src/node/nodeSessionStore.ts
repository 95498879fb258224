/**
 * `SessionStore` as one JSON file per session in a directory (the CLI's and tests' store).
 * Writes are atomic (temp file + rename), so a crash mid-write leaves the previous version.
 * Transcript entries are serialized once and cached, since a session is saved many times.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { SwitchboardError } from '../shared/errors';
import {
  parseSessionRecord,
  summarizeSession,
  type SessionRecord,
  type SessionStore,
  type SessionSummary,
} from '../core/agent/sessionStore';
import type { TranscriptEntry } from '../core/agent/transcript';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A store keeping `<id>.json` files in `directory` (created on first save). */
export function createNodeSessionStore(directory: string): SessionStore {
  /** Transcript entries never change once added, so their JSON can be reused. */
  const entryJson = new WeakMap<TranscriptEntry, string>();
  let tempCounter = 0;

  const fileOf = (id: string): string => {
    if (!ID_PATTERN.test(id)) {
      throw new SwitchboardError({ kind: 'internal', message: `"${id}" is not a valid session id.` });
    }
    return nodePath.join(directory, `${id}.json`);
  };

  const serialize = (record: SessionRecord): string => {
    const { transcript, ...head } = record;
    const parts = transcript.map((entry) => {
      let json = entryJson.get(entry);
      if (json === undefined) {
        json = JSON.stringify(entry);
        entryJson.set(entry, json);
      }
      return json;
    });
    return `${JSON.stringify(head).slice(0, -1)},"transcript":[${parts.join(',')}]}`;
  };

  const read = async (file: string): Promise<SessionRecord | undefined> => {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    return parseSessionRecord(value, file);
  };

  return {
    async save(record) {
      const file = fileOf(record.id);
      await fs.mkdir(directory, { recursive: true });
      const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
      try {
        await fs.writeFile(temp, serialize(record), 'utf8');
        await fs.rename(temp, file);
      } catch (error) {
        await fs.rm(temp, { force: true }).catch(() => undefined);
        throw error;
      }
    },

    async load(id) {
      return read(fileOf(id));
    },

    async list() {
      let names: string[];
      try {
        names = await fs.readdir(directory);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const summaries: SessionSummary[] = [];
      for (const name of names) {
        if (!name.endsWith('.json') || !ID_PATTERN.test(name.slice(0, -5))) continue;
        try {
          const record = await read(nodePath.join(directory, name));
          if (record) summaries.push(summarizeSession(record));
        } catch {
          // An unreadable file is left out of the list; loading it reports why.
        }
      }
      return summaries.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
    },

    async delete(id) {
      await fs.rm(fileOf(id), { force: true });
    },
  };
}
