/**
 * When a Thread header is a thread id. A header any writer wrote may be megabytes of controls or
 * invisible characters: the thread lookup (query.ts threadMembers) takes one that is no thread id
 * as absent, the message's own id in its place.
 */
import { visibleEscape } from '../text/untrusted.ts';

/**
 * Controls (which no header line can hold as written: an escape sequence) and the bidi overrides
 * and isolates (which reorder what is shown around them). Other invisible characters stay: the
 * emoji variation selector U+FE0F and joiner U+200D, or U+200C in Persian, are in threads people
 * name, and every listing shows a thread escaped.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what it finds
const NOT_IN_A_THREAD_ID = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The longest Thread header taken as a thread id: as long as `dispatch thread` takes one typed. */
export const THREAD_KEY_MAX = 256;

/**
 * Why a Thread header is no thread id, or undefined: longer than THREAD_KEY_MAX (one past the
 * headers a lookup reads of each file, responses.ts HEAD_BYTES, matched no file, not even its
 * own), or holding a control or a bidi override (NOT_IN_A_THREAD_ID).
 */
export function threadHeaderProblem(thread: string): string | undefined {
  if (thread.length > THREAD_KEY_MAX) return `${thread.length} characters, over the ${THREAD_KEY_MAX} a thread id may have`;
  const c = NOT_IN_A_THREAD_ID.exec(thread)?.[0];
  return c === undefined ? undefined : `it holds a control character or a bidi override (${visibleEscape(c)})`;
}

/** A message's Thread header as a thread: undefined when absent, empty or no thread id (threadHeaderProblem). */
export function threadKey(thread: string | null | undefined): string | undefined {
  return thread !== undefined && thread !== null && thread !== '' && threadHeaderProblem(thread) === undefined ? thread : undefined;
}
