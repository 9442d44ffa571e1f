/**
 * The file side of migrate-relay: reading the v1 file as a small regular file only, and writing
 * relay.json and its migration record so that a failure leaves nothing half-changed.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { safeUnlink, siblingTempPath, writeJsonAtomic, writeNewFileDurably } from '../fs/atomic.ts';
import { readSmallFile } from '../fs/small-file.ts';
import { processAlive } from '../proc/alive.ts';
import { jsonText } from '../text/untrusted.ts';

/** A v1 relay.yaml holds a login, a repo and a list of peers: a few hundred bytes, a few KB at most. */
export const V1_MAX_BYTES = 1024 * 1024;

/**
 * The v1 file's text, or undefined when there is none. Only a regular file is read (not a link,
 * folder, FIFO or device: a FIFO would wait forever, /dev/zero never ends), and none over V1_MAX_BYTES.
 */
export function readV1(path: string): string | undefined {
  const read = readSmallFile(path, V1_MAX_BYTES);
  if (read === undefined) return undefined;
  if (read.ok) return read.bytes.toString('utf8');
  const next = 'nothing was written; pass --v1-path with the v1 relay.yaml itself';
  if (read.problem === 'not_a_file') throw new AliveError(`${path} ${read.detail}; ${next}`, { code: 'not_a_file' });
  if (read.problem === 'too_large') throw new AliveError(`${path} ${read.detail}, too large for a v1 relay config; ${next}`, { code: 'too_large' });
  throw new AliveError(`${path} ${read.detail}; nothing was written; check its permissions`, { code: 'cannot_read_v1' });
}

function unwritable(path: string, err: unknown): AliveError {
  return new AliveError(
    `cannot write ${path} (${errnoCode(err) ?? messageOf(err)}); nothing was changed: fix that path, or choose another with --v2-path, and run again`,
    {
      code: 'unwritable',
      cause: err,
    },
  );
}

/**
 * Writes relay.json (the commit point: once it exists, a second run reports "already migrated")
 * and the migration record beside it. The record is written aside first, so that everything that
 * can fail fails before relay.json appears; it is renamed into place last. Returns a warning when
 * only that last rename failed (relay.json is migrated then; the record is informative).
 */
export function writeMigration(v2Path: string, config: unknown, metaPath: string, meta: unknown): string | undefined {
  const st = lstatOrUndefined(metaPath);
  if (st !== undefined && !st.isFile()) {
    throw new AliveError(
      `${metaPath}, where the migration record goes, is ${st.isDirectory() ? 'a folder' : 'not a regular file'}; nothing was changed: remove it and run again`,
      {
        code: 'unwritable',
      },
    );
  }
  const metaTmp = siblingTempPath(metaPath);
  try {
    // The relay folder is the user's alone (relay setup makes it so too).
    mkdirSync(dirname(metaPath), { recursive: true, mode: 0o700 });
    writeNewFileDurably(metaTmp, `${jsonText(meta, 2)}\n`, 0o600);
  } catch (err) {
    throw unwritable(metaPath, err);
  }
  try {
    writeJsonAtomic(v2Path, config, { mode: 0o600 });
  } catch (err) {
    safeUnlink(metaTmp);
    throw unwritable(v2Path, err);
  }
  try {
    renameSync(metaTmp, metaPath);
    return undefined;
  } catch (err) {
    safeUnlink(metaTmp);
    return `${v2Path} is written, but its migration record ${metaPath} is not (${errnoCode(err) ?? messageOf(err)})`;
  }
}

/**
 * Removes the migration records a killed run left aside (`.<record>.<pid>.<hex>.tmp`, never
 * renamed into place) when the process that wrote them is gone; a running migration's is kept.
 */
export function removeStaleMetaTemps(metaPath: string): void {
  const dir = dirname(metaPath);
  const prefix = `.${basename(metaPath)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder yet: nothing was left
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
    if (!m || processAlive(Number(m[1]))) continue;
    const st = lstatOrUndefined(join(dir, name));
    if (st?.isFile()) safeUnlink(join(dir, name));
  }
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // the write that follows reports what is wrong with the folder
  }
}
