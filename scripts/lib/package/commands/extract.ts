/** `alive-p2p extract PACKAGE --output DIR …`: unpacks into a new folder, all checks first. */
import { byteSizeArg } from '../../cli/byte-size.ts';
import { unexpandedHomeProblem } from '../../cli/unexpanded-home.ts';
import { defineCommand } from '../../cli/command.ts';
import { formatBytes } from '../../cli/progress.ts';
import { cappedText, inlineText } from '../../text/untrusted.ts';
import { senderText } from '../../text/fence.ts';
import { verifySummary } from '../verify.ts';
import { signerFields, signerShown } from '../signer-shown.ts';
import { legacyKdfWarning } from '../crypto-adapter.ts';
import { receiveCrypto, relayPinsHere } from '../../receive/crypto.ts';
import { extractPackage } from '../extract.ts';
import { leftOutWarning } from '../vcs-left-out.ts';
import { counted } from '../../text/plural.ts';
import { DEFAULT_MAX_SIZE, SENDER_WORDS_MAX } from '../limits.ts';
import { extractedAgentFilesWarning, findAgentFiles } from '../../walnut/agent-files.ts';
import { worldLookalikes, worldLookalikesWarning } from '../world-markers.ts';

export const extractCommand = defineCommand({
  name: 'extract',
  summary: 'unpack a package into a new folder',
  usage: `usage: alive-p2p extract PACKAGE --output DIR [--private-key PEM] [--max-size BYTES] [--json]

Unpacks a package into a new folder (DIR must not exist, or be empty). Everything is checked
before DIR appears; on any problem nothing is written. Every file is written as it is, agent
instruction and configuration files (CLAUDE.md, .claude/, ...) included: each is named in a
warning (receive holds them back). Version-control metadata (.git/, .hg/, .jj/, .sl/, a folder
git takes for a repository) is left out, named in a warning: its config names commands git (or
hg, jj, sl) runs in that folder; its files are still checked. Decrypts with WALNUT_PASSPHRASE (asked
on a terminal when unset) or --private-key. A signature is checked against the key this machine pins
for the login it names, as verify and receive check it: one that does not verify is refused.`,
  options: { output: { type: 'string' }, 'max-size': { type: 'string' }, 'private-key': { type: 'string' } },
  positionals: { names: ['PACKAGE'], min: 1 },
  async run(ctx) {
    const output = ctx.required(ctx.values.output, '--output');
    const tilde = unexpandedHomeProblem('--output', output);
    if (tilde) ctx.usageError(tilde);
    const maxBytes = byteSizeArg(ctx, ctx.values['max-size'], '--max-size') ?? DEFAULT_MAX_SIZE;
    const pkg = ctx.positionals[0]!;
    const privateKey = ctx.values['private-key'];
    // A signature is checked against the key this machine pins for the login it names, as verify
    // and receive check it: one that does not verify is refused (cli.md), nothing written.
    const relayPinFor = await relayPinsHere(process.env);
    const crypto = receiveCrypto(privateKey, process.env, relayPinFor, 'unchecked');
    const r = await extractPackage(pkg, output, { maxBytes, crypto, onProgress: ctx.progress });
    if (r.legacyKdf !== undefined) ctx.warn(legacyKdfWarning(r.legacyKdf));
    const leftOut = leftOutWarning(r.leftOut);
    if (leftOut) ctx.warn(leftOut);
    // Written as they are (a faithful copy), so named: an agent working in DIR would load them.
    const agentFiles = findAgentFiles(r.manifest.files.map((f) => f.path).filter((p) => !r.leftOutFiles.has(p)));
    const warning = extractedAgentFilesWarning(agentFiles, r.output);
    if (warning) ctx.warn(warning);
    const worldMarkers = worldLookalikes(r.manifest.files.map((f) => f.path).filter((p) => !r.leftOutFiles.has(p)));
    const markersWarning = worldLookalikesWarning(worldMarkers, r.output);
    if (markersWarning) ctx.warn(markersWarning);
    if (ctx.json) {
      return ctx.printJson({
        ...verifySummary(r, false),
        ...signerFields(r.signature.signer, r.signature.ok === true),
        output: r.output,
        bytes: r.bytes,
        agent_files: agentFiles,
        left_out: r.leftOut,
        world_markers: worldMarkers,
      });
    }
    // The folder's name is the user's, but may come from anywhere (a script, a peer's suggestion): escaped.
    ctx.print(`Extracted to: ${inlineText(r.output, 4000)}`);
    // The walnut's name is the sender's text: quoted when a plain name, else in a fence after the line.
    const walnut = r.manifest.source.walnut ? senderText(cappedText(r.manifest.source.walnut, SENDER_WORDS_MAX), 'walnut name') : undefined;
    ctx.print(`Format: ${inlineText(r.manifest.format_version)}   Scope: ${r.manifest.scope}   Walnut: ${walnut?.shown ?? '?'}`);
    if (walnut?.untrusted) for (const line of walnut.untrusted.lines) ctx.print(line);
    // Every file was checked, the left-out ones included: only their writing was skipped.
    const notWritten = r.leftOutFiles.size > 0 ? `; ${counted(r.leftOutFiles.size, 'file')} not written (version-control metadata, see above)` : '';
    ctx.print(`Files: ${r.files} (${formatBytes(r.bytes)}), all checksums match${notWritten}`);
    if (r.signature.present) {
      const who = signerShown(r.signature.signer, r.signature.ok === true);
      ctx.print(
        r.signature.ok === true
          ? `Signed: yes, valid, by ${who.text}, with the key pinned for them`
          : `Signed: yes, by ${who.text} (not checked: no key is pinned for that name here; verify --signer-key checks it against a key you have)`,
      );
      for (const line of who.lines) ctx.print(line);
    }
  },
});
