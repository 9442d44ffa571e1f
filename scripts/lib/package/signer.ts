import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { relayDir } from '../home.ts';

/**
 * The name written as `signer:` in a signature: the user's relay login when a relay is set up
 * (what peers pin their key under), else the local user name. The reference wrote the constant
 * "relay" here (walnut-package-v2.md 11.2.13).
 */
export function signerName(env: NodeJS.ProcessEnv = process.env): string {
  try {
    const cfg = JSON.parse(readFileSync(join(relayDir(env), 'relay.json'), 'utf8')) as Record<string, unknown>;
    for (const k of ['login', 'github_username']) {
      const v = cfg[k];
      if (typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v)) return v;
    }
  } catch {
    // no relay configured
  }
  try {
    const u = userInfo().username;
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(u)) return u;
  } catch {
    // no passwd entry
  }
  return 'unknown';
}
