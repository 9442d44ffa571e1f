/** `alive-p2p verify PACKAGE …`: checks every entry against the manifest, writing nothing. */
import { byteSizeArg } from '../../cli/byte-size.ts';
import { resolve } from 'node:path';
import { defineCommand } from '../../cli/command.ts';
import { formatBytes } from '../../cli/progress.ts';
import { AliveError } from '../../errors.ts';
import { inlineText } from '../../text/untrusted.ts';
import { verifyPackageDetailed } from '../verify.ts';
import { leftOutOf, vcsNote } from '../vcs-left-out.ts';
import { DEFAULT_MAX_SIZE } from '../limits.ts';
import { signerFields, signerShown } from '../signer-shown.ts';
import { counted } from '../../text/plural.ts';
import { fingerprint, formatFingerprint, loadPublicKey } from '../../crypto/keys.ts';
import { isValidLogin } from '../../relay/names.ts';
import { peerKeyFileFingerprint } from '../../receive/pins.ts';
import { receiveCrypto, relayPinsHere, type RelayPinFor } from '../../receive/crypto.ts';
import { legacyKdfWarning } from '../crypto-adapter.ts';

/**
 * The key a signature verified with (display fingerprint); whether it is the key this machine pins
 * for the login the package names (its key file under relay/keys/peers/, and relay.json's pin when
 * it names one, as receive checks them): only then does the name say who signed; and that pinned
 * key, when it is another: then it was not that login who signed.
 */
function keyBehind(signerKeyPath: string, signer: string | null, relayPinFor: RelayPinFor): { fingerprint: string; pinnedForName: boolean; otherPin?: string } {
  const hex = fingerprint(loadPublicKey(signerKeyPath));
  const pinned = signer !== null && isValidLogin(signer) ? peerKeyFileFingerprint(signer, process.env) : undefined;
  const relayPin = pinned === hex ? relayPinFor(signer!, process.env) : undefined;
  return {
    fingerprint: formatFingerprint(hex),
    pinnedForName: pinned === hex && (relayPin === undefined || relayPin === hex),
    ...(pinned !== undefined && pinned !== hex ? { otherPin: formatFingerprint(pinned) } : {}),
  };
}

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: "check a package's integrity (and signature)",
  usage: `usage: alive-p2p verify PACKAGE [--private-key PEM] [--signer-key PEM] [--max-size BYTES] [--json]

Checks every entry of a package against its manifest (names, sizes, SHA-256) without writing
anything; decrypts with WALNUT_PASSPHRASE (asked on a terminal when unset) or --private-key.
With --signer-key the package must carry a valid signature by that key; the name it is signed under
is outside what the signature covers, so it is shown as the signer only when that key is the one
this machine pins for that name (else as untrusted data). Without it, a signature
is checked against the key this machine pins for the login it names (relay accept/add-peer), as
receive checks it; with no key pinned for that login it is reported as not checked. Exit 0 when it
all holds, 1 otherwise.`,
  options: { 'max-size': { type: 'string' }, 'private-key': { type: 'string' }, 'signer-key': { type: 'string' } },
  positionals: { names: ['PACKAGE'], min: 1 },
  async run(ctx) {
    const maxSize = byteSizeArg(ctx, ctx.values['max-size'], '--max-size') ?? DEFAULT_MAX_SIZE;
    const pkg = ctx.positionals[0]!;
    const privateKey = ctx.values['private-key'];
    const signerKey = ctx.values['signer-key'];
    // Without --signer-key, a signature is checked against the key this machine pins for the login
    // it names, as receive checks it: a tampered signed package is refused, not "OK, not checked".
    // relay.json's pins too, when a relay is set up (their reader, with zod, loads only then).
    const relayPinFor = await relayPinsHere(process.env);
    const { result, read, error } = await verifyPackageDetailed(pkg, {
      maxSize,
      askPassphrase: true,
      onProgress: ctx.progress,
      ...(privateKey ? { privateKeyPath: privateKey } : {}),
      ...(signerKey ? { signerKeyPath: signerKey } : { crypto: receiveCrypto(privateKey, process.env, relayPinFor, 'unchecked') }),
    });
    if (!read) {
      const { ok: _ok, code, problems, ...fields } = result;
      throw new AliveError(error?.message ?? problems[0] ?? 'verification failed', {
        code: code ?? 'failed',
        // Not verified: the name it gives is the sender's text.
        fields: { ...fields, ...signerFields(fields.signer, false), problems },
        ...(error?.untrusted && { untrusted: error.untrusted }),
      });
    }
    // The signer line is outside the signed text (anyone can relabel a signed package): a valid
    // signature says only that --signer-key (or the key pinned for that name) made it. The name is
    // shown as the signer only when the key that verified it is the one pinned for that name; else
    // it is the sender's claim.
    const key = signerKey && result.signature_ok ? keyBehind(signerKey, result.signer, relayPinFor) : undefined;
    const verified = key ? key.pinnedForName : read.signature.ok === true;
    const who = signerShown(read.signature.signer, verified);
    // Said before an extract or receive leaves it out (on stderr: the --json shape is the contract's).
    const note = vcsNote(leftOutOf(read.manifest.files.map((f) => f.path)).list);
    if (note) ctx.warn(note);
    if (read.legacyKdf !== undefined) ctx.warn(legacyKdfWarning(read.legacyKdf));
    if (ctx.json) {
      return ctx.printJson({
        ...result,
        ...signerFields(result.signer, verified),
        ...(key ? { signer_fingerprint: key.fingerprint } : {}),
        path: resolve(pkg),
        envelope: read.envelope,
        bytes: read.bytes,
      });
    }
    ctx.print(
      `OK: ${inlineText(pkg, 4000)} (format ${inlineText(read.manifest.format_version)}, scope ${read.manifest.scope}, ${counted(read.files, 'file')}, ${formatBytes(read.bytes)})`,
    );
    let sig: string;
    if (!result.signed) sig = 'no';
    else if (!key && read.signature.ok) sig = `yes, valid, by ${who.text}, with the key pinned for them`;
    else if (!key) sig = `yes, by ${who.text} (not checked: no key is pinned for that name here; pass --signer-key)`;
    else if (key.pinnedForName) sig = `yes, valid, by ${who.text}, with the key ${key.fingerprint}, the one pinned for them`;
    else if (key.otherPin === undefined) {
      sig =
        `yes, valid for the key ${key.fingerprint} (--signer-key); the name it is signed under is outside what the signature covers, ` +
        `and no key pinned here for that name vouches for it: ${who.text}`;
    } else {
      sig =
        `yes, valid for the key ${key.fingerprint} (--signer-key), but this machine pins another key (${key.otherPin}) for the signer the package names ` +
        `(${who.text}): that name is outside what the signature covers, so this is not that peer's signature`;
    }
    const sealedBy = read.envelopeSigned === false ? ', by whoever made the envelope (the signature does not cover it)' : '';
    ctx.print(`Encrypted: ${result.encrypted ? `${read.envelope}${sealedBy}` : 'no'}   Signed: ${sig}`);
    for (const line of result.signed ? who.lines : []) ctx.print(line);
  },
});
