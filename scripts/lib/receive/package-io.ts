/** The package reader as receive uses it: a cheap look at a clear-text manifest first. */
import { readPackageHead } from '../package/info.ts';
import type { Manifest } from '../package/manifest.ts';

export { sha256File } from '../fs/hash.ts';
export { readPackage, type PackageCrypto, type ReadResult } from '../package/read-package.ts';

/**
 * The manifest (and its text) when it can be read without decrypting or unpacking (plain
 * packages, and the clear manifest of encrypted 2.0 ones); undefined otherwise. Problems are left
 * for the full read, which reports them precisely.
 */
export async function readPackageHeadSafe(path: string, maxBytes: number): Promise<{ manifest: Manifest; text: string } | undefined> {
  try {
    const head = await readPackageHead(path, maxBytes);
    return head.manifest && head.text !== undefined ? { manifest: head.manifest, text: head.text } : undefined;
  } catch {
    return undefined;
  }
}
