/**
 * A message's header values in our words. They come from the same untrusted file as its body but
 * are printed outside the body's data fence, so each is shown only when it has a strict shape (a
 * valid name, a plain thread id, a message id, an ISO date); anything else is a short note, never
 * the text itself. `--json` and the MCP tools give the raw values under their untrusted keys.
 */
import { isPlainThread } from './deliver.ts';
import { isValidMessageId } from './ids.ts';
import { displayName, isValidName, normaliseName } from './names.ts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date and time as ISO 8601 writes it (ours, and `isoformat()` of HelloWorld's reference). */
export function isIsoTime(text: string): boolean {
  return ISO_TIME.test(text);
}

/** A From header: `@name`, else a note. */
export function shownSender(from: string | null | undefined): string {
  if (from === null || from === undefined || from === '') return '(anonymous)';
  return isValidName(from) ? displayName(normaliseName(from, 'sender')) : '(not shown: not a valid name)';
}

/** A To header: its valid names, and how many others were left out. */
export function shownRecipients(to: readonly string[]): string {
  const valid = to.filter((t) => isValidName(t)).map((t) => displayName(normaliseName(t, 'receiver')));
  const hidden = to.length - valid.length;
  if (hidden === 0) return valid.join(', ');
  const note = `(${hidden} not shown: ${hidden === 1 ? 'not a valid name' : 'not valid names'})`;
  return valid.length ? `${valid.join(', ')} ${note}` : note;
}

/** A Thread header: a plain thread id, else a note. */
export function shownThread(thread: string): string {
  return isPlainThread(thread) ? thread : '(not shown: not a plain thread id)';
}

/** An In-Reply-To header: a message id, else a note. */
export function shownMessageId(id: string): string {
  return isValidMessageId(id) ? id : '(not shown: not a message id)';
}

/** A Timestamp header: an ISO date, else a note. */
export function shownTimestamp(timestamp: string): string {
  return isIsoTime(timestamp) ? timestamp : '(not shown: not a date)';
}
