/**
 * Validation of package-relative paths, shared by the manifest and the archive reader: a path
 * from a package decides nothing about where we write beyond the folder we chose.
 */
import { windowsNameReason } from '../fs/windows-names.ts';
import { isPrintable } from '../text/untrusted.ts';

export type PathProblem = string;

const DRIVE = /^[A-Za-z]:/;

/**
 * Returns why `p` is not a safe relative POSIX path, or undefined when it is. On Windows, a path
 * Windows cannot hold as it is (windowsNameReason) is refused too.
 */
export function unsafePathReason(p: string, platform: NodeJS.Platform = process.platform): PathProblem | undefined {
  if (p === '') return 'empty path';
  if (p.includes('\0')) return 'contains a NUL byte';
  // C0 controls cannot be written in the manifest's line grammar; C1 controls (U+009B is CSI to
  // some terminals), bidi overrides and zero-width marks make a name show as another one.
  if (!isPrintable(p)) return 'contains a control character or invisible formatting character';
  if (p.includes('\\')) return 'contains a backslash';
  if (p.startsWith('/')) return 'is an absolute path';
  if (DRIVE.test(p)) return 'starts with a drive letter';
  if (Buffer.byteLength(p) > 4096) return 'is longer than 4096 bytes';
  const segments = p.split('/');
  for (const s of segments) {
    if (s === '') return 'has an empty path segment';
    if (s === '..') return "contains a '..' segment";
    if (s === '.') return "contains a '.' segment";
    if (Buffer.byteLength(s) > 255) return 'has a name longer than 255 bytes';
  }
  return platform === 'win32' ? windowsNameReason(p) : undefined;
}

/**
 * Normalises an archive member name as written by common tar tools: strips leading `./`
 * (GNU `tar -C dir .`), and a trailing `/` on directories. Returns '' for the root entry `.`/`./`.
 */
export function normaliseMemberName(name: string): string {
  let n = name;
  while (n.startsWith('./')) n = n.slice(2);
  if (n === '.') return '';
  while (n.endsWith('/')) n = n.slice(0, -1);
  return n;
}

/** A UTF-16 surrogate: where code-unit order and code-point order part. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A copy of `items` sorted by the code points of their paths (UTF-8 byte order). Paths without a
 * surrogate (no character above U+FFFF, as nearly every path) compare as strings: their UTF-16
 * code units are their code points. Otherwise each path is encoded once and the bytes compared
 * (encoding both sides of every comparison made sorting 2,000 paths take 10 ms).
 */
/** Whether `items` are in code-point order of their paths already (a package's list nearly always is). */
export function inCodePointOrder(items: Iterable<{ path: string }>): boolean {
  let a: string | undefined;
  for (const item of items) {
    const b = item.path;
    if (a !== undefined && !(a <= b && !SURROGATE.test(a) && !SURROGATE.test(b)) && Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')) > 0)
      return false;
    a = b;
  }
  return true;
}

export function sortByCodePoints<T extends { path: string }>(items: readonly T[]): T[] {
  if (!items.some((item) => SURROGATE.test(item.path))) return [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return items
    .map((item) => ({ item, key: Buffer.from(item.path, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map((e) => e.item);
}
