/**
 * node:crypto, loaded at its first use. Loading it loads the stream modules too (about 2 ms), and
 * modules on the start-up path of `dispatch status` import id and temporary-name helpers that a
 * read-only command never calls.
 */
import { createRequire } from 'node:module';

type NodeCrypto = typeof import('node:crypto');

let loaded: NodeCrypto | undefined;

export function nodeCrypto(): NodeCrypto {
  loaded ??=
    typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:crypto') : (createRequire(import.meta.url)('node:crypto') as NodeCrypto);
  return loaded;
}
