/**
 * Verification of a package without writing anything (`alive-p2p verify`, the relay's check of
 * what it fetched), and the summary `verify --json` and `extract --json` print. Its own module so
 * that extract and verify load the reader, not what creating a package needs (yaml among it).
 */
import { AliveError, type ErrorCode } from '../errors.ts';
import { writingNothing } from './package-path.ts';
import type { Manifest } from './manifest.ts';
import { summaryOf } from '../text/fence.ts';
import { packageCryptoFrom, type CryptoSources } from './crypto-adapter.ts';
import { DEFAULT_MAX_SIZE } from './limits.ts';
import type { OnProgress } from './progress.ts';
import { readPackage, type PackageCrypto, type ReadOptions, type ReadResult } from './read-package.ts';
import { hashOnlySink } from './sinks.ts';

export interface VerifyResult {
  ok: boolean;
  format_version: string | null;
  scope: string | null;
  files: number | null;
  encrypted: boolean | null;
  signed: boolean | null;
  signature_ok: boolean | null;
  signer: string | null;
  problems: string[];
  code?: ErrorCode;
  /** The older passphrase derivation that opened it (a 2.1 package), when one did. */
  legacy_kdf?: string;
  /** Encrypted: whether the signed manifest says so (ReadResult.envelopeSigned). */
  envelope_signed?: boolean;
}

export interface VerifyOptions extends CryptoSources {
  /** The crypto to read with, instead of one made from the sources (verify: the pinned signer keys). */
  crypto?: PackageCrypto;
  maxSize?: number;
  /** Default: required whenever a signer key is given. */
  requireSignature?: boolean;
  onProgress?: OnProgress;
  /** See ReadOptions (relay pull: read no further than a checked manifest, and bound what comes before it). */
  onManifestAccepted?: ReadOptions['onManifestAccepted'];
  maxBytesBeforeManifest?: number;
}

/** The `verify --json` result of a package that passed every check. */
export function verifySummary(r: ReadResult, signatureChecked: boolean): VerifyResult {
  return {
    ok: true,
    format_version: r.manifest.format_version,
    scope: r.manifest.scope,
    files: r.files,
    encrypted: r.envelope !== 'plain' && r.envelope !== 'v3-plain',
    signed: r.signature.present,
    // Checked with --signer-key, or with the key pinned for the signer (the reader's crypto then
    // says ok; a pinned key that does not verify it is a refusal): null when nothing checked it.
    signature_ok: r.signature.present && (signatureChecked || r.signature.ok) ? r.signature.ok : null,
    signer: r.signature.signer ?? null,
    problems: [],
    ...(r.legacyKdf !== undefined ? { legacy_kdf: r.legacyKdf } : {}),
    ...(r.envelopeSigned !== undefined ? { envelope_signed: r.envelopeSigned } : {}),
  };
}

/**
 * Full verification without writing anything. A refusal becomes `ok: false` with the reason (in
 * our words only: `error` keeps the sender's text it names, for the command to show fenced);
 * `read` is the reader's result when every check passed.
 */
export async function verifyPackageDetailed(path: string, opts: VerifyOptions = {}): Promise<{ result: VerifyResult; read?: ReadResult; error?: AliveError }> {
  const signatureChecked = opts.signerPublicKey !== undefined || opts.signerKeyPath !== undefined;
  let seen: { manifest: Manifest; encrypted: boolean } | undefined;
  try {
    const { maxSize, requireSignature, onProgress, crypto, onManifestAccepted, maxBytesBeforeManifest, ...sources } = opts;
    const read = await readPackage(path, hashOnlySink, {
      maxBytes: maxSize ?? DEFAULT_MAX_SIZE,
      crypto: crypto ?? packageCryptoFrom(sources),
      requireSignature: requireSignature ?? signatureChecked,
      ...(onProgress ? { onProgress } : {}),
      ...(onManifestAccepted ? { onManifestAccepted } : {}),
      ...(maxBytesBeforeManifest !== undefined ? { maxBytesBeforeManifest } : {}),
      onManifest: (manifest, encrypted) => {
        seen = { manifest, encrypted };
      },
    });
    return { result: verifySummary(read, signatureChecked), read };
  } catch (caught) {
    if (!(caught instanceof AliveError)) throw caught;
    const err = writingNothing(caught);
    // What the manifest said, when the refusal came after it was read (a bad signature, a file
    // that does not match): as info shows it. The files are not counted: they were not all checked.
    const m = seen?.manifest;
    return {
      result: {
        ok: false,
        format_version: m?.format_version ?? null,
        scope: m?.scope ?? null,
        files: null,
        encrypted: seen?.encrypted ?? null,
        signed: m ? m.signature !== undefined : err.code === 'unsigned' ? false : null,
        signature_ok: err.code === 'bad_signature' ? false : null,
        signer: m?.signature?.signer || null,
        problems: [summaryOf(err)],
        code: err.code,
      },
      error: err,
    };
  }
}

export async function verifyPackage(path: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  return (await verifyPackageDetailed(path, opts)).result;
}
