import { join } from 'node:path';
import * as z from '../json/zod.ts';
import { writeJsonAtomic } from '../fs/atomic.ts';
import { readJsonFile } from '../json/file.ts';
import type { RelayPaths } from './paths.ts';
import type { InboxEntry } from './transport.ts';

/**
 * pushed.json: what push delivered, so that the same package pushed again while it still waits
 * is not delivered twice. Sealing is not repeatable (a fresh key, IV and signature each time), so
 * the package as it waits on the relay cannot be recognised from the file pushed; this records,
 * for each file pushed (its SHA-256) to each peer under the key then pinned, the Git blob id of
 * what went to the relay, which the peer's listing shows without downloading anything.
 */
const hex = (min: number, max: number) => z.string().check(z.regex(new RegExp(`^[0-9a-f]{${min},${max}}$`)));
const pushedSchema = z.array(
  z.object({
    to: z.string(),
    /** SHA-256 of the file given to push. */
    input: hex(64, 64),
    /** The peer's pinned key it was sealed for (64 hex digits). */
    fingerprint: hex(64, 64),
    /** Git blob id of the sealed package as delivered. */
    blob: hex(40, 64),
    path: z.string(),
    name: z.string(),
    bytes: z.number().check(z.int(), z.minimum(0)),
    sha256: hex(64, 64),
    at: z.string(),
  }),
);
export type PushRecord = z.output<typeof pushedSchema>[number];

/** The most deliveries pushed.json remembers (the latest). */
export const PUSHED_KEPT = 1000;

export function pushLogPath(paths: RelayPaths): string {
  return join(paths.dir, 'pushed.json');
}

/** The records; a missing or broken file is an empty one (the worst outcome is a second delivery). */
export function readPushLog(path: string): PushRecord[] {
  try {
    return readJsonFile(path, pushedSchema, 'push record', 'delete it') ?? [];
  } catch {
    return [];
  }
}

export function recordPush(path: string, record: PushRecord): void {
  const log = readPushLog(path);
  log.push(record);
  writeJsonAtomic(path, log.slice(-PUSHED_KEPT), { mode: 0o600 });
}

/** Earlier deliveries of the same file to the same peer (without case) for the same pinned key, latest first. */
export function earlierPushes(log: readonly PushRecord[], to: string, input: string, fingerprint: string): PushRecord[] {
  return log.filter((r) => r.to.toLowerCase() === to.toLowerCase() && r.input === input && r.fingerprint === fingerprint).reverse();
}

/**
 * The first earlier delivery whose blob still waits in the peer's relay (under the name it was
 * given, else under any name there), with the listing's entry. Only the blob id counts: a file of
 * that name holding other bytes is not it.
 */
export function stillWaiting(earlier: readonly PushRecord[], waiting: readonly InboxEntry[]): { record: PushRecord; entry: InboxEntry } | undefined {
  for (const record of earlier) {
    const same = waiting.filter((e) => e.blobSha === record.blob);
    const entry = same.find((e) => e.path === record.path) ?? same[0];
    if (entry) return { record, entry };
  }
  return undefined;
}
