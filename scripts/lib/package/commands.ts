/** The package subcommands of alive-p2p: create, info, verify, extract. */
import { resolve } from 'node:path';
import { parseCommandArgs, requireFlag, parsePositiveInt } from '../cli/args.ts';
import { printJson, printLine, warn } from '../cli/main.ts';
import { formatBytes } from '../cli/progress.ts';
import { AliveError, UsageError } from '../errors.ts';
import { SCOPES, type Scope } from './manifest.ts';
import { createPlainPackage } from './create.ts';
import { readPackageHead } from './info.ts';
import { readPackage, type ReadResult } from './read-package.ts';
import { hashOnlySink } from './sinks.ts';
import { extractPackage } from './extract.ts';
import { DEFAULT_MAX_SIZE } from './limits.ts';


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
                        [--description TEXT] [--allow-sensitive] [--json]

Packs a walnut into a .walnut package (format 2.0). Default output: ~/Desktop (or the current
folder) as <walnut>-<scope>-<date>.walnut. Existing files are never replaced.`;

export async function runCreate(argv: string[]) {
  const { values } = parseCommandArgs<{
    walnut?: string;
    scope?: string;
    bundle?: string[];
    output?: string;
    description?: string;
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
      'allow-sensitive': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    { usage: CREATE_USAGE, positionals: { min: 0, max: 0 } },
  );
  if (values.help) return printLine(CREATE_USAGE);
  const walnut = requireFlag(values.walnut, '--walnut', CREATE_USAGE);
  const scope = requireFlag(values.scope, '--scope', CREATE_USAGE);
  if (!SCOPES.includes(scope as Scope)) throw new UsageError(`--scope must be full, bundle or snapshot, not '${scope}'\n${CREATE_USAGE}`);
  return jsonErrors(values.json, async () => {
    const r = await createPlainPackage({
      walnut,
      scope: scope as Scope,
      bundles: values.bundle ?? [],
      ...(values.output ? { output: values.output } : {}),
      ...(values.description !== undefined ? { description: values.description } : {}),
      allowSensitive: values['allow-sensitive'] === true,
    });
    for (const s of r.skipped) warn(`left out ${s.path}: ${s.reason}`);
    for (const h of r.heldBack) warn(`held back bundle '${h.bundle}' (${h.reason}); pass --allow-sensitive to include it`);
    if (r.bytes > 35 * 1024 * 1024) warn(`the package is ${formatBytes(r.bytes)}; GitHub relays take large files slowly and may refuse them`);
    if (values.json) {
      printJson({
        path: r.path,
        sha256: r.sha256,
        scope: r.scope,
        files: r.files,
        bytes: r.bytes,
        encrypted: false,
        signed: false,
        held_back: r.heldBack.map((h) => h.bundle),
      });
    } else {
      printLine(`Created: ${r.path}`);
      printLine(`Scope: ${r.scope}, ${r.files} files, ${formatBytes(r.contentBytes)} packed into ${formatBytes(r.bytes)}`);
      printLine(`SHA-256: ${r.sha256}`);
      printLine('Encrypted: no (anyone holding the file can read it)');
    }
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
    printLine(`Format: ${m.format_version}   Scope: ${m.scope}   Walnut: ${m.source.walnut ?? '?'}`);
    printLine(`Created: ${m.created}`);
    if (m.description) printLine(`Description: ${m.description}`);
    if (m.bundles?.length) printLine(`Bundles: ${m.bundles.join(', ')}`);
    printLine(`Files: ${m.files.length} (${formatBytes(summary.bytes ?? 0)})`);
    printLine(`Encrypted: ${summary.encrypted ? head.envelope : 'no'}`);
    printLine(`Signed: ${m.signature ? `yes, by ${m.signature.signer} (not checked by info; use verify --signer-key)` : 'no'}`);
  });
}

const VERIFY_USAGE = `usage: alive-p2p verify PACKAGE [--max-size BYTES] [--json]

Checks every entry of a package against its manifest (names, sizes, SHA-256) without writing
anything. Exit 0 when it all holds, 1 otherwise.`;

export async function runVerify(argv: string[]) {
  const { values, positionals } = parseCommandArgs<{ json?: boolean; 'max-size'?: string }>(
    argv,
    { json: { type: 'boolean' }, 'max-size': { type: 'string' } },
    { usage: VERIFY_USAGE, positionals: { min: 1, max: 1 } },
  );
  if (values.help) return printLine(VERIFY_USAGE);
  const maxBytes = parsePositiveInt(values['max-size'], '--max-size') ?? DEFAULT_MAX_SIZE;
  const pkg = positionals[0]!;
  let r: ReadResult;
  try {
    r = await readPackage(pkg, hashOnlySink, { maxBytes });
  } catch (err) {
    if (values.json && err instanceof AliveError) {
      printJson({ ok: false, format_version: null, scope: null, files: null, encrypted: null, signed: null, signature_ok: null, problems: [err.message], code: err.code });
    }
    throw err;
  }
  const out = verifySummary(r);
  if (values.json) printJson(out);
  else {
    printLine(`OK: ${pkg} (format ${r.manifest.format_version}, scope ${r.manifest.scope}, ${r.files} files, ${formatBytes(r.bytes)})`);
    printLine(`Encrypted: ${out.encrypted ? r.envelope : 'no'}   Signed: ${out.signed ? `yes (${r.signature.signer ?? 'unknown signer'})` : 'no'}`);
  }
}

export function verifySummary(r: ReadResult) {
  return {
    ok: true,
    format_version: r.manifest.format_version,
    scope: r.manifest.scope,
    files: r.files,
    encrypted: r.envelope !== 'plain' && r.envelope !== 'v3-plain',
    signed: r.signature.present,
    signature_ok: r.signature.present ? (r.signature.ok ? true : null) : null,
    problems: [] as string[],
  };
}

const EXTRACT_USAGE = `usage: alive-p2p extract PACKAGE --output DIR [--max-size BYTES] [--json]

Unpacks a package into a new folder (DIR must not exist, or be empty). Everything is checked
before DIR appears; on any problem nothing is written.`;

export async function runExtract(argv: string[]) {
  const { values, positionals } = parseCommandArgs<{ output?: string; json?: boolean; 'max-size'?: string }>(
    argv,
    { output: { type: 'string' }, json: { type: 'boolean' }, 'max-size': { type: 'string' } },
    { usage: EXTRACT_USAGE, positionals: { min: 1, max: 1 } },
  );
  if (values.help) return printLine(EXTRACT_USAGE);
  const output = requireFlag(values.output, '--output', EXTRACT_USAGE);
  const maxBytes = parsePositiveInt(values['max-size'], '--max-size') ?? DEFAULT_MAX_SIZE;
  const pkg = positionals[0]!;
  return jsonErrors(values.json, async () => {
    const r = await extractPackage(pkg, output, { maxBytes });
    if (values.json) {
      printJson({ ...verifySummary(r), output: r.output, bytes: r.bytes });
    } else {
      printLine(`Extracted to: ${r.output}`);
      printLine(`Format: ${r.manifest.format_version}   Scope: ${r.manifest.scope}   Walnut: ${r.manifest.source.walnut ?? '?'}`);
      printLine(`Files: ${r.files} (${formatBytes(r.bytes)}), all checksums match`);
    }
  });
}
