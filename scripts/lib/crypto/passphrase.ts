/**
 * Passphrase mode: the bytes of `openssl enc -aes-256-cbc -pbkdf2 -iter 600000 -md sha256 -salt`,
 * i.e. "Salted__" ‖ 8-byte salt ‖ AES-256-CBC/PKCS#7 ciphertext, key ‖ IV from PBKDF2-HMAC-SHA256.
 * The passphrase only ever comes from WALNUT_PASSPHRASE (or a no-echo terminal prompt) and never
 * appears in any message.
 */
import { randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AliveError } from '../errors.ts';
import { CbcDecryptor, CbcEncryptTransform, newCipher, newDecipher, AES_BLOCK_BYTES, type DecryptErrors } from './aes-cbc.ts';
import { canPrompt, readSecretLine, type SecretTerminal } from './tty-secret.ts';
import { evpBytesToKey, pbkdf2Iterations, pbkdf2Sha256KeyIv, SALT_BYTES, type KeyIv } from './kdf.ts';

// RSA-mode payload streams live in aes-cbc.ts; re-exported here, where the API contract names them.
export { createAesCbcDecryptStream, createAesCbcEncryptStream } from './aes-cbc.ts';

export const SALTED_MAGIC = Buffer.from('Salted__', 'ascii');
export const SALTED_HEADER_BYTES = SALTED_MAGIC.length + SALT_BYTES;
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

import { PASSPHRASE_ENV } from './passphrase-env.ts';

export { PASSPHRASE_ENV };

/** The passphrase from WALNUT_PASSPHRASE; unset or empty is an error that says how to set it. */
export function passphraseFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const value = env[PASSPHRASE_ENV];
  if (value === undefined || value === '') {
    throw new AliveError(`no passphrase: set the ${PASSPHRASE_ENV} environment variable (the passphrase is never taken from the command line)`, {
      code: 'no_passphrase',
    });
  }
  return value;
}

export interface ObtainPassphraseOptions {
  /**
   * Making a package: ask twice and require the same answer, and refuse a passphrase of white
   * space only, from the variable too. Reading takes any passphrase (a package made elsewhere may
   * have one of spaces).
   */
  confirm: boolean;
  env?: NodeJS.ProcessEnv;
  /** The terminal to ask on (default stdin + stderr). */
  terminal?: SecretTerminal;
}

/**
 * The passphrase from WALNUT_PASSPHRASE, or — when it is unset and stdin and stderr are a
 * terminal — asked without echo (twice with `confirm`). Anywhere else the variable stays the only
 * source, and its absence is the same clear error as before. Never from argv.
 */
export async function obtainPassphrase(opts: ObtainPassphraseOptions): Promise<string> {
  const env = opts.env ?? process.env;
  const fromEnv = env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (opts.confirm && fromEnv.trim() === '') {
      throw new AliveError(`no passphrase: ${PASSPHRASE_ENV} holds only white space, which is no passphrase; set it to the passphrase`, {
        code: 'no_passphrase',
      });
    }
    return fromEnv;
  }
  const terminal = opts.terminal;
  if (!(terminal ? canPrompt(terminal) : canPrompt())) return passphraseFromEnv(env);
  const first = await readSecretLine('Passphrase: ', terminal);
  if (first === '') {
    throw new AliveError(`no passphrase: an empty passphrase is not allowed (or set ${PASSPHRASE_ENV})`, { code: 'no_passphrase' });
  }
  if (opts.confirm && first.trim() === '') {
    throw new AliveError(`no passphrase: a passphrase of white space only is not allowed (or set ${PASSPHRASE_ENV})`, { code: 'no_passphrase' });
  }
  if (opts.confirm) {
    const again = await readSecretLine('Passphrase again: ', terminal);
    if (again !== first) throw new AliveError('the two passphrases differ; nothing was written, run the command again', { code: 'no_passphrase' });
  }
  return first;
}

/** Fewer characters than this and `create` warns: each guess costs PBKDF2's rounds, yet a short passphrase is tried through. */
export const SHORT_PASSPHRASE_CHARS = 12;

/** The warning for a passphrase a package is made with, when it is short (the passphrase itself never in it). */
export function shortPassphraseWarning(passphrase: string): string | undefined {
  // Not its length: a warning lands in an agent's transcript, and the length narrows a guess.
  if ([...passphrase].length >= SHORT_PASSPHRASE_CHARS) return undefined;
  return `the passphrase is shorter than ${SHORT_PASSPHRASE_CHARS} characters: one this short is guessed in hours by whoever holds the package; use ${SHORT_PASSPHRASE_CHARS} characters or more (a few words), or encrypt to the recipient's key (--encrypt rsa)`;
}

function passphraseBytes(passphrase: string): Buffer {
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw new AliveError(`no passphrase: set the ${PASSPHRASE_ENV} environment variable`, { code: 'no_passphrase' });
  }
  return Buffer.from(passphrase, 'utf8');
}

/** An encrypting stream with a fresh random salt; resolves once the key is derived. */
export function createPassphraseEncryptStream(passphrase: string): Promise<Transform> {
  return createPassphraseEncryptStreamWithSalt(passphrase, randomBytes(SALT_BYTES));
}

/**
 * The same with a chosen salt. Only for known-answer tests against `openssl enc -S <hex>`: reusing
 * a salt with a passphrase reuses the key and IV, so product code always goes through the random one.
 */
export async function createPassphraseEncryptStreamWithSalt(passphrase: string, salt: Buffer): Promise<Transform> {
  if (salt.length !== SALT_BYTES) throw new RangeError(`salt must be ${SALT_BYTES} bytes`);
  const { key, iv } = await pbkdf2Sha256KeyIv(passphraseBytes(passphrase), salt, pbkdf2Iterations());
  return new CbcEncryptTransform(newCipher(key, iv), Buffer.concat([SALTED_MAGIC, salt]));
}

export interface PassphraseDecryptOptions {
  /**
   * Also accept payloads made with older `openssl enc` settings (format 2.1.x of the v3 plugin):
   * PBKDF2-SHA256 at 600000, 100000 and 10000 iterations, then EVP_BytesToKey-MD5. The first whose
   * first deciphered block starts with the gzip magic 1f 8b 08 is used.
   */
  legacyKdfs?: boolean;
  /**
   * The plaintext is known to be gzip (a package payload): check the first deciphered block for the
   * gzip magic and report a wrong passphrase at once. Without it a wrong passphrase only shows at
   * the last block, and a consumer that parses the garbage first reports "damaged data" instead.
   */
  expectGzip?: boolean;
}

const WRONG_PASSPHRASE = 'could not decrypt: wrong passphrase, or the payload is damaged';

function wrongPassphrase(): AliveError {
  return new AliveError(
    `${WRONG_PASSPHRASE} (check the passphrase (${PASSPHRASE_ENV}, or the one typed) with the sender; the payload is AES-256-CBC with no integrity tag, so the two cannot be told apart)`,
    { code: 'wrong_passphrase' },
  );
}

function badPayload(what: string): AliveError {
  return new AliveError(`not a valid passphrase-encrypted payload: ${what}; ask the sender to share the package again`, {
    code: 'bad_payload',
  });
}

const passphraseErrors: DecryptErrors = {
  truncated: (n) =>
    badPayload(
      n === 0 ? 'it holds a header but no ciphertext' : `it is truncated or padded (${n} bytes of ciphertext is not a whole number of 16-byte AES blocks)`,
    ),
  badPadding: wrongPassphrase,
};

type KdfCandidate = (pass: Buffer, salt: Buffer) => Promise<KeyIv>;

const CURRENT_KDF: KdfCandidate = (p, s) => pbkdf2Sha256KeyIv(p, s, pbkdf2Iterations());
/** The older derivations a 2.1.x payload may use, by name (what a reader is told opened it). */
const LEGACY_KDFS: Array<[name: string | undefined, derive: KdfCandidate]> = [
  [undefined, CURRENT_KDF],
  ['PBKDF2-SHA256, 100,000 iterations', (p, s) => pbkdf2Sha256KeyIv(p, s, 100_000)],
  ['PBKDF2-SHA256, 10,000 iterations', (p, s) => pbkdf2Sha256KeyIv(p, s, 10_000)], // openssl's default -iter with -pbkdf2
  ['EVP_BytesToKey with SHA-256, one round', async (p, s) => evpBytesToKey('sha256', p, s)], // openssl enc's default without -pbkdf2
  ['EVP_BytesToKey with MD5, one round', async (p, s) => evpBytesToKey('md5', p, s)],
];

function startsWithGzip(firstBlock: Buffer, { key, iv }: KeyIv): boolean {
  const plain = newDecipher(key, iv).setAutoPadding(false).update(firstBlock);
  return plain.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC);
}

class PassphraseDecryptTransform extends Transform {
  /**
   * The older derivation that opened the payload, once it has started (legacyKdfs): its passphrase
   * is cheaper to guess than one under alive's own. Undefined for the current one.
   */
  legacyKdf: string | undefined;
  readonly #passphrase: Buffer;
  readonly #legacy: boolean;
  readonly #expectGzip: boolean;
  /** Bytes held until the header (and, with legacy KDFs, the first block) has arrived. */
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #decryptor: CbcDecryptor | undefined;

  constructor(passphrase: string, legacy: boolean, expectGzip: boolean) {
    super();
    this.#passphrase = passphraseBytes(passphrase);
    this.#legacy = legacy;
    this.#expectGzip = legacy || expectGzip;
  }

  get #needed(): number {
    return SALTED_HEADER_BYTES + (this.#expectGzip ? AES_BLOCK_BYTES : 0);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#decryptor) {
      this.#pushPlain(this.#decryptor.update(chunk));
      callback();
      return;
    }
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    const head = Buffer.concat(this.#pending);
    this.#pending = [head];
    const magicBytes = Math.min(head.length, SALTED_MAGIC.length);
    if (!head.subarray(0, magicBytes).equals(SALTED_MAGIC.subarray(0, magicBytes))) {
      callback(badPayload('it does not start with "Salted__" (it was not made by passphrase encryption)'));
      return;
    }
    if (head.length < this.#needed) {
      callback();
      return;
    }
    this.#start(head).then(
      () => callback(),
      (err: unknown) => callback(err as Error),
    );
  }

  async #start(head: Buffer): Promise<void> {
    const salt = head.subarray(SALTED_MAGIC.length, SALTED_HEADER_BYTES);
    const body = head.subarray(SALTED_HEADER_BYTES);
    let chosen: KeyIv | undefined;
    const firstBlock = body.subarray(0, AES_BLOCK_BYTES);
    if (!this.#legacy) {
      chosen = await CURRENT_KDF(this.#passphrase, salt);
      if (this.#expectGzip && !startsWithGzip(firstBlock, chosen)) throw wrongPassphrase();
    } else {
      for (const [name, derive] of LEGACY_KDFS) {
        const candidate = await derive(this.#passphrase, salt);
        if (startsWithGzip(firstBlock, candidate)) {
          chosen = candidate;
          this.legacyKdf = name;
          break;
        }
      }
      if (!chosen) throw wrongPassphrase();
    }
    this.#decryptor = new CbcDecryptor(chosen.key, chosen.iv, passphraseErrors);
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#pushPlain(this.#decryptor.update(body));
  }

  #pushPlain(out: Buffer): void {
    if (out.length > 0) this.push(out);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.#decryptor) {
      const n = this.#pendingBytes;
      if (n < SALTED_HEADER_BYTES) {
        callback(badPayload(n === 0 ? 'it is empty' : `it is ${n} bytes, shorter than the 16-byte "Salted__" header`));
      } else {
        // With a gzip check (always in legacy mode) the stream waits for one whole block after the header.
        callback(passphraseErrors.truncated(n - SALTED_HEADER_BYTES));
      }
      return;
    }
    try {
      callback(null, this.#decryptor.final());
    } catch (err) {
      callback(err as Error);
    }
  }
}

/** A passphrase decryption: a Transform that says which older derivation opened it, if one did. */
export type PassphraseDecryptStream = Transform & { readonly legacyKdf?: string | undefined };

/**
 * Decrypts a `Salted__` payload. Errors arrive as 'error' events: `bad_payload` (too short, no
 * "Salted__", truncated or padded), `wrong_passphrase` (bad final block; with legacyKdfs or
 * expectGzip also when the first block does not start a gzip stream). Otherwise a wrong passphrase
 * is only known at the end, so a consumer must discard what it received if the stream errors.
 */

export function createPassphraseDecryptStream(passphrase: string, opts: PassphraseDecryptOptions = {}): PassphraseDecryptStream {
  return new PassphraseDecryptTransform(passphrase, opts.legacyKdfs === true, opts.expectGzip === true);
}
