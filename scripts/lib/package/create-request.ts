/**
 * What `create` can refuse from its arguments alone, checked before the output is chosen, a key
 * loaded or a passphrase asked: the --walnut folder (there, a walnut, with a name a package can
 * carry and show; receiveNeedsAs tells what else of it a receiver refuses), --bundle against
 * --scope, bundle names, a one-line --description. collectWalnut and planPackage call the same
 * checks where the library is used without the command.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { isWalnut } from '../walnut/layout.ts';
import { bareValueProblem, bundleNameProblem, type Scope } from './manifest.ts';
import { bundleFolderNameProblem, walnutNameProblem } from '../receive/names.ts';
import { firstUnsafe, inlineText, visibleEscape } from '../text/untrusted.ts';
import { findUp } from '../fs/find-up.ts';
import { shellQuote } from '../text/shell-quote.ts';

export interface CreateRequest {
  walnut: string;
  scope: Scope;
  bundles: string[];
  description?: string;
}

export function checkCreateRequest(req: CreateRequest): void {
  const usage = (message: string) => new AliveError(message, { code: 'usage' });
  if (req.scope !== 'bundle' && req.bundles.length > 0) throw usage('--bundle only goes with --scope bundle');
  if (req.scope === 'bundle' && req.bundles.length === 0) throw usage('--scope bundle needs at least one --bundle NAME');
  const seen = new Set<string>();
  for (const name of req.bundles) {
    // Not a folder name at all (empty, a path, a dot name): the argument is wrong. Otherwise it may
    // well be the folder's own name, which a receiver refuses: the folder is to be renamed.
    const shape = bundleNameProblem(name);
    if (shape && (name === '' || /[/\\]/.test(name) || name.startsWith('.')))
      throw usage(`bundle name '${inlineText(name)}' ${shape}; give the bundle's folder name`);
    const why = bundleFolderNameProblem(name);
    if (why) throw bundleFolderRefused(name, why);
    if (seen.has(name)) throw usage(`bundle '${name}' is named twice`);
    seen.add(name);
  }
  checkDescription(req.description);

  let isFolder: boolean;
  try {
    isFolder = statSync(req.walnut).isDirectory();
  } catch (err) {
    throw walnutFolderProblem(req.walnut, err);
  }
  if (!isFolder) throw new AliveError(`${req.walnut} is not a folder`, { code: 'no_walnut' });
  if (!isWalnut(req.walnut)) {
    // A folder of a walnut (a bundle's, `--walnut .` from inside one): name the walnut, as --world names the world.
    const above = findUp(dirname(resolve(req.walnut)), isWalnut);
    const way = above === undefined ? '. Point --walnut at a walnut folder' : `; it is inside the walnut ${above}: pass --walnut ${shellQuote(above)}`;
    throw new AliveError(`${req.walnut} is not a walnut: it has no _kernel/key.md${way}`, { code: 'no_walnut' });
  }
  // The manifest's source.walnut, which every receiver is shown: a name the manifest carries as it
  // is and a terminal shows as it is, in every scope. What else receive refuses of a new walnut's
  // name (receive/names.ts) only a full package meets, and `--as NAME` gets past it: a warning.
  const name = walnutFolderName(req.walnut);
  const why = bareValueProblem(name) ?? (firstUnsafe(name) !== undefined ? 'contains a control character or invisible formatting character' : undefined);
  if (why) {
    throw new AliveError(
      `the walnut's folder name '${inlineText(name)}' ${why}, which a package cannot show its receivers; rename the folder before sharing; nothing was written`,
      { code: 'unpackable_name' },
    );
  }
}

function walnutFolderName(walnut: string): string {
  return basename(resolve(walnut));
}

/** A full package whose walnut name receive refuses for a new walnut: what the receiver must do. */
export interface ReceiveNeedsAs {
  walnut: string;
  reason: string;
}

/**
 * Whether a receiver of this full package must pass `--as NAME` (receive/target.ts names the new
 * walnut after source.walnut, with walnutNameProblem's rule); bundle and snapshot packages never
 * use the name as a folder name. Checked after checkCreateRequest.
 */
export function receiveNeedsAs(walnut: string, scope: Scope): ReceiveNeedsAs | undefined {
  if (scope !== 'full') return undefined;
  const name = walnutFolderName(walnut);
  const reason = walnutNameProblem(name);
  return reason === undefined ? undefined : { walnut: name, reason };
}

/** The warning create prints for receiveNeedsAs. */
export function receiveNeedsAsWarning(n: ReceiveNeedsAs): string {
  return (
    `the walnut's folder name '${inlineText(n.walnut)}' ${n.reason}: a receiver must pass --as NAME to receive this full package under another name; ` +
    'rename the folder before sharing to spare them'
  );
}

/** A bundle folder whose name a receiver refuses (receive/names.ts): the folder is to be renamed. */
export function bundleFolderRefused(name: string, why: string, where?: string): AliveError {
  return new AliveError(
    `the bundle folder name '${inlineText(name)}'${where ? ` (${inlineText(where)})` : ''} ${why}, which a receiver refuses; rename the folder before sharing`,
    { code: 'unpackable_name' },
  );
}

/**
 * The refusal of a --walnut path that cannot be opened, in words rather than an errno name: what
 * is wrong and what to do.
 */
export function walnutFolderProblem(walnut: string, err: unknown): AliveError {
  const code = errnoCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AliveError(`walnut folder ${walnut} does not exist; check the --walnut path (a walnut is a folder holding _kernel/key.md)`, {
      code: 'no_walnut',
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new AliveError(`walnut folder ${walnut} cannot be opened: permission denied; check its permissions`, { code: 'no_walnut' });
  }
  return new AliveError(`walnut folder ${walnut} cannot be opened (${code ?? 'unreadable'}); check the --walnut path`, { code: 'no_walnut' });
}

/**
 * A --description goes into the manifest on one line, and every receiver shows it: one line of
 * text a terminal shows as it is (no control, bidi or other invisible character; untrusted.ts).
 */
export function checkDescription(description: string | undefined): void {
  if (description === undefined) return;
  // U+2028 and U+2029 are line and paragraph separators: line breaks to YAML and JavaScript.
  if (/[\r\n\u2028\u2029]/.test(description)) throw new AliveError('--description must be a single line', { code: 'usage' });
  const unsafe = firstUnsafe(description);
  if (unsafe !== undefined) {
    throw new AliveError(
      `--description must be one line of visible text: it holds ${visibleEscape(unsafe)}, a control or invisible formatting character; remove it`,
      { code: 'usage' },
    );
  }
}
