/**
 * A remote's settings written into a repository's config file the way `git config` writes it:
 * under git's own lock (`config.lock`, created exclusively, renamed over `config`). One write
 * instead of a `git config` process per setting.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';

/** Keys of `[remote "<name>"]` (url, fetch, ...) and their values. */
export type RemoteSettings = Record<string, string>;

/** A value as git's config syntax reads it back exactly (quoted; `"` and `\` escaped). */
function configValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new AliveError('a git config value cannot hold a control character', { code: 'bad_url' });
  }
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Adds `[remote "<remote>"]` with `settings` to the config of the repository at `gitDir`. False,
 * with nothing written, when the section is there already or git's lock is held (another process
 * is changing the file): the caller then asks git.
 */
export function addRemoteSection(gitDir: string, remote: string, settings: RemoteSettings): boolean {
  const header = `[remote ${configValue(remote)}]`;
  const body = Object.entries(settings)
    .map(([key, value]) => `\t${key} = ${configValue(value)}\n`)
    .join('');
  const config = join(gitDir, 'config');
  const lock = `${config}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, 'wx', 0o644);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    const current = readFileSync(config, 'utf8');
    if (current.includes(header)) {
      closeSync(fd);
      rmSync(lock, { force: true });
      return false;
    }
    writeFileSync(fd, `${current}${current === '' || current.endsWith('\n') ? '' : '\n'}${header}\n${body}`);
    closeSync(fd);
    renameSync(lock, config);
    return true;
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    rmSync(lock, { force: true });
    throw err;
  }
}
