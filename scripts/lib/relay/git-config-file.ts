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

/**
 * The URL of `[remote "<remote>"]` in the repository's own config file, read here as `git config
 * --get remote.<remote>.url` reads it there, for a file as alive and git write it: the last URL of
 * that section, or null when no section of that remote is in the file. Undefined, for the caller to
 * ask git, when the file holds anything this reader does not follow: an include, a section without
 * a URL, a value continued on the next line or written with escapes other than `\"` and `\\`.
 */
export function remoteUrlInFile(gitDir: string, remote: string): string | null | undefined {
  let text: string;
  try {
    text = readFileSync(join(gitDir, 'config'), 'utf8');
  } catch {
    return undefined;
  }
  let inRemote = false;
  let seen = false;
  let url: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const m = /^\[([A-Za-z0-9-]+)(?:\s+"((?:[^"\\\n]|\\["\\])*)")?\]\s*(?:[#;].*)?$/.exec(line);
      if (!m) return undefined;
      const section = m[1]!.toLowerCase();
      if (section === 'include' || section === 'includeif') return undefined;
      inRemote = section === 'remote' && m[2] !== undefined && m[2].replace(/\\(.)/g, '$1') === remote;
      seen ||= inRemote;
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!m) return undefined;
    const isUrl = inRemote && m[1]!.toLowerCase() === 'url';
    // A URL key without a value reads as true, not as a URL: git says what it makes of it.
    if (isUrl && m[2] === undefined) return undefined;
    const value = m[2] ?? '';
    let read: string;
    // Unquoted, git turns each tab between words into a space: only a value without one is read here.
    if (!/["\\#;\t]/.test(value)) read = value.trim();
    else {
      const q = /^"((?:[^"\\]|\\["\\])*)"\s*$/.exec(value);
      if (!q) return undefined;
      read = q[1]!.replace(/\\(.)/g, '$1');
    }
    if (isUrl) url = read;
  }
  if (!seen) return null;
  return url ?? undefined;
}
