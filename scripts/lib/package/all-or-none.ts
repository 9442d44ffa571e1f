/**
 * Packages one create writes that stand or fall together (format 2.0's one package per
 * recipient). Each appears whole or not at all on its own (archive-out.ts); here a failure or an
 * ending signal after some are finished removes those too: they are this run's, just made. So a
 * refusal's "nothing was written" holds, and the same command can run again without `exists`.
 */
import { unlinkSync } from 'node:fs';
import { AliveError, errnoCode } from '../errors.ts';
import { safeUnlink } from '../fs/atomic.ts';
import { cleanUpIfInterrupted } from '../proc/interrupt-cleanup.ts';
import { noun } from '../text/plural.ts';

/** Writes one package per item, in order; on any failure none of them stays. */
export async function writeAllOrNone<T, R extends { path: string }>(items: readonly T[], write: (item: T) => Promise<R>): Promise<R[]> {
  const written: R[] = [];
  const release = cleanUpIfInterrupted(() => {
    for (const w of written) safeUnlink(w.path);
  });
  try {
    for (const item of items) written.push(await write(item));
    return written;
  } catch (err) {
    throw withFinishedRemoved(err, written);
  } finally {
    release();
  }
}

/** `err`, once the packages finished before it are removed; one that stays is named in it. */
function withFinishedRemoved(err: unknown, written: readonly { path: string }[]): unknown {
  const left: string[] = [];
  for (const w of written) {
    try {
      unlinkSync(w.path);
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') left.push(`${w.path} (${errnoCode(e) ?? 'error'})`);
    }
  }
  if (left.length === 0) return err;
  // The failure's own "nothing was written" is no longer true: those packages stay.
  const message = (err instanceof Error ? err.message : String(err)).replace(/; nothing was written$/, '');
  return new AliveError(
    `${message}; the ${noun(left.length, 'package')} finished before it could not be removed: ${left.join(', ')}; remove ${noun(left.length, 'it', 'them')} before you run the command again`,
    { code: err instanceof AliveError ? err.code : 'unwritable', cause: err },
  );
}
