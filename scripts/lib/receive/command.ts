/** `alive-p2p receive`: argument handling and output; the work is in receive.ts. */
import { parseCommandArgs, requireFlag, parsePositiveInt } from '../cli/args.ts';
import { printJson, printLine, warn } from '../cli/main.ts';
import { formatBytes, terminalProgress } from '../cli/progress.ts';
import { AliveError, UsageError } from '../errors.ts';
import { DEFAULT_MAX_SIZE } from '../package/limits.ts';
import { receiveCrypto } from './crypto.ts';
import { receivePackage, type ReceiveResult } from './receive.ts';
import { terminalText } from '../text/untrusted.ts';

export const RECEIVE_USAGE = `usage: alive-p2p receive PACKAGE --world DIR [--into WALNUT_PATH] [--as NAME] [--private-key PEM]
                         [--max-size BYTES] [--force] [--dry-run] [--json]

Verifies a .walnut package and imports it into the world at DIR:
  full      a new walnut at <domain>/<name>/: --into names the domain folder (default: the
            world's 03_Inbox/ or 03_Inputs/; 03_Inbox/ is created when neither exists), --as
            renames it. An existing walnut is never overwritten.
  bundle    its bundles go into the walnut --into names, in that walnut's layout; a bundle that
            already exists is kept and the incoming one lands as <name>-imported-<YYYYMMDD>.
  snapshot  display-only: prints what the package holds and writes nothing.
Relative --into paths are taken from the world's root. The import appears whole or not at all;
it is recorded in <world>/.alive/imports.json, and the same package is refused a second time
unless --force. --dry-run prints the plan and writes nothing. Encrypted packages: the passphrase
comes only from WALNUT_PASSPHRASE; RSA packages open with --private-key (default: the relay key
$ALIVE_HOME/relay/keys/private.pem). A signature is checked against the signer's pinned key in
$ALIVE_HOME/relay/keys/peers/ when there is one; a bad signature is refused.
Exit 0 done, 1 refused or failed, 2 usage error.`;

export async function runReceive(argv: string[]) {
  const { values, positionals } = parseCommandArgs<{
    world?: string;
    into?: string;
    as?: string;
    'private-key'?: string;
    'max-size'?: string;
    force?: boolean;
    'dry-run'?: boolean;
    json?: boolean;
  }>(
    argv,
    {
      world: { type: 'string' },
      into: { type: 'string' },
      as: { type: 'string' },
      'private-key': { type: 'string' },
      'max-size': { type: 'string' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    { usage: RECEIVE_USAGE, positionals: { min: 1, max: 1 } },
  );
  if (values.help) return printLine(RECEIVE_USAGE);
  const world = requireFlag(values.world, '--world', RECEIVE_USAGE);
  const maxBytes = parsePositiveInt(values['max-size'], '--max-size') ?? DEFAULT_MAX_SIZE;
  if (values.as !== undefined && values.as === '') throw new UsageError('--as needs a name');
  const crypto = receiveCrypto(values['private-key'], process.env);
  let result: ReceiveResult;
  try {
    result = await receivePackage({
      packagePath: positionals[0]!,
      world,
      maxBytes,
      onProgress: terminalProgress(),
      force: values.force === true,
      dryRun: values['dry-run'] === true,
      ...(values.into !== undefined ? { into: values.into } : {}),
      ...(values.as !== undefined ? { as: values.as } : {}),
      crypto,
    });
  } catch (err) {
    if (values.json && err instanceof AliveError && !(err instanceof UsageError)) printJson({ ok: false, error: { code: err.code, message: err.message } });
    throw err;
  }
  if (values.json) return printJson(result);
  printHuman(result);
}

function printHuman(r: ReceiveResult): void {
  const sig = r.signature.present ? `signed by ${r.signature.signer ?? 'unknown'}${r.signature.verified ? ' (verified)' : ' (not verified)'}` : 'unsigned';
  const from = `${r.sender ? `from ${r.sender}, ` : ''}walnut ${r.source_walnut ?? 'unnamed'}`;
  if (r.snapshot) {
    printLine(`Snapshot package (display-only; nothing was written): ${terminalText(from)}`);
    printLine(`Format ${r.format_version}, created ${terminalText(r.snapshot.created)}, ${r.files} files (${formatBytes(r.bytes)}), ${terminalText(sig)}`);
    if (r.snapshot.description) printLine(`Description: ${terminalText(r.snapshot.description)}`);
    for (const [label, shown] of [['key.md', r.snapshot.key_md], ['insights.md', r.snapshot.insights_md]] as const) {
      if (!shown) continue;
      printLine('');
      printLine(`── ${label} (package content, shown as data) ──`);
      for (const line of terminalText(shown.text).split('\n')) printLine(`  │ ${line}`);
      if (shown.truncated) printLine('  │ … (truncated)');
    }
    return;
  }
  const head = r.dry_run ? 'Dry run: nothing was written. Would receive' : 'Received';
  printLine(`${head} a ${r.scope} package (${terminalText(from)}; ${terminalText(sig)}) into ${terminalText(r.walnut ?? '')}`);
  for (const p of r.imported) printLine(`  ${r.dry_run ? 'would add' : 'added'} ${terminalText(p)}`);
  for (const c of r.conflicts) printLine(`  conflict: ${terminalText(c.existing)} already exists; the incoming bundle ${r.dry_run ? 'would land' : 'landed'} as ${terminalText(c.imported_as)}`);
  if (r.skipped.length) printLine(`  left out ${r.skipped.length} file(s): ${r.skipped.slice(0, 5).map((s) => `${terminalText(s.path)} (${s.reason})`).join(', ')}${r.skipped.length > 5 ? ', …' : ''}`);
  printLine(`  ${r.files} files, ${formatBytes(r.bytes)}; package sha256 ${r.package_sha256}`);
  if (r.resumed) printLine('  (this finished an import that an interrupted run had started)');
  for (const n of r.notes) if (!n.startsWith('dry run')) warn(terminalText(n));
}
