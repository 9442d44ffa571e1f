/**
 * A path argument that starts with `~` reached us unexpanded: the shell expands it only outside
 * quotes, and the skills quote every path. Taken as it is, it names a folder called `~` in the
 * current folder (create said `mkdir -p './~/Desktop'`; extract made it), which a later `rm -rf ~`
 * would take for the home folder.
 */
import { join } from 'node:path';
import { homeDir } from '../fs/node-fs.ts';
import { shellQuote } from '../text/shell-quote.ts';

/** What is wrong with `value` of `flag` when it starts with an unexpanded `~` (`~` or `~/…`), else undefined. */
export function unexpandedHomeProblem(flag: string, value: string): string | undefined {
  if (value !== '~' && !value.startsWith('~/')) return undefined;
  const written = join(homeDir(), value.slice(2));
  return `${flag} ${shellQuote(value)} starts with ~, which the shell expands only outside quotes: write the home folder out, ${flag} ${shellQuote(written)}`;
}
