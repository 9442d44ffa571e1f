/**
 * The refusal of a package path that cannot be read as a package file (missing, a folder, a FIFO),
 * in the same words for every command that takes one: info, verify, extract, receive, relay push.
 */
import { statSync, type Stats } from 'node:fs';
import { AliveError, errnoCode, untrustedDetailOf } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';

export function unreadablePackage(path: string, why: string): AliveError {
  if (why === 'EISDIR') {
    // Most often a walnut folder given where its package was meant.
    return new AliveError(
      `${inlineText(path)} is a folder, not a package file; give the .walnut file's path (alive-p2p create packs a walnut folder into one)`,
      { code: 'unreadable' },
    );
  }
  // In words where the errno names a common fault; its name otherwise.
  if (why === 'ENOENT' || why === 'ENOTDIR') return new AliveError(`${inlineText(path)} does not exist; check the path`, { code: 'unreadable' });
  if (why === 'EACCES' || why === 'EPERM') {
    return new AliveError(`cannot read ${inlineText(path)}: permission denied; check its permissions`, { code: 'unreadable' });
  }
  return new AliveError(`cannot read ${inlineText(path)} (${why}); check the path`, { code: 'unreadable' });
}

/** Why a stat or open of the package failed, for unreadablePackage. */
export function failureReason(err: unknown): string {
  return errnoCode(err) ?? (err instanceof Error ? err.message : 'error');
}

/** Refuses `st` unless it is a regular file: a FIFO opened for reading waits for a writer for good. */
export function requireRegularFile(path: string, st: Stats): void {
  if (!st.isFile()) throw unreadablePackage(path, st.isDirectory() ? 'EISDIR' : 'not a regular file');
}

/** The package file's stat (through links, as it is opened), refused as unreadablePackage when missing or not a regular file. */
export function statPackageFile(path: string): Stats {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    throw unreadablePackage(path, failureReason(err));
  }
  requireRegularFile(path, st);
  return st;
}

/**
 * A reader's refusal as a command that writes nothing (info, verify) gives it: the readers end their refusals with
 * "nothing was written" for extract and receive, which would have written; info and verify never do.
 */
export function writingNothing(err: AliveError): AliveError {
  const message = err.message.replace(/; nothing was written(?=$|[.,;])/, '');
  if (message === err.message) return err;
  return new AliveError(message, { code: err.code, cause: err, ...(err.fields && { fields: err.fields }), ...untrustedDetailOf(err) });
}
