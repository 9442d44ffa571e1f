/**
 * A peer's pinned key file, `$ALIVE_HOME/relay/keys/peers/<login>.pem`: what receive checks a
 * signature with, and what verify compares the key it was given with. Kept apart from the relay
 * configuration's reader (zod), so verify can use it without loading that.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, loadPublicKey } from '../crypto/keys.ts';
import { relayDir } from '../home.ts';

/**
 * The pinned key file of `login` (a login: the caller checks the name). Logins compare without
 * case (GitHub's do), so `Alice` finds alice.pem.
 */
export function peerKeyFile(login: string, env: NodeJS.ProcessEnv): string | undefined {
  const dir = join(relayDir(env), 'keys', 'peers');
  const exact = join(dir, `${login}.pem`);
  if (existsSync(exact)) return exact;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const wanted = `${login}.pem`.toLowerCase();
  const found = names.find((n) => n.toLowerCase() === wanted);
  return found ? join(dir, found) : undefined;
}

/** The fingerprint (64 hex) of `login`'s pinned key file; undefined without one (or when it is no usable key). */
export function peerKeyFileFingerprint(login: string, env: NodeJS.ProcessEnv): string | undefined {
  const path = peerKeyFile(login, env);
  if (!path) return undefined;
  try {
    return fingerprint(loadPublicKey(path));
  } catch {
    return undefined;
  }
}
