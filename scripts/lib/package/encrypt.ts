/**
 * Encrypted 2.0 packages, as the reference lays them out (walnut-package-v2.md 2.2, 3): a
 * cleartext manifest with `encrypted: true`, `payload.key` (RSA mode) and `payload.enc`, the
 * inner tar.gz of the files encrypted with AES-256-CBC. We add `payload_sha256` (the SHA-256 of
 * payload.enc) to the manifest, so a signature over the manifest covers the ciphertext too.
 */
import { createWriteStream, createReadStream, openSync, statSync } from 'node:fs';
import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import { siblingTempPath, safeUnlink } from '../fs/atomic.ts';
import { cleanUpIfInterrupted } from '../proc/interrupt-cleanup.ts';
import { createPassphraseEncryptStream } from '../crypto/passphrase.ts';
import { createAesCbcEncryptStream } from '../crypto/aes-cbc.ts';
import { wrapKeyIv } from '../crypto/rsa.ts';
import { signManifestText } from '../crypto/sign.ts';
import { ParallelGzipWriter } from './gzip-writer.ts';
import { TarWriter } from './tar-writer.ts';
import { writeFailure, writeTarGz, type WrittenArchive } from './archive-out.ts';
import { writableSink } from './stream-sink.ts';
import { manifestEntryMeta } from './create.ts';

export type EncryptionSpec = { mode: 'passphrase'; passphrase: string } | { mode: 'rsa'; recipient: KeyObject };

export interface SignerSpec {
  privateKey: KeyObject;
  name: string;
}

export interface Payload {
  path: string;
  sha256: string;
  bytes: number;
  wrappedKey?: Buffer;
  /** Removes the temporary file (if still there): call it once the payload is packed or moved. */
  discard(): void;
}

/** Streams the inner tar.gz through the cipher into a private temporary file beside `output`. */
async function writePayload(output: string, enc: EncryptionSpec, fillInner: (tar: TarWriter) => Promise<void>): Promise<Payload> {
  let cipher: Transform;
  let wrappedKey: Buffer | undefined;
  if (enc.mode === 'passphrase') {
    cipher = await createPassphraseEncryptStream(enc.passphrase);
  } else {
    const key = randomBytes(32);
    const iv = randomBytes(16);
    wrappedKey = wrapKeyIv(enc.recipient, key, iv);
    cipher = createAesCbcEncryptStream(key, iv);
    key.fill(0);
  }
  return { ...(await writeCipheredTarGz(output, cipher, fillInner)), ...(wrappedKey ? { wrappedKey } : {}) };
}

/**
 * Streams a tar.gz filled by `fillInner` through `cipher` into a private (0600) temporary file
 * beside `output`; the caller moves or packs it and removes it. A failed write (a full disk) ends
 * as `unwritable`, with the temporary file removed: the pipeline destroys the cipher with the
 * file's error, so the writer waiting on the cipher stops with it.
 */
export async function writeCipheredTarGz(output: string, cipher: Transform, fillInner: (tar: TarWriter) => Promise<void>): Promise<Payload> {
  const path = siblingTempPath(output, 'payload');
  const release = cleanUpIfInterrupted(() => safeUnlink(path));
  // Made on this thread (archive-out.ts says why); the stream writes to and closes it.
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    release();
    throw writeFailure(output, err);
  }
  const file = createWriteStream(path, { fd });
  let fileError: unknown;
  file.on('error', (err) => {
    fileError ??= err;
  });
  const hash = createHash('sha256');
  let bytes = 0;
  cipher.on('data', (c: Buffer) => {
    hash.update(c);
    bytes += c.length;
  });
  const piped = pipeline(cipher, file);
  piped.catch(() => {}); // awaited below; a failure while filling is reported from there
  try {
    const gz = new ParallelGzipWriter(writableSink(cipher));
    const tar = new TarWriter((c) => gz.write(c));
    await fillInner(tar);
    await tar.finish();
    await gz.end();
    cipher.end();
    await piped;
  } catch (err) {
    cipher.destroy();
    file.destroy();
    // A destroy waits for an open still under way: the file exists until then.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    safeUnlink(path);
    release();
    throw writeFailure(output, fileError ?? err);
  }
  const discard = () => {
    safeUnlink(path);
    release();
  };
  return { path, sha256: hash.digest('hex'), bytes, discard };
}

/**
 * Writes an encrypted package to `output`. `manifestFor` receives the payload's SHA-256 and
 * returns the manifest text (with `encrypted: true`), which is signed when a signer is given.
 */
export async function writeEncryptedPackage(
  output: string,
  enc: EncryptionSpec,
  fillInner: (tar: TarWriter) => Promise<void>,
  manifestFor: (payloadSha256: string) => string,
  signer?: SignerSpec,
  now?: Date,
): Promise<WrittenArchive> {
  const payload = await writePayload(output, enc, fillInner);
  try {
    let manifest = manifestFor(payload.sha256);
    if (signer) manifest = signManifestText(manifest, signer.privateKey, signer.name);
    const mtimeSec = Math.floor((now ?? new Date()).getTime() / 1000);
    return await writeTarGz(output, async (tar) => {
      await tar.addFile(manifestEntryMeta(manifest, now), Buffer.from(manifest));
      // payload.key before payload.enc, so a streaming reader knows the key before the data.
      if (payload.wrappedKey) {
        await tar.addFile({ path: 'payload.key', size: payload.wrappedKey.length, mode: 0o644, mtimeSec }, payload.wrappedKey);
      }
      const size = statSync(payload.path).size;
      await tar.addFile({ path: 'payload.enc', size, mode: 0o644, mtimeSec }, createReadStream(payload.path, { highWaterMark: 256 * 1024 }));
    });
  } finally {
    payload.discard();
  }
}
