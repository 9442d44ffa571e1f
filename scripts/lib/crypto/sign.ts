/**
 * Manifest signatures (format 2.0, walnut-package-v2.md 3.4): RSASSA-PKCS1-v1_5 with SHA-256 over
 * the manifest text without its `signature:` block, appended as a YAML block:
 *
 *   signature:
 *     algorithm: "RSA-SHA256"
 *     signer: "<signer>"
 *     value: "<base64>"
 *
 * Byte-identical to `openssl dgst -sha256 -sign` over the canonical text.
 */
import { constants, sign as rsaSign, verify as rsaVerify, type KeyObject } from 'node:crypto';
import { AliveError } from '../errors.ts';
import { isValidLogin } from '../relay/names.ts';
import { trimEndOf } from '../text/trim.ts';
import { isStandardBase64 } from '../text/base64.ts';
import { MAX_RSA_BITS } from './keys.ts';

export const SIGNATURE_ALGORITHM = 'RSA-SHA256';

/** `signature` (optionally followed by spaces) and `:` at column 0 opens the block. */
const BLOCK_START = /^signature *:/;
const isIndented = (line: string) => line.startsWith(' ') || line.startsWith('\t');
const isBlank = (line: string) => line.trim() === '';

interface Split {
  /**
   * The lines outside every signature block, as runs of consecutive lines: `[start, end)` of the
   * text, each from its first line's start to its last line's end (the line breaks between them inside).
   */
  kept: Array<[number, number]>;
  /** How many signature blocks the text holds. */
  blocks: number;
  /** The first block's fields (its first `algorithm`, `signer` and `value`), when there is one. */
  first?: Partial<SignatureBlock>;
}

const BLOCK_FIELD = /^[ \t]+(algorithm|signer|value)[ \t]*:(.*)$/;

/**
 * Walks the text's lines (split on LF) without keeping them: a 32 MiB manifest of one-character
 * lines was 16 million strings when split at once, on every read of a package.
 */
function splitSignatureBlocks(text: string): Split {
  const split: Split = { kept: [], blocks: 0 };
  let inBlock = false;
  let run: [number, number] | undefined;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (BLOCK_START.test(line)) {
      inBlock = true;
      split.blocks += 1;
      if (split.blocks === 1) split.first = {};
      run = undefined;
    } else if (inBlock && isIndented(line)) {
      if (split.blocks === 1) readBlockField(split.first!, line);
    } else {
      inBlock = false;
      if (run) run[1] = end;
      else {
        run = [start, end];
        split.kept.push(run);
      }
    }
    start = end + 1;
  }
  return split;
}

/** A line of the first block: the field it sets, unless an earlier line set it. */
function readBlockField(fields: Partial<SignatureBlock>, raw: string): void {
  // A CRLF manifest (the reference's, written in text mode on Windows) keeps its CR here.
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const m = BLOCK_FIELD.exec(line);
  const key = m?.[1] as keyof SignatureBlock | undefined;
  if (key && fields[key] === undefined) fields[key] = scalar(m![2]!);
}

/**
 * The bytes that are signed: split on LF, drop the signature block(s), drop trailing blank lines,
 * join with LF and end with exactly one LF.
 */
export function canonicalManifestForSignature(text: string): string {
  let kept = splitSignatureBlocks(text)
    .kept.map(([start, end]) => text.slice(start, end))
    .join('\n');
  for (;;) {
    const nl = kept.lastIndexOf('\n');
    if (!isBlank(kept.slice(nl + 1))) break;
    kept = nl < 0 ? '' : kept.slice(0, nl);
    if (nl < 0) break;
  }
  return `${kept}\n`;
}

/**
 * Why `signer` cannot name a signature, or undefined. The name picks the pinned key a receiver
 * checks against (`keys/peers/<signer>.pem`) and is shown as who signed, so it must be a login,
 * the relay's rule, which also keeps it free of quotes and escapes in the YAML line. The name is
 * not repeated: in a package received it is the sender's text (a sentence, for an agent reading
 * the refusal), which a message of ours must not carry.
 */
export function signerProblem(signer: string): string | undefined {
  if (signer === '') return 'the signature block names no signer';
  if (isValidLogin(signer)) return undefined;
  return "the signer name is not a login (letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters)";
}

/**
 * Signs `text` and returns the canonical text followed by a fresh signature block (any existing
 * block is replaced). `signer` should be the sender's GitHub login.
 */
export function signManifestText(text: string, privateKey: KeyObject, signer: string): string {
  const problem = signerProblem(signer);
  if (problem) throw new AliveError(`cannot sign: ${problem}; sign as the login your peers know you by`, { code: 'bad_signer' });
  if (privateKey.type !== 'private') throw new TypeError('signing needs a private key');
  const canonical = canonicalManifestForSignature(text);
  const value = rsaSign('sha256', Buffer.from(canonical, 'utf8'), { key: privateKey, padding: constants.RSA_PKCS1_PADDING });
  const body = trimEndOf(canonical, '\n');
  return `${body}\n\nsignature:\n` + `  algorithm: "${SIGNATURE_ALGORITHM}"\n` + `  signer: "${signer}"\n` + `  value: "${value.toString('base64')}"\n`;
}

export interface SignatureBlock {
  algorithm: string;
  signer: string;
  value: string;
}

/**
 * A YAML scalar as the block writes it: "double-quoted" (with \" and \\), 'single-quoted', or
 * plain; a trailing `# comment` is ignored. The quoted forms are read by loops, to the values the
 * patterns `^"((?:[^"\\]|\\.)*)"` and `^'((?:[^']|'')*)'` gave: those backtracked once per
 * character, and a 9 MB value overflowed V8's regexp stack (a RangeError, not a refusal).
 */
function scalar(raw: string): string {
  const v = raw.trim();
  const double = doubleQuoted(v);
  if (double !== undefined) return double;
  const single = singleQuoted(v);
  if (single !== undefined) return single;
  return withoutComment(v);
}

/** A character `.` does not match in a pattern without the s flag. */
const isLineBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

/** The value of a "double-quoted" scalar at the start of `v` (\" and \\ unescaped, any other escape kept), or undefined. */
function doubleQuoted(v: string): string | undefined {
  if (v[0] !== '"') return undefined;
  let out = '';
  let from = 1;
  for (let i = 1; i < v.length; i++) {
    const c = v[i];
    if (c === '"') return out + v.slice(from, i);
    if (c !== '\\') continue;
    const next = v[i + 1];
    if (next === undefined || isLineBreak(next)) return undefined;
    if (next === '"' || next === '\\') {
      out += v.slice(from, i) + next;
      from = i + 2;
    }
    i++;
  }
  return undefined;
}

/**
 * The value of a 'single-quoted' scalar at the start of `v` ('' is a quote), or undefined: up to
 * the last quote that can close it, as the greedy pattern took (`'a''` is `a`).
 */
function singleQuoted(v: string): string | undefined {
  if (v[0] !== "'") return undefined;
  let close = -1;
  for (let i = 1; i < v.length; i++) {
    if (v[i] !== "'") continue;
    close = i;
    if (v[i + 1] !== "'") break;
    i++;
  }
  return close < 0 ? undefined : v.slice(1, close).split("''").join("'");
}

/**
 * `v` without a trailing `# comment` and the blanks before it (what `/(?:^|\s+)#.*$/` removed,
 * which cost the square of a long run of blanks): the first `#` at the start or after whitespace
 * with no line break after it.
 */
function withoutComment(v: string): string {
  let from = 0;
  for (const br of ['\n', '\r', '\u2028', '\u2029']) from = Math.max(from, v.lastIndexOf(br) + 1);
  for (let i = from; i < v.length; i++) {
    if (v[i] === '#' && (i === 0 || /\s/.test(v[i - 1]!))) return v.slice(0, i).trimEnd();
  }
  return v;
}

function blockOf(fields: Partial<SignatureBlock>): SignatureBlock {
  return { algorithm: fields.algorithm ?? '', signer: fields.signer ?? '', value: fields.value ?? '' };
}

/** The (first) signature block's fields; '' for a field the block lacks; undefined if there is none. */
export function readSignatureBlock(text: string): SignatureBlock | undefined {
  const { first } = splitSignatureBlocks(text);
  return first ? blockOf(first) : undefined;
}

export interface ManifestSignatureCheck {
  /** A signature block is present. */
  present: boolean;
  /** It is well-formed, uses RSA-SHA256 and verifies against the given key. */
  ok: boolean;
  signer?: string;
  /** Why ok is false, for people. */
  reason?: string;
}

/**
 * Most characters of a signature value: the padded base64 of the largest RSA signature a peer's
 * key makes. A signature is as long as the key's modulus, at most MAX_RSA_BITS (keys.ts refuses a
 * larger key: 16,384 bits, 2,048 bytes), and base64 writes 4 characters for every 3 bytes or part
 * of 3: 4 * ceil(2048 / 3) = 2,732.
 */
const SIGNATURE_VALUE_MAX = 4 * Math.ceil(MAX_RSA_BITS / 8 / 3);

/** Verifies a manifest's signature against the signer's public key (which the caller trusts). */
export function verifyManifestText(text: string, signerPublicKey: KeyObject): ManifestSignatureCheck {
  const { blocks, first } = splitSignatureBlocks(text);
  if (blocks === 0 || !first) return { present: false, ok: false, reason: 'the manifest is not signed' };
  const block = blockOf(first);
  const signer = block.signer === '' ? undefined : block.signer;
  const fail = (reason: string): ManifestSignatureCheck => ({ present: true, ok: false, ...(signer ? { signer } : {}), reason });
  if (blocks > 1) return fail('the manifest has more than one signature block');
  if (block.algorithm !== SIGNATURE_ALGORITHM) {
    return fail(
      block.algorithm === ''
        ? 'the signature block names no algorithm'
        : `unsupported signature algorithm '${block.algorithm.slice(0, 40)}' (only ${SIGNATURE_ALGORITHM} is accepted)`,
    );
  }
  if (block.value === '') return fail('the signature block has no value');
  if (block.value.length > SIGNATURE_VALUE_MAX) {
    return fail(`the signature value is ${block.value.length} characters long, longer than any RSA signature a peer's key makes (${SIGNATURE_VALUE_MAX})`);
  }
  if (!isStandardBase64(block.value)) return fail('the signature value is not base64');
  const canonical = Buffer.from(canonicalManifestForSignature(text), 'utf8');
  let ok: boolean;
  try {
    ok = rsaVerify('sha256', canonical, { key: signerPublicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(block.value, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) return fail('bad signature: the manifest was changed after signing, or it was signed by another key');
  return { present: true, ok: true, ...(signer ? { signer } : {}) };
}
