/** `alive-p2p create …`: packs a walnut into a .walnut package (plain, passphrase or RSA). */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { defineCommand } from '../../cli/command.ts';
import { reportIfInterrupted } from '../../cli/interrupted.ts';
import { formatBytes } from '../../cli/progress.ts';
import { AliveError } from '../../errors.ts';
import { fingerprint, formatFingerprint, loadPublicKey } from '../../crypto/keys.ts';
import { obtainPassphrase, shortPassphraseWarning } from '../../crypto/passphrase.ts';
import { signManifestText } from '../../crypto/sign.ts';
import type { HeldBackBundle, Skipped } from '../collect.ts';
import {
  chooseOutput,
  manifestTextFor,
  packedSummary,
  planPackage,
  writePlainPackage,
  writePlannedFiles,
  type CreateOptions,
  type PackedSummary,
} from '../create.ts';
import { writeEncryptedPackage, type EncryptionSpec } from '../encrypt.ts';
import { writeAllOrNone } from '../all-or-none.ts';
import { SCOPES, utcStamp, type Scope } from '../manifest.ts';
import { refuseTakenPerRecipient } from '../output-path.ts';
import { unexpandedHomeProblem } from '../../cli/unexpanded-home.ts';
import { removeStaleTempFiles } from '../stale-temp-files.ts';
import type { Envelope } from '../read-package.ts';
import { relayLogin, signerFlagProblem } from '../signer.ts';
import { loadSigningKey } from '../signing-key.ts';
import { checkKeyFileArg } from '../key-args.ts';
import { checkCreateRequest, receiveNeedsAs, receiveNeedsAsWarning } from '../create-request.ts';
import { serializeManifestV3, v3Layout, writeV3Package, type V3Encryption } from '../v3-write.ts';
import { inlineText } from '../../text/untrusted.ts';
import { MAX_RECIPIENTS } from '../../crypto/rsa.ts';
import { agentFilesWarning } from '../../walnut/agent-files.ts';
import { counted, noun } from '../../text/plural.ts';
import type { OverReceiverLimit } from '../receiver-limit.ts';
import { closestName } from '../../text/closest.ts';
import { shellQuote } from '../../text/shell-quote.ts';

const USAGE = `usage: alive-p2p create --walnut DIR --scope full|bundle|snapshot [--bundle NAME]... [--output FILE]
                        [--description TEXT] [--encrypt passphrase | --encrypt rsa --recipient PEM...]
                        [--sign PRIVATE_PEM [--signer NAME]] [--format 2.0|2.1]
                        [--allow-sensitive-bundle NAME]... [--allow-sensitive] [--allow-private-keys]
                        [--dry-run] [--json]

Packs a walnut into a .walnut package. Default output: ~/Desktop (or the current folder) as
<walnut>-<scope>-<date>.walnut; beside the walnut when that folder is inside it. An --output
inside the walnut is refused. Existing files are never replaced.
  --format 2.0           (default) the reference's format; plain packages also open in the v3 plugin
  --format 2.1           the v3 plugin's format: bundles at the package root, a README.md primer,
                         its passphrase and RSA envelopes (all recipients in one package)
  --encrypt passphrase   encrypt with the passphrase in WALNUT_PASSPHRASE (never on the command
                         line); on a terminal with it unset, asks twice without echo
  --encrypt rsa          encrypt to each --recipient public key: one package per recipient
                         (format 2.0), or one package for all of them (format 2.1)
  --sign PRIVATE_PEM     sign the manifest (RSA-SHA256) as your relay login, with your relay key
                         (~/.alive/relay/keys/private.pem: peers check with the key they pinned);
                         the output names the signing key by its fingerprint
  --signer NAME          the name to sign as when no relay is set up (a login: letters, digits,
                         '-', '_', '.')
  --allow-sensitive-bundle NAME
                         pack this bundle although it is marked sensitivity: restricted or pii: true
                         (the others stay held back); once per bundle the owner said yes to
  --allow-sensitive      pack every bundle marked sensitive (held back otherwise)
  --allow-private-keys   pack files that look like private keys (a PEM or OpenSSH private key
                         block, id_rsa, id_ed25519, ...) and .ssh/ folders (left out otherwise)
  --dry-run              read the walnut and say what the package would hold, leave out, hold back
                         and warn of (--json: the same fields, path and sha256 null); nothing is
                         written and no passphrase is asked`;

/**
 * The package is written (a receiver on macOS or Linux takes it), but one on Windows refuses it:
 * the sender hears so now, with the first names and what to do.
 */
function notForWindowsWarning(files: readonly Skipped[]): string {
  const shown = files.slice(0, 3).map((f) => `'${inlineText(f.path)}' (${f.reason})`);
  const more = files.length > shown.length ? `, and ${counted(files.length - shown.length, 'more')}` : '';
  return (
    `${counted(files.length, 'file name')} cannot be received on Windows: ${shown.join('; ')}${more}. ` +
    'A receiver on Windows refuses this package; if you share with one, rename them or add them to .walnutignore'
  );
}

/** A bundle held back as sensitive, and how the owner's yes packs it. */
function heldBackWarning(h: HeldBackBundle): string {
  return `held back bundle '${inlineText(h.bundle)}' (${h.reason}); with the owner's yes, pass --allow-sensitive-bundle ${inlineText(shellQuote(h.bundle))} to include it`;
}

/** The warning for a package a receiver refuses by default, for its size (receiver-limit.ts). */
export function receiverLimitWarning(over: OverReceiverLimit): string {
  const shown = over.largest.map((f) => `${inlineText(f.path)} ${formatBytes(f.bytes)}`);
  const rest = over.files - over.largest.length;
  return (
    `the package holds ${formatBytes(over.bytes)} of content, past the ${formatBytes(over.limit)} that verify, extract, receive and relay pull take by default ` +
    `(largest: ${shown.join(', ')}${rest > 0 ? `, and ${counted(rest, 'more file')}` : ''}): a receiver refuses it unless they pass ` +
    `--max-size ${over.max_size} (${formatBytes(over.max_size)}) or more; to send less, leave large files out with .walnutignore`
  );
}

export const createCommand = defineCommand({
  name: 'create',
  summary: 'pack a walnut into a .walnut package',
  usage: USAGE,
  options: {
    walnut: { type: 'string' },
    scope: { type: 'string' },
    bundle: { type: 'string', multiple: true },
    output: { type: 'string' },
    description: { type: 'string' },
    encrypt: { type: 'string' },
    recipient: { type: 'string', multiple: true },
    sign: { type: 'string' },
    signer: { type: 'string' },
    format: { type: 'string' },
    'allow-sensitive': { type: 'boolean' },
    'allow-sensitive-bundle': { type: 'string', multiple: true },
    'allow-private-keys': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run(ctx) {
    const { values } = ctx;
    const walnut = ctx.required(values.walnut, '--walnut');
    const scopeRaw = ctx.required(values.scope, '--scope');
    if (!SCOPES.includes(scopeRaw as Scope)) {
      const meant = closestName(scopeRaw, SCOPES);
      ctx.usageError(`--scope must be full, bundle or snapshot, not '${scopeRaw}'${meant ? `; did you mean '--scope ${meant}'?` : ''}`);
    }
    const scope = scopeRaw as Scope;
    const mode = values.encrypt;
    if (mode !== undefined && mode !== 'passphrase' && mode !== 'rsa') ctx.usageError(`--encrypt takes 'passphrase' or 'rsa', not '${mode}'`);
    const recipients = values.recipient ?? [];
    if (mode === 'rsa' && recipients.length === 0) ctx.usageError('--encrypt rsa needs at least one --recipient PUBLIC_PEM');
    if (mode !== 'rsa' && recipients.length > 0) ctx.usageError('--recipient goes with --encrypt rsa');
    if (values.sign === '') ctx.usageError('--sign needs the path of your private key (your relay key is ~/.alive/relay/keys/private.pem)');
    if (values.signer !== undefined && values.sign === undefined) ctx.usageError('--signer goes with --sign PRIVATE_PEM');
    const signerProblem = values.signer === undefined ? undefined : signerFlagProblem(values.signer);
    if (signerProblem) ctx.usageError(signerProblem);
    const format = values.format ?? '2.0';
    if (format !== '2.0' && format !== '2.1') ctx.usageError(`--format takes 2.0 or 2.1, not '${format}'`);
    // Readers open an envelope of at most MAX_RECIPIENTS (crypto/rsa-envelope.ts): none is written larger.
    if (format === '2.1' && recipients.length > MAX_RECIPIENTS) ctx.usageError(`--format 2.1 takes at most ${MAX_RECIPIENTS} --recipient keys`);

    if (values.output === '') ctx.usageError('--output needs a file name (leave it out for the default name)');
    const tilde = values.output === undefined ? undefined : unexpandedHomeProblem('--output', values.output);
    if (tilde) ctx.usageError(tilde);
    if (values.output === '-') {
      const example = shellQuote(`${basename(resolve(walnut))}.walnut`);
      ctx.usageError(
        `--output - would be a file named '-': create writes the package to a file, not to standard output; give a file name (e.g. --output ${example})`,
      );
    }
    try {
      checkCreateRequest({ walnut, scope, bundles: values.bundle ?? [], ...(values.description !== undefined ? { description: values.description } : {}) });
    } catch (err) {
      // A wrong command line: with the usage lines, as every other usage error.
      if (err instanceof AliveError && err.code === 'usage') ctx.usageError(err.message);
      throw err;
    }
    const needsAs = receiveNeedsAs(walnut, scope);

    // Everything that can be refused is checked before any work, the walnut read or a passphrase
    // asked: output (never a folder, a taken name, or inside the walnut), keys, signer.
    // One package per recipient (format 2.0): the --output (or default) name is only their base.
    const perRecipient = format === '2.0' && recipients.length > 1;
    const chosen = chooseOutput({
      walnut,
      scope,
      bundles: values.bundle ?? [],
      perRecipient,
      ...(values.output !== undefined ? { output: values.output } : {}),
    });
    const outputs = perRecipient ? refuseTakenPerRecipient(chosen.path, recipients) : [chosen.path];
    const recipientKeys = recipients.map((p) => {
      checkKeyFileArg(p, '--recipient');
      return { path: p, key: loadPublicKey(p) };
    });
    // One person's key given twice (the same path, a copy, a link to it) would make them two packages.
    const firstPathOf = new Map<string, string>();
    for (const r of recipientKeys) {
      const fp = fingerprint(r.key);
      const first = firstPathOf.get(fp);
      if (first !== undefined) {
        ctx.usageError(`--recipient ${r.path} is the same key as --recipient ${first} (${formatFingerprint(fp)}); give each person's key once`);
      }
      firstPathOf.set(fp, r.path);
    }
    const signer = values.sign !== undefined ? loadSigningKey(values.sign, values.signer) : undefined;
    const dryRun = values['dry-run'] === true;
    const passphrase = mode === 'passphrase' && !dryRun ? await obtainPassphrase({ confirm: true }) : undefined;
    const short = passphrase === undefined ? undefined : shortPassphraseWarning(passphrase);
    if (short) ctx.warn(short);
    if (chosen.note) ctx.warn(chosen.note);
    const opts: CreateOptions = {
      walnut,
      scope,
      bundles: values.bundle ?? [],
      output: chosen.path,
      ...(values.description !== undefined ? { description: values.description } : {}),
      allowSensitive: values['allow-sensitive'] === true,
      ...(values['allow-sensitive-bundle'] ? { allowSensitiveBundles: values['allow-sensitive-bundle'] } : {}),
      allowPrivateKeys: values['allow-private-keys'] === true,
      onProgress: ctx.progress,
    };
    // What a create killed outright left beside its output (every package of a run goes to one folder).
    if (!dryRun) removeStaleTempFiles(dirname(resolve(chosen.path)));
    const results: Array<{ path: string; sha256: string; bytes: number; recipient?: string }> = [];
    let summary: PackedSummary;
    // Ctrl-C (or SIGTERM, SIGHUP) from here until the packages are written: what was written aside
    // is removed by the cleanups registered after this one, which run first; then this says so.
    const stopReporting = reportIfInterrupted(ctx, 'create interrupted: nothing was written');
    try {
      const planned: CreateOptions = { ...opts, now: new Date() };
      const plan = await planPackage(planned);
      for (const s of plan.collected.skipped) ctx.warn(`left out ${s.path}: ${s.reason}`);
      for (const h of plan.collected.heldBack) ctx.warn(heldBackWarning(h));
      const now = planned.now!;
      const layout = format === '2.1' ? v3Layout(plan, scope, now) : undefined;
      const skipped = [...plan.collected.skipped];
      if (layout?.replacedReadme) {
        const why = "in format 2.1 the package root README.md is the generated primer (use --format 2.0 to carry the walnut's own)";
        ctx.warn(`left out README.md: ${why}`);
        skipped.push({ path: 'README.md', reason: why });
      }
      if (dryRun) summary = layout ? packedSummary(plan, opts.walnut, layout.listing, skipped) : packedSummary(plan, opts.walnut);
      else if (layout) {
        let manifest = serializeManifestV3({
          walnut: plan.walnutName,
          scope,
          created: utcStamp(now),
          sender: signer?.name ?? relayLogin() ?? 'unknown',
          sessionId: process.env.ALIVE_SESSION_ID || 'manual',
          ...(opts.description !== undefined ? { description: opts.description } : {}),
          bundles: plan.collected.bundles,
          files: layout.listing,
          // Named before signing, so the signature says to whom the package was sealed (recipients.ts).
          ...(mode === 'rsa' ? { recipients: recipientKeys.map((r) => fingerprint(r.key)) } : {}),
        });
        if (signer) manifest = signManifestText(manifest, signer.privateKey, signer.name);
        const output = chosen.path;
        if (existsSync(output)) throw new AliveError(`${output} already exists; choose another --output or move the old file away`, { code: 'exists' });
        const enc: V3Encryption =
          mode === 'passphrase' ? { mode, passphrase: passphrase! } : mode === 'rsa' ? { mode, recipients: recipientKeys.map((r) => r.key) } : { mode: 'none' };
        results.push(await writeV3Package(output, layout, manifest, enc, now));
        summary = packedSummary(plan, opts.walnut, layout.listing, skipped);
      } else if (!mode) {
        results.push(
          await writePlainPackage(chosen.path, plan, planned, signer ? (t: string) => signManifestText(t, signer.privateKey, signer.name) : undefined),
        );
        summary = packedSummary(plan, opts.walnut);
      } else {
        const targets: Array<{ output: string; enc: EncryptionSpec; recipient?: string; fingerprint?: string }> =
          mode === 'passphrase'
            ? [{ output: chosen.path, enc: { mode: 'passphrase' as const, passphrase: passphrase! } }]
            : recipientKeys.map((r, i) => ({
                output: outputs[i]!,
                enc: { mode: 'rsa' as const, recipient: r.key },
                recipient: r.path,
                fingerprint: fingerprint(r.key),
              }));
        // All or nothing: refuse before writing the first package if any name is taken.
        for (const t of targets) {
          if (existsSync(t.output)) {
            throw new AliveError(`${t.output} already exists; choose another --output or move the old file away`, { code: 'exists' });
          }
        }
        // And a failure (or Ctrl-C) after the first package removes those already finished.
        const written = await writeAllOrNone(targets, async (t) => {
          const w = await writeEncryptedPackage(
            t.output,
            t.enc,
            (tar) => writePlannedFiles(tar, plan, ctx.progress),
            // An RSA package names its recipient's key before it is signed (recipients.ts).
            (sha) => manifestTextFor(plan, planned, { encrypted: true, payloadSha256: sha, ...(t.fingerprint ? { recipients: [t.fingerprint] } : {}) }),
            signer,
          );
          return { ...w, ...(t.recipient ? { recipient: t.recipient } : {}) };
        });
        results.push(...written);
        summary = packedSummary(plan, opts.walnut);
      }
    } finally {
      stopReporting();
    }
    const { files, contentBytes, sensitiveIncluded, privateKeys, notForWindows, agentFiles, skipped } = summary;
    const overLimit = summary.overReceiverLimit;
    const heldBack = summary.heldBack.map((h) => h.bundle);
    if (sensitiveIncluded.length > 0) {
      const named = sensitiveIncluded.map((s) => `'${inlineText(s.bundle)}' (${s.reason})`).join(', ');
      ctx.warn(
        `packed ${counted(sensitiveIncluded.length, 'bundle')} marked sensitive: ${named}; anyone who opens the package can read ${sensitiveIncluded.length > 1 ? 'them' : 'it'}`,
      );
    }
    if (privateKeys.length > 0) {
      ctx.warn(
        `packed ${counted(privateKeys.length, 'file')} that ${noun(privateKeys.length, 'looks', 'look')} like private keys (--allow-private-keys): ${privateKeys.join(', ')}; anyone who opens the package can use them`,
      );
    }
    if (notForWindows.length > 0) ctx.warn(notForWindowsWarning(notForWindows));
    if (needsAs) ctx.warn(receiveNeedsAsWarning(needsAs));
    const agentWarning = agentFilesWarning(agentFiles);
    if (agentWarning) ctx.warn(inlineText(agentWarning, 2000));
    if (overLimit) ctx.warn(receiverLimitWarning(overLimit));
    for (const r of results) {
      if (r.bytes > 35 * 1024 * 1024) ctx.warn(`${r.path} is ${formatBytes(r.bytes)}; large packages travel slowly through a relay`);
    }
    // Named and valued as info and verify report the package.
    const kind = mode === 'passphrase' || mode === 'rsa' ? mode : 'plain';
    const envelope: Envelope = format === '2.1' ? `v3-${kind}` : kind;
    if (ctx.json) {
      // A dry run writes no package: its path, hash and size are null.
      const one = (r: (typeof results)[number] | undefined) => ({
        ...(r === undefined ? { dry_run: true } : {}),
        path: r?.path ?? null,
        sha256: r?.sha256 ?? null,
        scope,
        files,
        // As info, verify and receive name them: bytes is the content, package_bytes the file.
        bytes: contentBytes,
        package_bytes: r?.bytes ?? null,
        encrypted: mode !== undefined,
        envelope,
        signed: signer !== undefined,
        ...(signer ? { signer: signer.name, signer_fingerprint: signer.fingerprint } : {}),
        held_back: heldBack,
        sensitive_included: sensitiveIncluded.map((s) => s.bundle),
        ...(overLimit ? { over_receiver_limit: overLimit } : {}),
        ...(needsAs ? { receive_needs_as: needsAs } : {}),
        ...(r?.recipient ? { recipient: r.recipient } : {}),
      });
      // What the warnings said, once for all the packages: names from the walnut, as data (printJson
      // escapes what a terminal would act on).
      const lists = { skipped, agent_files: agentFiles, private_keys: privateKeys, not_for_windows: notForWindows };
      ctx.printJson({ ok: true, ...(results.length <= 1 ? one(results[0]) : { ...one(results[0]), packages: results.map(one) }), ...lists });
      return;
    }
    if (dryRun) ctx.print(`Dry run: nothing written (the package would be ${inlineText(chosen.path, 4000)}); the warnings above are what create would say`);
    for (const r of results) {
      // Paths hold the walnut's name and folders the user did not necessarily name: escaped.
      ctx.print(
        `Created: ${inlineText(r.path, 4000)}${r.recipient ? ` (for ${inlineText(r.recipient, 4000)})` : ''}${format === '2.1' ? ' (format 2.1)' : ''}`,
      );
      ctx.print(`  SHA-256: ${r.sha256}`);
    }
    ctx.print(`Scope: ${scope}, ${counted(files, 'file')}, ${formatBytes(contentBytes)}`);
    // Format 2.0 seals the files, not the manifest beside them (a short file is guessed from its hash).
    const manifestReadable =
      mode !== undefined && format !== '2.1'
        ? "; its manifest stays readable: the walnut's name, each file's path, size and SHA-256 (--format 2.1 hides them)"
        : '';
    ctx.print(
      `Encrypted: ${mode === 'passphrase' ? 'yes, with the passphrase (share it by another channel)' : mode === 'rsa' ? (format === '2.1' && recipients.length > 1 ? `yes, to ${recipients.length} recipients' keys` : "yes, to the recipient's key") : 'no (anyone holding the file can read it)'}${manifestReadable}`,
    );
    ctx.print(`Signed: ${signer ? `yes, as ${signer.name}, with the key ${signer.fingerprint}` : 'no'}`);
  },
});
