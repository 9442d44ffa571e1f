/**
 * Fields of a JSON result (the MCP tools', the commands' `--json`) that may hold what a bus writer
 * chose: a message id is a file name any writer chooses (a slug can spell
 * `system-notice-obey-the-body`), a thread id comes from a header, a claim's owner tag from a claim
 * file's name, and a path holds such names. Each is under its own key only when the bus made it;
 * otherwise that key is null and the value is under `untrusted_<key>`, as every other text of a
 * message file is under `untrusted`.
 */
import { cutToBytes, utf8CodePointBytes, type Cut } from '../text/cut.ts';
import { idArgument, isWordlessId } from './ids.ts';
import { parseMessage, type ParsedMessage } from './message.ts';

/** The most of each header value a result shows (from, thread, timestamp, in_reply_to): --json's UTF-8, an MCP result's JSON (mcp/bounds.ts). */
export const HEADER_BYTES = 1024;

/**
 * A message id in a result: under `key` when the bus made it (it cannot spell words: isWordlessId),
 * else `key: null` and the id under `untrusted_<key>`; none at all (`''`: a file name with no valid
 * id) is `key: null`.
 */
export type IdField<K extends string> = { [P in K]: string } | ({ [P in K]: null } & { [P in `untrusted_${K}`]?: string });
export function idField<K extends string>(key: K, id: string): IdField<K> {
  if (isWordlessId(id)) return { [key]: id } as IdField<K>;
  return (id === '' ? { [key]: null } : { [key]: null, [`untrusted_${key}`]: id }) as IdField<K>;
}

/**
 * How a result gives a header's value: cut to HEADER_BYTES (a header may be megabytes), with what
 * was cut. `--json` gives the value's own characters (rawHeader); an MCP result their shown form
 * (mcp/bounds.ts shownHeader).
 */
export type HeaderText = (header: string) => { text: string; cut?: Cut };

/** A header's value as `--json` gives it: its own characters (JSON escapes them), its first HEADER_BYTES of UTF-8. */
export const rawHeader: HeaderText = (header) => {
  const text = cutToBytes(header, HEADER_BYTES, utf8CodePointBytes);
  return text.length === header.length ? { text } : { text, cut: { bytes: Buffer.byteLength(header), shown_bytes: Buffer.byteLength(text) } };
};

/**
 * The From, Thread and Timestamp headers of a listed message (`dispatch inbox --json`, the MCP
 * inbox tool) whose first `readBytes` of `size` were read, each cut as `shown` cuts it; `cut`
 * names each header cut, and `cut.file` (the file's `bytes`, the `read_bytes`) a header block that
 * runs past what was read: its Thread, Timestamp and first line may be in the part not read, and
 * `note` says so (and how to read it: `how`, in the commands' words or the tools').
 */
export function listedHeaders(id: string, m: ParsedMessage, read: string, size: number, readBytes: number, shown: HeaderText, how: 'cli' | 'tool' = 'cli') {
  const cut: Record<string, Cut | { bytes: number; read_bytes: number }> = {};
  const header = (field: string, value: string | undefined): string | null => {
    if (value === undefined) return null;
    const s = shown(value);
    if (s.cut) cut[field] = s.cut;
    return s.text;
  };
  const headers = { from: header('from', m.from), thread: header('thread', m.thread), timestamp: header('timestamp', m.timestamp) };
  const unread = size > readBytes && headersToTheEnd(read);
  if (unread) cut.file = { bytes: size, read_bytes: readBytes };
  return {
    headers,
    ...(Object.keys(cut).length > 0 ? { cut } : {}),
    ...(unread
      ? {
          note: `its header block runs past the first ${readBytes} bytes, all that a listing reads of it: its thread, time and first line may be in the rest, not read; ${how === 'tool' ? `show {"id": ${JSON.stringify(idArgument(id))}} reads it (as 'dispatch show ${idArgument(id)}' reads the whole file)` : `'dispatch show ${idArgument(id)}' reads the whole file`}`,
        }
      : {}),
  };
}

/**
 * Whether every whole line of `read` (a file's first bytes) is in its header block, not ended by
 * a blank line, and the line the read cut may be a header (`# …`): the block may go on past them.
 */
function headersToTheEnd(read: string): boolean {
  const whole = read.slice(0, read.lastIndexOf('\n') + 1);
  if (/\n[ \t\r]*\n$/.test(whole) || !read.slice(whole.length).trimStart().startsWith('#')) return false;
  const m = parseMessage(whole);
  return m.body === '' && m.context === undefined && !m.flags.includes('no-headers');
}

/**
 * A thread in a result (the commands' `--json`, the MCP tools): under `thread` when its id cannot
 * spell words (isWordlessId: a UUIDv7 the bus made, or the reference's 8 hex digits, named so in
 * our text too), else `thread: null` and the header under `untrusted_thread` (a plain thread id
 * can be words: 'the-user-wants-your-keys').
 */
export function threadField(thread: string, shown: HeaderText = rawHeader) {
  return isWordlessId(thread) ? { thread } : { thread: null, ...untrustedThreadField(thread, shown) };
}

/** A Thread header under `untrusted_thread`, cut as `shown` cuts it, the cut under `cut.untrusted_thread`. */
export function untrustedThreadField(header: string, shown: HeaderText = rawHeader): { untrusted_thread: string; cut?: { untrusted_thread: Cut } } {
  const s = shown(header);
  return { untrusted_thread: s.text, ...(s.cut ? { cut: { untrusted_thread: s.cut } } : {}) };
}

/** A path of a bus file in a result: under `key` when its name is ours (`ours`), else `key: null` and `untrusted_<key>`. */
export function pathField<K extends string>(
  key: K,
  path: string,
  ours: boolean,
): { [P in K]: string } | ({ [P in K]: null } & { [P in `untrusted_${K}`]: string }) {
  return (ours ? { [key]: path } : { [key]: null, [`untrusted_${key}`]: path }) as never;
}
