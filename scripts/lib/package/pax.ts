/**
 * The records of a pax extended header (POSIX.1-2017, pax, "pax Extended Header File Format"),
 * read by each record's length as GNU tar, bsdtar and Python's tarfile read them: `"%d %s=%s\n"`,
 * the decimal length counting the whole record (its own digits and the line break included). A
 * value may hold a line break; what follows it is part of the value, never a record. node-tar's
 * decoder split the data at every line break and took any line that looked like a record, so a
 * `comment` whose value held `\n30 path=notes/CLAUDE.md` named the entry for alive alone; it also
 * took a fraction of a second per MiB, on data no limit bounded but the package's size.
 *
 * Only the keywords that change what the reader takes are kept: path, linkpath, size and mtime.
 * mode and type, which GNU tar and tarfile ignore (node-tar applied them), are ignored here too;
 * keys they read as another name or size (a sparse file's) are refused (PaxKeyError); the rest
 * (atime, uid, uname, comment, SCHILY.xattr.* …) are passed over without being decoded.
 * The work is linear in the data, which is at most PAX_HEADER_LIMIT bytes.
 */

/**
 * Most bytes of one pax header (or GNU long name) read: a package's holds a name of at most 4096
 * bytes (safe-path.ts) and a time, so this is sixteen times what any needs.
 */
export const PAX_HEADER_LIMIT = 64 * 1024;
/** Most records of one pax header: alive and tarfile write two or three, GNU tar five or six. */
export const PAX_RECORDS_LIMIT = 256;

/** What a pax header sets for the entry after it (node-tar's names, which its Header applies). */
export interface PaxFields {
  path?: string;
  linkpath?: string;
  size?: number;
  mtime?: Date;
}

/** A pax header that is not one (the message says what is wrong, in our words). */
export class PaxError extends Error {}

/** A pax header with more than PAX_RECORDS_LIMIT records. */
export class PaxRecordsError extends PaxError {}

/** A pax header with a key that other tar readers take as another name or size (`key`: the sender's). */
export class PaxKeyError extends PaxError {
  constructor(readonly key: string) {
    super(`pax key ${key}`);
  }
}

/**
 * Keys GNU tar and Python's tarfile read as the entry's name or size, or as how its bytes are laid
 * out, where node-tar ignored them: a sparse file's real name and size (GNU.sparse.name,
 * GNU.sparse.realsize, star's SCHILY.realsize) and map, a multi-volume member's offset
 * (GNU.volume.offset). A package never holds a sparse or multi-volume member.
 */
const otherView = (key: string): boolean => key.startsWith('GNU.') || key === 'SCHILY.realsize';

const SPACE = 0x20;
const EQUALS = 0x3d;
const NEWLINE = 0x0a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** A length has at most this many digits: PAX_HEADER_LIMIT has 5. */
const MAX_LENGTH_DIGITS = 6;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** A size: digits only, at most 15 of them (below 2^53). */
const SIZE = /^[0-9]{1,15}$/;
/** A time in seconds: an optional sign, digits, and a fraction (GNU tar writes nine digits). */
const TIME = /^-?[0-9]{1,15}(?:\.[0-9]{1,30})?$/;

/** A name's text: up to its first NUL (where C tools end it), which must be UTF-8. */
function name(key: string, value: Buffer): string {
  const nul = value.indexOf(0);
  const bytes = nul < 0 ? value : value.subarray(0, nul);
  if (bytes.length === 0) throw new PaxError(`its ${key} is empty`);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new PaxError(`its ${key} is not UTF-8`);
  }
}

/** The fields `data` (a pax header's bytes) sets; throws PaxError for data that is not records. */
export function parsePax(data: Buffer): PaxFields {
  const fields: PaxFields = {};
  let records = 0;
  for (let at = 0; at < data.length; ) {
    if (++records > PAX_RECORDS_LIMIT) throw new PaxRecordsError(`more than ${PAX_RECORDS_LIMIT} records`);
    let i = at;
    let length = 0;
    while (i < data.length && i - at < MAX_LENGTH_DIGITS && data[i]! >= DIGIT_0 && data[i]! <= DIGIT_9) {
      length = length * 10 + (data[i]! - DIGIT_0);
      i++;
    }
    if (i === at || data[i] !== SPACE) throw new PaxError(`the record at byte ${at} does not start with its length`);
    const end = at + length;
    // digits, a space, a key of one byte at least, '=', the line break
    if (end < i + 4 || end > data.length) throw new PaxError(`the record at byte ${at} has a length (${length}) that does not fit`);
    if (data[end - 1] !== NEWLINE) throw new PaxError(`the record at byte ${at} does not end with a line break`);
    const record = data.subarray(i + 1, end - 1);
    const eq = record.indexOf(EQUALS);
    if (eq <= 0) throw new PaxError(`the record at byte ${at} has no 'key=value'`);
    const key = record.toString('latin1', 0, eq);
    const value = record.subarray(eq + 1);
    at = end;
    if (otherView(key)) throw new PaxKeyError(key);
    if (key === 'path' || key === 'linkpath') fields[key] = name(key, value);
    else if (key === 'size') {
      const text = value.toString('latin1');
      if (!SIZE.test(text)) throw new PaxError('its size is not a number of bytes');
      fields.size = Number(text);
    } else if (key === 'mtime') {
      const text = value.toString('latin1');
      if (!TIME.test(text)) throw new PaxError('its mtime is not a number of seconds');
      fields.mtime = new Date(Number(text) * 1000);
    }
  }
  return fields;
}
