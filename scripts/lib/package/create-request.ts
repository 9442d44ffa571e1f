/**
 * What `create` can refuse from its arguments alone, checked before the output is chosen, a key
 * loaded or a passphrase asked: the --walnut folder (there, a walnut, with a name a package can
 * carry), --bundle against --scope, bundle names, a one-line --description. collectWalnut and
 * planPackage call the same checks where the library is used without the command.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { isWalnut } from '../walnut/layout.ts';
import { bareValueProblem, bundleNameProblem, type Scope } from './manifest.ts';
import { bundleFolderNameProblem, walnutNameProblem } from '../receive/names.ts';
import { firstUnsafe, inlineText, visibleEscape } from '../text/untrusted.ts';

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
    throw new AliveError(`${req.walnut} is not a walnut: it has no _kernel/key.md. Point --walnut at a walnut folder`, { code: 'no_walnut' });
  }
  // The manifest's source.walnut: what the receiver names the new walnut by (receive/names.ts).
  const name = basename(resolve(req.walnut));
  const why = bareValueProblem(name) ?? walnutNameProblem(name);
  if (why) {
    throw new AliveError(`the walnut's folder name '${inlineText(name)}' ${why}, which a receiver refuses; rename the folder before sharing`, {
      code: 'unpackable_name',
    });
  }
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
