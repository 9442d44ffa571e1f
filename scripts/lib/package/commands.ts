/** The package subcommands of alive-p2p: create, info, verify, extract. */
import { resolve } from 'node:path';
import { parseCommandArgs, requireFlag, parsePositiveInt } from '../cli/args.ts';
import { printJson, printLine, warn } from '../cli/main.ts';
import { formatBytes, terminalProgress } from '../cli/progress.ts';
import { AliveError, UsageError } from '../errors.ts';
import { SCOPES, type Scope } from './manifest.ts';

import { createPlainPackage, planPackage, defaultOutputPath, manifestTextFor, writePlannedFiles, type CreateOptions } from './create.ts';
import { writeEncryptedPackage, type SignerSpec } from './encrypt.ts';
import { packageCryptoFrom } from './crypto-adapter.ts';
import { signerName } from './signer.ts';
import { passphraseFromEnv } from '../crypto/passphrase.ts';
import { loadPrivateKey, loadPublicKey } from '../crypto/keys.ts';
import { signManifestText } from '../crypto/sign.ts';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { readPackageHead } from './info.ts';
import { extractPackage } from './extract.ts';
import { verifyPackageDetailed, verifySummary } from './api.ts';
import { DEFAULT_MAX_SIZE } from './limits.ts';
import { inlineText } from '../text/untrusted.ts';

/** With --json, a refusal is also one JSON object on stdout; the error line still goes to stderr. */
async function jsonErrors<T>(json: boolean | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (json && err instanceof AliveError && !(err instanceof UsageError)) {
      printJson({ ok: false, error: { code: err.code, message: err.message } });
    }
    throw err;
  }
}

const CREATE_USAGE = `usage: alive-p2p create --walnut DIR --scope full|bundle|snapshot [--bundle NAME]... [--output FILE]
                        [--description TEXT] [--encrypt passphrase | --encrypt rsa --recipient PEM...]
                        [--sign PRIVATE_PEM] [--allow-sensitive] [--json]

Packs a walnut into a .walnut package (format 2.0). Default output: ~/Desktop (or the current
folder) as <walnut>-<scope>-<date>.walnut. Existing files are never replaced.
  --encrypt passphrase   encrypt with the passphrase in WALNUT_PASSPHRASE (never on the command line)
  --encrypt rsa          encrypt to each --recipient public key: one package per recipient
  --sign PRIVATE_PEM     sign the manifest (RSA-SHA256); the signer name is your relay login`;

export async function runCreate(argv: string[]) {
  const { values } = parseCommandArgs<{
    walnut?: string;
    scope?: string;
    bundle?: string[];
    output?: string;
    description?: string;
    encrypt?: string;
    recipient?: string[];
    sign?: string;
    'allow-sensitive'?: boolean;
    json?: boolean;
  }>(
    argv,
    {
      walnut: { type: 'string' },
      scope: { type: 'string' },
      bundle: { type: 'string', multiple: true },
      output: { type: 'string' },
      description: { type: 'string' },
      encrypt: { type: 'string' },
      recipient: { type: 'string', multiple: true },
      sign: { type: 'string' },
      'allow-sensitive': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    { usage: CREATE_USAGE, positionals: { min: 0, max: 0 } },
  );
  if (values.help) return printLine(CREATE_USAGE);
  const walnut = requireFlag(values.walnut, '--walnut', CREATE_USAGE);
  const scope = requireFlag(values.scope, '--scope', CREATE_USAGE);
  if (!SCOPES.includes(scope as Scope)) throw new UsageError(`--scope must be full, bundle or snapshot, not '${scope}'\n${CREATE_USAGE}`);
  const mode = values.encrypt;
  if (mode !== undefined && mode !== 'passphrase' && mode !== 'rsa') {
    throw new UsageError(`--encrypt takes 'passphrase' or 'rsa', not '${mode}'\n${CREATE_USAGE}`);
  }
  const recipients = values.recipient ?? [];
  if (mode === 'rsa' && recipients.length === 0) throw new UsageError(`--encrypt rsa needs at least one --recipient PUBLIC_PEM`);
  if (mode !== 'rsa' && recipients.length > 0) throw new UsageError(`--recipient goes with --encrypt rsa`);

  return jsonErrors(values.json, async () => {
    // Everything that can be refused is checked before any work: keys, passphrase, output folder.
    const passphrase = mode === 'passphrase' ? passphraseFromEnv() : undefined;
    const recipientKeys = recipients.map((p) => ({ path: p, key: loadPublicKey(p) }));
    const signer: SignerSpec | undefined = values.sign ? { privateKey: loadPrivateKey(values.sign), name: signerName() } : undefined;
    if (values.output && !existsSync(dirname(resolve(values.output)))) {
      throw new AliveError(`the folder for ${values.output} does not exist; create it or choose another --output`, { code: 'unwritable' });
    }
    const opts: CreateOptions = {
      walnut,
      scope: scope as Scope,
      bundles: values.bundle ?? [],
      ...(values.output ? { output: values.output } : {}),
      ...(values.description !== undefined ? { description: values.description } : {}),
      allowSensitive: values['allow-sensitive'] === true,
      onProgress: terminalProgress(),
    };
    const results: Array<{ path: string; sha256: string; bytes: number; recipient?: string }> = [];
    let files = 0;
    let contentBytes = 0;
    let heldBack: string[] = [];
    if (!mode) {
      const r = await createPlainPackage(opts, signer ? (t) => signManifestText(t, signer.privateKey, signer.name) : undefined);
      for (const s of r.skipped) warn(`left out ${s.path}: ${s.reason}`);
      for (const h of r.heldBack) warn(`held back bundle '${h.bundle}' (${h.reason}); pass --allow-sensitive to include it`);
      results.push(r);
      files = r.files;
      contentBytes = r.contentBytes;
      heldBack = r.heldBack.map((h) => h.bundle);
    } else {
      const plan = await planPackage(opts);
      for (const s of plan.collected.skipped) warn(`left out ${s.path}: ${s.reason}`);
      for (const h of plan.collected.heldBack) warn(`held back bundle '${h.bundle}' (${h.reason}); pass --allow-sensitive to include it`);
      files = plan.files.length;
      contentBytes = plan.files.reduce((a, f) => a + f.size, 0);
      heldBack = plan.collected.heldBack.map((h) => h.bundle);
      const base = resolve(opts.output ?? defaultOutputPath(plan.walnutName, opts.scope, plan.collected.bundles));
      const outputs = recipientKeys.length > 1 ? perRecipientPaths(base, recipientKeys.map((r) => r.path)) : [base];
      const targets =
        mode === 'passphrase'
          ? [{ output: base, enc: { mode: 'passphrase' as const, passphrase: passphrase! } }]
          : recipientKeys.map((r, i) => ({
              output: outputs[i]!,
              enc: { mode: 'rsa' as const, recipient: r.key },
              recipient: r.path,
            }));
      // All or nothing: refuse before writing the first package if any name is taken.
      for (const t of targets) {
        if (existsSync(t.output)) {
          throw new AliveError(`${t.output} already exists; choose another --output or move the old file away`, { code: 'exists' });
        }
      }
      for (const t of targets) {
        const w = await writeEncryptedPackage(
          t.output,
          t.enc,
          (tar) => writePlannedFiles(tar, plan),
          (sha) => manifestTextFor(plan, opts, { encrypted: true, payloadSha256: sha }),
          signer,
        );
        results.push({ ...w, ...('recipient' in t && t.recipient ? { recipient: t.recipient } : {}) });
      }
    }
    for (const r of results) {
      if (r.bytes > 35 * 1024 * 1024) warn(`${r.path} is ${formatBytes(r.bytes)}; large packages travel slowly through a relay`);
    }
    if (values.json) {
      const one = (r: (typeof results)[number]) => ({
        path: r.path,
        sha256: r.sha256,
        scope,
        files,
        bytes: r.bytes,
        encrypted: mode ?? false,
        signed: signer !== undefined,
        held_back: heldBack,
        ...(r.recipient ? { recipient: r.recipient } : {}),
      });
      printJson(results.length === 1 ? one(results[0]!) : { ...one(results[0]!), packages: results.map(one) });
    } else {
      for (const r of results) {
        printLine(`Created: ${r.path}${r.recipient ? ` (for ${r.recipient})` : ''}`);
        printLine(`  SHA-256: ${r.sha256}`);
      }
      printLine(`Scope: ${scope}, ${files} files, ${formatBytes(contentBytes)}`);
      printLine(
        `Encrypted: ${mode === 'passphrase' ? 'yes, with the passphrase (share it by another channel)' : mode === 'rsa' ? 'yes, to the recipient\'s key' : 'no (anyone holding the file can read it)'}`,
      );
      printLine(`Signed: ${signer ? `yes, as ${signer.name}` : 'no'}`);
    }
  });
}

/**
 * One package per recipient: <name>-<who>.walnut, where <who> is the key file's name, or its
 * folder's name when the file is generically named (alice/public.pem → alice). Names are unique.
 */
function perRecipientPaths(base: string, recipientPems: string[]): string[] {
  const stem = base.endsWith('.walnut') ? base.slice(0, -'.walnut'.length) : base;
  const used = new Set<string>();
  return recipientPems.map((pem) => {
    let who = basename(pem, extname(pem));
    if (/^(public|pub|key|pubkey|public[-_]key)$/i.test(who)) who = basename(dirname(resolve(pem)));
    who = who.replace(/[^A-Za-z0-9._-]/g, '_') || 'recipient';
    let name = who;
    for (let i = 2; used.has(name); i++) name = `${who}-${i}`;
    used.add(name);
    return join(dirname(stem), `${basename(stem)}-${name}.walnut`);
  });
}

const INFO_USAGE = `usage: alive-p2p info PACKAGE [--json]

Shows a package's manifest summary. Reads nothing but the manifest; decrypts nothing.`;

export async function runInfo(argv: string[]) {
  const { values, positionals } = parseCommandArgs<{ json?: boolean }>(argv, { json: { type: 'boolean' } }, {
    usage: INFO_USAGE,
    positionals: { min: 1, max: 1 },
  });
  if (values.help) return printLine(INFO_USAGE);
  const pkg = positionals[0]!;
  return jsonErrors(values.json, async () => {
    const head = await readPackageHead(pkg);
    const m = head.manifest;
    const summary = {
      path: resolve(pkg),
      envelope: head.envelope,
      encrypted: head.envelope !== 'plain' && head.envelope !== 'v3-plain',
      format_version: m?.format_version ?? null,
      scope: m?.scope ?? null,
      walnut: m?.source.walnut ?? null,
      created: m?.created ?? null,
      description: m?.description ?? null,
      bundles: m?.bundles ?? [],
      files: m?.files.length ?? null,
      bytes: m ? m.files.reduce((a, f) => a + f.size, 0) : null,
      signed: m?.signature !== undefined,
      signer: m?.signature?.signer ?? null,
    };
    if (values.json) return printJson(summary);
    if (!m) {
      printLine(`${pkg}: a v3 package encrypted as a whole (${head.envelope}); its manifest is inside the ciphertext.`);
      printLine('Run alive-p2p verify with credentials to see its contents.');
      return;
    }
    printLine(`Package: ${summary.path}`);
    // Manifest text is the sender's: escape control characters before it reaches a terminal.
    printLine(`Format: ${inlineText(m.format_version)}   Scope: ${m.scope}   Walnut: ${inlineText(m.source.walnut ?? '?')}`);
    printLine(`Created: ${inlineText(m.created)}`);
    if (m.description) printLine(`Description: ${inlineText(m.description)}`);
    if (m.bundles?.length) printLine(`Bundles: ${m.bundles.map((b) => inlineText(b)).join(', ')}`);
    printLine(`Files: ${m.files.length} (${formatBytes(summary.bytes ?? 0)})`);
    printLine(`Encrypted: ${summary.encrypted ? head.envelope : 'no'}`);
    printLine(`Signed: ${m.signature ? `yes, by ${inlineText(m.signature.signer)} (not checked by info; use verify --signer-key)` : 'no'}`);
  });
}

const VERIFY_USAGE = `usage: alive-p2p verify PACKAGE [--private-key PEM] [--signer-key PEM] [--max-size BYTES] [--json]

Checks every entry of a package against its manifest (names, sizes, SHA-256) without writing
anything; decrypts with WALNUT_PASSPHRASE or --private-key. With --signer-key the package must
carry a valid signature by that key. Exit 0 when it all holds, 1 otherwise.`;

export async function runVerify(argv: string[]) {
  const { values, positionals } = parseCommandArgs<{ json?: boolean; 'max-size'?: string; 'private-key'?: string; 'signer-key'?: string }>(
    argv,
    { json: { type: 'boolean' }, 'max-size': { type: 'string' }, 'private-key': { type: 'string' }, 'signer-key': { type: 'string' } },
    { usage: VERIFY_USAGE, positionals: { min: 1, max: 1 } },
  );
  if (values.help) return printLine(VERIFY_USAGE);
  const maxBytes = parsePositiveInt(values['max-size'], '--max-size') ?? DEFAULT_MAX_SIZE;
  const pkg = positionals[0]!;
  const signerKey = values['signer-key'];
  const { result, read } = await verifyPackageDetailed(pkg, {
    maxSize: maxBytes,
    onProgress: terminalProgress(),
    ...(values['private-key'] ? { privateKeyPath: values['private-key'] } : {}),
    ...(signerKey ? { signerKeyPath: signerKey } : {}),
  });
  if (values.json) printJson(result);
  if (!read) throw new AliveError(result.problems[0] ?? 'verification failed', { code: result.code ?? 'failed' });
  if (!values.json) {
    printLine(`OK: ${pkg} (format ${inlineText(read.manifest.format_version)}, scope ${read.manifest.scope}, ${read.files} files, ${formatBytes(read.bytes)})`);
    const who = inlineText(read.signature.signer ?? '?');
    const sig = !result.signed ? 'no' : result.signature_ok ? `yes, valid, by ${who}` : `yes, by ${who} (not checked: pass --signer-key)`;
    printLine(`Encrypted: ${result.encrypted ? read.envelope : 'no'}   Signed: ${sig}`);
  }
}

const EXTRACT_USAGE = `usage: alive-p2p extract PACKAGE --output DIR [--private-key PEM] [--max-size BYTES] [--json]

Unpacks a package into a new folder (DIR must not exist, or be empty). Everything is checked
before DIR appears; on any problem nothing is written.`;

export async function runExtract(argv: string[]) {
  const { values, positionals } = parseCommandArgs<{ output?: string; json?: boolean; 'max-size'?: string; 'private-key'?: string }>(
    argv,
    { output: { type: 'string' }, json: { type: 'boolean' }, 'max-size': { type: 'string' }, 'private-key': { type: 'string' } },
    { usage: EXTRACT_USAGE, positionals: { min: 1, max: 1 } },
  );
  if (values.help) return printLine(EXTRACT_USAGE);
  const output = requireFlag(values.output, '--output', EXTRACT_USAGE);
  const maxBytes = parsePositiveInt(values['max-size'], '--max-size') ?? DEFAULT_MAX_SIZE;
  const pkg = positionals[0]!;
  return jsonErrors(values.json, async () => {
    const crypto = packageCryptoFrom(values['private-key'] ? { privateKeyPath: values['private-key'] } : {});
    const r = await extractPackage(pkg, output, { maxBytes, crypto, onProgress: terminalProgress() });
    if (values.json) {
      printJson({ ...verifySummary(r, false), output: r.output, bytes: r.bytes });
    } else {
      printLine(`Extracted to: ${r.output}`);
      printLine(`Format: ${inlineText(r.manifest.format_version)}   Scope: ${r.manifest.scope}   Walnut: ${inlineText(r.manifest.source.walnut ?? '?')}`);
      printLine(`Files: ${r.files} (${formatBytes(r.bytes)}), all checksums match`);
    }
  });
}
