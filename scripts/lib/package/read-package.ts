/**
 * Reads a .walnut package of any generation we accept — 2.0 (the reference's, and ours: plain,
 * passphrase or RSA), 2.1.x (v3: plain gzip, whole-file passphrase, rsa-envelope-v1) — and feeds
 * its files to a sink, checking every entry against the manifest: listed, right size, right
 * SHA-256, nothing missing, nothing extra. Refusals are AliveErrors that name the entry.
 */
import { optimizeOnlyLongRunningCode } from '../proc/jit.ts';
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { makeTempFolder, removeStaleTempFolders, type TempFolder } from './temp-folder.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Transform } from 'node:stream';
import type { OnProgress } from './progress.ts';
import { AliveError } from '../errors.ts';
import { parseManifest, MANIFEST_NAME, type Manifest } from './manifest.ts';
import { readTarFile, readTarStream, sniffCompression, refuse, type TarEntry, type TarLimits } from './tar-read.ts';
import { folderSink, type FileBody, type FileSink, type FileDigest } from './sinks.ts';
import { failureReason, unreadablePackage } from './package-path.ts';
import { inlineText } from '../text/untrusted.ts';
import { filesDigestV3 } from './v3.ts';
import { MAX_PACKAGE_ENTRIES } from './limits.ts';
import { requireRecipient } from './recipients.ts';
import { wrongPassphraseForIntactPayload } from '../crypto/passphrase-env.ts';
import type { PassphraseDecryptStream } from '../crypto/passphrase.ts';

/** Every unpacked file's mode (folders get the umask's, 0755 usually): tar modes are not carried. */
export const UNPACKED_FILE_MODE = 0o644;

export type Envelope = 'plain' | 'passphrase' | 'rsa' | 'v3-plain' | 'v3-passphrase' | 'v3-rsa';

export interface SignatureCheck {
  present: boolean;
  ok: boolean;
  signer?: string;
  reason?: string;
}

/**
 * An RSA package's AES key and IV, and the fingerprint (64 hex) of the private key that opened
 * them: a manifest that names the keys it was encrypted to is refused unless it is one of them
 * (recipients.ts). Without `openedBy`, such a manifest is refused.
 */
export interface OpenedKey {
  key: Buffer;
  iv: Buffer;
  openedBy?: string;
}

/**
 * Whom a package says it was sealed for: the fingerprints its 2.0 manifest lists (`recipients`), or
 * the key ids (`pubkey_id`, a fingerprint's first 16 hex digits) of a 2.1 envelope; and whether a
 * pinned key verified the manifest that lists them (else the list is the package's own claim; an
 * envelope is never signed).
 */
export interface SealedFor {
  keys: readonly string[];
  where: 'manifest' | 'envelope';
  verified: boolean;
}

/** Decryption and signature checks, supplied by the caller (keys and passphrases are theirs). */
export interface PackageCrypto {
  /** Deciphers an `openssl enc` Salted__ stream with the passphrase (which may have to be asked for). */
  passphraseDecryptStream(legacyKdfs: boolean): PassphraseDecryptStream | Promise<PassphraseDecryptStream>;
  /**
   * Opens a 2.0 `payload.key` with the private key. `sealedFor`: the recipients the manifest names,
   * when it names them: a wrong key is then told apart from a damaged payload.key.
   */
  unwrapPayloadKey?(wrapped: Buffer, sealedFor?: SealedFor): OpenedKey;
  /** Opens a v3 `rsa-envelope-v1.json` with the private key. */
  unwrapV3Envelope?(json: string): OpenedKey | Promise<OpenedKey>;
  aesDecryptStream(key: Buffer, iv: Buffer): Transform;
  /** Checks the manifest signature against the expected signer's key; undefined = no key given. */
  verifyManifest?(text: string): SignatureCheck | undefined;
}

export interface ReadOptions {
  /** Largest expanded size accepted (bytes). */
  maxBytes: number;
  maxEntries?: number;
  crypto?: PackageCrypto;
  /** A signature must be present and valid. */
  requireSignature?: boolean;
  /** Bytes of the package read so far (a command passes ctx.progress). */
  onProgress?: OnProgress;
  /**
   * A manifest already parsed from this package's clear text (receive reads it first to refuse
   * early): used when the package's manifest.yaml is this very text, instead of parsing it again.
   */
  knownManifest?: { text: string; manifest: Manifest };
  /**
   * The package file's bytes, in order from its first to its last, exactly as this read takes them
   * (receive hashes them: the hash is then of the bytes unpacked, not of a second read of the path).
   */
  onFileBytes?: (chunk: Buffer) => void;
  /**
   * The manifest once parsed, before its signature and files are checked, and whether the package
   * is encrypted: what verify reports of a package it then refuses.
   */
  onManifest?: (manifest: Manifest, encrypted: boolean) => void;
  /**
   * The manifest once accepted (its signature checked when one is required, its recipients), with
   * its signature as checked, before any entry after it is read or anything after it is decrypted:
   * it may throw to stop the read there (relay pull: a duplicate, its expansion budget; receive: a
   * signature no pinned key verifies).
   */
  onManifestAccepted?: (manifest: Manifest, signature: SignatureCheck) => void;
  /**
   * Most bytes of entries (headers and data) read before the manifest; an entry that takes them
   * past it is refused at its header (`too_large`), unread. Unbounded when unset (a reference
   * package may carry large root files before it).
   */
  maxBytesBeforeManifest?: number;
}

function fileReading(opts: ReadOptions) {
  return { ...(opts.onProgress ? { onProgress: opts.onProgress } : {}), ...(opts.onFileBytes ? { onBytes: opts.onFileBytes } : {}) };
}

export interface ReadResult {
  manifest: Manifest;
  manifestText: string;
  envelope: Envelope;
  signature: SignatureCheck;
  files: number;
  bytes: number;
  /** The older passphrase derivation that opened a 2.1 package (passphrase.ts), when one did. */
  legacyKdf?: string;
  /**
   * For an encrypted package: whether its signed manifest says it was encrypted (2.0's
   * `encrypted: true`; a 2.1 RSA manifest naming the key that opened it). A 2.1 envelope is outside
   * the signed text, so anyone could have sealed a package the signer published in clear.
   */
  envelopeSigned?: boolean;
}

/** Largest manifest.yaml read (into memory): ~300000 files' worth of entries. */
export const MANIFEST_LIMIT = 32 * 1024 * 1024;
const ENCRYPTED_NAMES = new Set(['payload.enc', 'payload.key']);

/**
 * Largest RSA key file read into memory (`payload.key`: 512 bytes for RSA-4096;
 * `rsa-envelope-v1.json`: a few hundred): anything larger is no key, and zeros compress so well
 * that a package of a few MB could otherwise make the reader hold GBs.
 */
export const KEY_FILE_LIMIT = 64 * 1024;

/** Refuses a key file larger than any key file: by its tar header before it is spooled, by what was spooled after. */
function refuseLargeKeyFile(path: string, size: number, label: string): void {
  if (size > KEY_FILE_LIMIT) throw refuse(label, path, `is larger than ${KEY_FILE_LIMIT} bytes, which no key file is`, 'too_large');
}

/** A spooled key file's bytes, refused unread when it is larger than any key file. */
async function readKeyFile(s: Spooled, label: string): Promise<Buffer> {
  refuseLargeKeyFile(s.entry.path, s.digest.size, label);
  return readFile(s.path);
}

interface Spooled {
  path: string;
  digest: FileDigest;
  entry: TarEntry;
}

/**
 * A manifest's signature as the reader takes it: checked when `crypto` has the key for it, else
 * present (or not) and unchecked. `failed`: a check was made and failed (the read refuses it,
 * `bad_signature`). Also what receive asks of a clear manifest before it reads the rest.
 */
export function manifestSignature(manifest: Manifest, text: string, crypto: PackageCrypto | undefined): { signature: SignatureCheck; failed: boolean } {
  const check = crypto?.verifyManifest?.(text);
  if (check) return { signature: check, failed: check.present && !check.ok };
  const signature: SignatureCheck = { present: manifest.signature !== undefined, ok: false };
  if (manifest.signature) signature.signer = manifest.signature.signer;
  return { signature, failed: false };
}

class Assembler {
  manifest?: Manifest;
  manifestText?: string;
  /**
   * Where in the manifest's list the next entry is looked for first: a package holds its files in
   * the order its manifest lists them (ours and the reference's), so a lookup is one comparison.
   */
  #next = 0;
  /** The manifest's files by path (to their index), made only for entries in another order. */
  #byPath: Map<string, number> | undefined;
  /**
   * Per file of the manifest (by index): 1 once its entry was read and matched the manifest. Only
   * this is kept per file (it was a digest object per file, and a map of the manifest's entries:
   * about 300 bytes a file).
   */
  #checked = new Uint8Array(0);
  signature: SignatureCheck = { present: false, ok: false };
  /** Files read before the manifest, checked once it comes. */
  readonly #early = new Map<string, FileDigest>();
  /** The first file entry recorded (an encrypted package holds none outside its payload). */
  firstFile: string | undefined;
  bytes = 0;
  /** Digests still being computed by the sink (startFile), and the first failure among them. */
  #pending = new Set<Promise<void>>();
  /** The failure of the earliest file in archive order: writers may report out of order. */
  #failure: { err: unknown; order: number } | undefined;
  #files = 0;
  /** Bytes of entries met before the manifest (maxBytesBeforeManifest). */
  #beforeManifest = 0;

  constructor(
    private readonly label: string,
    private readonly sink: FileSink,
    private readonly opts: ReadOptions,
    /** The manifest travels inside an encrypted envelope (v3). */
    private readonly insideEnvelope = false,
    /**
     * Who opened the package, for a manifest that names its recipients: `{ key }`, the fingerprint
     * of the private key that did, or no key (read in clear, or with a passphrase); undefined when
     * that is known only later (a 2.0 manifest saying `encrypted: true`, read before its payload).
     */
    private readonly opened?: { key: string | undefined },
  ) {}

  acceptManifest(text: string, knownEnvelope?: Envelope): void {
    const known = this.opts.knownManifest;
    const manifest = known !== undefined && known.text === text ? known.manifest : parseManifest(text);
    this.opts.onManifest?.(manifest, this.insideEnvelope || manifest.encrypted);
    // v3 manifests and our plain 2.0 ones carry the files digest; an encrypted 2.0 manifest's
    // payload_sha256 is the SHA-256 of payload.enc instead, checked against that file.
    const filesDigest = manifest.generation === 'v3' || (manifest.generation === 'v2' && !manifest.encrypted);
    if (filesDigest && manifest.payload_sha256 && knownEnvelope !== 'passphrase' && knownEnvelope !== 'rsa') {
      if (filesDigestV3(manifest.files) !== manifest.payload_sha256) {
        throw new AliveError(`${this.label}: the manifest's payload_sha256 does not match its own file list (edited or damaged); nothing was written`, {
          code: 'payload_mismatch',
        });
      }
    }
    const { signature, failed } = manifestSignature(manifest, text, this.opts.crypto);
    this.signature = signature;
    if (failed) {
      throw new AliveError(
        `${this.label}: the signature does not verify: ${signature.reason ?? 'the manifest was changed after signing, or signed by another key'}; nothing was written`,
        {
          code: 'bad_signature',
        },
      );
    }
    if (this.opts.requireSignature && !this.signature.present) {
      throw new AliveError(`${this.label} is not signed, but a signature was required; nothing was written`, { code: 'unsigned' });
    }
    // Checked once the signature is: a forged list is a bad signature first.
    if (this.opened) requireRecipient(manifest.recipients, this.opened.key, this.label);
    else if (!manifest.encrypted) requireRecipient(manifest.recipients, undefined, this.label);
    this.opts.onManifestAccepted?.(manifest, this.signature);
    this.useManifest(manifest, text);
    for (const [p, d] of this.#early) this.check(p, d, this.#indexOf(p, true));
    this.#early.clear();
  }

  /** Counts an entry met before the manifest, refusing it unread past maxBytesBeforeManifest. */
  countBeforeManifest(entry: TarEntry): void {
    const max = this.opts.maxBytesBeforeManifest;
    if (max === undefined || this.manifest) return;
    this.#beforeManifest += entry.headerBytes + entry.size;
    if (this.#beforeManifest > max) {
      throw new AliveError(
        `${this.label} holds more than ${max} bytes before its manifest, which is read first to check the package's signature ` +
          '(alive writes the manifest first); it was not read further; nothing was written',
        { code: 'too_large' },
      );
    }
  }

  /** Adopts an already-checked manifest (the outer one, for an encrypted payload's files). */
  useManifest(manifest: Manifest, text: string): void {
    this.manifest = manifest;
    this.manifestText = text;
    this.#next = 0;
    this.#byPath = undefined;
    this.#checked = new Uint8Array(manifest.files.length);
  }

  /** The index of `path` in the manifest's list; `advance`: an entry read, so the next is looked for after it. */
  #indexOf(path: string, advance: boolean): number | undefined {
    const files = this.manifest!.files;
    if (files[this.#next]?.path === path) return advance ? this.#next++ : this.#next;
    if (!this.#byPath) {
      this.#byPath = new Map();
      for (let i = 0; i < files.length; i++) this.#byPath.set(files[i]!.path, i);
    }
    const i = this.#byPath.get(path);
    if (i !== undefined && advance) this.#next = i + 1;
    return i;
  }

  /** Whether the manifest lists `path`: false before the manifest is read (payload.* met first is spooled, and asked again after). */
  isListed(path: string): boolean {
    return this.manifest !== undefined && this.#indexOf(path, false) !== undefined;
  }

  /**
   * Validates a plaintext entry against the manifest (when known) and writes it to the sink, as a
   * plain 0644 file whatever mode its tar header claims: the mode is outside the manifest and its
   * signature, so anyone relaying the package could set the executable bit.
   */
  async file(entry: TarEntry): Promise<void> {
    let index: number | undefined;
    if (this.manifest) {
      index = this.#indexOf(entry.path, true);
      const want = index === undefined ? undefined : this.manifest.files[index];
      if (!want) throw refuse(this.label, entry.path, 'is not listed in the manifest', 'unlisted_file');
      if (want.size !== entry.size) {
        throw refuse(this.label, entry.path, `is ${entry.size} bytes but the manifest says ${want.size}`, 'size_mismatch');
      }
    }
    if (this.sink.startFile) {
      // A file before this one failed: stop, reporting the earliest failure once all have ended.
      if (this.#failure) await this.settle();
      const order = this.#files++;
      const { digest } = await this.sink.startFile(entry.path, UNPACKED_FILE_MODE, entry.mtimeSec, entry.body, entry.size);
      const done = digest.then((d) => this.record(entry.path, d, index));
      this.#pending.add(done);
      done.then(
        () => this.#pending.delete(done),
        (err: unknown) => {
          this.#pending.delete(done);
          if (!this.#failure || order < this.#failure.order) this.#failure = { err, order };
        },
      );
      return;
    }
    this.record(entry.path, await this.sink.writeFile(entry.path, UNPACKED_FILE_MODE, entry.mtimeSec, entry.body, entry.size), index);
  }

  /** `index`: the file's in the manifest, when the manifest was known as its entry was read. */
  private record(path: string, digest: FileDigest, index: number | undefined): void {
    this.firstFile ??= path;
    this.bytes += digest.size;
    if (index !== undefined) this.check(path, digest, index);
    else if (this.manifest) this.check(path, digest, this.#indexOf(path, false));
    else this.#early.set(path, digest);
  }

  /** Waits for every digest still being computed; the failure of the earliest file is thrown. */
  async settle(): Promise<void> {
    const pending = [...this.#pending];
    this.#pending.clear();
    await Promise.allSettled(pending);
    if (this.#failure) throw this.#failure.err;
  }

  private check(path: string, got: FileDigest, i: number | undefined): void {
    const want = i === undefined ? undefined : this.manifest!.files[i];
    if (i === undefined || !want) throw refuse(this.label, path, 'is not listed in the manifest', 'unlisted_file');
    if (want.size !== got.size) throw refuse(this.label, path, `is ${got.size} bytes but the manifest says ${want.size}`, 'size_mismatch');
    if (want.sha256 !== got.sha256) {
      throw refuse(
        this.label,
        path,
        `does not match its checksum in the manifest (expected ${want.sha256.slice(0, 12)}…, got ${got.sha256.slice(0, 12)}…)`,
        'checksum_mismatch',
      );
    }
    this.#checked[i] = 1;
  }

  async finish(): Promise<void> {
    await this.settle();
    if (!this.manifest) throw refuse(this.label, undefined, 'has no manifest.yaml, so it is not a .walnut package', 'missing_manifest');
    const missing = this.manifest.files.filter((_f, i) => this.#checked[i] !== 1);
    if (missing.length > 0) {
      const names = missing
        .slice(0, 5)
        .map((f) => f.path)
        .join(', ');
      throw refuse(
        this.label,
        missing[0]!.path,
        `is listed in the manifest but missing from the package${missing.length > 1 ? ` (missing: ${names}${missing.length > 5 ? ', …' : ''})` : ''}`,
        'missing_file',
      );
    }
  }
}

/**
 * A body's bytes, up to `limit`. With the `size` its header gave, they are copied into one buffer
 * of that size as they come: a list of chunks and then their concatenation held a manifest twice.
 */
export async function readSmall(body: FileBody, limit: number, label: string, name: string, size?: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const whole = size !== undefined && size <= limit ? Buffer.allocUnsafe(size) : undefined;
  let n = 0;
  for await (const c of body as AsyncIterable<Buffer>) {
    if (n + c.length > limit) throw refuse(label, name, `is larger than ${limit} bytes`, 'too_large');
    if (whole && chunks.length === 0 && n + c.length <= whole.length) c.copy(whole, n);
    else {
      // More than the header said (a reader's body never is): gathered as chunks instead.
      if (whole && chunks.length === 0) chunks.push(whole.subarray(0, n));
      chunks.push(c);
    }
    n += c.length;
  }
  if (whole && chunks.length === 0) return n === whole.length ? whole : whole.subarray(0, n);
  return Buffer.concat(chunks);
}

/**
 * A manifest.yaml's text. Bytes that are not UTF-8 are refused: decoding them with replacement
 * characters would check (and show) a manifest other than the one the sender wrote.
 */
export async function readManifestText(body: FileBody, label: string, size?: number): Promise<string> {
  const bytes = await readSmall(body, MANIFEST_LIMIT, label, MANIFEST_NAME, size);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw refuse(label, MANIFEST_NAME, 'is not valid UTF-8 text', 'bad_manifest');
  }
}

function needCrypto(label: string, what: string): never {
  throw new AliveError(
    `${label} is encrypted (${what}); ${what === 'passphrase' ? 'set WALNUT_PASSPHRASE to its passphrase' : 'pass --private-key with your private key'} and try again`,
    {
      code: 'encrypted',
    },
  );
}

export async function readPackage(path: string, sink: FileSink, opts: ReadOptions): Promise<ReadResult> {
  // The file's name is whoever sent it's (an inbox, a download): escaped once here, for every
  // message that names the package (inlineText again is a no-op).
  const label = inlineText(path.slice(path.lastIndexOf('/') + 1) || path);
  const limits = { maxBytes: opts.maxBytes, maxEntries: opts.maxEntries ?? MAX_PACKAGE_ENTRIES, label };
  const kind = await sniffCompression(path).catch((err: NodeJS.ErrnoException) => {
    if (err instanceof AliveError) throw err;
    throw unreadablePackage(path, failureReason(err));
  });
  removeStaleTempFolders();
  // Reading is a few hot loops over many bytes: V8 need not optimize what runs only a little (jit.ts).
  optimizeOnlyLongRunningCode(packageBytes(path));
  const spoolDir = lazySpool();
  try {
    if (kind === 'gzip') return await readGzipPackage(path, sink, opts, limits, spoolDir);
    if (kind === 'salted') {
      if (!opts.crypto) needCrypto(label, 'passphrase');
      const decipher = await opts.crypto.passphraseDecryptStream(true);
      const read = await readInnerWithManifest(decrypting(path, decipher, opts.onFileBytes), sink, opts, { ...limits, label }, 'v3-passphrase');
      return decipher.legacyKdf === undefined ? read : { ...read, legacyKdf: decipher.legacyKdf };
    }
    if (kind === 'tar') return await readV3RsaPackage(path, sink, opts, limits, spoolDir);
    throw new AliveError(`${label} is not a .walnut package (it is neither gzip nor tar data)`, { code: 'bad_archive' });
  } finally {
    await spoolDir.remove();
  }
}

/** The package file's size (0 when it cannot be read: the read that follows says why). */
function packageBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A private folder for payload files, made at the first one: a plain package needs none. */
interface Spool {
  dir(): Promise<string>;
  remove(): Promise<void>;
}

function lazySpool(): Spool {
  let made: TempFolder | undefined;
  const make = (): TempFolder => {
    try {
      return makeTempFolder('spool');
    } catch (err) {
      throw new AliveError(
        `cannot make a temporary folder for the encrypted payload in ${inlineText(tmpdir())} (${failureReason(err)}); set TMPDIR to a folder you can write, and try again`,
        { code: 'unwritable' },
      );
    }
  };
  return {
    dir: async () => (made ??= make()).path,
    remove: async () => {
      await made?.remove();
    },
  };
}

/** A gzip'd tar whose manifest travels inside it (plain 2.0 / 2.1, or the decrypted v3 payload). */
async function readInnerWithManifest(
  stream: Readable,
  sink: FileSink,
  opts: ReadOptions,
  limits: TarLimits,
  envelope: Envelope,
  openedBy?: string,
): Promise<ReadResult> {
  const asm = new Assembler(limits.label, sink, opts, envelope !== 'plain', { key: openedBy });
  await readTarStream(stream, 'gzip', limits, async (entry) => {
    if (entry.path !== MANIFEST_NAME) asm.countBeforeManifest(entry);
    // A folder entry is read and checked like any entry but never made: no manifest entry, so no
    // checksum or signature, covers it (an empty `.alive/` would make the output a world). The
    // folders written are those that hold the files.
    if (entry.kind === 'dir') return;
    if (entry.path === MANIFEST_NAME) return asm.acceptManifest(await readManifestText(entry.body, limits.label, entry.size));
    await asm.file(entry);
  });
  await asm.finish();
  return result(asm, envelope);
}

function result(asm: Assembler, envelope: Envelope): ReadResult {
  const m = asm.manifest!;
  const plainEnvelope = envelope === 'plain' && m.generation === 'v3' ? 'v3-plain' : envelope;
  // The opening key is on a named list (requireRecipient refused it otherwise). An RSA envelope
  // (2.0 or 2.1) whose signed manifest names no recipients is not vouched for: the signature says
  // nothing of whom it was sealed for, and any recipient can wrap its key again for another (a
  // 2.0 one, made by the reference or an older alive, read "for this user").
  const envelopeSigned =
    envelope === 'v3-passphrase'
      ? false
      : envelope === 'v3-rsa' || envelope === 'rsa'
        ? (m.recipients?.length ?? 0) > 0
        : envelope === 'plain'
          ? undefined
          : true;
  return {
    manifest: m,
    manifestText: asm.manifestText!,
    envelope: plainEnvelope,
    signature: asm.signature,
    files: m.files.length,
    bytes: asm.bytes,
    ...(envelopeSigned !== undefined ? { envelopeSigned } : {}),
  };
}

async function spool(entry: TarEntry, spoolDir: Spool): Promise<Spooled> {
  const dir = await spoolDir.dir();
  const digest = await folderSink(dir).writeFile(entry.path, 0o600, 0, entry.body);
  return { path: join(dir, entry.path), digest, entry };
}

async function readGzipPackage(path: string, sink: FileSink, opts: ReadOptions, limits: TarLimits, spoolDir: Spool): Promise<ReadResult> {
  const { label } = limits;
  const asm = new Assembler(label, sink, opts);
  const spooled = new Map<string, Spooled>();
  await readTarFile(
    path,
    'gzip',
    limits,
    async (entry) => {
      if (entry.path !== MANIFEST_NAME) asm.countBeforeManifest(entry);
      if (entry.kind === 'dir') return; // never made (readInnerWithManifest)
      if (entry.path === MANIFEST_NAME) return asm.acceptManifest(await readManifestText(entry.body, label, entry.size));
      if (ENCRYPTED_NAMES.has(entry.path) && !asm.isListed(entry.path)) {
        // A manifest met before that does not list it: the key file of an encrypted package. (One
        // met before the manifest may be a listed file yet: maxBytesBeforeManifest bounds it.)
        if (entry.path === 'payload.key' && asm.manifest) refuseLargeKeyFile(entry.path, entry.size, label);
        spooled.set(entry.path, await spool(entry, spoolDir));
        return;
      }
      if (asm.manifest?.encrypted) {
        throw refuse(label, entry.path, 'should not be in an encrypted package (only manifest.yaml and payload files belong there)', 'unlisted_file');
      }
      await asm.file(entry);
    },
    fileReading(opts),
  );
  await asm.settle();
  const payload = spooled.get('payload.enc');
  if (!payload || asm.isListed('payload.enc')) {
    // A 2.0 manifest that says encrypted describes files sealed in payload.enc: over files in clear
    // (met before it: after it they are refused as they come) it is a copy someone decrypted and
    // passed on, which read as a plain package signed by the manifest's signer.
    if (asm.manifest?.encrypted && asm.manifest.generation === 'v2' && asm.firstFile !== undefined) {
      throw refuse(label, asm.firstFile, 'should not be in an encrypted package (only manifest.yaml and payload files belong there)', 'unlisted_file');
    }
    // A plaintext package: any spooled payload.* files were ordinary listed files after all.
    for (const s of spooled.values()) {
      await asm.file({ ...s.entry, body: createReadStream(s.path) });
    }
    await asm.finish();
    // Read in clear: a manifest naming its recipients (and saying `encrypted: true`) is refused here.
    requireRecipient(asm.manifest!.recipients, undefined, label);
    return result(asm, 'plain');
  }

  if (!asm.manifest) throw refuse(label, undefined, 'has no manifest.yaml, so it is not a .walnut package', 'missing_manifest');
  if (asm.firstFile !== undefined) {
    const extra = asm.firstFile;
    throw refuse(label, extra, 'should not be in an encrypted package (only manifest.yaml and payload files belong there)', 'unlisted_file');
  }
  const manifest = asm.manifest;
  // The 2.0 encrypted layout only under a 2.0 manifest that says so: anyone can put a signed plain
  // package in an envelope (payload.enc with its key wrapped for the reader), and it read as if
  // its signer had sealed it for them.
  if (manifest.generation !== 'v2' || !manifest.encrypted) {
    throw refuse(
      label,
      'payload.enc',
      "is not listed, and its manifest does not say the package is encrypted (payload.enc belongs only to a 2.0 encrypted package): someone other than the package's maker put it in this envelope",
      'unlisted_file',
    );
  }
  if (manifest.payload_sha256 && manifest.generation === 'v2' && manifest.payload_sha256 !== payload.digest.sha256) {
    throw refuse(label, 'payload.enc', 'does not match the payload_sha256 in the manifest (tampered with or damaged)', 'payload_mismatch');
  }
  const keyFile = spooled.get('payload.key');
  const envelope: Envelope = keyFile ? 'rsa' : 'passphrase';
  if (!opts.crypto) needCrypto(label, envelope);
  let decipher: Transform;
  if (keyFile) {
    if (!opts.crypto.unwrapPayloadKey) needCrypto(label, 'rsa');
    const sealedFor = manifest.recipients && { keys: manifest.recipients, where: 'manifest' as const, verified: asm.signature.ok };
    const { key, iv, openedBy } = opts.crypto.unwrapPayloadKey(await readKeyFile(keyFile, label), sealedFor);
    // Before a byte is decrypted: a package forwarded with its key wrapped again is refused here.
    requireRecipient(manifest.recipients, openedBy, label);
    decipher = opts.crypto.aesDecryptStream(key, iv);
  } else {
    requireRecipient(manifest.recipients, undefined, label);
    decipher = await opts.crypto.passphraseDecryptStream(false);
  }
  const inner = decrypting(payload.path, decipher);
  const innerAsm = new Assembler(label, sink, { ...opts, requireSignature: false });
  innerAsm.useManifest(manifest, asm.manifestText!);
  innerAsm.signature = asm.signature;
  // payload.enc matched the payload_sha256 of a manifest whose signature verified: it is the payload
  // the signer made, so no damage on the way explains a passphrase that does not open it.
  const intact = envelope === 'passphrase' && asm.signature.ok && manifest.payload_sha256 !== undefined && manifest.generation === 'v2';
  await readTarStream(inner, 'gzip', { ...limits, label: `${label} (decrypted payload)` }, async (entry) => {
    if (entry.kind === 'dir') return; // never made (readInnerWithManifest)
    await innerAsm.file(entry);
  }).catch((err: unknown) => {
    throw intact && err instanceof AliveError && err.code === 'wrong_passphrase' ? wrongPassphraseForIntactPayload() : err;
  });
  await innerAsm.finish();
  return result(innerAsm, envelope);
}

async function readV3RsaPackage(path: string, sink: FileSink, opts: ReadOptions, limits: TarLimits, spoolDir: Spool): Promise<ReadResult> {
  const { label } = limits;
  const spooled = new Map<string, Spooled>();
  await readTarFile(
    path,
    'none',
    limits,
    async (entry) => {
      if (entry.kind === 'dir') return;
      if (entry.path !== 'rsa-envelope-v1.json' && entry.path !== 'payload.enc') {
        throw refuse(label, entry.path, 'does not belong in an RSA envelope (only rsa-envelope-v1.json and payload.enc)', 'unlisted_file');
      }
      if (entry.path === 'rsa-envelope-v1.json') refuseLargeKeyFile(entry.path, entry.size, label);
      spooled.set(entry.path, await spool(entry, spoolDir));
    },
    fileReading(opts),
  );
  const env = spooled.get('rsa-envelope-v1.json');
  const payload = spooled.get('payload.enc');
  if (!env || !payload) {
    if (spooled.size === 0) throw new AliveError(`${label} is not a .walnut package (a tar without a manifest)`, { code: 'missing_manifest' });
    throw refuse(label, undefined, `is an incomplete RSA envelope (missing ${env ? 'payload.enc' : 'rsa-envelope-v1.json'})`, 'bad_archive');
  }
  if (!opts.crypto?.unwrapV3Envelope) needCrypto(label, 'rsa');
  const { key, iv, openedBy } = await opts.crypto.unwrapV3Envelope((await readKeyFile(env, label)).toString('utf8'));
  const decipher = opts.crypto.aesDecryptStream(key, iv);
  const inner = decrypting(payload.path, decipher);
  return readInnerWithManifest(inner, sink, opts, { ...limits, label: `${label} (decrypted payload)` }, 'v3-rsa', openedBy);
}

/** The file's bytes through `decipher`; a read error ends the deciphered stream with that error. */
function decrypting(path: string, decipher: Transform, onBytes?: (chunk: Buffer) => void): Readable {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  file.on('error', (err) => decipher.destroy(err));
  if (onBytes) file.on('data', (c: Buffer | string) => onBytes(c as Buffer));
  return file.pipe(decipher);
}
