/**
 * What a receiver takes by default: verify, extract, receive and relay pull refuse a package whose
 * expanded size passes DEFAULT_MAX_SIZE (limits.ts) unless given --max-size. create still writes a
 * larger package (the sender may mean it), and its command warns (receiverLimitWarning), naming the
 * largest files and the --max-size a receiver passes to open it.
 */
import { AliveError } from '../errors.ts';
import { counted } from '../text/plural.ts';
import { inlineText } from '../text/untrusted.ts';
import { memberKey } from '../fs/name-fold.ts';
import { DEFAULT_MAX_SIZE, MAX_PACKAGE_ENTRIES } from './limits.ts';
import { NameSet, recordName } from './name-set.ts';

export interface OverReceiverLimit {
  /** The receivers' default limit, in bytes. */
  limit: number;
  /** The package's content, in bytes (as create, info and verify report it). */
  bytes: number;
  /**
   * A --max-size that opens it: a reader counts the manifest (and a 2.1 package's primer) with the
   * content, so the content plus room for them, rounded up to a whole GiB.
   */
  max_size: number;
  /** The largest files, largest first (at most 3): package paths, someone's file names. */
  largest: Array<{ path: string; bytes: number }>;
  /** How many files the package holds. */
  files: number;
}

const GIB = 1024 * 1024 * 1024;
/** Room for the manifest beside the content: a line per file (its path, SHA-256, size) and the rest. */
const MANIFEST_ROOM = 1024 * 1024;
const MANIFEST_LINE_ROOM = 160;

let testLimit: number | undefined;
let testEntries: number | undefined;
/** Entries a package holds beside its files: the manifest, and a 2.1 package's README.md primer. */
const OWN_ENTRIES = 2;

/**
 * TEST ONLY: a lower limit to warn at (undefined restores DEFAULT_MAX_SIZE), so a test needs no
 * 4 GiB walnut. Nothing under scripts/ calls it, it reads no environment variable or flag, and it
 * throws unless it runs under vitest.
 */
export function setReceiverLimitForTests(limit: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setReceiverLimitForTests is for the test suite only');
  testLimit = limit;
}

/** TEST ONLY, as setReceiverLimitForTests: a lower entry limit (undefined restores MAX_PACKAGE_ENTRIES). */
export function setReceiverEntriesForTests(entries: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setReceiverEntriesForTests is for the test suite only');
  testEntries = entries;
}

/**
 * Refuses (too_large) a package of more files than every reader takes (MAX_PACKAGE_ENTRIES, which
 * no flag raises): it would be written, and nothing would open it. Before anything is hashed or written.
 */
export function checkEntryCount(files: number): void {
  const most = (testEntries ?? MAX_PACKAGE_ENTRIES) - OWN_ENTRIES;
  if (files <= most) return;
  throw new AliveError(
    `the walnut has ${counted(files, 'file')} to pack, and a package holds at most ${most}: every receiver refuses more, whatever it passes. ` +
      'Leave some out with .walnutignore (generated files, caches), or share parts on their own with --scope bundle; nothing was written',
    { code: 'too_large' },
  );
}

/**
 * Refuses (name_collision) a walnut holding two files whose names differ only by letter case or
 * Unicode form (`notes.md`, `Notes.md`), or a file whose name is a folder's in another case: every
 * receiver refuses such a package (tar-read.ts), as one would overwrite the other on macOS and
 * Windows. Before anything is hashed or written.
 */
export function checkNameCollisions(paths: { readonly length: number; path(i: number): string }): void {
  const names = new NameSet(memberKey);
  for (let i = 0; i < paths.length; i++) {
    const path = paths.path(i);
    const clash = recordName(names, path, 'file');
    if (clash?.earlier === undefined) continue;
    throw new AliveError(
      `the walnut holds ${inlineText(clash.earlier)} and ${inlineText(path)}${formsApart(clash.earlier, path)}, whose names differ only by letter case or Unicode form (or a trailing dot or space): ` +
        'they are one name on macOS and Windows, where one would overwrite the other, and every receiver refuses such a package. Rename one of them (or leave it out with .walnutignore); nothing was written',
      { code: 'name_collision' },
    );
  }
}

/**
 * For two names that print alike (one name in two Unicode forms: a composed `café`, a decomposed
 * one), both with each character past ASCII written as its code point: the user could not tell
 * which to rename. '' for names that print apart.
 */
function formsApart(a: string, b: string): string {
  if (a === b || a.normalize('NFC') !== b.normalize('NFC')) return '';
  const spelled = (s: string) => [...s].map((c) => (c.codePointAt(0)! < 0x80 ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`)).join('');
  return ` (the same letters in two Unicode forms: ${inlineText(spelled(a))} and ${inlineText(spelled(b))})`;
}

/** Whether a receiver refuses, by default, a package of `files`; how much it holds and what opens it. */
export function overReceiverLimit(files: Iterable<{ path: string; size: number }> & { readonly length: number }): OverReceiverLimit | undefined {
  const limit = testLimit ?? DEFAULT_MAX_SIZE;
  let bytes = 0;
  let room = MANIFEST_ROOM;
  for (const f of files) {
    bytes += f.size;
    room += Buffer.byteLength(f.path) + MANIFEST_LINE_ROOM;
  }
  if (bytes + room <= limit) return undefined;
  const largest = [...files]
    .sort((a, b) => b.size - a.size)
    .slice(0, 3)
    .map((f) => ({ path: f.path, bytes: f.size }));
  return { limit, bytes, max_size: Math.ceil((bytes + room) / GIB) * GIB, largest, files: files.length };
}
