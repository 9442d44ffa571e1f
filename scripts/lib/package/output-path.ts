/**
 * Where `create` writes, decided and checked before the walnut is read or a passphrase asked: a
 * path that cannot take the package (a folder, a name already taken, a missing or non-folder
 * parent, a place inside the walnut) is refused with the --output to give instead.
 */
import { entryExists } from '../fs/entry-exists.ts';
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { AliveError } from '../errors.ts';
import { homeDir } from '../fs/node-fs.ts';
import { isWithin } from '../fs/within.ts';
import { shellQuote } from '../text/shell-quote.ts';
import type { Scope } from './manifest.ts';

export interface OutputChoice {
  /** Absolute path of the package to write. */
  path: string;
  /** Why the default folder was not used, for a warning. */
  note?: string;
}

export interface OutputRequest {
  walnut: string;
  scope: Scope;
  bundles: string[];
  output?: string;
  now?: Date;
  /**
   * The path is the base name of one package per recipient (`<name>-<who>.walnut`), never written
   * itself: the caller checks the names derived from it (`refuseTakenPerRecipient`), not the base.
   */
  perRecipient?: boolean;
}

/** The reference's default file name: `<walnut>-<scope>-<date>.walnut` (bundle: `bundle-<names>`). */
export function defaultPackageName(walnutName: string, scope: Scope, bundles: string[], now = new Date()): string {
  const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const label = scope === 'bundle' ? `bundle-${bundles.slice(0, 3).join('-')}` : scope;
  return `${walnutName}-${label}-${date}.walnut`;
}

/**
 * The reference's default path: ~/Desktop (if it exists, else the current folder). A folder inside
 * the walnut being packed is never chosen (the next create would pack the package as live
 * context): the package then goes beside the walnut, in its parent folder.
 */
export function defaultOutputPath(walnut: string, walnutName: string, scope: Scope, bundles: string[], now = new Date()): OutputChoice {
  const desktop = join(homeDir(), 'Desktop');
  const hasDesktop = isFolder(desktop);
  let dir = hasDesktop ? desktop : process.cwd();
  let note: string | undefined;
  const walnutReal = realOrResolved(walnut);
  if (isWithin(walnutReal, realOrResolved(dir))) {
    const parent = dirname(resolve(walnut));
    const beside = isWithin(walnutReal, realOrResolved(parent)) ? dirname(walnutReal) : parent;
    note = `${hasDesktop ? '~/Desktop' : 'the current folder'} is inside the walnut, so the package goes beside it, in ${beside} (not inside the walnut, where the next create would pack it)`;
    dir = beside;
  }
  return { path: join(dir, defaultPackageName(walnutName, scope, bundles, now)), ...(note ? { note } : {}) };
}

/**
 * Where `create` writes: `--output` or the default, refused unless it can take a new package
 * (see the module's comment). Nothing is read but the file system's entries on the way.
 */
export function chooseOutput(opts: OutputRequest): OutputChoice {
  const walnutName = basename(resolve(opts.walnut));
  if (opts.output === undefined) {
    const chosen = defaultOutputPath(opts.walnut, walnutName, opts.scope, opts.bundles, opts.now);
    if (!opts.perRecipient) refuseTaken(chosen.path, ' (the default name)');
    return chosen;
  }
  const output = resolve(opts.output);
  const parent = dirname(output);
  if (isWithin(realOrResolved(opts.walnut), join(realOrResolved(parent), basename(output)))) {
    throw new AliveError(
      `--output ${opts.output} is inside the walnut being packed (${opts.walnut}), where the next create would pack it; choose an --output outside the walnut`,
      { code: 'output_in_walnut' },
    );
  }
  const namesFolder = opts.output.endsWith('/') || opts.output.endsWith(sep);
  if (namesFolder || isFolder(output)) {
    const inside = shellQuote(join(opts.output, defaultPackageName(walnutName, opts.scope, opts.bundles, opts.now)));
    throw new AliveError(
      `--output ${opts.output} ${isFolder(output) ? 'is a folder' : 'names a folder (it ends with /)'}; give the package's file name, e.g. --output ${inside}`,
      { code: 'exists' },
    );
  }
  refuseMissingParent(parent);
  if (!opts.perRecipient) refuseTaken(output);
  return { path: output };
}

/** Refuses a path where something exists already (a dangling link too), suggesting a free name beside it. */
export function refuseTaken(path: string, which = ''): void {
  if (!entryExists(path)) return;
  throw new AliveError(
    `${path} already exists${which}; choose another --output (e.g. --output ${shellQuote(freeNameBeside(path))}) or move the old file away: create never replaces a file`,
    { code: 'exists' },
  );
}

function refuseMissingParent(parent: string): void {
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(parent);
  } catch {
    throw new AliveError(`the folder ${parent} does not exist; create it first (mkdir -p ${shellQuote(parent)}) or choose another --output`, {
      code: 'unwritable',
    });
  }
  if (!st.isDirectory()) throw new AliveError(`${parent} is not a folder; choose an --output in a folder`, { code: 'unwritable' });
}

/**
 * One package per recipient: <name>-<who>.walnut, where <who> is the key file's name, or its
 * folder's name when the file is generically named (alice/public.pem → alice). Names are unique.
 */
export function perRecipientPaths(base: string, recipientPems: string[]): string[] {
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

/**
 * Refuses a base whose per-recipient names are not all free (the base itself may exist: it is
 * never written), suggesting a base `<stem>-2.walnut`, `-3`, … whose names all are.
 */
export function refuseTakenPerRecipient(base: string, recipientPems: string[]): string[] {
  const paths = perRecipientPaths(base, recipientPems);
  const taken = paths.find(entryExists);
  if (taken === undefined) return paths;
  const stem = base.endsWith('.walnut') ? base.slice(0, -'.walnut'.length) : base;
  let free = `${stem}-new.walnut`;
  for (let i = 2; i < 1000; i++) {
    if (!perRecipientPaths(`${stem}-${i}.walnut`, recipientPems).some(entryExists)) {
      free = `${stem}-${i}.walnut`;
      break;
    }
  }
  throw new AliveError(
    `${taken} already exists; choose another --output (e.g. --output ${shellQuote(free)}) or move the old file away: create never replaces a file`,
    { code: 'exists' },
  );
}

/** `<stem>-2.walnut`, `-3`, …: the first name beside `path` that nothing holds. */
function freeNameBeside(path: string): string {
  const stem = path.endsWith('.walnut') ? path.slice(0, -'.walnut'.length) : path;
  const ext = path.endsWith('.walnut') ? '.walnut' : '';
  for (let i = 2; i < 1000; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!entryExists(candidate)) return candidate;
  }
  return `${stem}-new${ext}`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}
