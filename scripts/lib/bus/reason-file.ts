/**
 * A dead letter's `.reason.json`, read without JSON.parse of a large one. It lies where any bus
 * writer can write, up to 1 MiB (readBusJson's limit): parsed whole, 150 of a megabyte took a
 * listing 270 ms (and `wait` as long), to keep 2,000 characters of a reason and 8 KiB of output.
 * One up to 128 KiB (all the daemon writes: a reason, 8 KiB of stdout and of stderr, escaped) is
 * parsed whole as before. A larger one is walked once (Buffer.indexOf finds each string's end; no
 * string of the whole file is made), and only what is shown is parsed: the first 12 KiB of each
 * string field (2,000 characters even all `\uXXXX`), the last 48 KiB of `stdout` and `stderr`
 * (8 KiB of characters). A file whose object, its keys, or a kept piece is not valid JSON reads as a
 * malformed small one does (undefined); inside values not kept (the strings' skipped middles, other
 * fields' numbers, arrays and objects) only the brackets and strings are followed, not checked as
 * JSON.parse checks them: such a file can show a reason JSON.parse would have refused (any bus writer
 * could have written that reason in a well-formed file).
 * The walk costs at most about 13 ms for a file of 1 MiB shaped to slow it (60,000 keys, 500,000
 * nested arrays, 1,000,000 digits: 4 ms), where JSON.parse of such a file took up to 104 ms.
 */
import { readBusFile } from './fsutil.ts';

const WHOLE = 128 * 1024;
const HEAD = 12 * 1024 + 64;
const TAIL = 48 * 1024 + 64;
/** The longest a key of FIELDS can be written: every character a `\uXXXX` escape. */
const KEY_MAX_BYTES = 6 * 'original_id'.length;
/** The fields a reader uses (query.ts readDeadLetterInfo, responses.ts deadLetterOf); `true`: its tail is kept. */
const FIELDS: Record<string, boolean> = { reason: false, code: false, at: false, original_id: false, stdout: true, stderr: true };

/** The reason file at `path` as JSON.parse gives it (up to 128 KiB), or its string fields; undefined when absent or malformed. */
export function readReasonFile(root: string, path: string): unknown {
  const r = readBusFile(root, path, { maxBytes: 1024 * 1024 });
  if (!r.ok) return undefined;
  try {
    return r.bytes.length <= WHOLE ? (JSON.parse(r.bytes.toString('utf8')) as unknown) : fieldsOf(r.bytes);
  } catch {
    return undefined;
  }
}

const isWs = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
function ws(b: Buffer, i: number): number {
  while (isWs(b[i])) i++;
  return i;
}

/** The index of the quote that ends the string opened at `i`; throws when there is none. */
function stringEnd(b: Buffer, i: number): number {
  for (let q = b.indexOf(0x22, i + 1); q >= 0; q = b.indexOf(0x22, q + 1)) {
    if (!escapes(b, i, q - 1)) return q;
  }
  throw new Error('unterminated string');
}

/** True when the backslash run ending at `at` (within a string starting after `s`) is odd: b[at] escapes what follows. */
function escapes(b: Buffer, s: number, at: number): boolean {
  let n = at;
  while (n > s && b[n] === 0x5c) n--;
  return (at - n) % 2 === 1;
}

/** The first index at or after `p` where a character or escape of the string after `s` starts. */
function tokenStart(b: Buffer, s: number, p: number): number {
  while ((b[p]! & 0xc0) === 0x80) p++;
  for (let k = 1; k <= 5 && p - k > s; k++) {
    if (b[p - k] !== 0x5c) continue;
    if (!escapes(b, s, p - k)) break;
    const len = b[p - k + 1] === 0x75 ? 6 : 2;
    return k < len ? p - k + len : p;
  }
  return p;
}

/** The string between quotes `s` and `e`, only its first HEAD or last TAIL bytes when longer (whole characters). */
function stringPart(b: Buffer, s: number, e: number, tail: boolean): string {
  const from = tail && e - s > TAIL ? tokenStart(b, s, e - TAIL) : s + 1;
  const to = !tail && e - s > HEAD ? tokenStart(b, s, s + HEAD) : e;
  return JSON.parse(`"${b.toString('utf8', from, to)}"`) as string;
}

/** The bytes a value that is not a string holds outside its strings: numbers, true, false, null, white space, `:` `,`. */
const PLAIN = new Uint8Array(256);
for (const c of Buffer.from('0123456789+-.eEtruefalsn:, \t\r\n')) PLAIN[c] = 1;

/** The end of the value (not a string) that starts at `i`: at the `,` or `}` after it. */
function skipValue(b: Buffer, i: number): number {
  const open: number[] = [];
  for (; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0x22) i = stringEnd(b, i);
    else if (c === 0x5b || c === 0x7b) open.push(c + 2);
    else if (c === 0x5d || c === 0x7d) {
      if (open.length === 0) return i;
      if (open.pop() !== c) break;
    } else if (c === 0x2c && open.length === 0) return i;
    else if (PLAIN[c] === 0) break;
  }
  throw new Error('malformed value');
}

/** The string fields of FIELDS in the object `b` holds (the last of a repeated key, as JSON.parse keeps it); throws when malformed. */
function fieldsOf(b: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = ws(b, 0);
  if (b[i] !== 0x7b) throw new Error('not an object');
  i = ws(b, i + 1);
  if (b[i] !== 0x7d) {
    for (;;) {
      if (b[i] !== 0x22) throw new Error('no key');
      const ke = stringEnd(b, i);
      // A key is parsed only when escaped (`"co\u0064e"` is `code`); one longer than ours written all
      // in `\uXXXX` escapes (original_id: 66 bytes) is none of them.
      const raw = ke - i <= KEY_MAX_BYTES + 1 ? b.toString('latin1', i + 1, ke) : '';
      const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      i = ws(b, ke + 1);
      if (b[i] !== 0x3a) throw new Error('no colon');
      i = ws(b, i + 1);
      const known = Object.hasOwn(FIELDS, key);
      if (known) delete out[key];
      if (b[i] === 0x22) {
        const e = stringEnd(b, i);
        if (known) out[key] = stringPart(b, i, e, FIELDS[key]!);
        i = ws(b, e + 1);
      } else i = ws(b, skipValue(b, i));
      if (b[i] !== 0x2c) break;
      i = ws(b, i + 1);
    }
  }
  if (b[i] !== 0x7d || ws(b, i + 1) !== b.length) throw new Error('malformed object');
  return out;
}
