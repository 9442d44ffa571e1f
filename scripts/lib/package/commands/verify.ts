/** `alive-p2p verify PACKAGE …`: checks every entry against the manifest, writing nothing. */
import { resolve } from 'node:path';
import { defineCommand } from '../../cli/command.ts';
import { formatBytes } from '../../cli/progress.ts';
import { AliveError } from '../../errors.ts';
import { inlineText } from '../../text/untrusted.ts';
import { verifyPackageDetailed } from '../verify.ts';
import { DEFAULT_MAX_SIZE } from '../limits.ts';
import { signerFields, signerText } from '../signer-shown.ts';
import { counted } from '../../text/plural.ts';

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: "check a package's integrity (and signature)",
  usage: `usage: alive-p2p verify PACKAGE [--private-key PEM] [--signer-key PEM] [--max-size BYTES] [--json]

Checks every entry of a package against its manifest (names, sizes, SHA-256) without writing
anything; decrypts with WALNUT_PASSPHRASE (asked on a terminal when unset) or --private-key.
With --signer-key the package must carry a valid signature by that key. Exit 0 when it all
holds, 1 otherwise.`,
  options: { 'max-size': { type: 'string' }, 'private-key': { type: 'string' }, 'signer-key': { type: 'string' } },
  positionals: { names: ['PACKAGE'], min: 1 },
  async run(ctx) {
    const maxSize = ctx.positiveInt(ctx.values['max-size'], '--max-size') ?? DEFAULT_MAX_SIZE;
    const pkg = ctx.positionals[0]!;
    const privateKey = ctx.values['private-key'];
    const signerKey = ctx.values['signer-key'];
    const { result, read } = await verifyPackageDetailed(pkg, {
      maxSize,
      askPassphrase: true,
      onProgress: ctx.progress,
      ...(privateKey ? { privateKeyPath: privateKey } : {}),
      ...(signerKey ? { signerKeyPath: signerKey } : {}),
    });
    if (!read) {
      const { ok: _ok, code, problems, ...fields } = result;
      throw new AliveError(problems[0] ?? 'verification failed', { code: code ?? 'failed', fields: { ...fields, problems } });
    }
    // What the text shows, under the names info uses.
    if (ctx.json) return ctx.printJson({ ...result, ...signerFields(result.signer), path: resolve(pkg), envelope: read.envelope, bytes: read.bytes });
    ctx.print(
      `OK: ${pkg} (format ${inlineText(read.manifest.format_version)}, scope ${read.manifest.scope}, ${counted(read.files, 'file')}, ${formatBytes(read.bytes)})`,
    );
    const who = signerText(read.signature.signer);
    const sig = !result.signed ? 'no' : result.signature_ok ? `yes, valid, by ${who}` : `yes, by ${who} (not checked: pass --signer-key)`;
    ctx.print(`Encrypted: ${result.encrypted ? read.envelope : 'no'}   Signed: ${sig}`);
  },
});
