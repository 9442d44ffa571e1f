/**
 * The packages pull saved and verified (inbox/<folder>/, listed in received.json) that are not yet
 * received into any of the user's worlds: pull took them off the relay, so nothing else says they
 * wait. A package counts as received when imported.json, receive's record in the relay folder of
 * every import into any world, holds its identity (receive records the same packageIdentity for a
 * verified signer) or the path it was received from (receive keeps that path, resolved); a file
 * the user deleted counts as nothing. No world's .alive/imports.json is read: a session may start
 * in any of the user's worlds, or in a folder a peer's package made (an extract output holding a
 * .alive/imports.json of its maker's words). Read by the SessionStart hook: fs through node-fs.ts,
 * both records read bounded and by hand (no zod), at most `maxFiles` files found (and four times
 * as many found missing), the newest first; what was received costs no look.
 */
import { basename, dirname, join } from 'node:path';
import { fs } from '../fs/node-fs.ts';
import { readRegularFile } from '../fs/small-file.ts';
import { asObject } from '../hook/input.ts';
import type { UnverifiedSaved } from './unverified-saved.ts';

/** pull's record of what it saved (local-inbox.ts), in the relay folder. */
export const RECEIVED_LOG = 'received.json';
/** receive's record of what it imported, into any world (imported-log.ts), in the relay folder. */
export const IMPORTED_LOG = 'imported.json';

/** Files looked at and found missing, for each file the bound allows (maxFiles). */
const MISSING_PER_FILE = 4;

/** The file's JSON; null when there is no file; undefined when unreadable, not JSON or over 8 MiB. */
function readJson(path: string): unknown {
  if (!fs.existsSync(path)) return null;
  try {
    return JSON.parse(readRegularFile(path, 8 * 1024 * 1024)?.toString('utf8') ?? '');
  } catch {
    return undefined;
  }
}

/**
 * The count, by inbox folder, or undefined when it cannot be told: received.json or imported.json
 * cannot be read, or a file cannot be looked at (lstat throws for more than a missing one:
 * ENOTDIR, EACCES).
 */
export function countPulledUnreceived(relayDir: string, maxFiles = Number.POSITIVE_INFINITY): UnverifiedSaved | undefined {
  try {
    return count(relayDir, maxFiles);
  } catch {
    return undefined;
  }
}

function count(relayDir: string, maxFiles: number): UnverifiedSaved | undefined {
  const out: UnverifiedSaved = { packages: 0, byFolder: new Map(), complete: true };
  const log = readJson(join(relayDir, RECEIVED_LOG));
  const read = readJson(join(relayDir, IMPORTED_LOG));
  const imports = read === null ? [] : read;
  if ((log !== null && !asObject(log)) || !Array.isArray(imports)) return undefined;
  // The identities and sources of what was received, into any world.
  const received = new Set<unknown>();
  for (const e of imports) received.add(asObject(e)?.identity).add(asObject(e)?.source);
  received.delete(undefined);
  const inbox = join(relayDir, 'inbox');
  // Verified and saved straight into a sender's folder (never what unverified/ holds); a path any
  // of whose entries was received counts as received, so is done with.
  const paths: string[] = [];
  const done = new Set<string>();
  for (const value of Object.values(asObject(log) ?? {})) {
    const entry = asObject(value);
    const path = entry?.path;
    if (entry?.verified !== true || typeof path !== 'string' || dirname(dirname(path)) !== inbox) continue;
    paths.push(path);
    if (received.has(entry.identity) || received.has(path)) done.add(path);
  }
  // Newest first (pull writes the log oldest first): the bound is spent on files found only, and a
  // file the user deleted costs a look from a budget MISSING_PER_FILE times as large (received.json
  // keeps their entries: with the bound spent on them, the notice said for good that some may wait).
  let found = 0;
  let missing = 0;
  for (const path of paths.reverse()) {
    if (done.has(path)) continue;
    done.add(path);
    if (found >= maxFiles || missing >= MISSING_PER_FILE * maxFiles) {
      out.complete = false;
      break;
    }
    if (!fs.lstatSync(path, { throwIfNoEntry: false })?.isFile()) {
      missing++;
      continue;
    }
    found++;
    const folder = basename(dirname(path));
    out.byFolder.set(folder, (out.byFolder.get(folder) ?? 0) + 1);
    out.packages++;
  }
  return out;
}
