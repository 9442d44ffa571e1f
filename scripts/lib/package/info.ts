import { statSync } from 'node:fs';
import { AliveError } from '../errors.ts';
import { failureReason, unreadablePackage } from './package-path.ts';
import { parseManifest, MANIFEST_NAME, type Manifest } from './manifest.ts';
import { readTarFile, sniffCompression } from './tar-read.ts';
import { readManifestText, type Envelope } from './read-package.ts';

export interface PackageHead {
  /** undefined for v3 encrypted packages, whose manifest travels inside the ciphertext. */
  manifest?: Manifest;
  text?: string;
  envelope: Envelope;
  entries: string[];
}

class Found extends Error {}

/** Expanded size the head read allows when the caller sets none (info reads any package). */
const HEAD_MAX_BYTES = 64 * 1024 * 1024 * 1024;
/**
 * Most bytes of entries before the manifest (their data, headers and pax headers): this, or 64
 * times the package file's size, whichever is larger. alive writes the manifest first; the
 * reference after the walnut's top-level files whose names sort before it (`README.md`). A first
 * entry of 16 GiB of zeros (a 16 MB file) made info inflate all of it, up to its 64 GiB cap,
 * before the manifest.
 */
export const HEAD_BEFORE_MANIFEST_BYTES = 64 * 1024 * 1024;
const HEAD_BEFORE_MANIFEST_RATIO = 64;
/**
 * Most bytes of entries (headers included) after an encrypted 2.0 manifest read while looking for payload.key (which
 * tells an RSA package from a passphrase one): the package file's size plus this. payload.enc is
 * ciphertext, which gzip cannot shrink, so an honest one (payload.key follows it in the reference's
 * sorted order) fits; one that claims more is a compression bomb (a 4 MB file of zeros made info
 * inflate 4 GiB), decided at its header by what came before it: no payload.key, a passphrase one.
 */
export const HEAD_AFTER_MANIFEST_SLACK = 1024 * 1024;

/**
 * Reads only as far as the manifest (the first entry of packages written by alive or the
 * reference), plus the names of the entries before it. Nothing is decrypted or written. After an
 * encrypted 2.0 manifest the names are read on to payload.key, the end, or an entry that takes
 * what follows the manifest past the package's own size (HEAD_AFTER_MANIFEST_SLACK); a caller
 * with a --max-size passes it as `maxBytes`.
 */
export async function readPackageHead(path: string, maxBytes = HEAD_MAX_BYTES, beforeManifestBytes?: number): Promise<PackageHead> {
  const label = path.slice(path.lastIndexOf('/') + 1) || path;
  let kind;
  try {
    kind = await sniffCompression(path);
  } catch (err) {
    if (err instanceof AliveError) throw err;
    throw unreadablePackage(path, failureReason(err));
  }
  if (kind === 'salted') return { envelope: 'v3-passphrase', entries: [] };
  if (kind === 'unknown') throw new AliveError(`${label} is not a .walnut package (it is neither gzip nor tar data)`, { code: 'bad_archive' });
  const entries: string[] = [];
  let text: string | undefined;
  let encrypted = false;
  let before = 0;
  let after = 0;
  const fileSize = statSync(path).size;
  // A caller that reads no further than a checked manifest (relay pull) gives its own, smaller bound.
  const beforeMax = beforeManifestBytes ?? Math.max(HEAD_BEFORE_MANIFEST_BYTES, HEAD_BEFORE_MANIFEST_RATIO * fileSize);
  const afterMax = fileSize + HEAD_AFTER_MANIFEST_SLACK;
  // info has no --max-size: its callers that do (receive) pass theirs, and the advice stays right.
  const tooMuchBeforeManifest = () =>
    new AliveError(
      beforeManifestBytes !== undefined
        ? `${label} holds more than ${beforeMax} bytes of entries before its manifest; it was not read further`
        : `${label} holds more than ${beforeMax} bytes of entries before its manifest (${HEAD_BEFORE_MANIFEST_RATIO} times its own size: what a compression bomb holds); info reads no further: run verify, whose --max-size bounds what it reads`,
      { code: 'too_large' },
    );
  const limits = { maxBytes, maxEntries: 1_000_000, label, ...(maxBytes === HEAD_MAX_BYTES ? { raise: 'info reads no further' } : {}) };
  try {
    await readTarFile(
      path,
      kind === 'gzip' ? 'gzip' : 'none',
      limits,
      async (e) => {
        // Before the manifest, every byte an entry took counts: its data, its header and the pax
        // header before it (1,100 pax headers of 60 KiB, each before an empty file, are 66 MiB).
        if (text === undefined && (before += e.headerBytes + (e.path === MANIFEST_NAME ? 0 : e.size)) > beforeMax) throw tooMuchBeforeManifest();
        if (e.kind === 'dir') return;
        entries.push(e.path);
        if (e.path === MANIFEST_NAME) {
          text = await readManifestText(e.body, label, e.size);
          // An encrypted 2.0 package: keep listing names to tell passphrase from RSA (payload.key).
          encrypted = /^encrypted:\s*true\s*$/im.test(text);
          if (!encrypted) throw new Found();
          return;
        }
        // Headers count as before the manifest: empty entries with 4 KiB pax names, a million of them, all kept.
        if (encrypted && (e.path === 'payload.key' || (after += e.headerBytes + e.size) > afterMax)) throw new Found();
        e.body.resume();
      },
      { headOnly: true },
    );
  } catch (err) {
    if (!(err instanceof Found)) throw err;
  }
  if (kind === 'tar') {
    if (entries.includes('rsa-envelope-v1.json')) return { envelope: 'v3-rsa', entries };
    if (text === undefined) throw new AliveError(`${label} is not a .walnut package (no manifest.yaml)`, { code: 'missing_manifest' });
  }
  if (text === undefined) throw new AliveError(`${label} has no manifest.yaml, so it is not a .walnut package`, { code: 'missing_manifest' });
  const manifest = parseManifest(text);
  let envelope: Envelope = manifest.generation === 'v3' ? 'v3-plain' : 'plain';
  if (manifest.encrypted || entries.includes('payload.enc')) envelope = entries.includes('payload.key') ? 'rsa' : 'passphrase';
  return { manifest, text, envelope, entries };
}
