/**
 * $ALIVE_HOME/relay/imported.json: what receive imported, into whichever of the user's worlds, so
 * that a package pull saved counts as received once any world received it (pulled-unreceived.ts,
 * read by the SessionStart hook and `relay status`/`relay inbox`). Each world's
 * .alive/imports.json says what that world received; but a user has one relay and one inbox, and
 * the hook must not read other worlds' folders, nor take a ledger in whatever folder a session
 * starts in (one a peer's package made holds its maker's words) for the user's.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from '../json/zod.ts';
import { isAliveError } from '../errors.ts';
import { writeJsonAtomic } from '../fs/atomic.ts';
import { acquirePidLock } from '../fs/lock.ts';
import { readJsonFile } from '../json/file.ts';
import { readReceivedLog, RECEIVED_KEPT } from './local-inbox.ts';
import { IMPORTED_LOG, RECEIVED_LOG } from './pulled-unreceived.ts';

const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** Loose: fields a later version adds are kept and read past. */
const recordSchema = z.looseObject({
  /** The package's path as receive was given it, resolved (the ledger's `source`). */
  source: z.string(),
  /** packageIdentity().current, for a package whose signer was verified (the ledger's `identity`). */
  identity: z.optional(hex64),
  package_sha256: hex64,
  /** The world it went into. */
  world: z.string(),
  at: z.string(),
});
export type ImportedRecord = z.output<typeof recordSchema>;

/** The most entries kept of imports that are of no package pull saved (received from elsewhere). */
export const IMPORTED_OTHERS_KEPT = 1000;

/** The most the file is read: 8 MiB, as the hook reads it. */
const IMPORTED_MAX_BYTES = 8 * 1024 * 1024;

/** The records of the shape this version writes (a missing or broken file has none). */
export function readImportedLog(path: string): ImportedRecord[] {
  try {
    return storedEntries(path).flatMap((e) => e.record ?? []);
  } catch {
    return [];
  }
}

/** An entry of the file: its record when of the shape this version writes, and as stored. */
interface StoredEntry {
  record?: ImportedRecord;
  stored: unknown;
}

/**
 * Every entry of the file, none when there is none; throws when it cannot be read (broken, too
 * large, no regular file): the writer then leaves it as it is rather than start it afresh.
 */
function storedEntries(path: string): StoredEntry[] {
  const stored = readJsonFile(path, z.array(z.unknown()), 'receive record', 'delete it', IMPORTED_MAX_BYTES) ?? [];
  return stored.map((e) => {
    const parsed = recordSchema.safeParse(e);
    return parsed.success ? { record: parsed.data, stored: e } : { stored: e };
  });
}

/**
 * Adds `record` to imported.json in `relayDir` (none when there is no relay folder: nothing was
 * pulled), under its own lock (receives into two worlds may end at once). Kept: the latest
 * RECEIVED_KEPT imports of the packages saved in each inbox folder that received.json still lists
 * (it keeps as many verified ones a sender: no more can be counted), and the latest
 * IMPORTED_OTHERS_KEPT others (received from elsewhere, or pulled later). Throws when it cannot
 * be read (left as it is) or written; the import itself is done by then.
 */
export function recordImported(relayDir: string, record: ImportedRecord): void {
  if (!existsSync(relayDir)) return;
  const path = join(relayDir, IMPORTED_LOG);
  const lock = lockWithin(`${path}.lock`, 2000);
  try {
    const same = (r: ImportedRecord | undefined) =>
      r !== undefined && r.world === record.world && r.source === record.source && r.package_sha256 === record.package_sha256;
    const log = [...storedEntries(path).filter((e) => !same(e.record)), { record, stored: record }];
    writeJsonAtomic(
      path,
      keptOf(log, relayDir).map((e) => e.stored),
      { mode: 0o600 },
    );
  } finally {
    lock.release();
  }
}

/**
 * The entries kept, oldest first: grouped by the inbox folder of the pulled package each one is,
 * else as others (an entry of another shape too).
 */
function keptOf(log: StoredEntry[], relayDir: string): StoredEntry[] {
  const folderOf = new Map<string, string>();
  const inbox = join(relayDir, 'inbox');
  for (const entry of Object.values(readReceivedLog(join(relayDir, RECEIVED_LOG)))) {
    if (entry.verified !== true || dirname(dirname(entry.path)) !== inbox) continue;
    const folder = `pulled:${(entry.from ?? '').toLowerCase()}`;
    folderOf.set(entry.path, folder);
    if (entry.identity) folderOf.set(entry.identity, folder);
  }
  const seen = new Map<string, number>();
  const kept: StoredEntry[] = [];
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    const r = e.record;
    const group = (r && (folderOf.get(r.source) ?? (r.identity ? folderOf.get(r.identity) : undefined))) ?? 'other';
    const n = seen.get(group) ?? 0;
    if (n >= (group === 'other' ? IMPORTED_OTHERS_KEPT : RECEIVED_KEPT)) continue;
    seen.set(group, n + 1);
    kept.push(e);
  }
  return kept.reverse();
}

/** The lock, waited for up to `ms` (another receive holds it for the moment of its write). */
function lockWithin(path: string, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return acquirePidLock(path, {
        mode: 0o600,
        busy: (pid) => `another receive (pid ${pid}) is writing ${path.slice(0, -'.lock'.length)}`,
        stuck: `cannot take ${path}; if no receive is running, delete that file`,
      });
    } catch (err) {
      if (!isAliveError(err) || err.code !== 'busy' || Date.now() >= until) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}
