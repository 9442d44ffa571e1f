/**
 * A path argument that starts with `~` reached us unexpanded: the shell expands it only outside
 * quotes, and the skills quote every path. Taken as it is, it names a folder called `~` in the
 * current folder (create said `mkdir -p './~/Desktop'`; extract made it), which a later `rm -rf ~`
 * would take for the home folder.
 */
import { join } from 'node:path';
import { homeDir } from '../fs/node-fs.ts';
import { shellQuote } from '../text/shell-quote.ts';

/**
 * What is wrong with `value` of `flag` when it starts with an unexpanded `~` (`~`, `~/…`, or a
 * user's `~NAME/…`), else undefined. The home folder written out is this user's; another's is theirs to write.
 */
export function unexpandedHomeProblem(flag: string, value: string): string | undefined {
  const m = /^~([^/]*)(?:\/|$)/.exec(value);
  if (!m) return undefined;
  const said = `${flag} ${shellQuote(value)} starts with ~, which the shell expands only outside quotes`;
  if (m[1] !== '') return `${said}: write that user's home folder out`;
  return `${said}: write the home folder out, ${flag} ${shellQuote(join(homeDir(), value.slice(2)))}`;
}
