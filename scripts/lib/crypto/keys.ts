/**
 * RSA key files: loading with clear refusals, fingerprints, and RSA-4096 key-pair generation.
 * Public keys are PEM SubjectPublicKeyInfo ("BEGIN PUBLIC KEY"); private keys PKCS#8
 * ("BEGIN PRIVATE KEY"), as `openssl genpkey` / `openssl pkey -pubout` write them.
 */
import { entryExists } from '../fs/entry-exists.ts';
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { fsyncDir, safeUnlink, siblingTempPath } from '../fs/atomic.ts';

export const MIN_RSA_BITS = 2048;
/** The largest modulus OpenSSL encrypts to (OPENSSL_RSA_MAX_MODULUS_BITS). */
export const MAX_RSA_BITS = 16384;
export const KEYGEN_RSA_BITS = 4096;
/** F4: small exponents (3, 17) invite signature forgeries on sloppy verifiers; nothing we meet uses another. */
export const RSA_PUBLIC_EXPONENT = 65537n;
/** No PEM key file is anywhere near this; anything larger is not a key (also the cap on a key read from a relay). */
export const MAX_PEM_BYTES = 64 * 1024;

const PUBLIC_LABELS = new Set(['PUBLIC KEY', 'RSA PUBLIC KEY']);
const PRIVATE_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY']);

function firstPemLabel(text: string): string | undefined {
  return /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
}

/**
 * A PEM key file's text: a regular file (a FIFO or device is refused, never waited on) of at most
 * MAX_PEM_BYTES. Missing: `key_not_found`; anything else wrong: `bad_key`.
 */
export function readKeyFile(path: string, kind: 'public' | 'private'): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new AliveError(`${kind} key ${path} is not a file`, { code: 'bad_key' });
    size = st.size;
  } catch (err) {
    if (err instanceof AliveError) throw err;
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AliveError(`${kind} key file not found: ${path}`, { code: 'key_not_found' });
    }
    throw new AliveError(`cannot read ${kind} key ${path} (${code ?? 'unknown error'})`, { code: 'bad_key' });
  }
  if (size > MAX_PEM_BYTES) {
    throw new AliveError(`${path} is not a PEM ${kind} key (it is ${size} bytes; key files are a few KB)`, { code: 'bad_key' });
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new AliveError(`cannot read ${kind} key ${path} (${errnoCode(err) ?? 'unknown error'})`, { code: 'bad_key' });
  }
}

function checkRsa(key: KeyObject, source: string): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new AliveError(`${source} is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key; alive needs an RSA key (make one with 'alive-p2p keygen')`, {
      code: 'bad_key',
    });
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new AliveError(`${source} is an RSA-${bits} key, too small: alive needs at least ${MIN_RSA_BITS} bits (keygen makes ${KEYGEN_RSA_BITS})`, {
      code: 'bad_key',
    });
  }
  if (bits > MAX_RSA_BITS) {
    throw new AliveError(`${source} is an RSA-${bits} key, too large: OpenSSL encrypts to at most ${MAX_RSA_BITS} bits (keygen makes ${KEYGEN_RSA_BITS})`, {
      code: 'bad_key',
    });
  }
  // A peer's published key is checked where it is pinned, not where a push first encrypts to it.
  const n = key.export({ format: 'jwk' }).n;
  if (n !== undefined && (Buffer.from(n, 'base64url').at(-1)! & 1) === 0) {
    throw new AliveError(`${source} is not a usable RSA key: its modulus is even (no RSA key has one); ask for the key again`, { code: 'bad_key' });
  }
  const exponent = key.asymmetricKeyDetails?.publicExponent;
  if (exponent !== RSA_PUBLIC_EXPONENT) {
    throw new AliveError(
      `${source} has the public exponent ${exponent ?? 'unknown'}; alive accepts only RSA keys with the exponent 65537, as keygen and openssl make them (make a new key with 'alive-p2p keygen')`,
      { code: 'bad_key' },
    );
  }
  return key;
}

/**
 * Validates a PEM public key (from a file, or fetched from a relay). A private key is refused
 * rather than silently reduced to its public half: it means the wrong file was given, and that a
 * secret is where a shareable key should be.
 */
export function publicKeyFromPem(pem: string, source = 'the key'): KeyObject {
  const label = firstPemLabel(pem);
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem)) {
    throw new AliveError(`${source} is a private key, not a PEM public key: give the public key (public.pem), and never share the private one`, {
      code: 'bad_key',
    });
  }
  if (label === undefined || !PUBLIC_LABELS.has(label)) {
    throw new AliveError(`${source} is not a PEM public key (expected "-----BEGIN PUBLIC KEY-----")`, { code: 'bad_key' });
  }
  if ((pem.match(/-----BEGIN /g) ?? []).length > 1) {
    throw new AliveError(`${source} holds more than one PEM block; a public key file holds exactly one public key`, { code: 'bad_key' });
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new AliveError(`${source} is not a PEM public key (its PEM block does not parse)`, { code: 'bad_key' });
  }
  return checkRsa(key, source);
}

export function loadPublicKey(path: string): KeyObject {
  return publicKeyFromPem(readKeyFile(path, 'public'), path);
}

/**
 * Loads an unencrypted RSA private key. Refuses (AliveError `key_permissions`) a key file that
 * other users can read or write, as ssh does: the fix is one chmod and the key is already exposed.
 * The check is skipped on Windows, where POSIX modes mean nothing.
 */
export function loadPrivateKey(path: string): KeyObject {
  const pem = readKeyFile(path, 'private');
  const label = firstPemLabel(pem);
  if (label === 'ENCRYPTED PRIVATE KEY') {
    throw new AliveError(`private key ${path} is protected by a password; alive needs an unencrypted key file (mode 0600)`, {
      code: 'bad_key',
    });
  }
  if (label !== undefined && PUBLIC_LABELS.has(label)) {
    throw new AliveError(`${path} is a public key, not a PEM private key: give your private key (private.pem)`, { code: 'bad_key' });
  }
  if (label === 'OPENSSH PRIVATE KEY') {
    throw new AliveError(`${path} is an OpenSSH key; alive needs a PEM RSA key (make one with 'alive-p2p keygen')`, { code: 'bad_key' });
  }
  if (label === undefined || !PRIVATE_LABELS.has(label)) {
    throw new AliveError(`${path} is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----")`, { code: 'bad_key' });
  }
  if (process.platform !== 'win32') {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new AliveError(
        `private key ${path} is accessible to other users (mode 0${mode.toString(8)}); run 'chmod 600 ${path}', and consider making a new key if others may have read it`,
        { code: 'key_permissions' },
      );
    }
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new AliveError(`${path} is not a PEM private key (its PEM block does not parse)`, { code: 'bad_key' });
  }
  return checkRsa(key, path);
}

function spkiDer(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ type: 'spki', format: 'der' });
}

/** SHA-256 over the DER SubjectPublicKeyInfo, 64 lowercase hex (a private key gives its public half's). */
export function fingerprint(key: KeyObject): string {
  return createHash('sha256').update(spkiDer(key)).digest('hex');
}

/** For people: `SHA256:` then the hex in groups of 4 joined by `:` (16 groups). */
export function formatFingerprint(hex: string): string {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new RangeError('a fingerprint is 64 lowercase hex characters');
  return `SHA256:${hex.match(/.{4}/g)!.join(':')}`;
}

let testKeygenBits: number | undefined;

/**
 * Test-only: the size of the keys generateRsaKeyPair makes (undefined: KEYGEN_RSA_BITS), so that
 * an in-process test that runs keygen or a first relay setup for what they print or where they
 * write, not for the key, does not spend an RSA-4096 prime search (2-3 s of CPU each). Guarded as
 * kdf.ts's setPbkdf2IterationsForTests is: nothing under scripts/ calls it, so no bundle contains
 * it (test/crypto/keygen-command.test.ts checks); it reads no environment variable and no flag;
 * and it throws unless it runs under vitest. test/support/per-file.ts puts it back for each file.
 */
export function setKeygenBitsForTests(bits: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setKeygenBitsForTests is for the test suite only');
  if (bits !== undefined && bits < MIN_RSA_BITS) throw new Error(`setKeygenBitsForTests: ${bits} bits is below MIN_RSA_BITS, so alive could not load the key`);
  testKeygenBits = bits;
}

export interface GeneratedKeyPair {
  privateKeyPath: string;
  publicKeyPath: string;
  /** 64 lowercase hex, as fingerprint(). */
  fingerprint: string;
}

function generateRsa(bits: number): Promise<{ publicKey: string; privateKey: string }> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: bits,
        publicExponent: 0x10001,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (err, publicKey, privateKey) => (err ? reject(err) : resolve({ publicKey, privateKey })),
    );
  });
}

/**
 * Writes `data` to a new file at `target` with `mode` from its creation, appearing whole, and
 * never replacing an existing file: written aside (O_EXCL), fsynced, then hard-linked into place
 * (link fails if the target exists). Where hard links are not supported, falls back to creating
 * the target itself with O_EXCL.
 */
function writeNewFile(target: string, data: string, mode: number): void {
  const tmp = siblingTempPath(target, 'new');
  const write = (path: string) => {
    const fd = openSync(path, 'wx', mode);
    try {
      const buf = Buffer.from(data, 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  try {
    write(tmp);
    linkSync(tmp, target);
  } catch (err) {
    const code = errnoCode(err);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err;
    safeUnlink(tmp);
    write(target);
  } finally {
    safeUnlink(tmp);
  }
}

/**
 * Makes an RSA-4096 key pair in `dir`: private.pem (PKCS#8, mode 0600 from creation) and
 * public.pem (SPKI). The folder is created with mode 0700. Never replaces an existing key file:
 * the refusal is `existing(path)`'s message when the caller gives one (its own advice: relay
 * setup has no --out), else keygen's.
 */
export async function generateRsaKeyPair(dir: string, opts: { existing?: (path: string) => string } = {}): Promise<GeneratedKeyPair> {
  const privateKeyPath = join(dir, 'private.pem');
  const publicKeyPath = join(dir, 'public.pem');
  for (const path of [privateKeyPath, publicKeyPath]) {
    if (entryExists(path)) {
      throw new AliveError(
        opts.existing?.(path) ??
          `${path} already exists; keygen never replaces a key (peers may hold its public half). Move it away first, or choose another --out folder`,
        { code: 'key_exists' },
      );
    }
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new AliveError(`cannot create the key folder ${dir} (${errnoCode(err) ?? 'unknown error'})`, { code: 'io' });
  }
  const { publicKey, privateKey } = await generateRsa(testKeygenBits ?? KEYGEN_RSA_BITS);
  try {
    writeNewFile(privateKeyPath, privateKey, 0o600);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') {
      throw new AliveError(`${privateKeyPath} appeared while the key was being made; nothing was replaced`, { code: 'key_exists' });
    }
    throw new AliveError(`cannot write ${privateKeyPath} (${errnoCode(err) ?? 'unknown error'})`, { code: 'io' });
  }
  try {
    writeNewFile(publicKeyPath, publicKey, 0o644);
  } catch (err) {
    // A private key without its public half is useless and would block a retry: remove it.
    safeUnlink(privateKeyPath);
    const why = errnoCode(err) === 'EEXIST' ? 'it appeared while the key was being made' : (errnoCode(err) ?? 'unknown error');
    throw new AliveError(`cannot write ${publicKeyPath} (${why}); no key was made`, { code: 'io' });
  }
  fsyncDir(dir);
  return { privateKeyPath, publicKeyPath, fingerprint: fingerprint(createPublicKey(publicKey)) };
}
