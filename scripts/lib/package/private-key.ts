/**
 * Which walnut files are private keys, by name or by what they hold (README "Private keys stay
 * home"): create leaves them out unless --allow-private-keys is given. Looked at one file at a
 * time: collect reads a file up to 64 KiB whole and a larger one's first 4 KiB (privateKeyReason);
 * every byte of a larger one is searched while planPackage hashes it (KeyScanner), in a window
 * of bounded size, so no file is read twice for it.
 */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { createPrivateKey as parseKey } from 'node:crypto';

export const PASS_KEYS = 'pass --allow-private-keys to pack it';

const SSH_KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk']);
/** Key stores by their extension: PKCS#12, PuTTY, Java key stores, a DER PKCS#8 key. */
const KEY_STORE = /\.(p12|pfx|ppk|jks|keystore|pk8)$/i;

/** `-----BEGIN … PRIVATE KEY-----` (PEM, OpenSSH; OpenPGP's ends `PRIVATE KEY BLOCK-----`). */
const KEY_MARKER = /-----BEGIN [A-Z0-9 ]{0,64}PRIVATE KEY(?: BLOCK)?-----/g;
/** At least this many base64 characters in a row: a key body, not a word of prose. */
const BODY_MIN = 16;
const BASE64_CHAR = /[A-Za-z0-9+/=]/;
/** A `Name: value` header of an encrypted PEM (Proc-Type, DEK-Info) or of OpenPGP (Comment). */
const HEADER = /[A-Za-z][A-Za-z-]{0,63}:[^\r\n\\]{0,256}/y;
/** Header and blank lines looked through between a marker and its body: OpenSSL writes two. */
const HEADER_LINES_MAX = 8;
const UTF8_BOM_LATIN1 = '\u00ef\u00bb\u00bf';

/**
 * Whether `text` (a file read as latin1) holds a private key block: a marker alone on its line (at
 * the start, behind a UTF-8 byte-order mark or indentation, or after any line) unless what follows
 * is a how-to's stand-in for a key (placeholderFollows: `...`, `<your key here>`), or a marker
 * followed by a key body: on the same line (glued, or after spaces or a tab: a key written by
 * `echo $KEY`), or after a line break, real (also an old Mac's `\r`) or escaped (the `private_key`
 * of a JSON service-account file), and up to HEADER_LINES_MAX header or blank lines; the body at
 * least BODY_MIN base64 characters that end the word. A file that only mentions the marker in a
 * sentence is neither. With `bodyNeeded` (text decoded from base64, where a marker with nothing
 * after it is an example cut short), only a marker followed by a body counts; with `from` and
 * `to`, only a marker that starts between them (a chunk of a larger file). Read by hand, in
 * time linear in the file: a regular expression for this (line breaks that match one way or two)
 * took minutes on a few hundred crafted bytes.
 */
export function holdsPrivateKeyBlock(text: string, opts: { bodyNeeded?: boolean; from?: number; to?: number } = {}): boolean {
  const to = opts.to ?? text.length;
  KEY_MARKER.lastIndex = opts.from ?? 0;
  for (let m = KEY_MARKER.exec(text); m !== null && m.index < to; m = KEY_MARKER.exec(text)) {
    const end = KEY_MARKER.lastIndex;
    if ((!opts.bodyNeeded && aloneOnItsLine(text, m.index, end) && !placeholderFollows(text, end)) || bodyFollows(text, end)) return true;
  }
  return false;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** `…` as a latin1 reading of its UTF-8 bytes, and itself (in text read as UTF-16). */
const ELLIPSES = ['...', '\u00e2\u0080\u00a6', '\u2026'];
/** What a line in place of a key body starts with in a how-to: `<your key here>`, `[…]`, `${VAR}`, `{{ .Values.key }}`, a code fence's end. */
const PLACEHOLDER_START = /[<[]|\$\{|\{\{|```|~~~/y;

/**
 * Whether the first line after the marker's line that is not blank (up to HEADER_LINES_MAX of
 * those) shows a how-to's stand-in for a key rather than a key: the END marker at once, a line
 * holding `...` or `…` (`MIIEv...`), a line starting `<`, `[`, `${` or `{{`, or a code fence's
 * end. No key body, whose lines are base64, is any of these.
 */
function placeholderFollows(text: string, end: number): boolean {
  let i = end;
  for (let line = 0; line < HEADER_LINES_MAX; line++) {
    while (isBlank(text[i])) i++;
    const next = breakEnd(text, i);
    if (next < 0) break;
    i = next;
    while (isBlank(text[i])) i++;
    if (breakEnd(text, i) < 0) break;
  }
  if (i >= text.length) return false;
  if (text.startsWith('-----END ', i)) return true;
  PLACEHOLDER_START.lastIndex = i;
  if (PLACEHOLDER_START.test(text)) return true;
  let lineEnd = i;
  while (lineEnd < text.length && lineEnd - i < 256 && breakEnd(text, lineEnd) < 0) lineEnd++;
  const content = text.slice(i, lineEnd);
  return ELLIPSES.some((e) => content.includes(e));
}

function aloneOnItsLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i > 0 && isBlank(text[i - 1])) i--;
  const lineStart = i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r' || (i === UTF8_BOM_LATIN1.length && text.startsWith(UTF8_BOM_LATIN1));
  if (!lineStart) return false;
  let j = end;
  while (isBlank(text[j])) j++;
  return j === text.length || text[j] === '\n' || text[j] === '\r';
}

/** The index after a line break at `i` (real, or escaped as in a JSON or TOML string), or -1. */
function breakEnd(text: string, i: number): number {
  if (text.startsWith('\r\n', i)) return i + 2;
  if (text[i] === '\n' || text[i] === '\r') return i + 1;
  if (text.startsWith('\\r\\n', i)) return i + 4;
  if (text.startsWith('\\n', i)) return i + 2;
  // Escaped twice (a JSON string holding a JSON text).
  if (text.startsWith('\\\\n', i)) return i + 3;
  return -1;
}

/** Whether a key body starts at `i`: BODY_MIN base64 characters or more, then the word ends. */
function bodyAt(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && j - i < 4096 && BASE64_CHAR.test(text[j]!)) j++;
  if (j - i < BODY_MIN) return false;
  if (j - i >= 4096 || j === text.length || isBlank(text[j]) || breakEnd(text, j) >= 0) return true;
  return text.startsWith('-----END', j);
}

function bodyFollows(text: string, end: number): boolean {
  let i = end;
  while (isBlank(text[i])) i++;
  if (bodyAt(text, i)) return true;
  for (let line = 0; line < HEADER_LINES_MAX; line++) {
    const next = breakEnd(text, i);
    if (next < 0) return false;
    i = next;
    while (isBlank(text[i])) i++;
    if (bodyAt(text, i)) return true;
    HEADER.lastIndex = i;
    if (HEADER.test(text)) i = HEADER.lastIndex;
  }
  return false;
}

/**
 * 1 for each of base64's 64 digits and base64url's two others, `-` and `_` (a key in a URL-safe
 * variable; Node's base64 decoder reads both alphabets). '=' padding is none: it ends the data.
 */
const BASE64_DIGIT = new Uint8Array(256);
for (const c of Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_', 'latin1')) BASE64_DIGIT[c] = 1;

/**
 * A line of base64 digits at least this long is where a run worth decoding may start: the
 * smallest DER private key (Ed25519 or X25519 in PKCS#8, 48 bytes) takes 64 digits, and the tools
 * that wrap base64 (`base64`, `openssl base64`, PEM) write lines of 64 or 76.
 */
const BASE64_LINE_MIN = 64;
const HALF = BASE64_LINE_MIN / 2;

/**
 * Where the next line of BASE64_LINE_MIN digits or more starts in `buf` from `from` on, or -1.
 * Such a line covers a whole stretch of HALF bytes, wherever the stretches are laid, so each is
 * read from its end back to its first byte that is no digit, and the next stretch starts after
 * that byte: in prose or binary bytes most are passed over unread (0.3 ns a byte of prose).
 */
function nextBase64Line(buf: Buffer, from: number): number {
  let end = from + HALF - 1;
  while (end < buf.length) {
    let start = end;
    const first = end - HALF + 1;
    while (start >= first && BASE64_DIGIT[buf[start]!]) start--;
    // No long line starts at or before a byte that is no digit in the stretch.
    if (start >= first) {
      end = start + HALF;
      continue;
    }
    // The stretch is all digits: the line holding it.
    start = first;
    while (start > from && BASE64_DIGIT[buf[start - 1]!]) start--;
    let after = end + 1;
    while (after < buf.length && BASE64_DIGIT[buf[after]!]) after++;
    if (after - start >= BASE64_LINE_MIN) return start;
    end = after + HALF;
  }
  return -1;
}

/** A run of base64 digits, joined across its line breaks, and where each of its lines starts in `digits`. */
interface Base64Run {
  digits: string;
  lineStarts: number[];
  /** The index in the buffer after the run. */
  end: number;
}

/**
 * The run of base64 digits that starts at `i`: across a line break (real or escaped) and the next
 * line's indentation when the line so far is whole groups of four, as `base64` wraps its output
 * (76 digits a line) into a YAML block or a JSON string; padding or any other byte ends it.
 */
function base64Run(buf: Buffer, i: number): Base64Run {
  const parts: string[] = [];
  const lineStarts = [0];
  let n = 0;
  let j = i;
  for (;;) {
    const start = j;
    while (j < buf.length && BASE64_DIGIT[buf[j]!]) j++;
    parts.push(buf.toString('latin1', start, j));
    n += j - start;
    if ((j - start) % 4 !== 0) break;
    const gap = buf.toString('latin1', j, j + 4);
    const after = breakEnd(gap, 0);
    if (after < 0) break;
    let k = j + after;
    while (buf[k] === 0x20 || buf[k] === 0x09) k++;
    if (k >= buf.length || !BASE64_DIGIT[buf[k]!]) break;
    lineStarts.push(n);
    j = k;
  }
  return { digits: parts.join(''), lineStarts, end: j };
}

/** `digits` decoded (whole bytes only: a lone last digit is dropped). */
const decodeBase64 = (digits: string) => Buffer.from(digits.length % 4 === 1 ? digits.slice(0, -1) : digits, 'base64');

/**
 * `-----BEGIN ` in base64 at each of the three alignments (its first byte first, second or third
 * in a group of three bytes): the digits only its own bits make, `from` digits into the group of
 * four it starts in.
 */
const BASE64_BEGIN = [0, 1, 2].map((pad) => {
  const all = Buffer.concat([Buffer.alloc(pad), Buffer.from('-----BEGIN ', 'latin1')]).toString('base64');
  return { from: Math.ceil((pad * 8) / 6), digits: all.slice(Math.ceil((pad * 8) / 6), Math.floor(((pad + 11) * 8) / 6)) };
});
/** DER candidates of one file handed to Node's parser, at most: bounded work on crafted text. */
const BASE64_DER_PARSES = 16;
/** What a candidate laid out as a key is taken for once a file's parses are used up. */
const SHAPED_KIND = `DER in base64 laid out as a private key (past the ${BASE64_DER_PARSES} such blobs of a file that are parsed: not checked)`;

/**
 * What private key `buf` holds in base64, or undefined. A PEM block (a Kubernetes Secret's
 * `tls.key`, a service account's JSON key in a CI variable) is found by `-----BEGIN ` in base64
 * at any of its alignments and decoded from there: it must show a marker followed by a key body
 * (a marker alone is a text about keys, cut short). A DER key (a `KEY=` line of a .env file, a
 * YAML value) starts a line of the run with `M` and `C` to `I` (a SEQUENCE, 0x30, of 40 bytes or
 * more) and decodes to a SEQUENCE Node parses as a PKCS#8, PKCS#1 or SEC1 private key, or to
 * the start of a PKCS#12 key store; `parses.left` more candidates laid out as a key (keyShaped)
 * at most are parsed (a file's budget, shared by the windows of a large one), and one past them
 * is taken for a key unparsed: blobs Node refuses (an algorithm it does not know) used up the
 * parses, and a key after them was packed. Only runs that
 * start before `to` are read (one after is read whole in the next window, with the PEM marker
 * before it, if any). Each run is read once (time linear in the file) and decoded at most four
 * times whole (from each place in a group of four a marker starts at).
 */
function base64KeyKind(buf: Buffer, parses: { left: number }, to = buf.length): string | undefined {
  for (let at = nextBase64Line(buf, 0); at >= 0 && at < to; ) {
    const run = base64Run(buf, at);
    at = nextBase64Line(buf, run.end);
    const { digits } = run;
    // Where in a group of four each `-----BEGIN ` starts: every hit is looked at, not the first
    // (unpadded blobs joined in one run each have their own), until all four places are seen.
    const groupStarts = new Set<number>();
    for (const b of BASE64_BEGIN) {
      for (let hit = digits.indexOf(b.digits, b.from); hit >= 0 && groupStarts.size < 4; hit = digits.indexOf(b.digits, hit + 1))
        groupStarts.add((hit - b.from) % 4);
    }
    for (const start of groupStarts) {
      if (holdsPrivateKeyBlock(decodeBase64(digits.slice(start)).toString('latin1'), { bodyNeeded: true }))
        return 'a private key (a -----BEGIN … PRIVATE KEY----- block in base64)';
    }
    for (const line of run.lineStarts) {
      const second = digits.charCodeAt(line + 1);
      if (digits[line] !== 'M' || second < 0x43 || second > 0x49) continue;
      const head = decodeBase64(digits.slice(line, line + 32));
      if (isPkcs12(head)) return `${PKCS12_KIND}, in base64`;
      const total = derLength(head);
      if (total === undefined || total < KEY_MIN_BYTES || total > DER_MAX_BYTES || !startsLikeDerKey(head)) continue;
      const want = Math.ceil((total * 4) / 3);
      if (digits.length - line < want) continue;
      // Only what is laid out as a key is worth a parse: other SEQUENCEs use up no tries.
      if (!keyShaped((i) => base64Byte(digits, line, i), total)) continue;
      if (parses.left <= 0) return SHAPED_KIND;
      parses.left--;
      if (parsesAsPrivateKey(decodeBase64(digits.slice(line, line + want)).subarray(0, total))) return 'a private key (DER in base64: PKCS#8, PKCS#1 or SEC1)';
    }
  }
  return undefined;
}

/**
 * GnuPG's own store of secret keys (private-keys-v1.d/*.key): since 2.1 a plaintext file whose
 * `Key:` line holds the key as an S-expression (`(private-key …)`, or `(protected-private-key …)`
 * under a passphrase), before it the canonical binary S-expression; and the body of an OpenSSH key
 * without its BEGIN/END lines (an `SSH_KEY=` variable), raw or in base64. Looked for in what collect
 * reads of a file (up to 64 KiB; the start of a larger one): such files are small.
 */
const GNUPG_BINARY = [Buffer.from('(11:private-key', 'latin1'), Buffer.from('(21:protected-private-key', 'latin1')];
const GNUPG_EXTENDED = /(?:^|\n)Key: *\((?:protected-)?private-key[ (]/;
const OPENSSH_RAW = Buffer.from('openssh-key-v1\0', 'latin1');
/** `openssh-key-v1\0` in base64 from a group's start: what every OpenSSH key body begins with. */
const OPENSSH_BASE64 = Buffer.from('b3BlbnNzaC1rZXktdjEA', 'latin1');

function gnupgKeyKind(buf: Buffer): string | undefined {
  if (GNUPG_BINARY.some((b) => startsAt(buf, 0, b))) return 'a GnuPG secret key (private-keys-v1.d)';
  const keyLine = buf.indexOf('Key:');
  if (keyLine >= 0 && GNUPG_EXTENDED.test(buf.toString('latin1', Math.max(0, keyLine - 1), keyLine + 64))) return 'a GnuPG secret key (private-keys-v1.d)';
  if (startsAt(buf, 0, OPENSSH_RAW)) return 'an OpenSSH private key (its body, without the BEGIN line)';
  if (buf.indexOf(OPENSSH_BASE64) >= 0) return 'an OpenSSH private key (its body in base64, without the BEGIN line)';
  return undefined;
}

/** What every PEM, OpenSSH and OpenPGP marker holds: the regular expression runs only when it is there. */
const MARKER_CORE = Buffer.from('PRIVATE KEY', 'latin1');
const PUTTY = Buffer.from('PuTTY-User-Key-File-', 'latin1');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A file up to this size is sniffed whole (openssl finds a PEM key after any preamble)... */
const SNIFF_WHOLE_BYTES = 64 * 1024;
/** ...a larger one, its first bytes (for what only starts a file; every byte is searched as it is hashed: KeyScanner). */
const SNIFF_HEAD_BYTES = 4096;
/** A DER key is small; only a file this size or smaller is tried as one. */
const DER_MAX_BYTES = 16 * 1024;
/** Shorter than any private key (an Ed25519 key in DER PKCS#8 is 48 bytes): not opened to look. */
const KEY_MIN_BYTES = 40;
/** An age identity: the prefix, then its key in Bech32 (as age-keygen writes it). */
const AGE_IDENTITY = /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/;
const AGE_PREFIX = Buffer.from('AGE-SECRET-KEY-1', 'latin1');

/** Why the regular file `abs` (named `name`, `size` bytes) is taken for a private key, or undefined. */
export function privateKeyReason(abs: string, name: string, size: number): string | undefined {
  if (SSH_KEY_NAMES.has(name)) return `named like an SSH private key; ${PASS_KEYS}`;
  const store = KEY_STORE.exec(name);
  if (store) return `named like a private key store (.${store[1]!.toLowerCase()}); ${PASS_KEYS}`;
  if (size < KEY_MIN_BYTES) return undefined;
  const held = sniff(abs, size);
  return held ? holdsKeyReason(held) : undefined;
}

const holdsKeyReason = (kind: string) => `holds ${kind}; ${PASS_KEYS}`;

/** Whether a file of `size` bytes is searched on past what collect reads of it, while it is hashed (KeyScanner). */
export const scannedWhileHashed = (size: number) => size > SNIFF_WHOLE_BYTES;

/** One buffer for every file (collect runs synchronously, one file at a time). */
const sniffed = Buffer.allocUnsafe(SNIFF_WHOLE_BYTES);

/** What kind of private key the file holds, or undefined (unreadable: no; hashing reports it). */
function sniff(abs: string, size: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const want = size <= SNIFF_WHOLE_BYTES ? SNIFF_WHOLE_BYTES : SNIFF_HEAD_BYTES;
    let n = 0;
    for (let got = -1; got !== 0 && n < want; n += got) got = readSync(fd, sniffed, n, want - n, n);
    return keyKind(sniffed.subarray(0, n), size);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** A file over SNIFF_WHOLE_BYTES is searched whole while it is hashed, this many bytes at a time... */
export const SCAN_CHUNK_BYTES = 64 * 1024;
/**
 * ...each after the last bytes of the chunk before (a block across their boundary is read whole
 * in the second); a marker is taken from a chunk when it starts SCAN_BACK_BYTES or more after the
 * chunk's start (the bytes before it tell where its line starts) and before the bytes kept for the
 * next chunk, where the rest of its block is.
 */
export const SCAN_CARRY_BYTES = 8 * 1024;
const SCAN_BACK_BYTES = 256;

/**
 * Searches a large file's packed bytes, pushed in chunks of any size as they are hashed, for what
 * keyKind finds anywhere in a file: a PEM, OpenSSH or OpenPGP block (also in UTF-16, or in
 * base64), a DER key in base64, a private JWK, an age identity, a WireGuard key. The bytes are
 * copied into one window of SCAN_CARRY_BYTES + SCAN_CHUNK_BYTES, searched each time it fills,
 * then keep its last SCAN_CARRY_BYTES: memory is that window (and what the JSON objects open at
 * its end hold, for a JWK longer than those bytes: OPEN_CARRIED at most), and time linear in the
 * file (each byte is searched at most twice). What only starts a file (PuTTY, OpenPGP, PKCS#12, a whole DER
 * key) collect looks for in its first bytes.
 */
export class KeyScanner {
  private readonly window = Buffer.allocUnsafe(SCAN_CARRY_BYTES + SCAN_CHUNK_BYTES);
  private filled = 0;
  /** Whether the window starts with bytes kept from the one before. */
  private carried = false;
  private readonly derParses = { left: BASE64_DER_PARSES };
  private readonly jwkOpen: number[] = [];
  private kind: string | undefined;

  push(chunk: Buffer): void {
    for (let at = 0; at < chunk.length && this.kind === undefined; ) {
      // The first window holds SCAN_CHUNK_BYTES, each next one as many after those it keeps.
      const full = this.carried ? this.window.length : SCAN_CHUNK_BYTES;
      const n = chunk.copy(this.window, this.filled, at, at + full - this.filled);
      at += n;
      this.filled += n;
      if (this.filled === full) this.search(false);
    }
  }

  /** Once every byte is pushed: why the file is taken for a private key, or undefined. */
  finish(): string | undefined {
    if (this.kind === undefined) this.search(true);
    return this.kind === undefined ? undefined : holdsKeyReason(this.kind);
  }

  private search(last: boolean): void {
    const n = this.filled;
    this.kind = anywhereKind(this.window.subarray(0, n), {
      from: this.carried ? SCAN_BACK_BYTES : 0,
      to: last ? n : n - (SCAN_CARRY_BYTES - SCAN_BACK_BYTES),
      first: !this.carried,
      derParses: this.derParses,
      jwkOpen: this.jwkOpen,
      // Where the next window starts: the bytes from there are searched again.
      jwkCut: last ? -1 : n - SCAN_CARRY_BYTES,
    });
    if (last) return;
    this.window.copy(this.window, 0, n - SCAN_CARRY_BYTES, n);
    this.filled = SCAN_CARRY_BYTES;
    this.carried = true;
  }
}

/**
 * Which bytes of `buf` a search takes a find from: a marker (or its UTF-16, age, WireGuard or JWK
 * core) that starts at `from` or after and before `to`; `first` when `buf` starts the file; the
 * DER candidates in base64 the file may still have parsed.
 */
interface Span {
  from: number;
  to: number;
  first: boolean;
  derParses: { left: number };
  /** What the objects open where `buf` starts hold, for a private JWK; set to those open at `jwkCut` (holdsPrivateJwk). */
  jwkOpen?: number[];
  jwkCut?: number;
}

const PEM_KIND = 'a private key (a -----BEGIN … PRIVATE KEY----- block)';

/** What kind of private key `buf`, a whole file of `size` bytes or its first bytes, holds, or undefined. */
function keyKind(buf: Buffer, size: number): string | undefined {
  const start = buf.subarray(0, BOM.length).equals(BOM) ? BOM.length : 0;
  if (buf.subarray(start, start + PUTTY.length).equals(PUTTY)) return 'a PuTTY private key';
  const gnupg = gnupgKeyKind(buf);
  if (gnupg) return gnupg;
  if (size <= DER_MAX_BYTES && buf.length === size && isDerPrivateKey(buf)) return 'a private key (DER: PKCS#8, PKCS#1 or SEC1)';
  if (isOpenPgpSecretKey(buf)) return 'an OpenPGP secret key (gpg --export-secret-keys)';
  if (isPkcs12(buf)) return PKCS12_KIND;
  return anywhereKind(buf, { from: 0, to: buf.length, first: true, derParses: { left: BASE64_DER_PARSES } });
}

/** What kind of private key `buf` holds wherever it sits (in `span`: a window of a larger file), or undefined. */
function anywhereKind(buf: Buffer, span: Span): string | undefined {
  const { from, to } = span;
  let latin1: string | undefined;
  const text = () => (latin1 ??= buf.toString('latin1'));
  const cores = coresFrom(buf, from);
  if (cores.has(MARKER_CORE) && holdsPrivateKeyBlock(text(), { from, to })) return PEM_KIND;
  if (cores.has(UTF16_CORE) && holdsUtf16KeyBlock(buf, span)) return 'a private key (a -----BEGIN … PRIVATE KEY----- block, UTF-16)';
  if (cores.has(AGE_PREFIX) && AGE_IDENTITY.test(text())) return 'an age identity (AGE-SECRET-KEY-1…)';
  // Not at the start of a window that is not the file's: there, no line starts.
  if (cores.has(WIREGUARD_NAME) && (span.first ? WIREGUARD_KEY : WIREGUARD_KEY_LINE).test(text())) return 'a WireGuard private key (PrivateKey = …)';
  if (holdsPrivateJwk(buf, text, span.jwkOpen, span.jwkCut)) return JWK_KIND;
  return base64KeyKind(buf, span.derParses, to);
}

/**
 * `PRIVATE KEY` in UTF-16 less its last byte: what little- and big-endian both hold (`P\0R\0…Y`
 * starts a character in the first, ends one in the second), one search for both.
 */
const UTF16_CORE = Buffer.from('PRIVATE KEY', 'utf16le').subarray(0, -1);
const UTF16_BOMS = { le: [0xff, 0xfe], be: [0xfe, 0xff] };

/**
 * Whether `buf` holds a key block in UTF-16, little- or big-endian, with or without a byte-order
 * mark (PowerShell's `>` writes one, `iconv -t UTF-16LE` none): found by `PRIVATE KEY` in UTF-16
 * from `span.from` on, and read as UTF-16 of each order from the parity that hit gives it (each
 * order and parity once at most).
 */
function holdsUtf16KeyBlock(buf: Buffer, span: Span): boolean {
  const tried = new Set<string>();
  for (let hit = buf.indexOf(UTF16_CORE, span.from); hit >= 0 && tried.size < 4; hit = buf.indexOf(UTF16_CORE, hit + 1)) {
    for (const order of ['le', 'be'] as const) {
      const parity = (hit + (order === 'le' ? 0 : 1)) % 2;
      if (tried.has(`${order}${parity}`)) continue;
      tried.add(`${order}${parity}`);
      const bom = UTF16_BOMS[order];
      // The file's byte-order mark is no character of its first line.
      const start = span.first && parity === 0 && buf[0] === bom[0] && buf[1] === bom[1] ? 2 : parity;
      const bytes = buf.subarray(start, buf.length - ((buf.length - start) % 2));
      const text = (order === 'le' ? bytes : Buffer.from(bytes).swap16()).toString('utf16le');
      const char = (byte: number) => Math.max(0, Math.ceil((byte - start) / 2));
      if (holdsPrivateKeyBlock(text, { from: char(span.from), to: char(span.to) })) return true;
    }
  }
  return false;
}

/** A WireGuard configuration's `PrivateKey = ` line: 32 bytes in base64. */
const WIREGUARD_NAME = Buffer.from('PrivateKey', 'latin1');

/**
 * The cores anywhereKind looks for, each with where its `K` is: every one holds that byte, so one
 * search for it (memchr, where a search for each core took 0.3 ns a byte of binary data) finds them all.
 */
const K = 0x4b;
const CORES = [MARKER_CORE, UTF16_CORE, AGE_PREFIX, WIREGUARD_NAME].map((core) => ({ core, k: core.indexOf(K) }));

/** K bytes looked at in a window, at most: past them (text of many K, crafted), each core is searched for itself. */
const K_HITS_MAX = 1024;

/** The cores of CORES that start at `from` or after in `buf`. */
function coresFrom(buf: Buffer, from: number): Set<Buffer> {
  const found = new Set<Buffer>();
  let hits = 0;
  for (let i = buf.indexOf(K, from); i >= 0 && found.size < CORES.length; i = buf.indexOf(K, i + 1)) {
    if (++hits > K_HITS_MAX) {
      for (const { core } of CORES) if (!found.has(core) && buf.indexOf(core, from) >= 0) found.add(core);
      break;
    }
    for (const { core, k } of CORES) {
      const start = i - k;
      if (start >= from && !found.has(core) && startsAt(buf, start, core)) found.add(core);
    }
  }
  return found;
}

function startsAt(buf: Buffer, at: number, bytes: Buffer): boolean {
  if (at + bytes.length > buf.length) return false;
  for (let j = 0; j < bytes.length; j++) if (buf[at + j] !== bytes[j]) return false;
  return true;
}
const WIREGUARD_KEY = /(?:^|\n)[ \t]*PrivateKey[ \t]*=[ \t]*[A-Za-z0-9+/]{43}=/;
const WIREGUARD_KEY_LINE = /\n[ \t]*PrivateKey[ \t]*=[ \t]*[A-Za-z0-9+/]{43}=/;
const JWK_KIND = 'a private key (a JSON Web Key with "d")';
/**
 * What every private JSON Web Key holds, `"d"` (as written in JSON, and escaped in a JSON string)
 * and `kty`, searched for first: the text is read only when one is there (holdsPrivateJwk)...
 */
const JWK_D_CORES = [Buffer.from('"d"', 'latin1'), Buffer.from('"d\\', 'latin1')];
const JWK_KTY_CORE = Buffer.from('kty', 'latin1');
/**
 * A JSON member `"d": "…"` of 32 base64url digits or more (P-256's and Ed25519's scalar is 43, an
 * RSA exponent hundreds), also escaped in a JSON string once or twice (`\"d\":\"…\"`)...
 */
const JWK_D = /\\{0,3}"d\\{0,3}"[ \t\r\n]*:[ \t\r\n]*\\{0,3}"[A-Za-z0-9_-]{32,}\\{0,3}"/g;
/** ...and the `"kty"` of an asymmetric key (a symmetric one, "oct", has no "d"). Neither holds a brace. */
const JWK_KTY = /\\{0,3}"kty\\{0,3}"[ \t\r\n]*:[ \t\r\n]*\\{0,3}"(?:RSA|EC|OKP)\\{0,3}"/g;
const HAS_D = 1;
const HAS_KTY = 2;

/** Where the next match of the global `member` at `from` or after in `text` starts and ends, or -1s. */
function memberAt(member: RegExp, text: string, from: number): [number, number] {
  member.lastIndex = from;
  const m = member.exec(text);
  return m ? [m.index, member.lastIndex] : [-1, -1];
}

/**
 * Where the outermost object open at `cut` opened in `buf`: 0 when one open where `buf` starts
 * (`depth` of them) still is, -1 when none is.
 */
function openAt(buf: Buffer, depth: number, cut: number): number {
  let low = depth;
  let outermost = -1;
  let nextOpen = buf.indexOf(0x7b);
  let nextClose = buf.indexOf(0x7d);
  while ((nextOpen >= 0 && nextOpen < cut) || (nextClose >= 0 && nextClose < cut)) {
    if (nextOpen >= 0 && (nextClose < 0 || nextOpen < nextClose)) {
      if (depth++ === 0) outermost = nextOpen;
      nextOpen = buf.indexOf(0x7b, nextOpen + 1);
    } else {
      if (depth > 0) low = Math.min(low, --depth);
      nextClose = buf.indexOf(0x7d, nextClose + 1);
    }
  }
  return low > 0 ? 0 : depth > 0 ? outermost : -1;
}

/** Objects open at the end of a window whose holdings are carried to the next (the innermost): memory bounded on crafted braces. */
const OPEN_CARRIED = 4096;

/**
 * Whether `buf` (`text()` its latin1 reading) holds a private JSON Web Key wherever it sits (a
 * JWK or JWK set file, a config file's member, a `.env` or YAML line, a JSON string): a `"d"` of
 * base64url digits and a `"kty"` of RSA, EC or OKP in the same `{…}` (objects nested in it
 * between them are passed over). A "d" in another object than the "kty", or outside any `{`, is
 * none. Every such member is looked at, in the order of the text, with what each object open
 * there holds (by depth, kept by the braces passed): no number of "d"s of log lines or "kty"s of
 * public keys before a key uses up the search (a limit of 64 "d"s did). `open`: what the objects
 * open where `buf` starts hold (HAS_D, HAS_KTY; outermost first), and, given `cut`, what those
 * open at `cut` hold when this returns (where the next window of a large file starts): a key
 * object longer than the bytes windows share, its "kty" in one and its "d" in a later one, was
 * packed. Each search (the two members) passes over the bytes once, the braces twice at most.
 */
function holdsPrivateJwk(buf: Buffer, text: () => string, open: number[] = [], cut = -1): boolean {
  const stack = open.splice(0);
  // Members are read where they may find a key: all of them with a "kty" here or a member carried
  // in; with "d"s alone, only those that may be carried out (a log of JSON lines is all "d"s),
  // from where the outermost object open at `cut` opened.
  let from = 0;
  let until = buf.length;
  let read = buf.indexOf(JWK_KTY_CORE) >= 0 || stack.some((h) => h !== 0);
  if (!read) {
    if (cut < 0) return false;
    if (JWK_D_CORES.some((c) => buf.indexOf(c) >= 0)) {
      from = openAt(buf, stack.length, cut);
      until = cut;
      read = from >= 0;
    }
  }
  const t = read ? text() : '';
  const next = (member: RegExp, at: number) => {
    const found = read ? memberAt(member, t, Math.max(at, from)) : [-1, -1];
    return found[0]! < until ? found : [-1, -1];
  };
  let kty = next(JWK_KTY, 0);
  let d = next(JWK_D, 0);
  let nextOpen = buf.indexOf(0x7b);
  let nextClose = buf.indexOf(0x7d);
  const passBraces = (to: number) => {
    while ((nextOpen >= 0 && nextOpen < to) || (nextClose >= 0 && nextClose < to)) {
      if (nextOpen >= 0 && (nextClose < 0 || nextOpen < nextClose)) {
        stack.push(0);
        nextOpen = buf.indexOf(0x7b, nextOpen + 1);
      } else {
        stack.pop();
        nextClose = buf.indexOf(0x7d, nextClose + 1);
      }
    }
  };
  let carried = cut < 0;
  const carry = () => {
    passBraces(cut);
    open.push(...stack.slice(-OPEN_CARRIED));
    carried = true;
  };
  while (d[0]! >= 0 || kty[0]! >= 0) {
    const isD = d[0]! >= 0 && (kty[0]! < 0 || d[0]! < kty[0]!);
    const at = isD ? d[0]! : kty[0]!;
    if (!carried && at >= cut) carry();
    passBraces(at);
    if (stack.length > 0) {
      stack[stack.length - 1]! |= isD ? HAS_D : HAS_KTY;
      if (stack[stack.length - 1] === (HAS_D | HAS_KTY)) return true;
    }
    if (isD) d = next(JWK_D, d[1]!);
    else kty = next(JWK_KTY, kty[1]!);
  }
  if (!carried) carry();
  return false;
}

/**
 * A file that starts with an OpenPGP secret-key packet (tag 5, old or new header) of version 4, 5
 * or 6 and a public-key algorithm OpenPGP defines: what `gpg --export-secret-keys` writes.
 */
function isOpenPgpSecretKey(buf: Buffer): boolean {
  const first = buf[0];
  const len = buf[1] ?? 0;
  // Where the packet's body (its version byte) starts, by the header's form.
  const body = first === 0x94 ? 2 : first === 0x95 ? 3 : first === 0x96 ? 5 : first === 0xc5 ? (len < 192 ? 2 : len < 224 ? 3 : len === 255 ? 6 : -1) : -1;
  if (body < 0) return false;
  const version = buf[body];
  // Version, a 4-byte creation time, then the public-key algorithm (RFC 9580 5.5.2).
  const algorithm = buf[body + 5];
  return version !== undefined && version >= 4 && version <= 6 && algorithm !== undefined && PGP_ALGORITHMS.has(algorithm);
}

/** OpenPGP's public-key algorithms: RSA (1-3), Elgamal (16), DSA (17), ECDH (18), ECDSA (19), EdDSA (22), X25519, X448, Ed25519, Ed448 (25-28). */
const PGP_ALGORITHMS = new Set([1, 2, 3, 16, 17, 18, 19, 22, 25, 26, 27, 28]);

function isWhiteSpace(bytes: Buffer): boolean {
  return bytes.every((b) => b === 0x0a || b === 0x0d || b === 0x20 || b === 0x09);
}

/** The bytes of the DER SEQUENCE `buf` starts with (its header and what it declares), or undefined. */
function derLength(buf: Buffer): number | undefined {
  if (buf.length < 4 || buf[0] !== 0x30) return undefined;
  const b1 = buf[1]!;
  if (b1 < 0x80) return 2 + b1;
  if (b1 === 0x81) return 3 + buf[2]!;
  if (b1 === 0x82) return 4 + ((buf[2]! << 8) | buf[3]!);
  return undefined;
}

const PKCS12_KIND = 'a PKCS#12 key store (what a .p12 or .pfx holds: private keys and certificates)';
/** pkcs7-data and pkcs7-signedData (1.2.840.113549.1.7.1 and .2), as DER writes their OIDs, tag and length first. */
const PKCS7_DATA = Buffer.from('06092a864886f70d010701', 'hex');
const PKCS7_SIGNED = Buffer.from('06092a864886f70d010702', 'hex');

/**
 * A PKCS#12 key store (PFX, RFC 7292 4) whatever its name: a SEQUENCE holding the INTEGER version
 * 3, then the ContentInfo of its contents, of type pkcs7-data (pkcs7-signedData in the rare
 * public-key integrity mode). A certificate (a SEQUENCE holding a SEQUENCE) or a PKCS#7 bundle (a
 * ContentInfo, with no version before it) is none. Its first 22 bytes decide; lengths may be BER's
 * indefinite one (0x80), as some Windows exports write them. One holding certificates only is
 * taken too: as with a .p12 by name, what it holds is mostly encrypted.
 */
function isPkcs12(buf: Buffer): boolean {
  if (buf[0] !== 0x30) return false;
  let at = derHeaderLength(buf, 0);
  if (buf[at] !== 0x02 || buf[at + 1] !== 0x01 || buf[at + 2] !== 0x03 || buf[at + 3] !== 0x30) return false;
  at += 3;
  at += derHeaderLength(buf, at);
  const oid = buf.subarray(at, at + PKCS7_DATA.length);
  return oid.equals(PKCS7_DATA) || oid.equals(PKCS7_SIGNED);
}

/** The OID arc of PKCS (1.2.840.113549.1), as DER writes it. */
const PKCS_OID = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01]);

/**
 * Whether the SEQUENCE `head` (its first 18 bytes) opens as a private key does: a version INTEGER
 * of 0 or 1 then a SEQUENCE (PKCS#8), an INTEGER (PKCS#1) or an OCTET STRING (SEC1), or a SEQUENCE
 * holding a PKCS#5 or PKCS#12 encryption algorithm (1.2.840.113549.1.5 or .12: an encrypted
 * PKCS#8; a public key's algorithm is none). Cheap, where Node's parser takes most of a
 * millisecond to refuse what is no key.
 */
function startsLikeDerKey(head: Buffer): boolean {
  const at = derHeaderLength(head, 0);
  if (head[at] === 0x02 && head[at + 1] === 0x01 && (head[at + 2] === 0x00 || head[at + 2] === 0x01)) {
    const next = head[at + 3];
    return next === 0x30 || next === 0x02 || next === 0x04;
  }
  if (head[at] !== 0x30) return false;
  const oid = at + derHeaderLength(head, at);
  if (head[oid] !== 0x06) return false;
  const arc = head.subarray(oid + 2, oid + 2 + PKCS_OID.length + 1);
  return arc.subarray(0, PKCS_OID.length).equals(PKCS_OID) && (arc[PKCS_OID.length] === 0x05 || arc[PKCS_OID.length] === 0x0c);
}

/** Each base64 or base64url digit's value. */
const BASE64_VALUE = new Uint8Array(256);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) BASE64_VALUE[c.charCodeAt(0)] = i;
BASE64_VALUE[0x2d] = 62;
BASE64_VALUE[0x5f] = 63;

/** Byte `i` of what the base64 `digits` from `start` on decode to (read from the two digits that hold it, nothing decoded). */
function base64Byte(digits: string, start: number, i: number): number {
  const bit = i * 8;
  const k = start + Math.floor(bit / 6);
  const pair = (BASE64_VALUE[digits.charCodeAt(k)]! << 6) | BASE64_VALUE[digits.charCodeAt(k + 1)]!;
  return (pair >> (4 - (bit % 6))) & 0xff;
}

/** Elements a key's SEQUENCE holds, at most (PKCS#1: nine INTEGERs, then other primes). */
const KEY_ELEMENTS_MAX = 12;

/**
 * The DER elements (tag, where the content starts and ends) that fill bytes `start` to `end` of
 * what `byte` reads exactly, KEY_ELEMENTS_MAX at most, or undefined. Only their headers are read.
 */
function derElements(byte: (i: number) => number, start: number, end: number): { tag: number; body: number; end: number }[] | undefined {
  const elements: { tag: number; body: number; end: number }[] = [];
  for (let at = start; at < end; ) {
    if (at + 2 > end || elements.length === KEY_ELEMENTS_MAX) return undefined;
    const b1 = byte(at + 1);
    const lengthBytes = b1 < 0x80 ? 0 : b1 & 0x7f;
    // A definite length of up to three bytes (more than DER_MAX_BYTES is no key's).
    if (lengthBytes > 3 || b1 === 0x80 || at + 2 + lengthBytes > end) return undefined;
    let length = b1 < 0x80 ? b1 : 0;
    for (let k = 0; k < lengthBytes; k++) length = length * 256 + byte(at + 2 + k);
    const body = at + 2 + lengthBytes;
    if (body + length > end) return undefined;
    elements.push({ tag: byte(at), body, end: body + length });
    at = body + length;
  }
  return elements;
}

/**
 * Whether the DER SEQUENCE of `total` bytes that `byte` reads is laid out as a private key Node
 * may parse, element by element: an encrypted PKCS#8 (an algorithm SEQUENCE, an OCTET STRING), a
 * PKCS#8 (a version, an algorithm SEQUENCE, an OCTET STRING, then [0] attributes or [1] the public
 * key), a SEC1 (a version, an OCTET STRING, then [0] or [1]) or a PKCS#1 (nine INTEGERs, then
 * other primes). A parse of what is not takes Node most of a millisecond to refuse: base64 blobs
 * that only open as a key does (startsLikeDerKey) are passed over without using up a file's
 * tries. Reads a few bytes of each element's header, so each candidate costs the same little.
 */
function keyShaped(byte: (i: number) => number, total: number): boolean {
  const top = derElements(byte, 0, total);
  if (top?.length !== 1 || top[0]!.tag !== 0x30) return false;
  const parts = derElements(byte, top[0]!.body, top[0]!.end);
  if (parts === undefined || parts.length < 2) return false;
  const tags = parts.map((p) => p.tag);
  const isAlgorithm = (i: number) => tags[i] === 0x30 && parts[i]!.body < parts[i]!.end && byte(parts[i]!.body) === 0x06;
  const restAre = (from: number, allowed: number[]) => tags.slice(from).every((t) => allowed.includes(t));
  if (tags.length === 2 && isAlgorithm(0) && tags[1] === 0x04) return true;
  if (tags[0] !== 0x02) return false;
  if (tags.length >= 3 && isAlgorithm(1) && tags[2] === 0x04 && restAre(3, [0xa0, 0x81, 0xa1])) return true;
  if (tags[1] === 0x04 && restAre(2, [0xa0, 0xa1])) return true;
  return tags.length >= 9 && tags.slice(0, 9).every((t) => t === 0x02) && restAre(9, [0x30]);
}

/** The length of the DER header (tag and length) at `at`: 2 (also BER's indefinite length), or more for a long length. */
function derHeaderLength(buf: Buffer, at: number): number {
  const b1 = buf[at + 1] ?? 0;
  return b1 < 0x80 ? 2 : 2 + (b1 & 0x7f);
}

/**
 * A file that is exactly one ASN.1 SEQUENCE (its declared length is the file's) that Node parses
 * as a PKCS#8 (also an encrypted one), PKCS#1 or SEC1 private key. The length check keeps the
 * parse to files that look like DER at all.
 */
function isDerPrivateKey(buf: Buffer): boolean {
  const len = derLength(buf);
  // The SEQUENCE is the file, or the file with white space after it (an editor's or echo's
  // newline: OpenSSL reads the DER before it). Not trimmed blindly: a key may end in such a byte.
  if (len === undefined || len > buf.length || !isWhiteSpace(buf.subarray(len))) return false;
  return parsesAsPrivateKey(buf.subarray(0, len));
}

/** Whether Node parses the DER `der` as a PKCS#8 (also an encrypted one), PKCS#1 or SEC1 private key. */
function parsesAsPrivateKey(der: Buffer): boolean {
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      parseKey({ key: der, format: 'der', type });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_MISSING_PASSPHRASE') return true;
    }
  }
  return false;
}
