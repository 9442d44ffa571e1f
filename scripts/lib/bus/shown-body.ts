/**
 * How much of a message's text is shown at once, and our note when the rest was cut: `dispatch
 * claim`, `show` and `thread` on a terminal (and claim's --json), and the MCP `claim` and `wait`
 * tools. A message may be as long as its receiver's max_bytes allows (64 MiB): shown whole, a
 * planted one would flood the terminal or the agent's context.
 */
import { cutShown, utf8CodePointBytes, type Cut } from '../text/cut.ts';
import type { UntrustedMessageText } from './query.ts';
import { idArgument, isWordlessId } from './ids.ts';

/** The most of a message's body (and of its context) shown; the rest is cut, with cutNote. */
export const BODY_BYTES = 512 * 1024;

/**
 * A message's body and context cut for a terminal or --json: each the longest prefix whose
 * escaped form takes at most `max` bytes of UTF-8 (cut between two characters), raw (the fence
 * and jsonText escape it), and what was cut (by field name).
 */
export function shownMessage<U extends Pick<UntrustedMessageText, 'body' | 'context'>>(u: U, max = BODY_BYTES): { untrusted: U; cut?: Record<string, Cut> } {
  const cut: Record<string, Cut> = {};
  const body = cutShown(u.body, max, utf8CodePointBytes);
  if (body.cut) cut.body = body.cut;
  const context = u.context === null ? null : cutShown(u.context, max, utf8CodePointBytes);
  if (context?.cut) cut.context = context.cut;
  const untrusted = { ...u, body: body.text, context: context ? context.text : null };
  return Object.keys(cut).length ? { untrusted, cut } : { untrusted };
}

/**
 * Our note on a message shown cut: how much of its body is shown (in `holder`: 'untrusted.body',
 * 'the fence above') and how many bytes were left out, or which fields were cut, and how to read
 * it whole. The note is in our words: message `id` and its `file` are named only when the id
 * cannot spell words (its handle stands for one that can: the caller shows it in a fence or a field).
 */
export function cutNote(messageId: string, cut: Record<string, unknown>, holder: string, messageFile?: string): string {
  const id = idArgument(messageId);
  const file = isWordlessId(messageId) ? messageFile : undefined;
  const body = cut.body as Cut | undefined;
  const what = body
    ? `${holder} holds the first ${body.shown_bytes} of the body's ${body.bytes} bytes; ${body.bytes - body.shown_bytes} bytes were left out`
    : `fields were cut to fit (${Object.keys(cut).join(', ')}: see cut)`;
  return `${what}. Read the message whole with 'dispatch show ${id} --full' in a terminal${file ? `, or in the file ${file}` : ''}.`;
}
