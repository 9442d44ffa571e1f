import { randomBytes } from 'node:crypto';
import { AliveError, UsageError } from '../errors.ts';
import { isWindowsDeviceName } from '../fs/windows-names.ts';
import { inlineText } from '../text/untrusted.ts';
import { trimEndOf } from '../text/trim.ts';

/**
 * Names that travel between peers become folder and file names on both sides, so they are
 * checked before they touch a path: logins (inbox folders, key file names) and deposit names.
 */

const LOGIN_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** On Windows, a login that is a device name (`aux`, `nul`) cannot name its folder or key file. */
export function isValidLogin(login: string): boolean {
  return LOGIN_RE.test(login) && !login.includes('..') && !(process.platform === 'win32' && isWindowsDeviceName(login));
}

/** A login given on the command line; a bad one is a usage error. */
export function requireLogin(login: string | undefined, what = 'LOGIN'): string {
  if (login === undefined || login === '') throw new UsageError(`${what} is required`);
  if (!isValidLogin(login)) {
    throw new UsageError(
      `${what} '${inlineText(login)}' is not a valid login: use letters, digits, '-', '_' or '.', start with a letter or digit, at most 64 characters`,
    );
  }
  return login;
}

const DEPOSIT_RE = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,199}\.walnut$/;

/**
 * A file name found in a relay inbox (written by someone else): safe to use as a local name?
 * `nul.walnut` or `COM1.walnut` would open a device on Windows; depositName never makes one.
 */
export function isSafeDepositName(name: string): boolean {
  return DEPOSIT_RE.test(name) && !name.includes('..') && !isWindowsDeviceName(name);
}

/** `YYYYMMDD-HHMMSS` in UTC. */
export function compactUtcStamp(date: Date): string {
  const iso = date.toISOString(); // 2026-04-02T03:53:46.123Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/**
 * The name a package gets in the recipient's inbox: `<original>-<UTC stamp>-<8 hex>.walnut`.
 * The random part means two pushes of the same file never share a name.
 */
export function depositName(originalFileName: string, now: Date = new Date(), random: string = randomBytes(4).toString('hex')): string {
  let base = originalFileName.replace(/\.walnut$/i, '');
  base = base
    .replace(/[^A-Za-z0-9_.+-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[^A-Za-z0-9]+/, '');
  base = trimEndOf(base, '.-');
  if (base.length > 120) base = trimEndOf(base.slice(0, 120), '.-');
  if (base === '') base = 'package';
  const name = `${base}-${compactUtcStamp(now)}-${random}.walnut`;
  if (!isSafeDepositName(name)) throw new AliveError(`could not build a safe deposit name from '${inlineText(originalFileName)}'`);
  return name;
}
