/**
 * The key files `create` is given (`--sign`, `--recipient`), checked for being there before they
 * are loaded, so that a wrong path is refused naming the flag, the file and the key to give.
 * What a file holds is checked by crypto/keys.ts.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { relayDir } from '../home.ts';
import { relayPaths } from '../relay/paths.ts';
import { shellQuote } from '../text/shell-quote.ts';

type KeyFlag = '--sign' | '--recipient';

function whatToGive(flag: KeyFlag): string {
  const relay = relayPaths(relayDir());
  return flag === '--sign'
    ? `give the path of your private key (your relay key is ${relay.privateKey}; without one, make a pair with 'alive-p2p keygen --out DIR')`
    : `give the path of the recipient's public key (the public.pem they sent you; a relay peer's pinned key is in ${relay.peersKeyDir})`;
}

/** Refuses a key path that is missing, unreadable or not a file; the file's content is checked when it is loaded. */
export function checkKeyFileArg(path: string, flag: KeyFlag): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AliveError(`the ${flag} key file ${path} does not exist; ${whatToGive(flag)}`, { code: 'key_not_found' });
    }
    throw new AliveError(`cannot read the ${flag} key file ${path} (${code ?? 'error'}); check its permissions, or ${whatToGive(flag)}`, {
      code: 'bad_key',
    });
  }
  if (st.isFile()) return;
  if (st.isDirectory()) {
    const inside = join(path, flag === '--sign' ? 'private.pem' : 'public.pem');
    const hint = isFile(inside) ? `give the key file, e.g. ${flag} ${shellQuote(inside)}` : whatToGive(flag);
    throw new AliveError(`the ${flag} key ${path} is a folder; ${hint}`, { code: 'bad_key' });
  }
  throw new AliveError(`the ${flag} key ${path} is not a regular file; ${whatToGive(flag)}`, { code: 'bad_key' });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
