/**
 * Which walnut files are private keys, by name or by what they hold (README "Private keys stay
 * home"): create leaves them out unless --allow-private-keys is given. Looked at without reading
 * more than a small file whole or a larger one's first 4 KiB, one file at a time.
 */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { createPrivateKey as parseKey } from 'node:crypto';

export const PASS_KEYS = 'pass --allow-private-keys to pack it';

const SSH_KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk']);
/** Key stores by their extension: PKCS#12, PuTTY, Java key stores, a DER PKCS#8 key. */
const KEY_STORE = /\.(p12|pfx|ppk|jks|keystore|pk8)$/i;

/** `-----BEGIN … PRIVATE KEY-----` (PEM, OpenSSH; OpenPGP's ends `PRIVATE KEY BLOCK-----`). */
const KEY_MARKER = '-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----';
/** A line break as a file holds it (also an old Mac's `\r`), or as a JSON or TOML string writes it. */
const BREAK = String.raw`(?:\r?\n|\r|\\r\\n|\\n)`;
/**
 * A private key block (read as latin1): either the marker alone on its line (at the start, behind
 * a UTF-8 byte-order mark or indentation, or after any line), or the marker anywhere followed by a
 * key body: on the same line (glued, or after spaces or a tab: a key written by `echo $KEY`), or
 * after a line break, real or escaped (the `private_key` of a JSON service-account file), optional
 * `Name: value` headers and blank lines (an encrypted PEM's Proc-Type, OpenPGP's Comment); the
 * body at least 16 base64 characters. A file that only mentions the marker in a sentence is neither.
 */
const PRIVATE_KEY_BLOCK = new RegExp(
  String.raw`(?:^(?:\u00ef\u00bb\u00bf)?|[\r\n])[ \t]*${KEY_MARKER}[ \t]*(?:[\r\n]|$)` +
    String.raw`|${KEY_MARKER}(?:[ \t]*${BREAK}(?:[ \t]*(?:[A-Za-z][A-Za-z-]*:[^\r\n\\]*)?${BREAK})*)?[ \t]*[A-Za-z0-9+/=]{16,}(?:${BREAK}|[ \t]|-----END|$)`,
);
/** What every PEM, OpenSSH and OpenPGP marker holds: the regular expression runs only when it is there. */
const MARKER_CORE = Buffer.from('PRIVATE KEY', 'latin1');
const PUTTY = Buffer.from('PuTTY-User-Key-File-', 'latin1');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A file up to this size is sniffed whole (openssl finds a PEM key after any preamble)... */
const SNIFF_WHOLE_BYTES = 64 * 1024;
/** ...a larger one, its first bytes. */
const SNIFF_HEAD_BYTES = 4096;
/** A DER key is small; only a file this size or smaller is tried as one. */
const DER_MAX_BYTES = 16 * 1024;
/** Shorter than any private key: not opened to look. */
const KEY_MIN_BYTES = 64;

/** Why the regular file `abs` (named `name`, `size` bytes) is taken for a private key, or undefined. */
export function privateKeyReason(abs: string, name: string, size: number): string | undefined {
  if (SSH_KEY_NAMES.has(name)) return `named like an SSH private key; ${PASS_KEYS}`;
  const store = KEY_STORE.exec(name);
  if (store) return `named like a private key store (.${store[1]!.toLowerCase()}); ${PASS_KEYS}`;
  if (size < KEY_MIN_BYTES) return undefined;
  const held = sniff(abs, size);
  return held ? `holds ${held}; ${PASS_KEYS}` : undefined;
}

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

function keyKind(buf: Buffer, size: number): string | undefined {
  if (buf.indexOf(MARKER_CORE) >= 0 && PRIVATE_KEY_BLOCK.test(buf.toString('latin1'))) return 'a private key (a -----BEGIN … PRIVATE KEY----- block)';
  const start = buf.subarray(0, BOM.length).equals(BOM) ? BOM.length : 0;
  if (buf.subarray(start, start + PUTTY.length).equals(PUTTY)) return 'a PuTTY private key';
  if (size <= DER_MAX_BYTES && buf.length === size && isDerPrivateKey(buf)) return 'a private key (DER: PKCS#8, PKCS#1 or SEC1)';
  return undefined;
}

/**
 * A file that is exactly one ASN.1 SEQUENCE (its declared length is the file's) that Node parses
 * as a PKCS#8 (also an encrypted one), PKCS#1 or SEC1 private key. The length check keeps the
 * parse to files that look like DER at all.
 */
function isDerPrivateKey(buf: Buffer): boolean {
  if (buf.length < 4 || buf[0] !== 0x30) return false;
  const b1 = buf[1]!;
  const [len, header] = b1 < 0x80 ? [b1, 2] : b1 === 0x81 ? [buf[2]!, 3] : b1 === 0x82 ? [(buf[2]! << 8) | buf[3]!, 4] : [-1, 0];
  if (header + len !== buf.length) return false;
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      parseKey({ key: buf, format: 'der', type });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_MISSING_PASSPHRASE') return true;
    }
  }
  return false;
}
