/**
 * File names as file systems that ignore case and Unicode form see them (APFS and HFS+ on macOS,
 * NTFS on Windows): two names that fold to one are one file there.
 */
import { trimEndOf } from '../text/trim.ts';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * `segment` in Unicode normal form `form`, case-folded (lower, upper, then lower case: U+017F long
 * s is `s`, U+0130 is `i` with a dot above, and capital sharp s U+1E9E is `ss` as small sharp s is:
 * upper then lower alone made it `ß`, a name apart from `ss` and `ß`).
 */
export function caseFold(segment: string, form: 'NFC' | 'NFKC'): string {
  // Printable ASCII is its own normal form, and its folded case is its lower case.
  if (PRINTABLE_ASCII.test(segment)) return segment.toLowerCase();
  return segment.normalize(form).toLowerCase().toUpperCase().toLowerCase().normalize(form);
}

/**
 * The key under which a package member's path lands on such a file system: each segment in NFC,
 * case-folded, without the trailing dots and spaces Windows drops (a segment made only of them is
 * kept as it is: no file system takes it). Segments never fold to one holding '/' (NFC makes none).
 */
export function memberKey(path: string): string {
  let key = '';
  let start = 0;
  for (;;) {
    const slash = path.indexOf('/', start);
    const segment = path.slice(start, slash < 0 ? undefined : slash);
    const folded = trimEndOf(caseFold(segment, 'NFC'), '. ');
    key += folded === '' ? segment : folded;
    if (slash < 0) return key;
    key += '/';
    start = slash + 1;
  }
}
