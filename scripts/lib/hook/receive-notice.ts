/**
 * The SessionStart notice of imports into the world that a receive began writing and did not
 * finish (killed or crashed after its commit point, receive/journal.ts): their bundles may be in
 * the world without the log entry and imports.json record that the next receive adds before
 * anything else. Counted, never named: the staging folders are files of the world, which whoever
 * can write it can plant. At most LOOKED_AT entries of `.alive/receiving/` are read.
 */
import { fs } from '../fs/node-fs.ts';
import { join } from 'node:path';
import { isDirectory } from '../fs/find-up.ts';
import { findWorldRoot } from '../world/root.ts';
import { counted, noun } from '../text/plural.ts';
import type { NoticeContext } from './notices.ts';

const LOOKED_AT = 64;

/** The notice for `world`, or undefined when nothing is left unfinished there. */
export function unfinishedImportsNotice(world: string): string | undefined {
  const receiving = join(world, '.alive', 'receiving');
  let n = 0;
  let dir: ReturnType<typeof fs.opendirSync> | undefined;
  try {
    dir = fs.opendirSync(receiving);
    for (let i = 0, e = dir.readSync(); e !== null && i < LOOKED_AT; i++, e = dir.readSync()) {
      if (e.isDirectory() && fs.existsSync(join(receiving, e.name, 'journal.json'))) n++;
    }
  } catch {
    return undefined;
  } finally {
    dir?.closeSync();
  }
  if (n === 0) return undefined;
  return (
    `${counted(n, 'import')} into this world ${noun(n, 'was', 'were')} left unfinished in .alive/receiving/ (a receive stopped after it began writing into the world, or one running now): ` +
    `${noun(n, 'its', 'their')} bundles may be in the world without their log entry and imports.json record. The next 'alive-p2p receive' into this world finishes ${noun(n, 'it', 'them')} first.`
  );
}

/** Silent (one walk up, a stat) unless the hook's folder is in a world with `.alive/receiving/`. */
export async function receiveNotice(ctx: NoticeContext): Promise<string | undefined> {
  const here = findWorldRoot(process.cwd(), ctx.env);
  if (here === undefined || !isDirectory(join(here, '.alive', 'receiving'))) return undefined;
  const world = findWorldRoot(await ctx.sessionCwd(), ctx.env);
  return world === undefined ? undefined : unfinishedImportsNotice(world);
}
