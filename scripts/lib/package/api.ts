/**
 * What other parts of alive (the relay) call to handle packages: read a manifest, seal a package
 * for a peer (encrypt to their key, sign with ours). Verifying is verify.ts.
 */
import { createReadStream, statSync } from 'node:fs';
import { makeTempFolder } from './temp-folder.ts';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AliveError } from '../errors.ts';
import { canonicalManifestForSignature, signManifestText } from '../crypto/sign.ts';
import { readPackageHead } from './info.ts';
import { sha256File } from '../fs/hash.ts';
import { readPackage, type Envelope } from './read-package.ts';
import { readTarFile } from './tar-read.ts';
import { folderSink } from './sinks.ts';
import { tarSink } from './tar-sink.ts';
import { writeEncryptedPackage, type SignerSpec } from './encrypt.ts';
import { writeTarGz } from './archive-out.ts';
import { manifestEntryMeta } from './create.ts';
import { DEFAULT_MAX_SIZE } from './limits.ts';
import type { ByteProgress, OnProgress } from './progress.ts';
import type { Manifest } from './manifest.ts';
import { fingerprint, formatFingerprint } from '../crypto/keys.ts';
import { RECIPIENTS_KEY, recipientsLines } from './recipients.ts';
import { shellQuote } from '../text/shell-quote.ts';

export interface PackageManifestInfo {
  text?: string;
  manifest?: Manifest;
  envelope: Envelope;
}

/** The clear manifest of a package, read no further than `bounds` allow (readPackageHead's defaults otherwise). */
export async function readPackageManifest(path: string, bounds: { maxBytes?: number; beforeManifestBytes?: number } = {}): Promise<PackageManifestInfo> {
  const head = await readPackageHead(path, bounds.maxBytes, bounds.beforeManifestBytes);
  return { envelope: head.envelope, ...(head.text ? { text: head.text } : {}), ...(head.manifest ? { manifest: head.manifest } : {}) };
}

/**
 * The 2.0 manifest text of an encrypted package: `encrypted: true`, the payload hash, no signature;
 * for an RSA package, the fingerprints of the keys it is encrypted to last (recipients.ts), in
 * place of any list the text had.
 */
export function encryptedManifestText(text: string, payloadSha256: string, recipients?: readonly string[]): string {
  const lines = withoutBlock(canonicalManifestForSignature(text).split('\n'), RECIPIENTS_KEY).filter((l) => !/^payload_sha256\s*:/.test(l));
  const i = lines.findIndex((l) => /^encrypted\s*:/.test(l));
  if (i < 0) throw new AliveError('the manifest has no encrypted: field, so it is not a 2.0 package', { code: 'bad_manifest' });
  lines.splice(i, 1, 'encrypted: true', `payload_sha256: "${payloadSha256}"`);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (recipients && recipients.length > 0) lines.push('', ...recipientsLines(recipients, '2.0'));
  return `${lines.join('\n')}\n`;
}

/** `lines` without the top-level block `key:` (its line and the indented lines after it). */
function withoutBlock(lines: string[], key: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (new RegExp(`^${key}\\s*:`).test(line)) inside = true;
    else if (inside && /^[ \t]/.test(line)) continue;
    else inside = false;
    if (!inside) out.push(line);
  }
  return out;
}

export interface SealOptions {
  input: string;
  output: string;
  recipientPublicKey: KeyObject;
  /** The recipient's login, for the commands a refusal gives (`relay push … --to LOGIN`). */
  recipientName?: string;
  signer: SignerSpec;
  maxSize?: number;
  /** `packing` events: the package's bytes read as it is sealed (a large one takes seconds). */
  onProgress?: OnProgress;
}

/**
 * A plaintext package is checked entry by entry and re-packed RSA-encrypted to the recipient and
 * signed; an already-encrypted 2.0 package keeps its payload and is (re-)signed.
 */
export async function sealPackageForPeer(opts: SealOptions): Promise<{ sha256: string; bytes: number; encrypted: boolean }> {
  const maxBytes = opts.maxSize ?? DEFAULT_MAX_SIZE;
  const head = await readPackageHead(opts.input, maxBytes);
  // Reading the package is what sealing it waits on: its progress is the packing's.
  const onProgress = opts.onProgress;
  const reading = onProgress ? { onProgress: (p: ByteProgress) => onProgress({ ...p, phase: 'packing' as const }) } : {};
  if (head.envelope === 'plain') {
    const written = await writeEncryptedPackage(
      opts.output,
      { mode: 'rsa', recipient: opts.recipientPublicKey },
      async (tar) => {
        await readPackage(opts.input, tarSink(tar), { maxBytes, ...reading });
      },
      (sha) => encryptedManifestText(head.text!, sha, [fingerprint(opts.recipientPublicKey)]),
      opts.signer,
    );
    return { sha256: written.sha256, bytes: written.bytes, encrypted: true };
  }
  if (head.envelope === 'passphrase' || head.envelope === 'rsa') {
    const seal = makeTempFolder('seal');
    const spool = seal.path;
    try {
      await readTarFile(
        opts.input,
        'gzip',
        { maxBytes, maxEntries: 10, label: opts.input },
        async (e) => {
          if (e.kind === 'dir') return;
          if (e.path === 'payload.enc' || e.path === 'payload.key') await folderSink(spool).writeFile(e.path, 0o600, 0, e.body);
          else e.body.resume();
        },
        reading,
      );
      const payloadPath = join(spool, 'payload.enc');
      const sha = await sha256File(payloadPath);
      const claimed = head.manifest?.payload_sha256;
      if (claimed && head.manifest?.generation === 'v2' && claimed !== sha) {
        throw new AliveError(
          `${opts.input}: payload.enc does not match the payload_sha256 in its manifest (tampered with or damaged); it was not signed or sent`,
          {
            code: 'payload_mismatch',
          },
        );
      }
      const text = signManifestText(
        encryptedManifestText(head.text!, sha, recipientsForResigning(opts, head.envelope, head.manifest)),
        opts.signer.privateKey,
        opts.signer.name,
      );
      const mtimeSec = Math.floor(Date.now() / 1000);
      const written = await writeTarGz(opts.output, async (tar) => {
        await tar.addFile(manifestEntryMeta(text), Buffer.from(text));
        if (head.envelope === 'rsa') {
          const keyPath = join(spool, 'payload.key');
          await tar.addFile({ path: 'payload.key', size: statSync(keyPath).size, mode: 0o644, mtimeSec }, createReadStream(keyPath));
        }
        await tar.addFile({ path: 'payload.enc', size: statSync(payloadPath).size, mode: 0o644, mtimeSec }, createReadStream(payloadPath));
      });
      return { sha256: written.sha256, bytes: written.bytes, encrypted: true };
    } finally {
      await seal.remove();
    }
  }
  throw new AliveError(`${opts.input} is a v3 (format 2.1) package, which alive cannot re-seal for a peer; create it again with alive-p2p create`, {
    code: 'unsupported_version',
  });
}

/**
 * The recipients an already-encrypted package is signed with again. An RSA one keeps the list it
 * names, which must hold the peer's key (else the peer could not open it, and would refuse it). One
 * that names none (an older alive's) is refused: payload.key is RSA-OAEP, randomised, so only the
 * private key it was wrapped for tells whose it is, and signing the peer's key into the list would
 * claim what push never checked (a package sealed for the user themselves then read, at the peer,
 * as one their key was named for and forwarded). A passphrase one names none (whoever has the
 * passphrase opens it).
 */
function recipientsForResigning(opts: SealOptions, envelope: 'rsa' | 'passphrase', manifest: Manifest | undefined): string[] | undefined {
  if (envelope === 'passphrase') return undefined;
  const peer = fingerprint(opts.recipientPublicKey);
  const named = manifest?.recipients;
  const who = opts.recipientName ?? 'the peer';
  if (named === undefined) {
    throw new AliveError(
      `${opts.input} is RSA-encrypted but does not say for whose key it was encrypted (made before that list existed: by an older alive, or the reference tools), ` +
        `and push cannot tell whether ${who}'s key opens it (only the private key it was encrypted for can); ` +
        `signing it would say it was sealed for ${who}, so it was not signed or sent. ${passOnSteps(opts, manifest)}`,
      { code: 'wrong_recipient' },
    );
  }
  if (!named.includes(peer)) {
    throw new AliveError(
      `${opts.input} is encrypted to other keys than ${who}'s pinned key (${formatFingerprint(peer)}), so ${who} could not open it ` +
        `(a package you received stays sealed for you); it was not signed or sent. ${passOnSteps(opts, manifest)}`,
      { code: 'wrong_recipient' },
    );
  }
  return named;
}

/**
 * How to send a peer what an encrypted package holds, as a package of one's own: the commands, in
 * the words the user types (extract opens it with their relay key; push encrypts and signs the new one).
 */
function passOnSteps(opts: SealOptions, manifest: Manifest | undefined): string {
  const scope = manifest?.scope ?? 'full';
  const scopeArgs = scope === 'bundle' ? '--scope bundle --bundle NAME' : `--scope ${scope}`;
  const bundles = scope === 'bundle' ? ' (one --bundle NAME for each bundle it holds: `alive-p2p info PACKAGE` names them)' : '';
  return (
    `To pass on what it holds (if it was sealed for you) as a package of your own: \`alive-p2p extract ${shellQuote(opts.input)} --output DIR\`, ` +
    `then \`alive-p2p create --walnut DIR ${scopeArgs} --output NEW.walnut\`${bundles}, ` +
    `then \`alive-p2p relay push NEW.walnut --to ${opts.recipientName ?? 'LOGIN'}\` (push encrypts it for them and signs it as yours). ` +
    'If you made it yourself for someone else, push the plain package you made it from, or make one again from your walnut (alive-p2p create)'
  );
}
