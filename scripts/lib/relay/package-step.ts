/**
 * The one place the relay touches package contents: sealing a package for a peer before push,
 * and verifying what pull brought in. Everything here is the package core's (scripts/lib/package/api.ts).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import { readPackageManifest, sealPackageForPeer } from '../package/api.ts';
import { verifyPackageDetailed } from '../package/verify.ts';
import { packageIdentity, type PackageIdentity } from '../package/identity.ts';
import { readTarFile, refuse } from '../package/tar-read.ts';
import { MANIFEST_NAME } from '../package/manifest.ts';
import { DEFAULT_MAX_SIZE } from '../package/limits.ts';
import { overPullLimit, PULL_BEFORE_MANIFEST_BYTES } from './pull-limits.ts';
import type { Manifest } from '../package/manifest.ts';
import { readSignatureBlock, verifyManifestText } from '../crypto/sign.ts';
import { AliveError, messageOf } from '../errors.ts';
import { requireRecipient } from '../package/recipients.ts';
import { writingNothing } from '../package/package-path.ts';
import type { OnProgress } from '../package/progress.ts';
import type { WrongKeyWords } from '../package/crypto-adapter.ts';
import { inlineText } from '../text/untrusted.ts';

export interface SealedPackage {
  sha256: string;
  bytes: number;
  /** Envelope of the input: a plaintext package gets RSA-encrypted, an encrypted one is only signed. */
  inputEnvelope: string;
}

export async function sealForPeer(opts: {
  input: string;
  output: string;
  recipientPublicKey: KeyObject;
  recipientName: string;
  signerPrivateKey: KeyObject;
  signerName: string;
  /** `packing` events: the package's bytes read as it is sealed. */
  onProgress?: OnProgress;
}): Promise<SealedPackage> {
  const { envelope } = await readPackageManifest(opts.input);
  const sealed = await sealPackageForPeer({
    input: opts.input,
    output: opts.output,
    recipientPublicKey: opts.recipientPublicKey,
    recipientName: opts.recipientName,
    signer: { privateKey: opts.signerPrivateKey, name: opts.signerName },
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  return { sha256: sealed.sha256, bytes: sealed.bytes, inputEnvelope: envelope };
}

/**
 * What pull's record (received.json) compares: the package's identity and the keys it is sealed
 * to. The same package sealed again to another key (the receiver made a new one) opens otherwise,
 * so it is not a duplicate of the copy sealed to the old key.
 */
export interface PulledIdentity extends PackageIdentity {
  /** sha256 of the manifest's recipients (sorted fingerprints); '' when it names none. */
  sealedTo: string;
}

export function pulledIdentity(manifest: Manifest, signer: string): PulledIdentity {
  const to = [...(manifest.recipients ?? [])].map((r) => r.toLowerCase()).sort();
  return { ...packageIdentity(manifest, signer), sealedTo: to.length === 0 ? '' : createHash('sha256').update(to.join('\n')).digest('hex') };
}

export interface ReceivedCheck {
  verified: boolean;
  signer: string | null;
  problems: string[];
  /** pulledIdentity() of a verified package (null otherwise: an unverified claim never dedupes). */
  identity: PulledIdentity | null;
  /**
   * Set when the manifest, its signature verified against the sender's pinned key, is that of a
   * package received before (`receivedBefore`): nothing after it was read; `identity` is its.
   */
  duplicate?: boolean;
  /** Set when the contents were not decrypted (a passphrase package and no WALNUT_PASSPHRASE), or not read at all, or when envelopeSigned is false. */
  note?: string;
  /** false for a verified package in a 2.1 envelope its signed manifest does not vouch for (ReadResult.envelopeSigned). */
  envelopeSigned?: false;
}

export interface CheckOptions {
  ownPrivateKey: KeyObject;
  /** Its file (the relay key's path), named when it cannot open a package. */
  ownKeyPath: string;
  senderLogin: string;
  senderKey: KeyObject | null;
  senderKeyProblem?: string;
  /** The sender in our sentences, when the folder name is not one of your peers' (which anyone who writes to the relay chooses). */
  senderShown?: string;
  displayName: string;
  /** Largest expanded size accepted (bytes). */
  maxSize?: number;
  env?: NodeJS.ProcessEnv;
  /**
   * The pull's budget of contents expanded: told the bytes a package's verified manifest lists (a
   * passphrase package's payload.enc) before they are read; throws `pull_limit` past it, which
   * checkReceived passes on (the package waits on the relay).
   */
  admitExpanded?: (bytes: number) => void;
  /** Whether a package of this identity was received (verified) before: such a package is not read past its manifest. */
  receivedBefore?: (identity: PulledIdentity) => boolean;
}

/**
 * What is said of a package pull did not open: with no pinned key for its folder, nothing in it can
 * be verified, so none of it is read (a few MB of gzip can expand to GBs).
 */
export const NOT_OPENED =
  'not opened: with no pinned key for its sender nothing in it can be verified here, so pull saved it unread (its size was checked); ' +
  '`alive-p2p receive` checks it in full';

/**
 * A pulled package counts as verified only when it is intact, signed, its signature checks out
 * against the sender's pinned key, and the signer named inside is the inbox folder's sender.
 * Nothing is read of a package whose folder has no pinned key, and nothing after the manifest
 * unless its signature verifies (the manifest must come within PULL_BEFORE_MANIFEST_BYTES): only
 * then is it expanded, within the pull's budget (`admitExpanded`). A 2.0 passphrase package is
 * checked without its passphrase when none is set: the signature covers the manifest, whose
 * payload_sha256 pins payload.enc, so both are checked and nothing is decrypted (the contents are
 * checked again when it is received with the passphrase).
 */
export async function checkReceived(path: string, opts: CheckOptions): Promise<ReceivedCheck> {
  const senderKey = opts.senderKey;
  if (!senderKey) {
    return {
      verified: false,
      signer: null,
      problems: [opts.senderKeyProblem ?? `no pinned key for ${opts.senderShown ?? opts.senderLogin}`],
      identity: null,
      note: NOT_OPENED,
    };
  }
  const env = opts.env ?? process.env;
  const maxSize = opts.maxSize ?? DEFAULT_MAX_SIZE;
  if (!env.WALNUT_PASSPHRASE) {
    const head = await readPackageManifest(path, { maxBytes: maxSize, beforeManifestBytes: PULL_BEFORE_MANIFEST_BYTES }).catch(() => undefined);
    if (head?.envelope === 'passphrase' && head.text && head.manifest) return checkSealedWithoutPassphrase(path, head.text, head.manifest, senderKey, opts);
  }
  const problems: string[] = [];
  /** Why the read stopped at a manifest whose signature verified: then nothing else needs saying. */
  let stopped: 'duplicate' | 'other_signer' | undefined;
  let identity: PulledIdentity | null = null;
  const { result: r, read } = await verifyPackageDetailed(path, {
    privateKey: opts.ownPrivateKey,
    wrongKey: pullWrongKey(opts.ownKeyPath),
    signerPublicKey: senderKey,
    maxSize,
    env,
    maxBytesBeforeManifest: PULL_BEFORE_MANIFEST_BYTES,
    // The signature verified against the pinned key (a signature is required): the manifest is
    // the sender's. A package that cannot verify anyway, or one received before, is not read on.
    onManifestAccepted: (manifest) => {
      const named = manifest.signature?.signer ?? '';
      if (named.toLowerCase() !== opts.senderLogin.toLowerCase()) {
        stopped = 'other_signer';
        throw new AliveError('signed under another name: not read further', { code: 'bad_signer' });
      }
      const id = pulledIdentity(manifest, opts.senderLogin);
      if (opts.receivedBefore?.(id)) {
        stopped = 'duplicate';
        identity = id;
        throw new AliveError('received before: not read further', { code: 'duplicate' });
      }
      opts.admitExpanded?.(manifest.files.reduce((a, f) => a + f.size, 0));
    },
  });
  if (r.code === 'pull_limit') throw overPullLimit();
  const signer = typeof r.signer === 'string' ? r.signer : null;
  if (stopped === 'duplicate') return { verified: false, duplicate: true, signer, problems: [], identity };
  const badSignature = r.signature_ok === false || r.code === 'bad_signature';
  if (!badSignature && stopped === undefined) problems.push(...r.problems.map((p) => byName(p, path, opts.displayName)));
  // signed is null when reading stopped before the signature was looked at: no claim either way.
  if (r.signed === false) problems.push('the package is not signed');
  else if (badSignature) problems.push(`the signature does not match ${opts.senderLogin}'s pinned key`);
  if (r.signed && signer !== null && signer.toLowerCase() !== opts.senderLogin.toLowerCase()) {
    problems.push(otherSigner(opts.senderShown ?? opts.senderLogin));
  }
  const signedBySender = Boolean(r.ok && r.signed && r.signature_ok) && problems.length === 0;
  if (signedBySender && r.encrypted === false) problems.push(inClear(opts.senderShown ?? opts.senderLogin));
  const verified = signedBySender && problems.length === 0;
  // A 2.1 envelope the signed manifest does not vouch for: the references' sealed packages name no
  // recipients, so it is taken, saying what the signature does not cover; a 2.0 passphrase one,
  // vouched for but naming no one, says so too.
  const outsideSignature = verified && r.envelope_signed === false;
  const namesNoOne = verified && read?.envelope === 'passphrase';
  return {
    verified,
    signer,
    problems: [...new Set(problems)],
    identity: verified && read ? pulledIdentity(read.manifest, opts.senderLogin) : null,
    ...(outsideSignature ? { envelopeSigned: false as const, note: envelopeOutside(opts.senderLogin) } : {}),
    ...(namesNoOne ? { note: namesNoOneNote(opts.senderLogin) } : {}),
  };
}

/** What pull says of a passphrase package it takes: nothing in one says for whom it was sealed. */
function namesNoOneNote(sender: string): string {
  return `a passphrase package names no one: that ${sender} sealed it for you is not shown (anyone ${sender} gave it to could have put it in your relay)`;
}

/**
 * relay push (ours and the references') never sends a package in clear: it seals one for the
 * peer's key (an encrypted one goes as it is). A signed package that arrives in clear was shared
 * another way (create --sign) and put in this relay by whoever can write to it.
 */
function inClear(sender: string): string {
  return `it arrived in clear: relay push never sends a package in clear (it seals one for your key), so this is a copy of a package ${sender}'s key signed for another use, put in your relay by whoever can write to it`;
}

function envelopeOutside(sender: string): string {
  return `who sealed it for you is outside ${sender}'s signature (a 2.1 envelope whose signed manifest names no recipients: anyone who had the package could have made it)`;
}

/**
 * A wrong_key refusal's words in pull (receive's message, crypto-adapter.ts): pull keeps the
 * package, and receive opens it with another key.
 */
function pullWrongKey(keyPath: string): WrongKeyWords {
  return {
    which: `your relay key (${inlineText(keyPath, 1000)})`,
    outcome: 'pull kept it under inbox/<folder>/unverified/',
    previous: 'receive it with --private-key and that key',
    next: 'receive it with --private-key and the private key whose public half the sender used',
  };
}

/**
 * `message` with the scratch file being checked named as the package the user knows: the reader
 * names a file by its path or, in its refusals, by the path's last name (`.x.walnut.3f62.part`).
 */
export function byName(message: string, path: string, displayName: string): string {
  return message.split(path).join(displayName).split(basename(path)).join(displayName);
}

/** The signer a package names is the sender's text: our words say only that it is another name. */
function otherSigner(sender: string): string {
  return `signed under another name than ${sender} (the name it gives is shown as untrusted data)`;
}

async function checkSealedWithoutPassphrase(path: string, text: string, manifest: Manifest, senderKey: KeyObject, opts: CheckOptions): Promise<ReceivedCheck> {
  const problems: string[] = [];
  const block = readSignatureBlock(text);
  const signer = block && block.signer !== '' ? block.signer : null;
  if (!block) problems.push('the package is not signed');
  else if (!verifyManifestText(text, senderKey).ok) problems.push(`the signature does not match ${opts.senderLogin}'s pinned key`);
  if (signer !== null && signer.toLowerCase() !== opts.senderLogin.toLowerCase()) {
    problems.push(otherSigner(opts.senderShown ?? opts.senderLogin));
  }
  // A passphrase package is opened with no key: one whose manifest names the keys it was
  // encrypted to was passed on by someone who could open it (recipients.ts).
  try {
    requireRecipient(manifest.recipients, undefined, opts.displayName);
  } catch (err) {
    if (!(err instanceof AliveError)) throw err;
    problems.push(writingNothing(err).message);
  }
  const note = `encrypted with a passphrase: signature and payload checked without decrypting; its files are checked when you receive it with WALNUT_PASSPHRASE; ${namesNoOneNote(opts.senderLogin)}`;
  const claimed = manifest.payload_sha256;
  if (!claimed) problems.push('the manifest has no payload_sha256, so the encrypted payload cannot be checked without the passphrase');
  // The payload is hashed only for a manifest that verified: one that cannot is not read on.
  if (problems.length > 0) return { verified: false, signer, problems, identity: null, note };
  const identity = pulledIdentity(manifest, opts.senderLogin);
  if (opts.receivedBefore?.(identity)) return { verified: false, duplicate: true, signer, problems: [], identity, note };
  let actual: string | undefined;
  try {
    actual = await payloadSha256(path, opts.maxSize ?? DEFAULT_MAX_SIZE, opts.admitExpanded);
  } catch (err) {
    if (err instanceof AliveError && err.code === 'pull_limit') throw err;
    problems.push(`cannot be read as a package: ${byName(messageOf(err), path, opts.displayName)}`);
  }
  if (actual === undefined && problems.length === 0) problems.push('the package has no payload.enc');
  else if (actual !== undefined && actual !== claimed)
    problems.push('payload.enc does not match the payload_sha256 in its signed manifest (tampered with or damaged)');
  const verified = problems.length === 0;
  return { verified, signer, problems, identity: verified ? identity : null, note };
}

/**
 * SHA-256 of the payload.enc entry of a 2.0 passphrase package, streamed; undefined if there is
 * none. Any other file is refused, as the reader refuses it when the package is received: only
 * the manifest and the payload are covered by the signature.
 */
async function payloadSha256(path: string, maxBytes: number, admitExpanded?: (bytes: number) => void): Promise<string | undefined> {
  let digest: string | undefined;
  const label = path.slice(path.lastIndexOf('/') + 1);
  await readTarFile(path, 'gzip', { maxBytes, maxEntries: 10, label }, async (e) => {
    if (e.kind === 'dir') return;
    if (e.path === 'payload.enc') {
      // Told before a byte of it is inflated: gzip of zeros makes a few MB hold GBs.
      admitExpanded?.(e.size);
      const h = createHash('sha256');
      for await (const chunk of e.body as AsyncIterable<Buffer>) h.update(chunk);
      digest = h.digest('hex');
    } else if (e.path === MANIFEST_NAME) e.body.resume();
    else throw refuse(label, e.path, 'should not be in a passphrase package (only manifest.yaml and payload.enc belong there)', 'unlisted_file');
  });
  return digest;
}
