/**
 * What a word of a command names, as far as its text tells: glob patterns and whether they may
 * match a walnut log, the last path component, names built at run time, paths joined to a folder.
 */
import { globMatches } from '../../text/glob.ts';
import { trimEndOf } from '../../text/trim.ts';
import { type Reading, text, type Word } from './words.ts';

/**
 * What an absolute path through /dev/fd, /dev/stdin (stdout, stderr) or /proc names, which the
 * hook's own process cannot resolve for the shell's: `descriptor`, a file the shell (or another
 * process) has open (`/dev/fd/3`, `/proc/self/fd/0`); `folder`, a path in a folder a process is
 * in, is rooted at or has open (`/proc/$$/cwd/…`, `/proc/self/root/…`, `/dev/fd/3/…`).
 */
export function procAlias(path: string): 'descriptor' | 'folder' | undefined {
  if (!path.startsWith('/dev/') && !path.startsWith('/proc/')) return undefined;
  if (/^\/dev\/(?:std(?:in|out|err)|fd\/[^/]+)\/*$/.test(path) || /^\/proc\/[^/]+\/(?:task\/[^/]+\/)?fd\/[^/]+\/*$/.test(path)) return 'descriptor';
  return path.startsWith('/proc/') || /^\/dev\/(?:std(?:in|out|err)|fd)\//.test(path) ? 'folder' : undefined;
}

/** A command substitution that is `mktemp` alone, with its options and template. */
export const MKTEMP = /^[ \t\n]*mktemp(?:[ \t][^;&|<>`()\n]*)?$/;

/**
 * True when `w` names a file or folder `mktemp` made in this command, or one known name right in
 * it (`"$tmp/x"` after `tmp=$(mktemp -d)`): new, so no walnut log. Not when mktemp may not be
 * mktemp (`shadowed`); and once a command that may make a link ran (`linked`), only the file or
 * folder itself and only to be removed (`rm -rf "$tmp"`; `removes`), which takes a link away
 * without following it: a link put in it, or in its place, may lead anywhere.
 */
export function underFresh(w: Word, reading: Reading, removes = false): boolean {
  if (reading.shadowed) return false;
  const [first, ...rest] = w.parts;
  if (reading.linked) return removes && first?.fresh === true && rest.length === 0;
  // mktemp that fails prints nothing, and bash goes on: `"$tmp"/<path>` is then `/<path>`, and a
  // `cd "$(mktemp -d)"` stays where it was (cd "" succeeds). So only the file or folder itself, or
  // one known name right in it (`"$tmp/x"`, which is `/x` then), is new; not a glob, not a path
  // further down, and nothing relative to a folder cd went into (found in review, 2026-12-06).
  if (!first?.fresh) return false;
  const after = text({ parts: rest });
  return rest.every((p) => p.known && !p.glob) && (after === '' || after === '/' || /^\/[^/]+$/.test(after)) && after !== '/..' && after !== '/.';
}

/** Looked at for a bracket expression's end; bash's own has no limit, a longer one is read as `[`. */
const BRACKET_MAX = 256;

/**
 * The bracket expression that starts at src[i] (a `[`), as bash reads one within a word: an
 * optional `!` or `^`, a `]` first is a member, `[:class:]`, `[.x.]` and `[=x=]` are members, quoted
 * and escaped characters too, and it ends at the next `]`. `exact` when globMatches takes it as
 * written (characters, ranges and the bracket forms); one holding quotes, escapes or expansions
 * stands for one character of any kind. Undefined
 * when no `]` ends it within the word: the `[` is then a character of the name.
 */
export function bracketAt(src: string, i: number): { end: number; exact: boolean } | undefined {
  const stop = Math.min(src.length, i + BRACKET_MAX);
  let k = i + 1;
  if (src[k] === '!' || src[k] === '^') k++;
  let exact = src[k] !== ']';
  if (!exact) k++;
  while (k < stop) {
    const c = src[k]!;
    if (c === ']') return { end: k + 1, exact };
    if (/[ \t\n;&|()<>/`]/.test(c)) return undefined;
    if (c === '[' && /[:.=]/.test(src[k + 1] ?? '')) {
      const close = src.indexOf(`${src[k + 1]}]`, k + 2);
      // A class (`[:alpha:]`), an equivalence class or a collating symbol: globMatches reads them
      // (one it cannot decide matches any character). Unclosed, the `[` is a member as any other,
      // as bash reads it (`[l[:]` holds `l`).
      k = close >= 0 && close + 2 <= stop ? close + 2 : k + 1;
      continue;
    } else if (c === "'" || c === '"' || (c === '$' && src[k + 1] === "'")) {
      const open = c === '$' ? k + 1 : k;
      const close = src.indexOf(src[open]!, open + 1);
      if (close < 0 || close >= stop) return undefined;
      k = close + 1;
    } else if (c === '\\') k += 2;
    // An expansion inside (`$x`, `$]` is a `$`, `{k,l}` braces): what it matches is not read.
    else if (c === '$' || c === '{' || c === '}' || c === ',') k++;
    else {
      k++;
      continue;
    }
    exact = false;
  }
  return undefined;
}

/** The word as a glob pattern, when unquoted `*`, `?` and `[…]` are all it leaves unknown; quoted text escaped. */
export function globPattern(w: Word): string | undefined {
  if (!w.parts.some((p) => p.glob) || !w.parts.every((p) => p.known || p.glob)) return undefined;
  return w.parts.map((p) => (p.glob ? p.text : p.text.replace(/[*?[\\]/g, '\\$&'))).join('');
}

/**
 * True when the word's last name holds an unquoted `*`, `?` or `[…]` and, with any other unknown
 * part taken as `*`, matches `log.md` in any letter case (`*.md`, `_kernel/*`, `"$d"*`, `l?g.md`, `[l]og.md`).
 */
export function globEndsLikeLog(w: Word): boolean {
  const all = text(w);
  const slash = all.lastIndexOf('/');
  let offset = 0;
  let pattern = '';
  let glob = false;
  for (const p of w.parts) {
    const end = offset + p.text.length;
    if (end > slash) {
      const piece = p.text.slice(Math.max(0, slash + 1 - offset));
      if (p.glob) glob = true;
      pattern += p.glob ? piece : p.known ? piece.toLowerCase().replace(/[*?[\\]/g, '\\$&') : '*';
    }
    offset = end;
  }
  // In any letter case: a bracket's members too (`[L]og.md`, `[[:upper:]]og.md`), as a file system
  // that folds case takes `Log.md` for log.md.
  return glob && globMatches(pattern, 'log.md', { anyCase: true });
}

export function lastName(w: Word): string | undefined {
  const all = text(w);
  const slash = all.lastIndexOf('/');
  // The name is known when no unknown part reaches past the last slash.
  let offset = 0;
  for (const p of w.parts) {
    const end = offset + p.text.length;
    if (!p.known && end > slash) return undefined;
    offset = end;
  }
  const name = all.slice(slash + 1);
  return name === '' ? undefined : name;
}

const GLOB = new Set(['*', '?', '[']);

/**
 * True when the word's last name is built at run time from known text and a substitution or
 * variable (`log.md.bak.$(date +%s)`, `/tmp/log-$NOW.md`, `"$f.bak"` in a loop): a file being
 * named, not a folder to copy into. A name that is unknown as a whole (`"$DEST"`), a glob, or a
 * trailing `/` is not.
 */
export function builtName(w: Word): boolean {
  const all = text(w);
  if (all.endsWith('/')) return false;
  const slash = all.lastIndexOf('/');
  let offset = 0;
  let known = false;
  let built = false;
  for (const p of w.parts) {
    const end = offset + p.text.length;
    if (end > slash + 1) {
      if (p.known && !p.bound) known = true;
      else if (GLOB.has(p.text)) return false;
      else built = true;
    }
    offset = end;
  }
  return known && built;
}

/**
 * Whether a word whose last name is unknown may still name `log.md`: the known text after its
 * last unknown part (never holding a `/`, or the name would be known) must be an ending of it.
 */
export function endingCanBeLog(w: Word): boolean {
  return 'log.md'.endsWith(knownEnding(w).toLowerCase());
}

/** The text of the word's known parts after its last unknown one (all of it when every part is known). */
export function knownEnding(w: Word): string {
  let suffix = '';
  for (let k = w.parts.length - 1; k >= 0 && w.parts[k]!.known; k--) suffix = w.parts[k]!.text + suffix;
  return suffix;
}

/**
 * The longest folder a chain of `cd`s is followed to (characters), Linux's PATH_MAX; past it the
 * folder is unknown. Each step, and each write in the folder, reads the path so far, so thousands
 * of `cd x` made the reader quadratic: 16 KiB still let `rm -f a;cd a;` 8,000 times take 3.7 s
 * (third review of 2026-12-07, H3).
 */
const MAX_DIR = 4 * 1024;

/** `rel` taken from `dir`; undefined when the result is longer than MAX_DIR. */
export function joinPath(dir: string, rel: string): string | undefined {
  if (rel.startsWith('/')) return rel.length > MAX_DIR ? undefined : rel;
  if (dir === '') return rel.length > MAX_DIR ? undefined : rel;
  if (dir.length + rel.length >= MAX_DIR) return undefined;
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}

export function baseName(path: string): string {
  const trimmed = trimEndOf(path, '/');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
