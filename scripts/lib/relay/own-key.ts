/**
 * The user's own private key, for the commands that sign or decrypt (push, pull), and what to do
 * when it is missing (status names that too, loading this module only then).
 */
import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { AliveError } from '../errors.ts';
import { loadPrivateKey } from '../crypto/keys.ts';
import type { RelayPaths } from './paths.ts';

export function loadOwnPrivateKey(paths: RelayPaths, login = 'YOUR_LOGIN'): KeyObject {
  if (!existsSync(paths.privateKey)) throw new AliveError(missingPrivateKey(paths, login), { code: 'no_key' });
  return loadPrivateKey(paths.privateKey);
}

/**
 * What to do without private.pem. Not "run setup": with public.pem there setup refuses (the pair is
 * incomplete), and a new pair cannot read what was encrypted to the old one (the packages waiting
 * in your relay, those pulled and not received yet).
 */
export function missingPrivateKey(paths: RelayPaths, login = 'YOUR_LOGIN'): string {
  const why = 'a new key pair cannot read the packages encrypted to this one (those waiting in your relay, those pulled and not received yet)';
  const then =
    `to make and publish a new pair; then each peer runs \`alive-p2p relay accept ${login}\` to pin your new key ` +
    '(comparing its fingerprint with you) and pushes again what was waiting';
  if (existsSync(paths.publicKey)) {
    return (
      `your private key ${paths.privateKey} is missing (${paths.publicKey} is still there): restore it from a backup, since ${why}. ` +
      `If it is lost, move ${paths.publicKey} aside and run \`alive-p2p relay setup\` ${then}`
    );
  }
  return (
    `your relay key pair (${paths.privateKey}, ${paths.publicKey}) is missing: restore both from a backup if you have one, since ${why}. ` +
    `Otherwise run \`alive-p2p relay setup\` ${then}`
  );
}
