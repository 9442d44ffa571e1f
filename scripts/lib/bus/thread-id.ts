/**
 * When a Thread header is a thread id. A header any writer wrote may be megabytes of controls or
 * invisible characters: the thread lookup (query.ts threadMembers) takes one that is no thread id
 * as absent, the message's own id in its place.
 */
import { firstUnsafe, visibleEscape } from '../text/untrusted.ts';

/** The longest Thread header taken as a thread id: as long as `dispatch thread` takes one typed. */
export const THREAD_KEY_MAX = 256;

/**
 * Why a Thread header is no thread id, or undefined: longer than THREAD_KEY_MAX (one past the
 * headers a lookup reads of each file, responses.ts HEAD_BYTES, matched no file, not even its
 * own), or holding a character that may not be shown (a control, an invisible one: no writer of
 * ours makes one, and nobody can type it).
 */
export function threadHeaderProblem(thread: string): string | undefined {
  if (thread.length > THREAD_KEY_MAX) return `${thread.length} characters, over the ${THREAD_KEY_MAX} a thread id may have`;
  const c = firstUnsafe(thread);
  return c === undefined ? undefined : `it holds a control or invisible character (${visibleEscape(c)})`;
}

/** A message's Thread header as a thread: undefined when absent, empty or no thread id (threadHeaderProblem). */
export function threadKey(thread: string | null | undefined): string | undefined {
  return thread !== undefined && thread !== null && thread !== '' && threadHeaderProblem(thread) === undefined ? thread : undefined;
}
