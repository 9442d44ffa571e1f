/** `alive-p2p info PACKAGE [--json]`: a package's manifest summary; reads nothing else. */
import { resolve } from 'node:path';
import { defineCommand } from '../../cli/command.ts';
import { formatBytes } from '../../cli/progress.ts';
import { cappedText, inlineText } from '../../text/untrusted.ts';
import { fencedLines, isPlainName, senderText } from '../../text/fence.ts';
import { counted } from '../../text/plural.ts';
import { readPackageHead } from '../info.ts';
import { leftOutOf, vcsNote } from '../vcs-left-out.ts';
import { DESCRIPTION_MAX, SENDER_WORDS_MAX } from '../limits.ts';
import { AliveError } from '../../errors.ts';
import { writingNothing } from '../package-path.ts';
import { signerShown } from '../signer-shown.ts';
import { formatFingerprint } from '../../crypto/keys.ts';
import { isValidLogin } from '../../relay/names.ts';
import { peerKeyFile } from '../../receive/pins.ts';
import { carriedBundles } from '../../receive/plan.ts';

/**
 * The pinned key file of the signer a package names, when that name is a login this machine has a
 * key for: the key verify --signer-key should check the signature with. The name itself is the
 * sender's text (the signer line is outside the signed text) and is shown only under `untrusted`.
 */
const BUNDLES_SHOWN = 100;

function signerKeyOf(signer: string | undefined): string | null {
  if (signer === undefined || !isValidLogin(signer)) return null;
  return peerKeyFile(signer, process.env) ?? null;
}

export const infoCommand = defineCommand({
  name: 'info',
  summary: "show a package's manifest summary",
  usage: `usage: alive-p2p info PACKAGE [--json]

Shows a package's manifest summary. Reads nothing but the manifest; decrypts nothing.`,
  options: {},
  positionals: { names: ['PACKAGE'], min: 1 },
  async run(ctx) {
    const pkg = ctx.positionals[0]!;
    // The reader's refusals end with "nothing was written" for extract and receive; info writes nothing.
    const head = await readPackageHead(pkg).catch((err: unknown) => {
      throw err instanceof AliveError ? writingNothing(err) : err;
    });
    const m = head.manifest;
    const bundles = m ? carriedBundles(m) : [];
    // Said before an extract or receive leaves it out (on stderr: the --json shape is the contract's).
    const note = vcsNote(leftOutOf(m?.files.map((f) => f.path) ?? []).list);
    if (note) ctx.warn(note);
    // Checked facts at the top level; what the sender wrote (names, dates, words) under untrusted.
    const summary = {
      ok: true,
      path: resolve(pkg),
      envelope: head.envelope,
      encrypted: head.envelope !== 'plain' && head.envelope !== 'v3-plain',
      format_version: m?.format_version ?? null,
      scope: m?.scope ?? null,
      files: m?.files.length ?? null,
      bytes: m ? m.files.reduce((a, f) => a + f.size, 0) : null,
      signed: m?.signature !== undefined,
      signer_key: signerKeyOf(m?.signature?.signer),
      // The fingerprints of the keys an RSA package names as its recipients (64 hex each: the
      // manifest is refused otherwise), or null: not checked by info, verify and receive check them.
      // Written as every fingerprint we print is (SHA256:xxxx:…), so that they compare as strings.
      recipients: m?.recipients?.map(formatFingerprint) ?? null,
      bundles_total: bundles.length,
      untrusted: {
        walnut: capped(m?.source.walnut, SENDER_WORDS_MAX),
        created: capped(m?.created, SENDER_WORDS_MAX),
        description: capped(m?.description, DESCRIPTION_MAX),
        bundles: bundles.slice(0, BUNDLES_SHOWN),
        signer: capped(m?.signature?.signer || undefined, SENDER_WORDS_MAX),
      },
    };
    if (ctx.json) return ctx.printJson(summary);
    if (!m) {
      ctx.print(`${inlineText(pkg, 4000)}: a v3 package encrypted as a whole (${head.envelope}); its manifest is inside the ciphertext.`);
      ctx.print('Run alive-p2p verify with credentials to see its contents.');
      return;
    }
    ctx.print(`Package: ${inlineText(summary.path, 4000)}`);
    // Manifest text is the sender's: escape control characters before it reaches a terminal.
    // The walnut's name is the sender's text: quoted when a plain name, else in a fence after the line.
    const walnut = m.source.walnut ? senderText(cappedText(m.source.walnut, SENDER_WORDS_MAX), 'walnut name') : undefined;
    ctx.print(`Format: ${inlineText(m.format_version)}   Scope: ${m.scope}   Walnut: ${walnut?.shown ?? '?'}`);
    if (walnut?.untrusted) for (const line of walnut.untrusted.lines) ctx.print(line);
    // The date and the bundle names are the sender's words too: quoted when plain, else in a fence
    // (unquoted, `2026-04-01   Signed: yes, valid` read on as a line of ours).
    const created = senderText(cappedText(m.created, SENDER_WORDS_MAX), 'created date');
    ctx.print(`Created: ${created.shown}`);
    if (created.untrusted) for (const line of created.untrusted.lines) ctx.print(line);
    // The description is the sender's prose: shown as data, in a fence, never as a line of ours.
    if (m.description) {
      ctx.print("Description (the sender's text, shown as data; it ends at the END line with the same number):");
      for (const line of fencedLines('UNTRUSTED DESCRIPTION', cappedText(m.description, DESCRIPTION_MAX))) ctx.print(line);
    }
    if (bundles.length) {
      const first = bundles.slice(0, 20);
      const plain = first.filter(isPlainName);
      const other = first.filter((b) => !isPlainName(b));
      const more = bundles.length > 20 ? `, … and ${bundles.length - 20} more` : '';
      const others = other.length
        ? `${plain.length ? ' and ' : ''}${counted(other.length, plain.length ? 'more name' : 'name')} of the sender's, in the untrusted list that follows`
        : '';
      ctx.print(`Bundles: ${plain.map((b) => `'${b}'`).join(', ')}${others}${more}`);
      if (other.length) for (const line of fencedLines('UNTRUSTED BUNDLE NAMES', other.join('\n'))) ctx.print(line);
    }
    ctx.print(`Files: ${m.files.length} (${formatBytes(summary.bytes ?? 0)})`);
    ctx.print(`Encrypted: ${summary.encrypted ? head.envelope : 'no'}`);
    if (m.recipients) ctx.print(`Sealed for: ${m.recipients.map(formatFingerprint).join(', ')} (the keys it names as its recipients)`);
    // info checks no signature: the signer it names is the sender's claim, shown only fenced.
    const signer = signerShown(m.signature?.signer, false);
    ctx.print(`Signed: ${m.signature ? `yes, by ${signer.text} (not checked by info; use verify --signer-key)` : 'no'}`);
    if (m.signature) for (const line of signer.lines) ctx.print(line);
  },
});

function capped(text: string | undefined, max: number): string | null {
  return text === undefined ? null : cappedText(text, max);
}
