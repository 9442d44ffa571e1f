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
const importedSchema = z.array(
  z.looseObject({
    /** The package's path as receive was given it, resolved (the ledger's `source`). */
    source: z.string(),
    /** packageIdentity().current, for a package whose signer was verified (the ledger's `identity`). */
    identity: z.optional(hex64),
    package_sha256: hex64,
    /** The world it went into. */
    world: z.string(),
    at: z.string(),
  }),
);
export type ImportedRecord = z.output<typeof importedSchema>[number];

/** The most entries kept of imports that are of no package pull saved (received from elsewhere). */
export const IMPORTED_OTHERS_KEPT = 1000;

/** The most the file is read: 8 MiB, as the hook reads it. */
const IMPORTED_MAX_BYTES = 8 * 1024 * 1024;

/** The records; a missing or broken file is an empty one (the worst outcome: a received package counted as waiting). */
export function readImportedLog(path: string): ImportedRecord[] {
  try {
    return readJsonFile(path, importedSchema, 'receive record', 'delete it', IMPORTED_MAX_BYTES) ?? [];
  } catch {
    return [];
  }
}

/**
 * Adds `record` to imported.json in `relayDir` (none when there is no relay folder: nothing was
 * pulled), under its own lock (receives into two worlds may end at once). Kept: the latest
 * RECEIVED_KEPT imports of the packages saved in each inbox folder that received.json still lists
 * (it keeps as many verified ones a sender: no more can be counted), and the latest
 * IMPORTED_OTHERS_KEPT others (received from elsewhere, or pulled later). Throws when it cannot
 * be written; the import itself is done by then.
 */
export function recordImported(relayDir: string, record: ImportedRecord): void {
  if (!existsSync(relayDir)) return;
  const path = join(relayDir, IMPORTED_LOG);
  const lock = lockWithin(`${path}.lock`, 2000);
  try {
    const same = (r: ImportedRecord) => r.world === record.world && r.source === record.source && r.package_sha256 === record.package_sha256;
    const log = [...readImportedLog(path).filter((r) => !same(r)), record];
    writeJsonAtomic(path, keptOf(log, relayDir), { mode: 0o600 });
  } finally {
    lock.release();
  }
}

/** The records kept, oldest first: grouped by the inbox folder of the pulled package each one is, else as others. */
function keptOf(log: ImportedRecord[], relayDir: string): ImportedRecord[] {
  const folderOf = new Map<string, string>();
  const inbox = join(relayDir, 'inbox');
  for (const entry of Object.values(readReceivedLog(join(relayDir, RECEIVED_LOG)))) {
    if (entry.verified !== true || dirname(dirname(entry.path)) !== inbox) continue;
    const folder = `pulled:${(entry.from ?? '').toLowerCase()}`;
    folderOf.set(entry.path, folder);
    if (entry.identity) folderOf.set(entry.identity, folder);
  }
  const seen = new Map<string, number>();
  const kept: ImportedRecord[] = [];
  for (let i = log.length - 1; i >= 0; i--) {
    const r = log[i]!;
    const group = folderOf.get(r.source) ?? (r.identity ? folderOf.get(r.identity) : undefined) ?? 'other';
    const n = seen.get(group) ?? 0;
    if (n >= (group === 'other' ? IMPORTED_OTHERS_KEPT : RECEIVED_KEPT)) continue;
    seen.set(group, n + 1);
    kept.push(r);
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
