/**
 * Which files a shell command line would write, as far as the text alone tells: a pure function
 * of the command (and the home, starting and temporary folders, for `~`, `$HOME`, `$PWD` and
 * `$TMPDIR`). log-guardian
 * uses it on Bash tool calls.
 *
 * It reads the POSIX shell grammar the way bash does for the parts that decide where output goes:
 * quoting and escapes, lists and pipelines (`;` `&&` `||` `|` `&`, newlines, subshells), output
 * redirections (`>` `>|` `>>` `&>` `&>>` `N>` `<>`, here-documents skipped), `cd`/`pushd`,
 * variables assigned earlier in the same command line, `for` variables (each of their words in
 * turn), variables `read` sets (unknown, with the text of what feeds them), command and process
 * substitutions, `sh -c`, `su -c`, `env -S` strings and `eval` (read as commands of their own),
 * positional parameters (`set --`, `sh -c`'s words; a function's, as the command's text),
 * wrappers (WRAPPERS: `sudo`, `env`, `nohup`, `timeout`, `xargs` …; `env -C` and `sudo -D` move
 * the command), and the file-writing commands `sed -i`, `perl -i`, `ruby -i`,
 * `gawk -i inplace`, `tee`, `sponge`, `sort -o`, `uniq IN OUT`, `time -o`, `cp`, `mv`, `install`, `ln`, `rsync`, `rm`, `unlink`, `shred`, `truncate`, `dd of=`,
 * `patch`, `curl -o`/`-O`, `wget -O`, `script`, and git's checkout, restore, stash, rm and mv of named paths. A word with a part the
 * text cannot tell (`$VAR` not set in the same line, `$(…)`, a glob, `~user`) is marked inexact,
 * keeping whatever part is known.
 *
 * It is a guard against accidents, not a sandbox: what a program decides at run time (a script's
 * own file writes, the files `find` finds by other tests than a name, names `xargs` reads from an input the text does not show,
 * `git checkout -- .`) is not visible here.
 */
import { basename, resolve } from 'node:path';
import { globMatches, pathPatternMayMatchLog } from '../text/glob.ts';
import { type GlobBudget, globBudget, globPaths } from './glob-paths.ts';
import { trimEndOf } from '../text/trim.ts';
import { sedScriptWrites } from './sed.ts';
import { mktempMayBeShadowed, shellState } from './unseen.ts';

export type WriteKind = 'replace' | 'append' | 'remove';

export interface ShellWrite {
  /** The path after quote removal and known expansions; unknown parts are kept as written. */
  path: string;
  /** True when every part of `path` is known. */
  exact: boolean;
  /** The last path component when it is known (even if an earlier part is not). */
  name: string | undefined;
  /**
   * The folder the command runs in: '' for the shell's starting folder, else a path (absolute,
   * or relative to the starting folder); undefined after a `cd` that could not be followed.
   */
  dir: string | undefined;
  kind: WriteKind;
  /** What writes, for a message: `'>' redirection`, `sed -i`, `tee`, `mv` ... */
  via: string;
  /** When `path` is not exact: its text up to its first unknown part (`/tmp/bk/` of `/tmp/bk/$f`). */
  known?: string;
  /** The path lies in a file or folder `mktemp` made in this command: no walnut log is there yet. */
  fresh?: boolean;
  /**
   * The last name is unknown, but ends in known text that `log.md` does not end with
   * (`"$f.$(date +%s).bak"`): whatever it is, it is not a file named log.md.
   */
  notLog?: boolean;
  /**
   * When the path holds a variable read from input (`while read f`, `for f in $(…)`): the text of
   * that input as written (the files redirected in, the commands piped in, the `for` words).
   */
  input?: string;
  /**
   * A link this command made (ln, link, cp -s or -l) may lie on the way: the path is one the link
   * was made at, or under it, or is named log.md after a link was made (Reading.links).
   */
  link?: boolean;
}

interface Part {
  text: string;
  known: boolean;
  /** An unquoted `{`, `,` or `}`: brace expansion may split the word here. */
  brace?: boolean;
  /** A `for` variable: the words it takes in turn (a command using it is read once per word). */
  each?: Word[];
  /** An unknown value read from input: what feeds it. */
  fed?: Feed | undefined;
  /** A variable's value: the length of the text it stands for (all of its words). */
  size?: number;
  /** `$((…))`: a number, whatever it holds. */
  number?: boolean;
  /** `$(mktemp …)`: a file or folder made by this command, new, so no walnut log lies in it. */
  fresh?: boolean;
  /** Text a `for` variable took from its words (`"$f.bak"` over a glob): a name built at run time. */
  bound?: boolean;
  /** An unquoted `*` or `?`: the shell expands the word as a glob. */
  glob?: boolean;
  /** A default value (`${o:-x}`) of a variable the command did not set: it may be that variable's, any text. */
  outside?: boolean;
}

interface Word {
  parts: Part[];
  /** The word as written, when the lexer read it. */
  raw?: string | undefined;
}

/** The text of what a loop or `read` takes its input from; `outer` is the enclosing loop's. */
interface Feed {
  texts: string[];
  /** The commands piped in, when the input is a pipe. */
  piped?: Piped | undefined;
  outer?: Feed | undefined;
}

/**
 * The commands piped into the one being read, the nearest first. A list that later stages only
 * lengthen at its head, so each `read`, `xargs` or loop keeps the pipe as it was without a copy
 * (a copy for each stage of a pipeline of thousands made the reader quadratic).
 */
interface Piped {
  text: string;
  before: Piped | undefined;
}

/** A here-document's body, filled in when the lexer passes it (at the end of the line that opened it). */
interface HeredocText {
  text: string | undefined;
  /** An unquoted delimiter: the shell expands the body ($x, $(…), \$) before a command reads it. */
  expands?: boolean;
}

/**
 * Reports a write of `w`. `links`: the write makes a link (ln, cp -s or -l), which a later path may
 * go through to anywhere.
 */
type Emit = (w: Word, kind: WriteKind, via: string, links?: boolean) => void;

type Token = { t: 'word'; word: Word } | { t: 'op'; op: string } | { t: 'redir'; op: string; target: Word | undefined; body?: HeredocText };

/**
 * A variable's text; a part standing for a `for` or `read` variable; a word of several parts (a
 * positional parameter given a name `find` found); undefined when unknown.
 */
type Value = string | Part | Word | undefined;

/** Reads a command line found inside another (`$(…)`, `sh -c`), with variables bound for it alone. */
type Nested = (command: string, bindings?: ReadonlyMap<string, Value>) => void;

/**
 * The variables of a command line. A subshell, or a command read inside another (`$(…)`, `sh -c`),
 * sees the variables around it and changes them for itself alone: its changes are logged and undone
 * when it ends, in place of a copy of every variable for each one (thousands of variables before
 * thousands of `(…)` made the reader quadratic).
 */
class Vars {
  private readonly values = new Map<string, Value>();
  private readonly undo: { name: string; had: boolean; value: Value }[] = [];
  /** Names ever set to what is not a known number, and names arithmetic was done on, in any order (a function, a loop). */
  readonly unnumbered = new Set<string>();
  readonly counted = new Set<string>();

  get(name: string): Value {
    return this.values.get(name);
  }

  set(name: string, value: Value): void {
    this.undo.push({ name, had: this.values.has(name), value: this.values.get(name) });
    this.values.set(name, value);
    if (!isNumber(value)) this.unnumbered.add(name);
  }

  /** The point that `rollback` returns to. */
  mark(): number {
    return this.undo.length;
  }

  /** Undoes every change made since `mark`, latest first. */
  rollback(mark: number): void {
    while (this.undo.length > mark) {
      const { name, had, value } = this.undo.pop()!;
      if (had) this.values.set(name, value);
      else this.values.delete(name);
    }
  }
}

interface Scope {
  dir: string | undefined;
  vars: Vars;
}

const MAX_DEPTH = 8; // nested substitutions, sh -c strings, and loops whose input a `read` reads
const MAX_LOOP_RUNS = 64; // readings of one command with its `for` variables bound
const MAX_LOOP_READINGS = 1024; // such readings in all (a loop multiplies the writes the hook checks)
/**
 * The most text variables may expand to in one command line (characters, all references
 * together). Values that double at each step (`x=$x$x`) ran the hook out of memory; beyond this a
 * variable is unknown, as if set outside the command.
 */
const MAX_EXPANSION = 256 * 1024;

const text = (w: Word) => w.parts.map((p) => p.text).join('');
const exact = (w: Word) => w.parts.every((p) => p.known);
const knownStart = (w: Word) =>
  text({
    parts: w.parts.slice(
      0,
      w.parts.findIndex((p) => !p.known),
    ),
  });
const literal = (w: Word): string | undefined => (exact(w) ? text(w) : undefined);
/** A word as the text of an input: its value when known, else as written (`$(ls …)`). */
const asInput = (w: Word) => (exact(w) ? text(w) : (w.raw ?? text(w)));
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const EMPTY_WORD: Word = { parts: [] };
/** The positional parameters the reader follows: $0 … $9, and $@ and $* (all of them). */
const POSITIONAL = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '@', '*'];
/** What a variable's value says, as input text: its text, or what feeds it; undefined when unset. */
function valueText(v: Value): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  return 'parts' in v ? asInput(v) : (v.fed?.texts.join('\n') ?? v.text);
}

/**
 * `$@` and `$*` for the parameters `words`: unknown, read from their text; with a glob among them
 * (`set -- _kernel/*; rm "$@"`), each word in turn, as a `for` variable's, so the glob is expanded.
 */
function allPositionals(words: Word[]): [string, Value][] {
  const globbed = words.some((w) => w.parts.some((p) => p.glob));
  const value: Part = {
    text: '$@',
    known: false,
    fed: { texts: words.map(asInput) },
    ...(globbed && { each: words, size: words.reduce((n, w) => n + text(w).length, 0) }),
  };
  return [
    ['@', value],
    ['*', { ...value, text: '$*' }],
  ];
}
function setAllPositionals(vars: Vars, words: Word[]): void {
  for (const [name, value] of allPositionals(words)) vars.set(name, value);
}
/**
 * The characters that end a word: bash's blanks (space, tab), the newline and its operators. Other
 * white space (a carriage return, a no-break space) is part of a word there, as in `log.md\r`.
 */
const METACHAR = /[ \t\n;&|()<>]/;
/** A command substitution that is `mktemp` alone, with its options and template. */
const MKTEMP = /^[ \t\n]*mktemp(?:[ \t][^;&|<>`()\n]*)?$/;

/**
 * True when `w` names a file or folder `mktemp` made in this command, or one known name right in
 * it (`"$tmp/x"` after `tmp=$(mktemp -d)`): new, so no walnut log. Not when mktemp may not be
 * mktemp (`shadowed`); and once a command that may make a link ran (`linked`), only the file or
 * folder itself and only to be removed (`rm -rf "$tmp"`; `removes`), which takes a link away
 * without following it: a link put in it, or in its place, may lead anywhere.
 */
function underFresh(w: Word, reading: Reading, removes = false): boolean {
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
function bracketAt(src: string, i: number): { end: number; exact: boolean } | undefined {
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
function globPattern(w: Word): string | undefined {
  if (!w.parts.some((p) => p.glob) || !w.parts.every((p) => p.known || p.glob)) return undefined;
  return w.parts.map((p) => (p.glob ? p.text : p.text.replace(/[*?[\\]/g, '\\$&'))).join('');
}

/**
 * True when the word's last name holds an unquoted `*`, `?` or `[…]` and, with any other unknown
 * part taken as `*`, matches `log.md` in any letter case (`*.md`, `_kernel/*`, `"$d"*`, `l?g.md`, `[l]og.md`).
 */
function globEndsLikeLog(w: Word): boolean {
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

function lastName(w: Word): string | undefined {
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
function builtName(w: Word): boolean {
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
function endingCanBeLog(w: Word): boolean {
  let suffix = '';
  for (let k = w.parts.length - 1; k >= 0 && w.parts[k]!.known; k--) suffix = w.parts[k]!.text + suffix;
  return 'log.md'.endsWith(suffix.toLowerCase());
}

/**
 * The longest folder a chain of `cd`s is followed to (characters); past it the folder is unknown.
 * Each step reads the path so far, so thousands of `cd x` made the reader quadratic.
 */
const MAX_DIR = 16 * 1024;

/** `rel` taken from `dir`; undefined when the result is longer than MAX_DIR. */
function joinPath(dir: string, rel: string): string | undefined {
  if (rel.startsWith('/')) return rel.length > MAX_DIR ? undefined : rel;
  if (dir === '') return rel.length > MAX_DIR ? undefined : rel;
  if (dir.length + rel.length >= MAX_DIR) return undefined;
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}

function baseName(path: string): string {
  const trimmed = trimEndOf(path, '/');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** The text of a `$'…'` string, or undefined for an escape this reader does not decode. */
function ansiC(body: string): string | undefined {
  let out = '';
  for (let k = 0; k < body.length; k++) {
    const c = body[k]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++k];
    if (e === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[e];
    const hex = /^(?:x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8}))/.exec(body.slice(k));
    const octal = /^[0-7]{1,3}/.exec(body.slice(k));
    if (simple !== undefined) out += simple;
    else if (hex) {
      const code = parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      k += hex[0].length - 1;
    } else if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
      k += octal[0].length - 1;
    } else return undefined;
  }
  return out;
}

const MAX_BRACE_WORDS = 64;
const MAX_BRACE_GROUPS = 16;
const MAX_BRACE_PARTS = 1024;

/**
 * Brace expansion (`log.md{,.bak}` → `log.md log.md.bak`), on unquoted braces holding a comma at
 * their own level; other braces stay as they are. One pass finds the leftmost such group; the
 * alternatives are expanded in turn (at most MAX_BRACE_WORDS words).
 */
function expandBraces(word: Word, depth = 0): Word[] {
  const p = word.parts;
  // Too many groups to follow: the braces' results are unknown, the rest of the word is not.
  if (depth > MAX_BRACE_GROUPS || p.length > MAX_BRACE_PARTS) return [{ parts: p.map((x) => (x.brace ? { text: x.text, known: false } : x)), raw: word.raw }];
  const open: { at: number; commas: number[] }[] = [];
  let group: { at: number; commas: number[]; close: number } | undefined;
  for (let k = 0; k < p.length; k++) {
    const part = p[k]!;
    if (!part.brace) continue;
    if (part.text === '{') open.push({ at: k, commas: [] });
    else if (part.text === ',') open[open.length - 1]?.commas.push(k);
    else {
      const g = open.pop();
      if (g && g.commas.length > 0 && (!group || g.at < group.at)) group = { ...g, close: k };
    }
  }
  if (!group) return [word];
  const bounds = [group.at, ...group.commas, group.close];
  const out: Word[] = [];
  for (let a = 0; a + 1 < bounds.length && out.length < MAX_BRACE_WORDS; a++) {
    const alternative = { parts: [...p.slice(0, group.at), ...p.slice(bounds[a]! + 1, bounds[a + 1]), ...p.slice(group.close + 1)], raw: word.raw };
    out.push(...expandBraces(alternative, depth + 1));
  }
  return out.slice(0, MAX_BRACE_WORDS);
}

/** How deep `"$(…"$(…)…)"` may nest before a `$(` in double quotes is read as text. */
const MAX_QUOTE_NEST = 64;

/**
 * Where the `)` closing a `(` just before `from` stands (src.length when none). Quotes, escapes,
 * backquotes, comments and here-document bodies are passed over as the shell reads them, so that
 * an apostrophe in a heredoc (`git commit -m "$(cat <<'EOF'` …) or in a comment cannot hide the
 * `)`; in arithmetic (`$((…))`, `((…))`) a `<<` is a shift. Linear: a `$(` inside double quotes
 * is scanned once, by a nested call, and passed over.
 */
function closingParen(src: string, from: number, nest = 0): number {
  let depth = 1;
  let arithmeticAt = -1; // the depth an arithmetic (( … )) returns to when it closes
  const heredocs: Heredoc[] = [];
  let wordStart = true;
  let j = from;
  while (j < src.length) {
    const c = src[j]!;
    const atWordStart = wordStart;
    wordStart = false;
    if (c === '\\') j += 2;
    else if (c === "'") {
      const end = src.indexOf("'", j + 1);
      j = end === -1 ? src.length : end + 1;
    } else if (c === '"') j = closingQuote(src, j + 1, nest);
    else if (c === '`') j = closingBackquote(src, j + 1);
    else if (c === '$' && src[j + 1] === '{') j = closingBrace(src, j + 2, nest + 1) + 1;
    else if (c === '#' && atWordStart) {
      const end = src.indexOf('\n', j);
      j = end === -1 ? src.length : end;
    } else if (c === '\n') {
      j = pastHeredocBodies(src, j + 1, heredocs);
      wordStart = true;
    } else if (c === '(') {
      if (src[j - 1] === '(' && arithmeticAt < 0) arithmeticAt = depth;
      depth++;
      j++;
      wordStart = true;
    } else if (c === ')') {
      if (--depth === 0) return j;
      if (depth === arithmeticAt) arithmeticAt = -1;
      j++;
      wordStart = true;
    } else if (c === '<' && src.startsWith('<<<', j)) j += 3;
    else if (c === '<' && src[j + 1] === '<' && arithmeticAt < 0) j = heredocStart(src, j + 2, heredocs);
    else {
      wordStart = c === ' ' || c === '\t' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>';
      j++;
    }
  }
  return src.length;
}

/**
 * True when the text of a `$(…)` is an arithmetic expression, `(…)`, as bash decides at expansion
 * (chk_arithsub): the `(` it starts with is closed by the `)` it ends with, parentheses counted past
 * quotes and escapes. Also when the shell's own reading agrees (closingParen), else it is commands,
 * read as such, `$((echo a);(rm …))` and `$((rm …) )` among them.
 */
function isArithmetic(inner: string): boolean {
  if (!inner.startsWith('(') || !inner.endsWith(')') || closingParen(inner, 1) !== inner.length - 1) return false;
  let depth = 0;
  for (let k = 1; k < inner.length - 1; k++) {
    const c = inner[k];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
    else if (c === '\\') k++;
    else if (c === "'") {
      k = inner.indexOf("'", k + 1);
      if (k < 0) return false;
    } else if (c === '"') k = closingQuote(inner, k + 1, 0) - 1;
  }
  return depth === 0;
}

/** Past the `"` closing a double-quoted string that starts at `from`. */
function closingQuote(src: string, from: number, nest: number): number {
  let j = from;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '"') return j + 1;
    if (c === '\\') j += 2;
    else if (c === '`') j = closingBackquote(src, j + 1);
    else if (c === '$' && src[j + 1] === '(' && nest < MAX_QUOTE_NEST) j = closingParen(src, j + 2, nest + 1) + 1;
    else if (c === '$' && src[j + 1] === '{') j = closingBrace(src, j + 2, nest + 1) + 1;
    else j++;
  }
  return src.length;
}

/**
 * Where the `}` closing a `${` just before `from` stands, as bash finds it: past quotes (`$'…'`
 * with its escapes), escapes, backquotes, `$(…)`, `<(…)` and nested `${…}`; a `{` alone is text.
 * src.length when none, or when nested deeper than MAX_QUOTE_NEST (the caller fails closed).
 */
function closingBrace(src: string, from: number, nest = 0): number {
  if (nest > MAX_QUOTE_NEST) return src.length;
  let j = from;
  while (j < src.length) {
    const c = src[j]!;
    const next = src[j + 1];
    if (c === '}') return j;
    if (c === '\\') j += 2;
    else if (c === "'" || (c === '$' && next === "'")) {
      let k = c === '$' ? j + 2 : j + 1;
      while (k < src.length && src[k] !== "'") k += c === '$' && src[k] === '\\' ? 2 : 1;
      j = k + 1;
    } else if (c === '"') j = closingQuote(src, j + 1, nest + 1);
    else if (c === '`') j = closingBackquote(src, j + 1);
    else if (next === '(' && (c === '$' || c === '<' || c === '>')) j = nest < MAX_QUOTE_NEST ? closingParen(src, j + 2, nest + 1) + 1 : src.length;
    else if (c === '$' && next === '{') j = closingBrace(src, j + 2, nest + 1) + 1;
    else j++;
  }
  return src.length;
}

/** Past the backquote closing a command substitution that starts at `from`. */
function closingBackquote(src: string, from: number): number {
  let j = from;
  while (j < src.length && src[j] !== '`') j += src[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, src.length);
}

interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
}

/** Reads the delimiter of a `<<` or `<<-` whose operator ends before `from`; returns where it ends. */
function heredocStart(src: string, from: number, heredocs: Heredoc[]): number {
  let j = from;
  const stripTabs = src[j] === '-';
  if (stripTabs) j++;
  while (src[j] === ' ' || src[j] === '\t') j++;
  let delimiter = '';
  while (j < src.length && !METACHAR.test(src[j]!)) {
    const c = src[j]!;
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, j + 1);
      const stop = end === -1 ? src.length : end;
      delimiter += src.slice(j + 1, stop);
      j = stop + 1;
    } else if (c === '\\') {
      delimiter += src[j + 1] ?? '';
      j += 2;
    } else {
      delimiter += c;
      j++;
    }
  }
  if (delimiter !== '') heredocs.push({ delimiter, stripTabs });
  return j;
}

/**
 * The body of a here-document that starts at `from`: where it ends (the start of its delimiter
 * line, or src.length) and where the text after its delimiter line starts.
 */
function heredocBody(src: string, from: number, { delimiter, stripTabs }: Heredoc): { end: number; next: number } {
  let j = from;
  while (j < src.length) {
    let end = src.indexOf('\n', j);
    if (end === -1) end = src.length;
    let line = src.slice(j, end);
    if (stripTabs) line = line.replace(/^\t+/, '');
    if (line === delimiter) return { end: j, next: Math.min(end + 1, src.length) };
    j = Math.min(end + 1, src.length);
  }
  return { end: src.length, next: src.length };
}

/** Past the bodies of the here-documents opened on the line that ended before `from`. */
function pastHeredocBodies(src: string, from: number, heredocs: Heredoc[]): number {
  let j = from;
  while (heredocs.length > 0 && j < src.length) j = heredocBody(src, j, heredocs.shift()!).next;
  heredocs.length = 0;
  return j;
}

/** `~` and a bare `cd`: the HOME the command sees, as far as it is known. */
function homeOf(scope: Scope): string | undefined {
  const home = scope.vars.get('HOME');
  return typeof home === 'string' ? home : undefined;
}

/** Splits a command line into words, operators and redirections. */
class Lexer {
  private i = 0;
  private braceDepth = 0;
  private readonly pendingHeredocs: (Heredoc & { expands: boolean; body: HeredocText })[] = [];

  constructor(
    private readonly src: string,
    private readonly scope: () => Scope,
    private readonly nested: Nested,
    /** Takes `n` characters from the command's expansion budget; false when too few are left. */
    private readonly spend: (n: number) => boolean,
    /** Reports commands run that the text does not show (`part` stands for what they write). */
    private readonly unseen: (part: Part, via: string) => void,
  ) {}

  /** Lazily: a variable assigned by one command is known when the next one is read. */
  *tokens(): Generator<Token> {
    for (;;) {
      this.skipBlanks();
      if (this.i >= this.src.length) return;
      const c = this.src[this.i]!;
      if (c === '#') {
        while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
        continue;
      }
      if (c === '\n') {
        this.i++;
        // The bodies first: a command reading one (`bash <<'EOF'`) runs at the end of its line.
        this.skipHeredocBodies();
        yield { t: 'op', op: ';' };
        continue;
      }
      if (this.src.startsWith('((', this.i)) {
        // An arithmetic command: its `<<` is a shift, not a here-document; its $(…) are read as
        // commands. Not closed by `))`, it is two subshells that only looked like one (bash's rule).
        this.parenthesized(this.i);
        yield { t: 'word', word: { parts: [{ text: '((…))', known: false }] } };
        continue;
      }
      const op = this.atProcessSubstitution() ? undefined : this.operator();
      if (op) {
        yield op;
        continue;
      }
      const at = this.i;
      const word = this.word();
      // Every character ends a word or is read by one: a lexer that stops moving would never end.
      if (this.i === at) throw new Error(`shell reader: no token at character ${at}`);
      if (this.src[this.i] === '(' && exact(word) && /^[A-Za-z_]\w*\+?=$/.test(text(word))) {
        // `a=(x y)`, `a+=(…)`: an array, not `a=` and a subshell; what it holds is read from its
        // elements' text (their $(…) run now).
        const inner = this.balanced(this.i + 1);
        this.nested(`: ${inner}`);
        // A key's subscript is evaluated, its quoted `$(…)` too (`a=(['$(rm …)']=1)`): not seen.
        if (/\[[\s\S]*\]\+?=/.test(inner) && /\$\(|`/.test(inner))
          this.unseen({ text: '(…)', known: false, fed: { texts: [this.src] } }, 'an array key it cannot read');
        word.parts.push({ text: '(…)', known: false, fed: { texts: [inner] } });
        word.raw = `${word.raw ?? ''}(${inner})`;
      }
      // A word of digits directly followed by < or > is a file-descriptor number.
      if (/^\d+$/.test(text(word)) && exact(word) && /[<>]/.test(this.src[this.i] ?? '')) continue;
      yield { t: 'word', word };
    }
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && this.src[this.i + 1] === '\n') this.i += 2;
      else return;
    }
  }

  private skipHeredocBodies(): void {
    while (this.pendingHeredocs.length > 0 && this.i < this.src.length) {
      const heredoc = this.pendingHeredocs.shift()!;
      const { end, next } = heredocBody(this.src, this.i, heredoc);
      heredoc.body.text = this.src.slice(this.i, end);
      if (heredoc.expands) new Lexer(this.src.slice(this.i, end), this.scope, this.nested, this.spend, this.unseen).expandedBody();
      this.i = next;
    }
  }

  /** An unquoted heredoc body: read as a double-quoted string to its end (a `"` is text there). */
  expandedBody(): void {
    this.doubleQuoted(() => {}, false);
  }

  private operator(): Token | undefined {
    const rest = this.src.slice(this.i, this.i + 3);
    for (const op of ['&>>', '&&', '||', ';;', '|&', '&>', '>>', '>|', '>&', '<>', '<<<', '<<-', '<<', '<&', '>', '<', ';', '&', '|', '(', ')']) {
      if (!rest.startsWith(op)) continue;
      this.i += op.length;
      if (!/[<>]/.test(op)) return { t: 'op', op: op === '|&' ? '|' : op };
      this.skipBlanks();
      if (op === '>&' || op === '<&') {
        // `>&2`, `>&-`: a descriptor, not a file. `>&file` is the same as `&>file`.
        const m = /^(?:\d+|-)(?=[ \t\n;&|()<>]|$)/.exec(this.src.slice(this.i));
        if (m || op === '<&') {
          if (m) this.i += m[0].length;
          else this.word();
          return { t: 'redir', op: '<', target: undefined };
        }
        return { t: 'redir', op: '&>', target: this.word() };
      }
      const target = this.i < this.src.length && (!/[\n;&|()<>]/.test(this.src[this.i]!) || this.atProcessSubstitution()) ? this.word() : undefined;
      if ((op === '<<' || op === '<<-') && target) {
        // An unquoted delimiter: the shell runs the body's $(…) and `…` (a quoted one: the body is text).
        const expands = !/['"\\]/.test(target.raw ?? '');
        const body: HeredocText = { text: undefined, expands };
        this.pendingHeredocs.push({ delimiter: text(target), stripTabs: op === '<<-', expands, body });
        return { t: 'redir', op, target, body };
      }
      return { t: 'redir', op, target };
    }
    return undefined;
  }

  private atProcessSubstitution(): boolean {
    return /^[<>]\(/.test(this.src.slice(this.i, this.i + 2));
  }

  private word(): Word {
    const start = this.i;
    const parts: Part[] = [];
    const add = (p: Part) => {
      if (p.text !== '') parts.push(p);
    };
    const push = (t: string, known: boolean) => add({ text: t, known });
    const atStart = () => parts.length === 0;
    let bracket: ReturnType<typeof bracketAt>;
    if (this.atProcessSubstitution()) {
      this.nested(this.balanced(this.i + 2));
      push(this.src.slice(start, this.i), false);
    }
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (METACHAR.test(c)) break;
      if (c === '\\') {
        const next = this.src[this.i + 1];
        this.i += 2;
        if (next !== undefined && next !== '\n') push(next, true);
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.i + 1);
        const stop = end === -1 ? this.src.length : end;
        push(this.src.slice(this.i + 1, stop), true);
        this.i = stop + 1;
      } else if (c === '"') {
        this.i++;
        this.doubleQuoted(add);
      } else if (c === '$' && this.src[this.i + 1] === '"') {
        this.i++; // $"…" (a translated string) reads as "…"
      } else if (c === '$') {
        this.dollar(add, true);
      } else if (c === '`') {
        this.backquoted(add);
      } else if (c === '~' && atStart()) {
        const m = /^~(?=\/|[ \t\n;&|()<>]|$)/.exec(this.src.slice(this.i));
        this.i++;
        const home = homeOf(this.scope());
        if (m && home !== undefined) push(home, true);
        else push('~', false);
      } else if (c === '[' && (bracket = bracketAt(this.src, this.i)) !== undefined) {
        // A bracket expression (`[l]og.md`, `[a-z]`): a glob of one character, as `?` is; one that
        // globMatches cannot take as written (`[[:alpha:]]`, `[\l]`) is read as `?`.
        add({ text: bracket.exact ? this.src.slice(this.i, bracket.end) : '?', known: false, glob: true });
        this.i = bracket.end;
      } else if (c === '*' || c === '?' || c === '[') {
        this.i++;
        add({ text: c, known: false, ...(c !== '[' && { glob: true }) });
      } else if (c === '{' || c === ',' || c === '}') {
        this.i++;
        parts.push({ text: c, known: true, brace: true });
      } else {
        let j = this.i;
        while (j < this.src.length && !/[ \t\n;&|()<>\\'"$`*?[{},]/.test(this.src[j]!)) j++;
        push(this.src.slice(this.i, j), true);
        this.i = j;
      }
    }
    return { parts, raw: this.src.slice(start, this.i) };
  }

  private doubleQuoted(add: (p: Part) => void, closesAtQuote = true): void {
    const push = (t: string, known: boolean) => add({ text: t, known });
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (c === '"') {
        this.i++;
        if (closesAtQuote) return;
        push('"', true);
        continue;
      }
      if (c === '\\') {
        const next = this.src[this.i + 1];
        this.i += 2;
        if (next === undefined) return;
        if ('$`"\\'.includes(next)) push(next, true);
        else if (next !== '\n') push(`\\${next}`, true);
      } else if (c === '$' && this.src[this.i + 1] !== "'") {
        this.dollar(add);
      } else if (c === '`') {
        this.backquoted(add);
      } else {
        // A `$'` is text here, not a `$'…'` string.
        let j = this.i + 1;
        while (j < this.src.length && !'"\\$`'.includes(this.src[j]!)) j++;
        push(this.src.slice(this.i, j), true);
        this.i = j;
      }
    }
  }

  /** `$NAME`, `${NAME}`, `$(…)`, `$((…))`, `$'…'`, or a lone `$`. */
  /** `unquoted`: outside double quotes, where bash expands a `*` or `?` a value holds as a glob. */
  private dollar(add: (p: Part) => void, unquoted = false): void {
    const push = (t: string, known: boolean) => {
      if (!unquoted || !known || !/[*?[]/.test(t)) return add({ text: t, known });
      // `x='*'; rm …/$x`: the value's stars are globs there, its other text as it is; a bracket
      // expression it holds (`x='[l]og.md'`) stands for any one character.
      for (const piece of t.split(/(\[[^\]]*\]|[*?])/)) {
        if (piece === '') continue;
        const glob = piece === '*' || piece === '?' || (piece.startsWith('[') && piece.length > 2);
        add(glob ? { text: piece.startsWith('[') ? '?' : piece, known: false, glob: true } : { text: piece, known: true });
      }
    };
    const rest = this.src.slice(this.i + 1);
    if (rest.startsWith('(')) {
      const inner = this.parenthesized(this.i + 1);
      // What it prints is the names (`rm $(echo log.md)`): read from its text, as `f=$(…)` is.
      // `$((…))` too is not taken for a number: what a variable in it holds is known only where the
      // text stands, not after a loop, a function, a trap or mapfile set it to `x[$(rm …)]` (a
      // subscript bash runs), and IFS may split the digits it makes (review 2026-12-06).
      add({ text: '$(…)', known: false, fed: { texts: [inner] }, ...(MKTEMP.test(inner) && { fresh: true }), ...(isArithmetic(inner) && { number: true }) });
      return;
    }
    if (rest.startsWith('[')) {
      // `$[…]`, bash's old arithmetic: a number, its names evaluated, its $(…) run.
      let end = this.i + 2;
      for (let open = 1; end < this.src.length; end++) {
        if (this.src[end] === '[') open++;
        else if (this.src[end] === ']' && --open === 0) break;
      }
      const inner = this.src.slice(this.i + 2, end);
      this.arithmetic(inner);
      if (/[$`]/.test(inner)) this.nested(`: ${inner}`);
      this.i = Math.min(end + 1, this.src.length);
      add({ text: '$[…]', known: false, number: true });
      return;
    }
    if (rest.startsWith("'")) {
      let j = this.i + 2;
      while (j < this.src.length && this.src[j] !== "'") j += this.src[j] === '\\' ? 2 : 1;
      const decoded = ansiC(this.src.slice(this.i + 2, j));
      push(decoded ?? this.src.slice(this.i, j + 1), decoded !== undefined);
      this.i = j + 1;
      return;
    }
    // A name, or a positional parameter: `$1` is one digit (`$10` is `${1}0`), `${10}` any number.
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])\}/.exec(rest);
    const plain = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*])/.exec(rest);
    const name = braced?.[1] ?? plain?.[0];
    if (name !== undefined) {
      this.i += 1 + (braced ? braced[0].length : name.length);
      const value = this.scope().vars.get(name);
      if (value !== undefined && typeof value === 'object' && 'parts' in value) {
        if (this.spend(text(value).length)) for (const p of value.parts) add(p);
        else add({ text: `$${name}`, known: false, fed: { texts: [asInput(value)] } });
        return;
      }
      const size = typeof value === 'string' ? value.length : (value?.size ?? 0);
      // Beyond the budget the value is unknown, read from what it holds: a name of log.md in it still counts.
      if (value !== undefined && !this.spend(size)) add({ text: `$${name}`, known: false, fed: typeof value === 'string' ? { texts: [value] } : value.fed });
      else if (typeof value === 'object') add(value);
      else push(value ?? `$${name}`, value !== undefined);
      return;
    }
    if (rest.startsWith('{')) {
      const end = closingBrace(this.src, this.i + 2);
      const stop = Math.min(end + 1, this.src.length);
      const written = this.src.slice(this.i, stop);
      this.i += 2;
      this.inside(end, unquoted);
      // `${x@P}`: prompt expansion runs the command substitutions the value spells, as eval would
      // (`a='$'; b='('; x="${a}${b}rm …)"`); a value not known (an array's element too, not
      // followed) is commands not seen, read from its text, or from the command's when it has none.
      const prompt = /^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])(?:\[[^\]]*\])?@P\}$/.exec(written)?.[1];
      if (prompt !== undefined) {
        const value = this.scope().vars.get(prompt);
        if (typeof value === 'string' && !written.includes('[')) this.nested(value);
        else
          this.unseen(
            { text: written, known: false, fed: { texts: [(!written.includes('[') && valueText(value)) || this.src] } },
            `prompt expansion ${written}`,
          );
      }
      // `${a[n]}`, `${s:n:m}`: a subscript and an offset are arithmetic.
      const sub = /^\$\{[#!]?[A-Za-z_]\w*\[([^\]]*)\]/.exec(written)?.[1];
      const offset = /^\$\{[A-Za-z_]\w*(?:\[[^\]]*\])?:(?![-=+?])([^}]*)\}$/.exec(written)?.[1];
      for (const expr of [sub, offset]) if (expr !== undefined) this.arithmetic(expr);
      // `${!x}`: x's value is taken for a name, and the $(…) of a subscript in it runs
      // (`x='a[$(rm …)]'`), also when a loop, a function or a trap set it after this text: commands
      // not seen, read from the command's text. `${!a[@]}` and `${!pre*}` list names.
      if (/^\$\{!([A-Za-z_]\w*|\d+)(?![\w[*@])/.test(written))
        this.unseen({ text: written, known: false, fed: { texts: [this.src] } }, `indirect expansion ${written}`);
      // `${x:-WORD}`, `${x-WORD}`, `${x:=WORD}`, `${x:+WORD}`: the value may be WORD, as written.
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*]):?([-=+])([\s\S]*)\}$/.exec(written);
      const fallback = m?.[3];
      // `${TMPDIR:-/tmp}` of a variable set to known text: that text.
      const set = m && m[2] !== '+' ? this.scope().vars.get(m[1]!) : undefined;
      // `${L%x}`, `${L/a/b}`, `${L:0}`, `${!L}`: not worked out, but read from what L holds.
      const operated = m ? undefined : /^\$\{[!#]?([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])[^A-Za-z0-9_}]/.exec(written)?.[1];
      if (typeof set === 'string' && (set !== '' || written[2 + m![1]!.length] !== ':') && this.spend(set.length)) push(set, true);
      else if (fallback) add({ text: written, known: false, fed: { texts: [fallback] }, ...(set === undefined && { outside: true }) });
      else if (operated !== undefined) add({ text: written, known: false, fed: { texts: [valueText(this.scope().vars.get(operated)) ?? written] } });
      else push(written, false);
      // `${x:=WORD}` also sets x, when the command has not: to WORD, as written.
      if (m && fallback && m[2] === '=' && /^[A-Za-z_]/.test(m[1]!) && this.scope().vars.get(m[1]!) === undefined) {
        this.scope().vars.set(m[1]!, /[$`\\'"]/.test(fallback) ? { text: `$${m[1]}`, known: false, fed: { texts: [fallback] } } : fallback);
      }
      this.i = stop;
      return;
    }
    const special = /^[0-9@*#?$!-]/.exec(rest);
    this.i += 1 + (special ? 1 : 0);
    push(special ? `$${special[0]}` : '$', !special);
  }

  /**
   * The text of a `${…}` up to `end`, its `}` (or of a `$((…))`, up to its inner `)`): every command
   * or process substitution in it is read as commands, wherever it stands (a default, a pattern, a
   * subscript, an offset), as bash may run it; in single quotes too, which bash expands in a
   * subscript, an offset or arithmetic. Fails closed (commands not seen, read from the whole
   * command) when the text does not end where bash ends it: nested past MAX_QUOTE_NEST, or, in
   * double quotes, single quotes around a `}`, a quote, a backslash or an expansion, which bash in
   * POSIX mode takes as text.
   */
  private inside(end: number, unquoted: boolean): void {
    const ignore = () => {};
    let unsure = this.braceDepth >= MAX_QUOTE_NEST || end >= this.src.length;
    this.braceDepth++;
    while (!unsure && this.i < end) {
      const c = this.src[this.i]!;
      if (c === '\\') this.i += 2;
      else if (c === "'" || (c === '$' && this.src[this.i + 1] === "'")) {
        const from = this.i + (c === '$' ? 2 : 1);
        let k = from;
        while (k < end && this.src[k] !== "'") k += c === '$' && this.src[k] === '\\' ? 2 : 1;
        const quoted = this.src.slice(from, k);
        if (!unquoted && /[}"\\$`]/.test(quoted)) unsure = true;
        else if (/[$`]/.test(quoted)) new Lexer(quoted, this.scope, this.nested, this.spend, this.unseen).expandedBody();
        this.i = k + 1;
      } else if (c === '"') {
        this.i++;
        this.doubleQuoted(ignore);
      } else if (c === '$') this.dollar(ignore);
      else if (c === '`') this.backquoted(ignore);
      else if ((c === '<' || c === '>') && this.src[this.i + 1] === '(') this.nested(this.balanced(this.i + 2));
      else this.i++;
    }
    this.braceDepth--;
    if (unsure || this.i !== end) this.unseen({ text: '$…', known: false, fed: { texts: [this.src] } }, 'an expansion it cannot read');
    this.i = end;
  }

  /**
   * The `(…)` at `at`, after a `$` or a `(`: arithmetic when it is closed (an unclosed one is bash's
   * syntax error) by a `))` as bash takes it, else commands (`$( (…) )`, `((a);(b))`). Its text.
   */
  private parenthesized(at: number): string {
    const inner = this.balanced(at + 1);
    const after = this.i;
    if (after - at - 2 === inner.length && isArithmetic(inner)) {
      this.arithmetic(inner);
      this.i = at + 2;
      this.inside(after - 2, true);
      this.i = after;
    } else this.nested(inner);
    return inner;
  }

  /** Arithmetic on a name whose value is not a known number: commands not seen, read from the command's text. */
  arithmetic(expr: string): void {
    const name = arithmeticUnknown(expr, this.scope().vars);
    if (name !== undefined) this.unseen({ text: expr, known: false, fed: { texts: [this.src] } }, `arithmetic on ${name}, which it cannot read`);
  }

  /** The text up to the `)` matching an opening one just before `from`; moves past it. */
  private balanced(from: number): string {
    const end = closingParen(this.src, from);
    this.i = Math.min(end + 1, this.src.length);
    return this.src.slice(from, end);
  }

  /** A `…` substitution: read as commands; unknown, but new when it is `mktemp` alone, as `$(mktemp)` is. */
  private backquoted(add: (p: Part) => void): void {
    let j = this.i + 1;
    let inner = '';
    while (j < this.src.length && this.src[j] !== '`') {
      if (this.src[j] === '\\' && j + 1 < this.src.length) {
        inner += this.src[j + 1];
        j += 2;
      } else inner += this.src[j++];
    }
    this.i = j + 1;
    this.nested(inner);
    add({ text: '`…`', known: false, ...(MKTEMP.test(inner) && { fresh: true }) });
  }
}

interface Command {
  words: Word[];
  redirs: { op: string; target: Word | undefined; body?: HeredocText | undefined }[];
}

/** Options that take the next word as their value, per command (short and long forms). */
/** A wrapper's options: short ones taking a value, taking an optional one (in the same word), taking none; long ones. */
interface WrapperOptions {
  value: string;
  optional?: string;
  flags: string;
  /** Long names, `=` after one taking a value (as the next word or after `=`), `?` after one whose value is optional (after `=` only). */
  long: string;
}

/**
 * The wrappers' options, exactly (GNU coreutils, util-linux, findutils, GNU time, sudo, doas, bash):
 * GNU takes any unambiguous start of a long option, and a value as the next word, so a reader that
 * did not know one took its value for the program (`timeout --sig KILL 5 rm …` ran rm). One not
 * here (another version's) fails closed.
 */
const WRAPPER_OPTIONS: Record<string, WrapperOptions> = {
  sudo: {
    value: 'aCcDgpRrTtUu',
    optional: 'h',
    flags: 'ABbEeHiKklNnPSsVv',
    long: 'auth-type= close-from= login-class= chdir= group= host= prompt= chroot= role= type= command-timeout= other-user= user= askpass background bell preserve-env? edit set-home help login remove-timestamp reset-timestamp list non-interactive preserve-groups stdin shell version validate',
  },
  doas: { value: 'aCu', flags: 'Lns', long: '' },
  env: {
    value: 'uCS',
    flags: 'i0v',
    long: 'unset= chdir= split-string= block-signal? default-signal? ignore-signal? list-signal-handling ignore-environment null debug help version',
  },
  nice: { value: 'n', flags: '', long: 'adjustment= help version' },
  ionice: { value: 'cnpPu', flags: 'thV', long: 'class= classdata= pid= pgid= uid= ignore help version' },
  chrt: {
    value: 'TPD',
    flags: 'abdfimoprRvhV',
    long: 'sched-runtime= sched-period= sched-deadline= all-tasks batch deadline fifo idle max other pid rr reset-on-fork verbose help version',
  },
  taskset: { value: '', flags: 'acphV', long: 'all-tasks cpu-list pid help version' },
  setsid: { value: '', flags: 'cfwhV', long: 'ctty fork wait help version' },
  flock: {
    value: 'wEc',
    flags: 'sxeunoFhV',
    long: 'timeout= wait= conflict-exit-code= command= shared exclusive unlock nonblock nb close no-fork fcntl verbose help version',
  },
  timeout: { value: 'ks', flags: 'fpv', long: 'kill-after= signal= foreground preserve-status verbose help version' },
  xargs: {
    value: 'adEILnPs',
    optional: 'eil',
    flags: '0oprtx',
    long: 'arg-file= delimiter= max-args= max-procs= max-chars= process-slot-var= eof? replace? max-lines? null open-tty interactive no-run-if-empty show-limits verbose exit help version',
  },
  command: { value: '', flags: 'pvV', long: '' },
  builtin: { value: '', flags: '', long: '' },
  exec: { value: 'a', flags: 'cl', long: '' },
  nohup: { value: '', flags: '', long: 'help version' },
  time: { value: 'fo', flags: 'apqvV', long: 'format= output= append portability quiet verbose help version' },
  stdbuf: { value: 'ioe', flags: '', long: 'input= output= error= help version' },
  busybox: { value: '', flags: '', long: '' },
  coproc: { value: '', flags: '', long: '' },
};

/** The options of a wrapper that take a value, as `operands` reads them (`-o`, `--output`). */
function valueOptions(o: WrapperOptions): Set<string> {
  const long = o.long.split(' ').filter((n) => n.endsWith('='));
  return new Set([...[...o.value].map((c) => `-${c}`), ...long.map((n) => `--${n.slice(0, -1)}`)]);
}

/**
 * How many words the wrapper option `t` takes: 1, or 2 with its value as the next word; undefined
 * for one the wrapper does not know (or an ambiguous start of a long one, which it refuses).
 */
function wrapperOption(name: string, t: string): 1 | 2 | undefined {
  const o = WRAPPER_OPTIONS[name]!;
  if (t.startsWith('--')) {
    const eq = t.indexOf('=');
    const given = t.slice(2, eq > 0 ? eq : undefined);
    const names = o.long.split(' ').filter((n) => n !== '');
    const starts = names.filter((n) => n.startsWith(given));
    const match = names.find((n) => n.replace(/[=?]$/, '') === given) ?? (starts.length === 1 ? starts[0] : undefined);
    if (match === undefined) return undefined;
    return match.endsWith('=') && eq < 0 ? 2 : 1;
  }
  // nice's older form: `nice -5`, `nice --5`, `nice -+5`.
  if (name === 'nice' && /^-[-+]?\d+$/.test(t)) return 1;
  for (let c = 1; c < t.length; c++) {
    const flag = t[c]!;
    if (o.value.includes(flag)) return c === t.length - 1 ? 2 : 1;
    if (o.optional?.includes(flag)) return 1;
    if (!o.flags.includes(flag)) return undefined;
  }
  return 1;
}

const OPTION_ARGS: Record<string, Set<string>> = {
  ...Object.fromEntries(Object.entries(WRAPPER_OPTIONS).map(([name, o]) => [name, valueOptions(o)])),
  'git-checkout': new Set(['-b', '-B', '--orphan', '--conflict', '--pathspec-from-file']),
  'git-restore': new Set(['-s', '--source', '--pathspec-from-file']),
  'git-rm': new Set(['--pathspec-from-file']),
  'git-stash': new Set(['-m', '--message', '--pathspec-from-file']),
  uniq: new Set(['-f', '-s', '-w', '--skip-fields', '--skip-chars', '--check-chars']),
  su: new Set(['-c', '-g', '-G', '-s', '-w', '--command', '--session-command', '--group', '--supp-group', '--shell', '--whitelist-environment']),
  runuser: new Set([
    '-c',
    '-g',
    '-G',
    '-s',
    '-u',
    '-w',
    '--command',
    '--session-command',
    '--group',
    '--supp-group',
    '--shell',
    '--user',
    '--whitelist-environment',
  ]),
  watch: new Set(['-n', '-d', '-q', '--interval', '--differences', '--equexit']),
  script: new Set(['-c', '--command', '-E', '--echo', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing', '-m', '--logging-format']),
  cp: new Set(['-S', '-t', '--suffix', '--target-directory']),
  mv: new Set(['-S', '-t', '--suffix', '--target-directory']),
  install: new Set(['-m', '-o', '-g', '-S', '-t', '--mode', '--owner', '--group', '--suffix', '--target-directory']),
  ln: new Set(['-S', '-t', '--suffix', '--target-directory']),
  rsync: new Set(['-e', '--rsh', '--exclude', '--include', '--filter', '-f', '-T', '--temp-dir']),
  truncate: new Set(['-s', '-r', '--size', '--reference']),
  rm: new Set(),
  unlink: new Set(),
  shred: new Set(['-n', '-s', '--iterations', '--size', '--random-source']),
  tee: new Set(),
  sponge: new Set(),
  awk: new Set(['-f', '-v', '-F', '-i', '-e', '--file', '--assign', '--field-separator', '--include', '--source']),
  gawk: new Set(['-f', '-v', '-F', '-i', '-e', '--file', '--assign', '--field-separator', '--include', '--source']),
  patch: new Set(['-i', '-o', '-p', '-d', '-D', '-B', '-F', '-r', '-V', '-Y', '-z', '--input', '--output', '--strip', '--directory', '--reject-file']),
  read: new Set(['-a', '-d', '-i', '-n', '-N', '-p', '-t', '-u']),
  // The options of curl and wget that name a file written (others that take a value are read as
  // flags: their values are not URLs, so they name nothing written).
  curl: new Set(['-o', '--output', '--output-dir', '-D', '--dump-header', '-c', '--cookie-jar', '--trace', '--trace-ascii', '--stderr']),
  wget: new Set(['-O', '--output-document', '-o', '--output-file', '-a', '--append-output']),
  sort: new Set([
    '-o',
    '-k',
    '-t',
    '-S',
    '-T',
    '--output',
    '--key',
    '--field-separator',
    '--buffer-size',
    '--temporary-directory',
    '--files0-from',
    '--batch-size',
    '--compress-program',
    '--parallel',
    '--random-source',
  ]),
};

const WRAPPERS = new Set(Object.keys(WRAPPER_OPTIONS));
/** Wrappers that take one operand before the command: `timeout 5 CMD`, `chrt 0 CMD`, `taskset 3 CMD`, `flock FILE CMD`. */
const LEADING_OPERAND = new Set(['timeout', 'chrt', 'taskset', 'flock']);
/** bash's test as written, which writes nothing: a lone `[` has no `]` to make it a glob. */
const TESTS = new Set(['[', '[[']);
/**
 * True when the test `program` (`[`, `[[`, `test`) with `args` evaluates a word as arithmetic, where
 * the `$(…)` of a subscript runs: the name given to -v or -R, and `[[`'s arithmetic comparisons
 * (`[[ -v 'a[$(rm …)]' ]]`; `[` and `test` compare integers without evaluating them).
 */
function testEvaluates(program: string | undefined, args: Word[]): boolean {
  return args.some((w) => {
    const t = text(w);
    return t === '-v' || t === '-R' || (program === '[[' && /^-(eq|ne|lt|le|gt|ge)$/.test(t));
  });
}
/**
 * The words bash evaluates as a variable's name or as arithmetic when `name` is given `args`: the
 * `$(…)` of a subscript in them runs (`printf -v 'a[$(rm …)]' x`, `unset 'a[$(…)]'`, `let …`).
 * A declaration's words whole: the value of `declare -n r=VALUE` is a name too.
 */
function evaluatedWords(name: string, args: Word[]): Word[] {
  if (name === 'let') return args;
  const plain = (w: Word) => !/^[-+]/.test(text(w));
  if (DECLARATIONS.has(name) || name === 'unset') return args.filter(plain);
  const after = (flag: RegExp) => args.flatMap((w, k) => (flag.test(text(w)) && args[k + 1] ? [args[k + 1]!] : []));
  if (name === 'printf') return after(/^-v$/);
  if (name === 'wait') return after(/^-[fn]*p$/);
  if (name === 'read') return [...after(/^-[ers]*a$/), ...args.filter((w, k) => plain(w) && (k === 0 || !/^-[ers]*[adinNptu]$/.test(text(args[k - 1]!))))];
  if (name === 'mapfile' || name === 'readarray') return args.filter((w, k) => plain(w) && (k === 0 || !/^-t*[dnOsucC]$/.test(text(args[k - 1]!))));
  return [];
}
/** A value bash's arithmetic takes for a number, without evaluating it further. */
const NUMBER = /^\s*[-+]?\d+\s*$/;
const numberWord = (w: Word) => w.parts.length > 0 && w.parts.every((p) => p.number || (p.known && /^[-+]?\d*$/.test(p.text)));
/** True when `v` is a number: digits, `$((…))`, or a loop's words that all are. */
function isNumber(v: Value): boolean {
  if (v === undefined || typeof v === 'string') return v !== undefined && NUMBER.test(v);
  if ('each' in v && v.each) return v.each.every(numberWord);
  return 'parts' in v ? numberWord(v) : v.number === true;
}
/**
 * The first name in the arithmetic `expr` whose value is not known to be a number: bash evaluates
 * such a value as arithmetic in turn, running the `$(…)` of a subscript it spells (`read n <<<
 * 'x[$(rm …)]'; (( n ))`). A name the command never set is taken for 0.
 */
function arithmeticUnknown(expr: string, vars: Vars): string | undefined {
  // Names, and positional parameters (`$1`, `${2}`): a function's parameters are the caller's words.
  for (const [name] of expr.matchAll(/(?<![\w#])[A-Za-z_]\w*|(?<=\$\{?)[0-9@*]/g)) {
    vars.counted.add(name);
    const v = vars.get(name);
    if (v !== undefined && !isNumber(v)) return name;
  }
  return undefined;
}

/** Variables whose value a program runs as a command (git's editor, pager, diff, ssh; less's LESSOPEN; bash's BASH_ENV). */
const RUN_VARS = new Set(
  'GIT_EDITOR GIT_SEQUENCE_EDITOR GIT_EXTERNAL_DIFF GIT_SSH_COMMAND GIT_SSH GIT_PAGER GIT_ASKPASS PAGER EDITOR VISUAL LESSOPEN LESSCLOSE BASH_ENV ENV PROMPT_COMMAND'.split(
    ' ',
  ),
);
const runsValue = (name: string) => RUN_VARS.has(name) || /^GIT_CONFIG_VALUE_\d+$/.test(name);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh']);
const DECLARATIONS = new Set(['export', 'local', 'declare', 'typeset', 'readonly']);
/** Operators that end a pipeline: what came before no longer feeds the next command. */
const LIST_OPS = new Set([';', '&&', '||', '&', ';;']);
const INPUT_REDIRS = new Set(['<', '<<<', '<>']);
/** Reserved words that can stand before a command's name. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!']);
const OUTPUT_REDIRS = new Map<string, WriteKind>([
  ['>', 'replace'],
  ['>|', 'replace'],
  ['&>', 'replace'],
  ['<>', 'replace'],
  ['>>', 'append'],
  ['&>>', 'append'],
]);

/** `w` without its first `n` characters (`of=FILE` → `FILE`), each part keeping what it knows. */
function dropChars(w: Word, n: number): Word {
  const parts: Part[] = [];
  for (const p of w.parts) {
    if (n >= p.text.length) n -= p.text.length;
    else {
      parts.push(n > 0 ? { ...p, text: p.text.slice(n) } : p);
      n = 0;
    }
  }
  return { parts };
}

/** Splits the words after a command name into options and operands (`--` ends the options). */
function operands(name: string, args: Word[]): { options: string[]; values: Map<string, Word>; operands: Word[] } {
  const takesArg = OPTION_ARGS[name] ?? new Set<string>();
  const options: string[] = [];
  const values = new Map<string, Word>();
  const out: Word[] = [];
  let optionsDone = false;
  for (let k = 0; k < args.length; k++) {
    const w = args[k]!;
    const t = text(w);
    if (optionsDone || !t.startsWith('-') || t === '-') {
      out.push(w);
      continue;
    }
    if (t === '--') {
      optionsDone = true;
      continue;
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const option = longOption(eq > 0 ? t.slice(0, eq) : t, takesArg);
      options.push(option);
      if (eq > 0) values.set(option, dropChars(w, eq + 1));
      else if (takesArg.has(option) && k + 1 < args.length) values.set(option, args[++k]!);
      continue;
    }
    // A cluster of short options (-vt DIR, -tDIR): one that takes a value takes the rest of the
    // word, or the next word.
    options.push(t);
    for (let c = 1; c < t.length; c++) {
      const flag = `-${t[c]}`;
      if (!takesArg.has(flag)) continue;
      if (c < t.length - 1) values.set(flag, dropChars(w, c + 1));
      else if (k + 1 < args.length) values.set(flag, args[++k]!);
      break;
    }
  }
  return { options, values, operands: out };
}

/** GNU tools take any unambiguous start of a long option (`--target` for `--target-directory`). */
function longOption(given: string, known: Set<string>): string {
  if (known.has(given) || given.length < 3) return given;
  let match: string | undefined;
  for (const o of known) {
    if (!o.startsWith(given)) continue;
    if (match !== undefined) return given;
    match = o;
  }
  return match ?? given;
}

/** Short options of perl and ruby that take the rest of their word as a value (`-MList::Util`, `-Ilib`, `-rtime`). */
const VALUE_FLAGS: Record<string, string> = { perl: 'MmIFCdDxV', ruby: 'rICFKTWx' };

/** The words of `sed`/`perl`/`ruby` that name files, when the command edits in place. */
function inPlaceTargets(name: string, args: Word[]): Word[] | undefined {
  let inPlace = false;
  let scriptGiven = false;
  const files: Word[] = [];
  let optionsDone = false;
  for (let k = 0; k < args.length; k++) {
    const w = args[k]!;
    const t = text(w);
    if (optionsDone || !t.startsWith('-') || t === '-') {
      files.push(w);
      continue;
    }
    if (t === '--') {
      optionsDone = true;
      continue;
    }
    if (t.startsWith('--')) {
      // GNU takes any start of a long option: `--in`, `--i=.bak`.
      const option = t.slice(2).split('=')[0]!;
      if (option !== '' && 'in-place'.startsWith(option)) inPlace = true;
      if (/^--(?:expression|file)$/.test(t)) {
        scriptGiven = true;
        k++;
      } else if (/^--(?:expression|file)=/.test(t)) scriptGiven = true;
      else if (t === '--line-length') k++;
      continue;
    }
    // A cluster of short options: -n, -Ei, -pi, -i.bak, -e SCRIPT, -eSCRIPT ...
    for (let c = 1; c < t.length; c++) {
      const flag = t[c]!;
      if (VALUE_FLAGS[name]?.includes(flag)) break; // the rest is its value: the i of -MList::Util is no -i
      if (flag === 'i') {
        inPlace = true;
        break; // the rest is the backup suffix
      }
      if (flag === 'e' || (flag === 'E' && name !== 'sed') || flag === 'f' || (flag === 'l' && name === 'sed')) {
        if (flag !== 'l') scriptGiven = true;
        if (c === t.length - 1) k++;
        break;
      }
    }
  }
  if (!inPlace) return undefined;
  return scriptGiven ? files : files.slice(1);
}

/**
 * Commands known to make no symbolic or hard link, whatever their words (cp and sed: see
 * makesNoLink). Any other command may (tar, unzip, git, rsync, mv, ln, a program, a function, a
 * shell), so a folder mktemp made holds only what the command put there up to the first such one.
 */
const NO_LINKS = new Set(
  'cd pushd popd mktemp mkdir touch rm rmdir cp sed cat grep ls head tail wc diff sort tee echo printf true false : test [ pwd sleep shift set read exit return wait trap done fi esac'.split(
    ' ',
  ),
);

/**
 * True when the command makes no link (NO_LINKS). cp copies links as links, or makes them, with
 * -a, -d, -P, -R, -r, -l, -s or --preserve=links; GNU sed runs commands with its `e` (a script
 * holding no `e` runs none; a script from a file, or a word not known, may).
 */
function makesNoLink(written: string, name: string, args: Word[]): boolean {
  if (!NO_LINKS.has(name) || !(written === name || /^\/(?:usr\/)?bin\/[^/]+$/.test(written))) return false;
  if (name === 'cp') {
    // Its words as written: a word not known may be an option (`cp $opts …`).
    const end = args.findIndex((w) => text(w) === '--');
    return (end < 0 ? args : args.slice(0, end)).every((w) => {
      const first = w.parts[0];
      if (!exact(w)) return first?.fresh === true || (first?.known === true && first.text !== '' && !first.text.startsWith('-'));
      return !text(w).startsWith('-') || text(w) === '-' || cpMakesNoLink(text(w));
    });
  }
  if (name !== 'sed') return true;
  return args.every((w) => {
    const t = text(w);
    if (!exact(w)) return false;
    if (t === '-e' || /^-[nErsuz]*(?:i.*)?$/.test(t) || /^--(?:in-place|regexp-extended|quiet|silent|separate|unbuffered)/.test(t)) return true;
    return !t.startsWith('-') && !t.includes('e');
  });
}

/**
 * The scripts of a sed command: each -e/--expression, else its first operand; undefined when one
 * is read from a file (-f, --file), which the text does not show.
 */
function sedScripts(args: Word[]): Word[] | undefined {
  const scripts: Word[] = [];
  const files: Word[] = [];
  let optionsDone = false;
  for (let k = 0; k < args.length; k++) {
    const w = args[k]!;
    const t = text(w);
    if (optionsDone || !t.startsWith('-') || t === '-') files.push(w);
    else if (t === '--') optionsDone = true;
    else if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const option = t.slice(2, eq > 0 ? eq : undefined);
      if (option.length > 0 && 'file'.startsWith(option)) return undefined;
      if (option.length > 0 && ('expression'.startsWith(option) || 'line-length'.startsWith(option))) {
        const value = eq > 0 ? dropChars(w, eq + 1) : args[++k];
        if (value && option.startsWith('e')) scripts.push(value);
      }
    } else
      for (let c = 1; c < t.length; c++) {
        const flag = t[c]!;
        if (flag === 'f') return undefined;
        if (flag === 'i') break; // the rest is the backup suffix
        if (flag === 'e' || flag === 'l') {
          const value = c < t.length - 1 ? dropChars(w, c + 1) : args[++k];
          if (value && flag === 'e') scripts.push(value);
          break;
        }
      }
  }
  if (scripts.length === 0 && files[0]) scripts.push(files[0]);
  return scripts;
}

/**
 * The files sed's `w` commands write (`sed -n 'w FILE'`, `s/a/b/w FILE`), each replaced, and the
 * commands its `e` runs, read as commands. A script
 * the text does not show (a file, a word not known) is a write of a name it cannot tell, read
 * from sed's words: it fails closed when they name log.md.
 */
function sedWrites(name: string, args: Word[], emit: Emit, nested: Nested, depth: number): void {
  const unseen = (via: string) => unseenWrite(name, args, emit, `${name} ${via}`);
  const read = sedScripts(args)?.map((w) => (exact(w) ? sedScriptWrites(text(w)) : undefined));
  if (read === undefined || read.includes(undefined)) {
    unseen('w');
    return;
  }
  for (const script of read) {
    for (const file of script!.files) emit({ parts: [{ text: file, known: true }] }, 'replace', `${name} w`);
    // `e COMMAND` runs it with sh; `e` alone (or s///e) runs the pattern space, text from the input.
    for (const run of script!.runs)
      if (run === '' || depth >= MAX_DEPTH) unseen('e');
      else nested(run);
  }
}

/** A write of a name it cannot tell, by `name`, read from its words: it fails closed when they name log.md. */
const unseenWrite = (name: string, args: Word[], emit: Emit, via: string, outer?: Feed) =>
  emit({ parts: [{ text: `<a file ${name} writes>`, known: false, fed: { texts: [args.map(asInput).join(' ')], outer } }] }, 'replace', via);

/**
 * Programs with an option, or a word (dd's of=), that makes them write a file other than their
 * operands (rm, tee, truncate … write each operand: a word it cannot read is already one).
 */
const OPTION_WRITES = new Set('sed gsed perl ruby awk gawk sort uniq cp mv install ln rsync dd patch curl wget find git script'.split(' '));

/**
 * Options whose value, in the same word, is read and writes nothing (`--since="$d"`, `-t"$tab"`): a
 * word of one of them and one double-quoted string, which bash neither splits nor globs, is that
 * option whatever the string holds. sort's -t or -k left empty takes the next word, and dies unless
 * it is one character or a key (no option).
 */
const READ_VALUES: Record<string, string[]> = {
  git: ['--since=', '--until=', '--after=', '--before=', '--author=', '--committer=', '--grep=', '--format=', '--pretty=', '--date='],
  sort: ['-t', '-k', '--field-separator=', '--key='],
};
/** git log's flags that take no value: before `-n`, they leave it in an option's place. */
const GIT_LOG_FLAGS = new Set(
  '--oneline --stat -p --patch --follow --graph --no-merges --reverse --name-only --name-status --all --decorate --abbrev-commit'.split(' '),
);

/** The body of a word written as one double-quoted string after `prefix` (`--since="…"`, `"--since=…"`). */
function quotedAfter(w: Word, prefix: string): boolean {
  const raw = w.raw ?? '';
  if (!raw.startsWith(`${prefix}"`) && !raw.startsWith(`"${prefix}`)) return false;
  const body = raw.slice(prefix.length + 1);
  // "$@", "${a[@]}", "${!a[@]}" are words of their own in double quotes too: one may be an option.
  return body.endsWith('"') && !body.slice(0, -1).includes('"') && !body.endsWith('\\"') && !/\$@|\$\{[!#]?@|\[@\]|\$\{!/.test(body);
}

/**
 * True when `args[k]` is read as the value of an option that writes nothing, whatever it holds:
 * `--since="$d"`; or git log's `-n "$N"`, which takes the next word as a number (revision.c), when
 * every word from `log` to the -n is a flag known to take no value (after `--grep`, -n is its pattern).
 */
function readValue(name: string, args: Word[], k: number): boolean {
  const w = args[k]!;
  if (READ_VALUES[name]?.some((prefix) => text(w).startsWith(prefix) && quotedAfter(w, prefix))) return true;
  if (name !== 'git' || k < 2 || !quotedAfter(w, '') || literal(args[k - 1]!) !== '-n') return false;
  const sub = gitSubcommand(args);
  return (
    sub < k - 1 &&
    literal(args[sub]!) === 'log' &&
    args.slice(sub + 1, k - 1).every((a) => GIT_LOG_FLAGS.has(literal(a) ?? '') || /^--[a-z-]+=\S*$/.test(literal(a) ?? ''))
  );
}

/** Programs of OPTION_WRITES with no option that writes through a value in its own word (`-fprint` takes the next). */
const PATHS_NOT_VALUES = new Set(['find', 'uniq']);

/**
 * `git log --format=%h …` (or rev-list, %H) with options that add no other line: it prints hashes
 * alone, none starting with `-` (not --oneline, whose subjects xargs splits into words).
 */
const HASHES =
  /^git\s+(?:log|rev-list)(?=.*\s--(?:format|pretty)=)(?:\s+(?:-n\s*\d+|-\d+|--max-count=\d+|--(?:all|follow|reverse|no-merges|first-parent)|--(?:format|pretty)=(['"]?)(?:t?format:)?%[hH]\1(?=\s|$)|--(?:since|until|after|before|author)=\S+|[\w.~^@{}][\w./~^@{}-]*))*(?:\s+--(?:\s+\S+)*)?\s*$/;

/** Commands that print hashes alone: HASHES, `git rev-parse REV…`, `git merge-base REV…` (no option). */
const printsHashes = (t: string) => HASHES.test(t) || /^git\s+(?:rev-parse|merge-base)(?:\s+[\w.~^@{}][\w./~^@{}-]*)+\s*$/.test(t);

/** The command piping names in (xargs, read), unless find, which prints paths under the folders it is given, or one printing hashes. */
const pipedText = (f: Feed) => (f.piped && !/^find\s/.test(f.piped.text) && !printsHashes(f.piped.text) ? f.piped.text : '');

/**
 * True when `w` may be an option (or dd's `of=`) through a part it cannot read: it starts with one,
 * or with a `-`, and the part is a variable set outside the command (`$opts`, `"${a[@]}"`, `-$x`)
 * or comes from text holding a word that starts with `-` (`f -i` calling `f() { sed … "$@" …; }`).
 * GNU tools take options after operands.
 */
function mayBeOption(name: string, w: Word): boolean {
  const start = knownStart(w);
  const first = w.parts.findIndex((p) => !p.known);
  // A word starting with text that is not a `-`: a known one, a `for` word's value, $(mktemp).
  const head = w.parts[0];
  if ((start !== '' && !start.startsWith('-')) || (start === '' && (head?.fresh || (head?.bound && head.text !== '' && !head.text.startsWith('-')))))
    return false;
  // `"$D/x.md"`: a path in a folder it cannot tell, for a program none of whose options writes
  // through a value in the same word (elsewhere o=-o. makes sort "$o/…/log.md" write the log).
  if (PATHS_NOT_VALUES.has(name) && text({ parts: w.parts.slice(first + 1) }).includes('/')) return false;
  // After a known `-`, any part it cannot read may spell the option (`-"${o,,}"` with o=I is -i).
  return w.parts.some(
    (p) =>
      !p.known &&
      !p.fresh &&
      !p.glob &&
      !(p.text === '$(…)' && printsHashes(p.fed?.texts[0] ?? '')) &&
      (start !== '' ||
        (!p.each &&
          !p.bound &&
          (!p.fed ||
            p.outside ||
            p.text === '$(…)' ||
            p.text === '`…`' ||
            [...p.fed.texts, pipedText(p.fed)].some((t) => t === p.text || /(?:^|[\s'"=(])-/.test(t))))),
  );
}

/** cp's long options that copy links as links or make them; GNU takes any unambiguous start (`--sym`). */
const CP_LINKING = ['archive', 'no-dereference', 'recursive', 'link', 'symbolic-link'];

function cpMakesNoLink(option: string): boolean {
  if (!option.startsWith('--')) return !/[adPRrls]/.test(option.slice(1));
  const [name = '', value] = option.slice(2).split('=');
  // --preserve=links (or l, li, all, a …): hard links among what it copies.
  if ('preserve'.startsWith(name) && value?.split(',').some((v) => 'links'.startsWith(v) || 'all'.startsWith(v))) return false;
  return !CP_LINKING.some((o) => o.startsWith(name));
}

/** The writes of one simple command (after wrappers), other than its redirections. */
function commandWrites(name: string, args: Word[], emit: Emit, nested: Nested, depth: number): void {
  switch (name) {
    case 'sed':
    case 'gsed': // GNU sed's name on macOS (Homebrew)
    case 'perl':
    case 'ruby': {
      for (const w of inPlaceTargets(name === 'gsed' ? 'sed' : name, args) ?? []) emit(w, 'replace', `${name} -i`);
      if (name === 'sed' || name === 'gsed') sedWrites(name, args, emit, nested, depth);
      return;
    }
    case 'tee':
    case 'sponge': {
      const { options, operands: files } = operands(name, args);
      const append = options.some((o) => o === '--append' || /^-[a-z]*a/.test(o));
      for (const w of files) emit(w, append ? 'append' : 'replace', append ? `${name} -a` : name);
      return;
    }
    case 'awk':
    case 'gawk': {
      // gawk's in-place extension: -i inplace (or --include=inplace) rewrites every input file.
      const { options, values, operands: files } = operands(name, args);
      const include = values.get('-i') ?? values.get('--include');
      const inPlace = (include && /^inplace(?:\.awk)?$/.test(text(include))) || options.some((o) => /^-iinplace/.test(o));
      if (!inPlace) return;
      const programGiven = values.has('-f') || values.has('--file') || values.has('-e') || values.has('--source');
      for (const w of programGiven ? files : files.slice(1)) if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(text(w))) emit(w, 'replace', `${name} -i inplace`);
      return;
    }
    case 'cp':
    case 'mv':
    case 'install':
    case 'ln':
    case 'rsync': {
      const { options, values, operands: files } = operands(name, args);
      const intoDir = values.get('-t') ?? values.get('--target-directory');
      const sources = intoDir ? files : files.slice(0, -1);
      const dest = intoDir ?? files[files.length - 1];
      // -T (--no-target-directory): the destination is the file written, never a folder.
      const noFolder =
        name !== 'rsync' && options.some((o) => o === '--no-target-directory' || (!o.startsWith('--') && clusterHas(o, 'T', OPTION_ARGS[name]!)));
      if (!dest || (!intoDir && files.length < 2)) return;
      const links =
        name === 'ln' ||
        (name === 'cp' &&
          options.some(
            (o) =>
              // GNU takes any unambiguous start of a long option (`--sym`).
              (o.length > 2 && ['link', 'symbolic-link'].some((l) => l.startsWith(o.slice(2)))) ||
              (!o.startsWith('--') && (clusterHas(o, 'l', OPTION_ARGS.cp!) || clusterHas(o, 's', OPTION_ARGS.cp!))),
          ));
      if (!intoDir) emit(dest, 'replace', name, links);
      // A destination folder: each source lands under its own name inside it. A destination whose
      // name is built at run time (`log.md.bak.$(date +%s)`) is the file written, not a folder; so
      // is, for one source, one in a folder the text does not tell whose last name has an extension
      // (`"$TMPDIR/garden-log.md"`: cp cannot be followed to see whether it is a folder).
      const last = lastName(dest) ?? '';
      const file = builtName(dest) || (sources.length === 1 && !exact(dest) && last.lastIndexOf('.') > 0 && !last.endsWith('.'));
      for (const src of !noFolder && (intoDir !== undefined || !file) ? sources : []) {
        const srcName = lastName(src);
        const slash = text(dest).endsWith('/') ? '' : '/';
        const into = exact(dest) || !slash ? name : `${name}, if ${text(dest)} is a folder,`;
        if (srcName !== undefined) emit({ parts: [...dest.parts, { text: slash + baseName(srcName), known: true }] }, 'replace', into, links);
      }
      if (name === 'mv') for (const src of sources) emit(src, 'remove', 'mv');
      return;
    }
    case 'link':
      // `link FILE NAME`: a hard link, which a later write through NAME changes FILE by.
      if (args.length === 2) emit(args[1]!, 'replace', 'link', true);
      return;
    case 'rm':
    case 'unlink':
      for (const w of operands(name, args).operands) emit(w, 'remove', name);
      return;
    case 'shred':
    case 'truncate':
      for (const w of operands(name, args).operands) emit(w, 'replace', name);
      return;
    case 'dd':
      for (const w of args) {
        const t = text(w);
        if (t.startsWith('of=')) emit(dropChars(w, 3), 'replace', 'dd of=');
      }
      return;
    case 'patch': {
      const { options, values, operands: files } = operands(name, args);
      // A trial run (GNU --dry-run, BSD -C/--check) writes nothing.
      if (options.some((o) => o === '--dry-run' || o === '--check' || o === '-C')) return;
      const out = values.get('-o') ?? values.get('--output');
      if (out) emit(out, 'replace', 'patch -o');
      else if (files[0]) emit(files[0], 'replace', 'patch');
      return;
    }
    case 'uniq': {
      // `uniq [INPUT [OUTPUT]]`: OUTPUT is replaced.
      const out = operands(name, args).operands[1];
      if (out) emit(out, 'replace', name);
      return;
    }
    case 'sort': {
      const out = operands(name, args).values;
      const file = out.get('-o') ?? out.get('--output');
      if (file) emit(file, 'replace', 'sort -o');
      return;
    }
    case 'curl':
      curlWrites(args, emit);
      return;
    case 'wget': {
      const { values } = operands('wget', args);
      const out = values.get('-O') ?? values.get('--output-document');
      if (out && text(out) !== '-') emit(out, 'replace', 'wget -O');
      const log = values.get('-o') ?? values.get('--output-file');
      if (log) emit(log, 'replace', 'wget -o');
      const appended = values.get('-a') ?? values.get('--append-output');
      if (appended) emit(appended, 'append', 'wget -a');
      return;
    }
    case 'find':
      findWrites(args, emit, nested, depth);
      return;
    case 'git':
      gitWrites(args, emit, nested, depth);
      return;
    case 'eval':
      // eval joins its words and runs them as a command line.
      if (depth < MAX_DEPTH) nested(args.map(text).join(' '));
      return;
    case 'script':
      scriptWrites(args, emit, nested, depth);
      return;
    case 'su':
    case 'runuser': {
      const { values, operands: words } = operands(name, args);
      const script = values.get('-c') ?? values.get('--command') ?? values.get('--session-command');
      if (depth >= MAX_DEPTH) return;
      if (script) nested(text(script));
      // `runuser -u USER [--] COMMAND …` runs the command itself.
      else if (name === 'runuser' && (values.has('-u') || values.has('--user')) && words.length > 0) nested(words.map(text).join(' '));
      return;
    }
    case 'trap': {
      // `trap [--] 'COMMANDS' SIGNAL…`: the commands run on the signal (EXIT: when the shell ends).
      const rest = args[0] && text(args[0]) === '--' ? args.slice(1) : args;
      if (rest.length >= 2 && !text(rest[0]!).startsWith('-') && depth < MAX_DEPTH) nested(text(rest[0]!));
      return;
    }
    case 'watch': {
      // watch joins its words and runs them with sh -c.
      const words = operands(name, args).operands;
      if (words.length > 0 && depth < MAX_DEPTH) nested(words.map(text).join(' '));
      return;
    }
    default: {
      const run = SHELLS.has(name) && depth < MAX_DEPTH ? commandString(args) : undefined;
      if (run)
        nested(
          text(run.script),
          new Map([...run.parameters.map((w, i): [string, Value] => [String(i), exact(w) ? text(w) : w]), ...allPositionals(run.parameters.slice(1))]),
        );
    }
  }
}

/**
 * `script`: its transcript FILE (appended with -a), the files of its log options (util-linux), and
 * the command it runs: -c's string, or on BSD and macOS the words after FILE.
 */
function scriptWrites(args: Word[], emit: Emit, nested: Nested, depth: number): void {
  const { options, values, operands: files } = operands('script', args);
  for (const option of ['-O', '--log-out', '-I', '--log-in', '-B', '--log-io', '-T', '--log-timing']) {
    const file = values.get(option);
    if (file) emit(file, 'replace', `script ${option}`);
  }
  const takesArg = OPTION_ARGS.script!;
  const append = options.some((o) => o === '--append' || (!o.startsWith('--') && clusterHas(o, 'a', takesArg)));
  const file = files[0];
  if (file) emit(file, append ? 'append' : 'replace', append ? 'script -a' : 'script');
  if (depth >= MAX_DEPTH) return;
  const command = values.get('-c') ?? values.get('--command');
  if (command) nested(text(command));
  else if (file) {
    const rest = args.slice(args.indexOf(file) + 1);
    if (rest.length > 0) nested(rest.map(text).join(' '));
  }
}

/** True when the short-option cluster `cluster` (`-qa`) holds `letter` before any option that takes a value. */
function clusterHas(cluster: string, letter: string, takesArg: ReadonlySet<string>): boolean {
  for (let c = 1; c < cluster.length; c++) {
    if (cluster[c] === letter) return true;
    if (takesArg.has(`-${cluster[c]}`)) return false;
  }
  return false;
}

/**
 * The command string of `sh -c` (bash, dash, zsh, ksh) and the words after it, its `$0`, `$1` … :
 * options come first (`-o NAME` and `+O NAME` take the next word, `--rcfile FILE` too), up to `--`
 * or `-`; `-c` may be anywhere among them or in a cluster (`-ec`); the string is the first word after.
 */
function commandString(args: Word[]): { script: Word; parameters: Word[] } | undefined {
  let command = false;
  let k = 0;
  for (; k < args.length; k++) {
    const t = text(args[k]!);
    if (t === '--' || t === '-') {
      k++;
      break;
    }
    if (t.length < 2 || (t[0] !== '-' && t[0] !== '+')) break;
    if (t.startsWith('--')) {
      if (t === '--rcfile' || t === '--init-file') k++;
      continue;
    }
    if (t[0] === '-' && t.includes('c')) command = true;
    if (t.endsWith('o') || t.endsWith('O')) k++;
  }
  const script = args[k];
  return command && script ? { script, parameters: args.slice(k + 1) } : undefined;
}

/** Paths of walnut logs as find prints them: a negated -path pattern must match them all to leave logs out. */
const LOG_PATHS = ['./log.md', './_kernel/log.md', './04_ventures/garden/_kernel/log.md', 'a/b/c/d/e/_core/log.md', '/w/02_life/x/y/log.md'];

/** The expression options of find that take a value. */
const FIND_VALUE_TESTS = new Set([
  '-name',
  '-iname',
  '-path',
  '-ipath',
  '-wholename',
  '-iwholename',
  '-regex',
  '-iregex',
  '-newer',
  '-perm',
  '-type',
  '-user',
  '-group',
  '-size',
  '-mtime',
  '-mmin',
  '-maxdepth',
  '-mindepth',
  '-printf',
  '-fprint',
  '-fprintf',
  '-fls',
]);

/**
 * `find … -delete` and `find … -exec CMD … {} ;`: the files found are unknown, but when a
 * -name/-iname/-path pattern matches `log.md`, each may be a walnut log in a folder the text does
 * not tell.
 */
function findWrites(args: Word[], emit: Emit, nested: Nested, depth: number): void {
  // A pattern that matches log.md finds logs, unless a negated one (-not -name log.md) leaves them
  // out; with -o, which joins alternatives, a negation is not followed.
  let matched = false;
  let excluded = false;
  const alternatives = args.some((w) => text(w) === '-o' || text(w) === '-or');
  for (let k = 0; k + 1 < args.length; k++) {
    const test = text(args[k]!);
    if (/^-i?regex$/.test(test)) {
      if (!regexMayMatchLog(text(args[k + 1]!), test === '-iregex')) continue;
    } else {
      if (!/^-i?(?:name|path|wholename)$/.test(test)) continue;
      const given = text(args[k + 1]!);
      const pattern = given;
      const anyCase = { anyCase: test.startsWith('-i') };
      const byName = /name$/.test(test);
      const before = k > 0 ? text(args[k - 1]!) : '';
      if (before === '!' || before === '-not') {
        // Leaves the logs out only when it matches every one (`-not -name log.md`, `! -path '*/log.md'`),
        // not when it may match some (`-not -path '*/node_modules/*'`).
        if (byName ? globMatches(pattern, 'log.md', anyCase) : LOG_PATHS.every((path) => globMatches(pattern, path, anyCase))) excluded = !alternatives;
        continue;
      }
      if (!(byName ? globMatches(pattern, 'log.md', anyCase) : pathPatternMayMatchLog(pattern, anyCase))) continue;
      matched = true;
      continue;
    }
    const before = k > 0 ? text(args[k - 1]!) : '';
    if (before === '!' || before === '-not') excluded = !alternatives;
    else matched = true;
  }
  const name = matched && !excluded ? 'log.md' : undefined;
  const found: Word = {
    parts: [
      { text: '<found by find>', known: false },
      { text: `/${name ?? '*'}`, known: name !== undefined },
    ],
  };
  for (let k = 0; k < args.length; k++) {
    const t = text(args[k]!);
    // -fprint FILE, -fls FILE, -fprintf FILE FORMAT write FILE.
    if ((t === '-fprint' || t === '-fls' || t === '-fprintf') && args[k + 1]) {
      emit(args[k + 1]!, 'replace', `find ${t}`);
      k += t === '-fprintf' ? 2 : 1;
    } else if (FIND_VALUE_TESTS.has(t)) k++;
    else if (t === '-delete') emit(found, 'remove', 'find -delete');
    else if (/^-(?:exec|execdir|ok|okdir)$/.test(t)) {
      let end = k + 1;
      while (end < args.length && text(args[end]!) !== ';' && text(args[end]!) !== '+') end++;
      const runs = k + 1 < end ? baseName(text(args[k + 1]!)) : '';
      const command = args.slice(k + 1, end).map((w, i) => withFound(w, found, i > 0 && SHELLS.has(runs)));
      // A command find runs is one level down, as a `sh -c` string is: `find -exec find -exec …`
      // thousands deep would otherwise recurse until the stack ran out.
      if (command.length > 0 && depth < MAX_DEPTH) {
        const withFoundVariable: Nested = (script, bindings) => nested(script, new Map([...(bindings ?? []), [FOUND, found]]));
        commandWrites(runs, command.slice(1), (w, kind, via, links) => emit(w, kind, `find ${t} ${via}`, links), withFoundVariable, depth + 1);
      }
      k = end;
    }
  }
}

/**
 * Whether find's `-regex PATTERN` (the whole path) may match a walnut log, from the literal text it
 * ends with (`.*\\.tmp$` ends with `.tmp`, which log.md does not): a pattern ending otherwise (`.*`,
 * a group, a class) may. The pattern is never compiled: one written to backtrack for ever would
 * hold the hook past its timeout, which lets the call through.
 */
function regexMayMatchLog(pattern: string, insensitive: boolean): boolean {
  // Alternatives (`\\|`, or `|` in other syntaxes) each end in their own text.
  if (pattern.includes('|')) return true;
  let tail = '';
  let k = pattern.endsWith('$') && !pattern.endsWith('\\$') ? pattern.length - 1 : pattern.length;
  while (k > 0) {
    const c = pattern[k - 1]!;
    if (pattern[k - 2] === '\\' && /[./-]/.test(c)) {
      tail = c + tail;
      k -= 2;
    } else if (/[A-Za-z0-9_/-]/.test(c)) {
      tail = c + tail;
      k--;
    } else break;
  }
  const t = insensitive ? tail.toLowerCase() : tail;
  return t === '' || 'log.md'.endsWith(t) || t.endsWith('/log.md');
}

/**
 * The files curl writes: `-o FILE` (and `--output`), under `--output-dir`; with `-O` the last name
 * of each URL's path; and its header, cookie and trace files. `-` is standard output.
 */
function curlWrites(args: Word[], emit: Emit): void {
  const { options, values, operands: urls } = operands('curl', args);
  const dir = values.get('--output-dir');
  const under = (w: Word): Word => (dir && !text(w).startsWith('/') ? { parts: [...dir.parts, { text: '/', known: true }, ...w.parts] } : w);
  const out = values.get('-o') ?? values.get('--output');
  if (out && text(out) !== '-') emit(under(out), 'replace', 'curl -o');
  if (options.some((o) => o === '--remote-name' || o === '--remote-name-all' || /^-[a-zA-Z]*O/.test(o))) {
    for (const url of urls) {
      const path = text(url).replace(/[?#].*$/s, '');
      if (!path.includes('://')) continue;
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (name !== '' && path.indexOf('/', path.indexOf('://') + 3) > 0) emit(under({ parts: [{ text: name, known: exact(url) }] }), 'replace', 'curl -O');
    }
  }
  for (const option of ['-D', '--dump-header', '-c', '--cookie-jar', '--trace', '--trace-ascii', '--stderr']) {
    const file = values.get(option);
    if (file && text(file) !== '-') emit(file, 'replace', `curl ${option}`);
  }
}

/** The variable a shell's script run by `find -exec sh -c` reads in place of `{}`. */
const FOUND = '__alive_find_found';

/**
 * A word of a command `find -exec` runs, with each `{}` in it the name found (GNU find puts it in
 * wherever it appears in a word: `{}.bak`). In a shell's script (`inScript`), `{}` becomes
 * `"${FOUND}"`, a variable bound to that name, so the script is read with it.
 */
function withFound(w: Word, found: Word, inScript: boolean, mark = '{}'): Word {
  const t = text(w);
  if (t === mark) return found;
  if (!t.includes(mark)) return w;
  if (inScript) return { parts: [{ text: t.replaceAll(`'${mark}'`, `"\${${FOUND}}"`).replaceAll(mark, `"\${${FOUND}}"`), known: exact(w) }] };
  const parts: Part[] = [];
  t.split(mark).forEach((piece, i) => {
    if (i > 0) parts.push(...found.parts);
    if (piece !== '') parts.push({ text: piece, known: exact(w) });
  });
  return { parts };
}

/** The most `-C DIR` options of one git command whose folders are followed. */
const MAX_GIT_DIRS = 64;

/** git's own options that take a value (before the subcommand). */
const GIT_VALUE_OPTIONS = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);

/**
 * The files a git command puts another version of in place (checkout, restore, stash of named
 * paths), removes (rm) or moves (mv): the entries written since that version are lost. What only
 * touches the index (`restore --staged`, `rm --cached`) writes no file. `-C DIR` runs git in DIR,
 * so its paths are read from there.
 */
/** Where git's subcommand is: after its own options (`-C DIR`, `-c NAME=VALUE`). */
function gitSubcommand(args: Word[]): number {
  let k = 0;
  while (k < args.length && text(args[k]!).startsWith('-')) k += GIT_VALUE_OPTIONS.has(text(args[k]!)) ? 2 : 1;
  return k;
}

function gitWrites(args: Word[], emit: Emit, nested: Nested, depth: number): void {
  let k = 0;
  // Each -C is taken from the folder the one before it named (an absolute one starts over). Past
  // MAX_GIT_DIRS of them the folder is unknown: each path git writes is put under it, and thousands
  // of -C before thousands of paths made that quadratic.
  let dirParts: Part[] | undefined;
  let dirs = 0;
  while (k < args.length) {
    const t = text(args[k]!);
    if (!t.startsWith('-')) break;
    if (t === '-C' && k + 1 < args.length) {
      const next = args[k + 1]!;
      dirs += 1;
      if (dirs > MAX_GIT_DIRS) dirParts = [{ text: '<git -C …>', known: false }];
      else if (dirParts === undefined || text(next).startsWith('/')) dirParts = [...next.parts];
      else dirParts.push({ text: '/', known: true }, ...next.parts);
    }
    k += GIT_VALUE_OPTIONS.has(t) ? 2 : 1;
  }
  const dir: Word | undefined = dirParts && { parts: dirParts };
  const sub = args[k] && text(args[k]!);
  const rest = args.slice(k + 1);
  // A path with `*`, `?` or `[` is a pathspec git matches itself, quoted or not, its `*` across
  // folders too (`git checkout -- '*.md'`): one that may reach a log.md stands for one, in a folder
  // the text does not tell.
  const at = (w: Word): Word => {
    const t = text(w);
    if (/[*?[]/.test(t) && pathPatternMayMatchLog(t, { anyCase: true }))
      return {
        parts: [
          { text: `${t} <pathspec>`, known: false },
          { text: '/log.md', known: true },
        ],
      };
    return dir && !t.startsWith('/') ? { parts: [...dir.parts, { text: '/', known: true }, ...w.parts] } : w;
  };
  const via = `git ${sub}`;
  // diff's --output=FILE (log, show, diff …; any start from --out), archive's -o FILE and
  // `bundle create FILE` write FILE.
  for (let i = 0; i < rest.length; i++) {
    const t = text(rest[i]!);
    if (t === '--') break;
    const eq = t.indexOf('=');
    const option = eq > 0 ? t.slice(0, eq) : t;
    const value =
      option.length >= 5 && '--output'.startsWith(option)
        ? eq > 0
          ? dropChars(rest[i]!, eq + 1)
          : rest[++i]
        : sub === 'archive' && t.startsWith('-o')
          ? t === '-o'
            ? rest[++i]
            : dropChars(rest[i]!, 2)
          : undefined;
    if (value) emit(at(value), 'replace', `${via} ${option.slice(0, 2) === '--' ? '--output' : '-o'}`);
  }
  if (sub === 'bundle' && rest[0] && text(rest[0]) === 'create') {
    const file = rest.slice(1).find((w) => !text(w).startsWith('-'));
    if (file) emit(at(file), 'replace', 'git bundle create');
  }
  switch (sub) {
    case 'checkout':
    case 'restore': {
      const { options, operands: paths } = operands(`git-${sub}`, rest);
      if (
        sub === 'restore' &&
        options.some((o) => o === '--staged' || /^-[a-zA-Z]*S/.test(o)) &&
        !options.some((o) => o === '--worktree' || /^-[a-zA-Z]*W/.test(o))
      )
        return;
      for (const w of paths) emit(at(w), 'replace', via);
      return;
    }
    case 'stash': {
      // `git stash push [OPTIONS] [--] PATHS`; without `push` (`git stash -m MESSAGE -- PATHS`),
      // only the paths after `--`. show, list, apply, pop … name no file to stash.
      const first = rest[0] && text(rest[0]);
      if (first === 'push') for (const w of operands('git-stash', rest.slice(1)).operands) emit(at(w), 'replace', via);
      else if (first?.startsWith('-')) {
        const dashes = rest.findIndex((w) => text(w) === '--');
        for (const w of dashes < 0 ? [] : rest.slice(dashes + 1)) emit(at(w), 'replace', via);
      }
      return;
    }
    case 'rm': {
      const { options, operands: paths } = operands('git-rm', rest);
      if (options.includes('--cached')) return;
      for (const w of paths) emit(at(w), 'remove', via);
      return;
    }
    case 'mv':
      commandWrites('mv', rest.map(at), emit, nested, depth);
      return;
  }
}

/**
 * The arguments of a command xargs runs, with the names it reads: in place of the replace string
 * of -I (`cp {} {}.bak`), else after the last argument. What they are is unknown, fed by xargs' input.
 */
function withXargsInput(args: Word[], fed: Feed, replace: string | undefined): Word[] {
  const input: Part = { text: '<xargs input>', known: false, fed };
  if (replace === undefined || replace === '') return [...args, { parts: [input] }];
  return args.map((w) => {
    const t = text(w);
    if (!t.includes(replace)) return w;
    const parts: Part[] = [];
    t.split(replace).forEach((piece, k) => {
      if (k > 0) parts.push(input);
      if (piece !== '') parts.push({ text: piece, known: exact(w) });
    });
    return { parts };
  });
}

const isAssignment = (w: Word) => w.parts[0]?.known === true && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(text(w));

/** One reading of a command line: what it knows, what it found, what it may still spend. */
interface Reading {
  /** The folder the command starts in, when known: globs are expanded from it. */
  cwd: string | undefined;
  /** What is left of the glob expansions' budget (glob-paths.ts). */
  globs: GlobBudget;
  out: Found[];
  loopReadings: number;
  /** What is left of MAX_EXPANSION. */
  expansion: number;
  /** What is left of MAX_NESTED_TEXT. */
  nested: number;
  /** The whole command, as the input of what the reader stopped reading. */
  whole: Feed;
  /** Set once the nested text ran out (one write stands for all it did not read). */
  stopped?: boolean;
  /**
   * Set once a command that may make a link ran (anything but NO_LINKS): no path under a folder
   * mktemp made counts as new after it. From the start when commands may run out of the order read.
   */
  linked?: boolean;
  /** Set when mktemp may be a function, an alias or another program: nothing it prints is new. */
  shadowed?: boolean;
  /** What the command (or the hook's CDPATH) may make bash read other than as written (unseen.ts, shellState). */
  state: { programs: boolean; cd: boolean; globs: boolean };
  /**
   * Where the links this command made so far lie (ln, link, cp -s or -l): each path made absolute
   * from the starting folder, undefined for one whose place the text does not tell.
   */
  links: (string | undefined)[];
  /** The namerefs declared (`declare -n REF=NAME`): REF to NAME ('' when NAME is not known). */
  namerefs: Map<string, string>;
}

/**
 * The most text read as nested commands in one command line (`sh -c`, `eval`, here-documents to
 * a shell, substitutions), in all: a 160 KB `sh -c` script in a loop of 64 words took 10 s to
 * read, past the hook's timeout (which lets the call through). Past it, what is left is unknown:
 * one write of an unknown name, read from the whole command, which fails closed for a log.md.
 */
const MAX_NESTED_TEXT = 1024 * 1024;

/**
 * `cmd` once per combination of the words its `for` variables take. Beyond MAX_LOOP_RUNS
 * combinations (or the reading's budget), once, with each such variable an unknown value fed by
 * the text of its words.
 */
function bindLoops(cmd: Command, reading: Reading): Command[] {
  const lists = new Map<Word[], Part>();
  for (const w of [...cmd.words, ...cmd.redirs.flatMap((r) => r.target ?? [])]) for (const p of w.parts) if (p.each) lists.set(p.each, p);
  if (lists.size === 0) return [cmd];
  let runs = 1;
  for (const list of lists.keys()) runs *= list.length;
  if (runs > MAX_LOOP_RUNS || runs > reading.loopReadings) return [substitute(cmd, (p) => [{ text: p.text, known: false, fed: lists.get(p.each!)!.fed }])];
  reading.loopReadings -= runs;
  let bindings = [new Map<Word[], Word>()];
  for (const list of lists.keys()) bindings = bindings.flatMap((b) => list.map((w) => new Map(b).set(list, w)));
  return bindings.map((b) => substitute(cmd, (p) => b.get(p.each!)!.parts));
}

function substitute(cmd: Command, value: (p: Part) => Part[]): Command {
  // A variable's value is not brace-expanded again.
  // A word with none is kept as it is, as written too (`[`: the test, not a program).
  const word = (w: Word): Word =>
    w.parts.some((p) => p.each) ? { parts: w.parts.flatMap((p) => (p.each ? value(p).map((v) => ({ ...v, brace: false, bound: true })) : [p])) } : w;
  return { words: cmd.words.map(word), redirs: cmd.redirs.map((r) => ({ op: r.op, target: r.target && word(r.target), body: r.body })) };
}

/** What `$name` stands for after `name=WORD` or `for name in WORDS`. */
function variableValue(name: string, words: Word[], reading: Reading): Value {
  if (words.length === 1 && exact(words[0]!)) return text(words[0]!);
  // A word the text cannot tell is fed by itself: `for f in $(ls …)` reads that command's output.
  const each = bindLoops({ words, redirs: [] }, reading)
    .flatMap((c) => c.words)
    .map((w) => {
      const fed = { texts: [asInput(w)] };
      return exact(w) ? w : { parts: w.parts.map((p) => (p.known || p.fed ? p : { ...p, fed })), raw: w.raw };
    });
  const size = each.reduce((sum, w) => sum + text(w).length, 0);
  return { text: `$${name}`, known: false, each, fed: { texts: each.map(asInput) }, size };
}

/** `path` made absolute from the starting folder (a stand-in when that is unknown), lexically; undefined after a cd not followed. */
function placeOf(path: string, cwd: string | undefined, dir: string | undefined): string | undefined {
  return dir === undefined ? undefined : resolve(cwd ?? '/\0start', dir, path);
}

/**
 * True when a write of `w` may go through a link the command made before it (`links`): it is
 * named log.md (a link may lead into a walnut's _kernel), or it is at or under a place a link was
 * made at, or its place is not known; after a link whose place is not known, any write.
 */
function mayGoThroughLink(w: Word, name: string | undefined, links: (string | undefined)[], cwd: string | undefined, dir: string | undefined): boolean {
  if (name?.toLowerCase() === 'log.md' || links.includes(undefined)) return true;
  const start = exact(w) ? text(w) : knownStart(w);
  const place = start === '' ? undefined : placeOf(start, cwd, dir);
  if (place === undefined) return true;
  return links.some((l) => l === place || place.startsWith(`${l}/`) || (!exact(w) && l!.startsWith(place)));
}

function analyse(command: string, scope: Scope, reading: Reading, depth: number): void {
  const { out } = reading;
  /** The scopes around the subshells open here, each with the point its variables go back to. */
  const stack: { scope: Scope; mark: number }[] = [];
  let current = scope;
  /** The loops the command being read is in, innermost last: what feeds each one's input. */
  const loops: Feed[] = [];
  /** The commands piped into the one being read. */
  let piped: Piped | undefined;
  /**
   * The variables assigned for the command being read alone (`X=1 sh -c …`, `env X=1 …`): the
   * commands it runs as a shell of their own see them.
   */
  let environment: [string, Value][] = [];
  /** Set when the command being read may make a link: what runs after it is not new (Reading.linked). */
  let linking = false;
  /** The places the command being read makes links at: the commands after it go through them (Reading.links). */
  const made: (string | undefined)[] = [];
  /** Commands nested in the one being read (`sh -c`, `$(…)`): what they change is undone after. */
  const nested: Nested = (inner, bindings) => readNested(inner, bindings, false);
  /** Commands the shell itself runs (`eval`, `source` of a here-document): their variables and `cd`s stay. */
  const here = (inner: string) => readNested(inner, undefined, true);
  const readNested = (inner: string, bindings: ReadonlyMap<string, Value> | undefined, inThisShell: boolean) => {
    if (depth >= MAX_DEPTH) return;
    reading.nested -= inner.length;
    if (reading.nested < 0) {
      if (!reading.stopped) {
        reading.stopped = true;
        emit({ parts: [{ text: '<commands past what it reads>', known: false, fed: reading.whole }] }, 'replace', 'commands it stopped reading');
      }
      return;
    }
    const mark = current.vars.mark();
    for (const [name, value] of environment) current.vars.set(name, value);
    // Text built from pieces (`bash -c "$x$y() {…}"`) is looked at again as the shell will read it.
    if (!MKTEMP.test(inner) && mktempMayBeShadowed(inner)) reading.shadowed = true;
    // Kept after: bash in POSIX mode keeps the assignments before a special builtin such as eval.
    if (inThisShell) return analyse(inner, current, reading, depth + 1);
    if (bindings) {
      // A shell started with -c has the positional parameters it is given, and no others.
      for (const name of POSITIONAL) current.vars.set(name, undefined);
      for (const [name, value] of bindings) current.vars.set(name, value);
    }
    analyse(inner, { dir: current.dir, vars: current.vars }, reading, depth + 1);
    current.vars.rollback(mark);
  };
  const spend = (n: number) => {
    if (n > reading.expansion) return false;
    reading.expansion -= n;
    return true;
  };
  const tokens = new Lexer(
    command,
    () => current,
    nested,
    spend,
    (part, via) => emit({ parts: [part] }, 'replace', via),
  ).tokens();

  const emit: Emit = (w, kind, via, links) => {
    const feeds = w.parts.flatMap((p) => p.fed ?? []);
    const name = lastName(w);
    const fresh = underFresh(w, reading, kind === 'remove');
    const link = reading.links.length > 0 && mayGoThroughLink(w, name, reading.links, reading.cwd, current.dir);
    if (links) {
      reading.linked = true;
      made.push(exact(w) ? placeOf(text(w), reading.cwd, current.dir) : undefined);
    }
    if (!fresh && w.parts.some((p) => p.glob) && (name === undefined ? globEndsLikeLog(w) : name.toLowerCase() === 'log.md')) {
      // A glob that may name a log.md is expanded now, as the shell will expand it in the folder
      // the command runs in: the paths it names are the writes. One it cannot expand (a folder it
      // cannot tell, the budget spent) may name a log: called log.md, it fails closed.
      // Through a link the command made, what it matches is not on disk yet.
      if (link) out.push({ path: text(w), exact: false, known: knownStart(w), name, dir: current.dir, kind, via, link });
      const pattern = globPattern(w);
      const from = current.dir === undefined || reading.cwd === undefined ? undefined : resolve(reading.cwd, current.dir);
      // `**` searches every folder below in zsh, and in bash with globstar: not expanded, it fails closed.
      const expandable = pattern !== undefined && !pattern.includes('**') && (from !== undefined || pattern.startsWith('/'));
      const expanded = expandable ? globPaths(pattern, from ?? '/', reading.globs) : undefined;
      // Only a file named log.md can be a walnut log (each path costs the guardian a walk up to its world).
      for (const path of expanded?.paths ?? []) {
        if (basename(path).toLowerCase() === 'log.md')
          out.push({ path, exact: true, name: basename(path), dir: current.dir, kind, via: `${via} of ${text(w)}` });
      }
      if (!expanded?.complete) out.push({ path: text(w), exact: false, known: knownStart(w), name: 'log.md', dir: current.dir, kind, via });
      return;
    }
    out.push({
      path: text(w),
      exact: exact(w),
      ...(!exact(w) && { known: knownStart(w) }),
      name,
      dir: current.dir,
      kind,
      via,
      ...(feeds.length > 0 && { feeds }),
      ...(fresh && { fresh: true }),
      ...(name === undefined && !endingCanBeLog(w) && { notLog: true }),
      ...(link && { link: true }),
    });
  };

  /** The variable `NAME=WORD` (or `NAME+=WORD`) sets, and the value it gives it. */
  const assignment = (w: Word): [string, Value] => {
    const eq = text(w).indexOf('=');
    const appends = text(w)[eq - 1] === '+';
    const name = text(w).slice(0, appends ? eq - 1 : eq);
    // The value as written too: what a `$(…)` in it reads (`f=$(ls …/log.md)`) feeds the variable.
    const raw = w.raw?.startsWith(text(w).slice(0, eq + 1)) ? w.raw.slice(eq + 1) : undefined;
    const value = variableValue(name, [{ ...dropChars(w, eq + 1), raw }], reading);
    if (!appends) return [name, value];
    // `NAME+=WORD` appends: known when both parts are, else read from both texts.
    const before = current.vars.get(name);
    if (typeof before === 'string' && typeof value === 'string') return [name, before + value];
    const texts = [before, value].map((v) => valueText(v) ?? '');
    return [name, { text: `$${name}`, known: false, fed: { texts } }];
  };
  /**
   * A value a program runs as a command (`GIT_EDITOR='rm …;:'`, `git -c alias.x='!rm …'`,
   * LESSOPEN's `|…`): read as commands; one it cannot read is commands not seen, read from the command's text.
   */
  const runs = (value: Value | undefined, via: string) => {
    if (typeof value === 'string') nested(value.replace(/^[\s!|-]+/, ''));
    else emit({ parts: [{ text: via, known: false, fed: { texts: [command] } }] }, 'replace', `a value of ${via} it cannot read, run as a command`);
  };
  const assign = (w: Word) => {
    const [name, value] = assignment(w);
    current.vars.set(name, value);
    if (runsValue(name)) runs(value, name);
    // A value spelling a `$(…)` or backquotes (`n='x[$(rm …)]'`) runs them wherever bash does
    // arithmetic on the name (`$((n))`, `let n`, `a[n]`, `${x:n}`), before or after this text (a loop,
    // a function, a trap): they are read as commands here.
    if (typeof value === 'string' && (value.includes('$(') || value.includes('`'))) nested(`: ${value}`);
    // Through a nameref (`declare -n T=TMPDIR; T=…`), the variable it names changes: unknown.
    const target = reading.namerefs.get(name);
    if (target !== undefined) current.vars.set(target, undefined);
  };

  /** `for NAME in WORDS` (or `select`): in the loop, `$NAME` takes each word in turn. */
  const startFor = (words: Word[]) => {
    loops.push({ texts: [], outer: loops.at(-1) });
    const name = words[0] && literal(words[0]);
    if (name === undefined || !NAME.test(name)) return;
    // Without `in`, the loop takes the script's arguments ($@).
    current.vars.set(name, words[1] && text(words[1]) === 'in' ? variableValue(name, words.slice(2), reading) : current.vars.get('@'));
  };

  const inputs = (redirs: Command['redirs']) => redirs.flatMap((r) => (INPUT_REDIRS.has(r.op) && r.target ? [asInput(r.target)] : []));

  /** `read NAME…`: each name an unknown value fed by the read's own input, or its loop's. */
  const read = (args: Word[], redirs: Command['redirs']) => {
    const { values, operands: names } = operands('read', args);
    const array = values.get('-a');
    const fed: Feed = { texts: inputs(redirs), piped, outer: loops.at(-1) };
    for (const w of array ? [array] : names) {
      const name = literal(w);
      if (name !== undefined && NAME.test(name)) current.vars.set(name, { text: `$${name}`, known: false, fed });
    }
    if (!array && names.length === 0) current.vars.set('REPLY', { text: '$REPLY', known: false, fed });
  };

  const run = (cmd: Command) => {
    let words = cmd.words.flatMap((w) => expandBraces(w));
    // Reserved words and a group's `{` before the command's name; `function NAME {` opens a body.
    while (words.length > 1) {
      const w0 = text(words[0]!);
      if (KEYWORDS.has(w0) || w0 === '{') {
        if (w0 === 'while' || w0 === 'until') loops.push({ texts: [], piped, outer: loops.at(-1) });
        words = words.slice(1);
      } else if (w0 === 'function' && words.length > 2) words = words.slice(2);
      else break;
    }
    const first = words[0] && text(words[0]);
    if (first === 'for' || first === 'select') return startFor(words.slice(1));
    // The loop's input redirections feed the `read`s in it.
    if (first === 'done') loops.pop()?.texts.push(...inputs(cmd.redirs));
    const runs = bindLoops({ words, redirs: cmd.redirs }, reading);
    for (const c of runs) runOnce(c, runs.length > 1);
    // Assignments last: their values are read from the words as lexed, for all runs at once.
    const assigned = words.every(isAssignment) ? words : first && DECLARATIONS.has(first) ? words.slice(1).filter(isAssignment) : [];
    // `declare -n REF=NAME`: REF stands for NAME, which an assignment to REF changes (see assign).
    const namerefs = first !== undefined && DECLARATIONS.has(first) && words.some((w) => /^-[A-Za-z]*n/.test(text(w)));
    for (const w of assigned) {
      if (!namerefs) assign(w);
      else {
        const [ref, target] = assignment(w);
        reading.namerefs.set(ref, typeof target === 'string' ? target : '');
        current.vars.set(ref, undefined);
        if (typeof target === 'string') current.vars.set(target, undefined);
      }
    }
  };

  /** Runs `fn` with the command's folder moved into each of `folders` in turn (`env -C`), then back. */
  const inFolder = (folders: Word[], fn: () => void) => {
    if (folders.length === 0) return fn();
    const { dir } = current;
    for (const f of folders) {
      const t = literal(f);
      current.dir = t !== undefined && current.dir !== undefined ? joinPath(current.dir, t) : undefined;
    }
    try {
      fn();
    } finally {
      current.dir = dir;
    }
  };

  /**
   * The script a shell (or `source`, `.`) reads from its input: a here-document's body or a
   * here-string (`text`, read as commands), or what the text does not show (`unseen`: piped in, or
   * a `<(…)`), whose text stands in for it. Undefined when it runs `-c`, or a script file.
   */
  const stdinScript = (name: string, args: Word[], redirs: Command['redirs']): { text?: string; unseen?: string } | undefined => {
    let operand: Word | undefined;
    if (name === 'source' || name === '.') operand = args[0];
    else {
      if (commandString(args)) return undefined;
      for (let k = 0; k < args.length; k++) {
        const t = text(args[k]!);
        if (t === '--' || t === '-') {
          operand = args[k + 1];
          break;
        }
        if (t.length > 1 && (t[0] === '-' || t[0] === '+')) {
          if (/^[-+][A-Za-z]*[oO]$/.test(t) || t === '--rcfile' || t === '--init-file') k++;
          continue;
        }
        operand = args[k];
        break;
      }
    }
    const fromInput = operand === undefined || ['/dev/stdin', '/dev/fd/0', '-'].includes(text(operand));
    if (!fromInput) return operand && text(operand).startsWith('<(') ? { unseen: asInput(operand) } : undefined;
    const last = redirs.filter((r) => INPUT_REDIRS.has(r.op) || r.op === '<<' || r.op === '<<-').at(-1);
    // A body the shell expands first is not the script as written (`\$x` is `$x` to it, `$a$b=…`
    // an assignment): read as input it cannot see into, unless it holds no $, ` or \.
    if (last?.body?.text !== undefined) return last.body.expands && /[$`\\]/.test(last.body.text) ? { unseen: last.body.text } : { text: last.body.text };
    if (last?.op === '<<<' && last.target) return { text: text(last.target) };
    if (last === undefined && piped !== undefined) return { unseen: piped.text };
    return undefined;
  };

  /**
   * `set -- WORDS`, `set - WORDS` or `set WORD…`: $1 … $9 become the words (the ones past nine
   * are not followed). Options alone (`set -e`, `set -o pipefail`) leave them as they were.
   */
  const setPositional = (args: Word[]) => {
    let k = 0;
    let given = false;
    for (; k < args.length; k++) {
      const t = text(args[k]!);
      if (t === '--' || t === '-') {
        k++;
        given = true;
        break;
      }
      if (!/^[-+]./.test(t)) {
        given = true;
        break;
      }
      if (/^[-+][A-Za-z]*o$/.test(t)) k++;
    }
    if (given) setPositionals((i) => args[k + i - 1]);
  };
  /** `shift [N]`: $1 … $9 move down N places; a count that is not a literal number leaves them unknown. */
  const shiftPositional = (args: Word[]) => {
    const count = args[0] === undefined ? '1' : exact(args[0]) ? text(args[0]) : '';
    const n = /^\d{1,4}$/.test(count) ? Number(count) : undefined;
    const before = Array.from({ length: 9 }, (_, i) => current.vars.get(String(i + 1)));
    for (let i = 1; i <= 9; i++) current.vars.set(String(i), n === undefined ? undefined : before[i - 1 + n]);
  };
  const setPositionals = (word: (i: number) => Word | undefined) => {
    const all: Word[] = [];
    for (let i = 1; i <= 9; i++) {
      const w = word(i);
      if (w !== undefined) all.push(w);
      current.vars.set(String(i), w === undefined ? undefined : exact(w) ? text(w) : w);
    }
    for (let i = 10; word(i) !== undefined; i++) all.push(word(i)!);
    setAllPositionals(current.vars, all);
  };

  /** One reading of a command, its `for` variables bound (`several`: one of several readings). */
  /**
   * A name or arithmetic bash evaluates (evaluatedWords; `a['$(…)']=1` as the command's word): a
   * `$(…)` or backquotes it spells are read as commands, and a word it cannot read is commands not
   * seen, read from the command's text.
   */
  const evaluated = (program: Word, name: string, args: Word[]) => {
    // The command's word `a['$(…)']=1` is an assignment to bash: its quoted subscript is not seen.
    if (/^[A-Za-z_]\w*\[[\s\S]*\]\+?=/.test(program.raw ?? '') && /\$\(|`/.test(program.raw ?? ''))
      emit({ parts: [{ text: text(program), known: false, fed: { texts: [command] } }] }, 'replace', 'a subscript it cannot read');
    // mapfile's -C callback is run as a command (with an index and a line after it).
    if (name === 'mapfile' || name === 'readarray')
      args.forEach((w, k) => {
        const callback = /^-t*C$/.test(text(w)) ? args[k + 1] : undefined;
        if (callback && exact(callback)) nested(text(callback));
        else if (callback) emit({ parts: [{ text: text(callback), known: false, fed: { texts: [command] } }] }, 'replace', `${name} -C`);
      });
    // `let n`, `[[ n -eq 0 ]]`: arithmetic on a name whose value is not a known number.
    const compared = name === '[[' ? args.filter((_, k) => [args[k - 1], args[k + 1]].some((a) => a && /^-(eq|ne|lt|le|gt|ge)$/.test(text(a)))) : [];
    const subscript = /^[A-Za-z_]\w*\[([^\]]*)\]\+?=/.exec(program.raw ?? '')?.[1];
    const integer = DECLARATIONS.has(name) && args.some((w) => /^-[A-Za-z]*i/.test(text(w)));
    const sums = name === 'let' ? args : integer ? args.filter(isAssignment).map((w) => dropChars(w, text(w).indexOf('=') + 1)) : compared;
    for (const w of subscript === undefined ? sums : [...sums, { parts: [{ text: subscript, known: true }] }]) {
      const unknown = arithmeticUnknown(text(w), current.vars);
      if (unknown !== undefined)
        emit({ parts: [{ text: text(w), known: false, fed: { texts: [command] } }] }, 'replace', `arithmetic on ${unknown}, which it cannot read`);
    }
    for (const w of evaluatedWords(name, args)) {
      const t = text(w);
      if (t.includes('$(') || t.includes('`')) nested(`: ${t}`);
      // A declaration's value after `=` is not evaluated (`local x="$1"`); let's is.
      else if (!exact(name === 'let' ? w : { parts: w.parts.slice(0, w.parts.findIndex((p) => p.known && p.text.includes('=')) + 1 || undefined) }))
        emit({ parts: [{ text: t, known: false, fed: { texts: [command] } }] }, 'replace', `${name} evaluating a word it cannot read`);
    }
  };
  /** git's `-c KEY=VALUE` (any key: an alias's `!…`, core.editor, core.fsmonitor …) and `--config-env KEY=VAR`'s variable. */
  const gitRuns = (args: Word[]) => {
    let k = 0;
    for (; k < args.length && text(args[k]!).startsWith('-'); k++) {
      const t = text(args[k]!);
      const env = t.startsWith('--config-env=') ? args[k] : t === '--config-env' ? args[k + 1] : undefined;
      const config = t === '-c' ? args[k + 1] : undefined;
      const w = env ?? config;
      if (w === undefined) {
        if (GIT_VALUE_OPTIONS.has(t)) k++; // `git -C DIR -c …`
        continue;
      }
      if (w !== args[k]) k++;
      const value = exact(w) ? text(w).slice(text(w).indexOf('=') + 1) : undefined;
      if (env && value !== undefined) {
        const name = value.slice(value.lastIndexOf('=') + 1);
        runs(environment.find(([n]) => n === name)?.[1] ?? current.vars.get(name), `git --config-env's ${name}`);
      } else runs(value, 'git -c');
    }
    // `git config KEY VALUE` keeps VALUE for the git commands after it (`alias.x '!rm …'; git x`).
    if (args[k] && text(args[k]!) === 'config')
      for (const w of args.slice(k + 1)) if (!text(w).startsWith('-')) runs(exact(w) ? text(w) : undefined, 'git config');
  };
  const runOnce = (cmd: Command, several: boolean) => {
    try {
      runCommand(cmd, several);
    } finally {
      environment = [];
      if (linking) reading.linked = true;
      linking = false;
      reading.links.push(...made.splice(0));
    }
  };
  const runCommand = (cmd: Command, several: boolean) => {
    for (const r of cmd.redirs) {
      const kind = OUTPUT_REDIRS.get(r.op);
      if (kind && r.target) emit(r.target, kind, `'${r.op}' redirection`);
    }
    // Assignments before a command apply to it alone.
    let words = cmd.words;
    let k = 0;
    while (k < words.length && isAssignment(words[k]!)) k++;
    if (k === words.length) return;
    environment = words.slice(0, k).map(assignment);
    words = words.slice(k);
    let name = baseName(text(words[0]!));
    /** The command's word as written: a path (`./rm`) may be any program, whatever its name. */
    let written = text(words[0]!);
    let program = words[0]!;
    let args = words.slice(1);
    evaluated(program, name, args);
    if (DECLARATIONS.has(name)) return;
    let xargs: { fed: Feed; replace: string | undefined } | undefined;
    /** The folders `env -C`, `sudo -D` move the command into, in order. */
    let chdir: Word[] = [];
    for (let hops = 0; (WRAPPERS.has(name) || name === '{') && hops < 8; hops++) {
      if (name === '{') {
        // `time { …; }`: the group's first command.
        if (args.length === 0) return;
        program = args[0]!;
        written = text(program);
        name = baseName(written);
        args = args.slice(1);
        continue;
      }
      // `coproc NAME { …; }`: the name is the coprocess's, not a command.
      if (name === 'coproc' && args.length > 1 && text(args[1]!) === '{') args = args.slice(1);
      const takesArg = OPTION_ARGS[name]!;
      let j = 0;
      let optionsDone = false;
      while (j < args.length) {
        const t = text(args[j]!);
        if (t === '--' && !optionsDone) {
          optionsDone = true;
          j++;
        } else if (t.startsWith('-') && !optionsDone) {
          // A cluster whose first flag that takes a value ends it takes the next word (`time -ao FILE`).
          const words = wrapperOption(name, t);
          if (words === undefined) unseenWrite(name, args, emit, `${name} with a word it cannot read`);
          j += words ?? 1;
        } else if ((name === 'env' || name === 'sudo') && isAssignment(args[j]!)) environment.push(assignment(args[j++]!));
        else if (LEADING_OPERAND.has(name)) {
          // Not known, it may be options, or nothing: the program may be a word after (`timeout $o 5 rm …`).
          if (!exact(args[j]!)) unseenWrite(name, args, emit, `${name} with a word it cannot read`);
          j++;
          break;
        } else break;
      }
      if (name === 'env' || name === 'sudo' || name === 'flock') {
        const { values } = operands(name, args.slice(0, j));
        // `env -S STRING` splits STRING into the command's words; `flock FILE -c STRING` runs it with sh -c.
        const script =
          name === 'env'
            ? (values.get('-S') ?? values.get('--split-string'))
            : name === 'flock'
              ? (values.get('-c') ?? values.get('--command') ?? (/^(?:-c|--command)$/.test(text(args[j] ?? EMPTY_WORD)) ? args[j + 1] : undefined))
              : undefined;
        if (script) {
          const rest = name === 'env' ? args.slice(j).map(text) : [];
          if (depth < MAX_DEPTH) inFolder(chdir, () => nested([text(script), ...rest].join(' ')));
          return;
        }
        const folder = name === 'flock' ? undefined : (values.get(name === 'env' ? '-C' : '-D') ?? values.get('--chdir'));
        if (folder) chdir = [...chdir, folder];
      }
      if (name === 'time') {
        // GNU time writes its report to -o FILE, appends with -a.
        const { options, values } = operands(name, args.slice(0, j));
        const out = values.get('-o') ?? values.get('--output');
        const append = options.some((o) => (o[1] === '-' ? o.length > 2 && '--append'.startsWith(o) : clusterHas(o, 'a', takesArg)));
        if (out) emit(out, append ? 'append' : 'replace', append ? 'time -a -o' : 'time -o');
      }
      if (j >= args.length) return;
      if (name === 'xargs' && !xargs) {
        // The names xargs reads (from its input, or the file of -a) are arguments of its command.
        const { options, values } = operands('xargs', args.slice(0, j));
        const file = values.get('-a') ?? values.get('--arg-file');
        const replace = values.get('-I') ?? values.get('--replace');
        xargs = {
          // A file's names are not in the text: any the command may have written there (`-a /dev/stdin` is the input).
          fed:
            file && !['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0'].includes(text(file))
              ? { texts: [asInput(file), ...reading.whole.texts], outer: loops.at(-1) }
              : { texts: inputs(cmd.redirs), piped, outer: loops.at(-1) },
          replace: replace ? text(replace) : options.some((o) => o === '-i' || o === '--replace') ? '{}' : undefined,
        };
      }
      program = args[j]!;
      written = text(program);
      name = baseName(written);
      args = args.slice(j + 1);
      evaluated(program, name, args);
    }
    for (const [n, v] of environment) if (runsValue(n)) runs(v, n);
    if (name === 'git') gitRuns(args);
    let reads = nested;
    if (xargs?.replace && SHELLS.has(name)) {
      // `xargs -I{} sh -c '… {} …'`: in the script, the replace string is each name xargs reads.
      const input: Word = { parts: [{ text: '<xargs input>', known: false, fed: xargs.fed }] };
      const mark = xargs.replace;
      args = args.map((w) => withFound(w, input, true, mark));
      reads = (script, bindings) => nested(script, new Map([...(bindings ?? []), [FOUND, input]]));
    } else if (xargs) args = withXargsInput(args, xargs.fed, xargs.replace);
    if (!makesNoLink(written, name, args)) linking = true;
    // What a name runs may change after this command (an alias, hash -p, a builtin loaded, a file
    // sourced unseen, a program it cannot read given NAME=VALUE: `$a$b cat=rm` with a=ali b=as).
    let renames =
      name === 'alias' ||
      name === 'enable' ||
      (name === 'hash' && args.some((w) => /^-\w*p/.test(text(w)))) ||
      (!exact(program) && args.some((w) => text(w).includes('=')));
    if (name === 'pushd' && args.some((w) => /^[+-]\d+$/.test(text(w)))) {
      // `pushd +N`/`-N`: a folder from the stack, which the text does not show.
      current.dir = undefined;
      current.vars.set('PWD', undefined);
      return;
    }
    if (name === 'cd' || name === 'pushd') {
      const target = args.find((w) => !text(w).startsWith('-') || text(w) === '-');
      const t = target ? literal(target) : homeOf(current);
      // A cd to each of a for variable's folders: the one the next command runs in is unknown; so
      // is one CDPATH or cdable_vars may take elsewhere (a name not starting with /, ./ or ../).
      const wanders = reading.state.cd && target !== undefined && !/^(?:\/|\.\.?(?:\/|$))/.test(t ?? '');
      const followed = t !== undefined && t !== '-' && !several && !wanders;
      const pwd = current.vars.get('PWD');
      current.dir = followed && current.dir !== undefined ? joinPath(current.dir, t) : undefined;
      current.vars.set('PWD', followed && typeof pwd === 'string' ? joinPath(pwd, t) : undefined);
      return;
    }
    if (name === 'popd') {
      current.dir = undefined;
      current.vars.set('PWD', undefined);
      return;
    }
    if (name === 'read') return read(args, cmd.redirs);
    if (name === 'set') return setPositional(args);
    if (name === 'printf' && args.length > 2 && text(args[0]!) === '-v') {
      // `printf -v NAME FORMAT ARGS…` sets NAME: unknown, read from the words.
      const target = literal(args[1]!);
      if (target !== undefined && NAME.test(target))
        current.vars.set(target, { text: `$${target}`, known: false, fed: { texts: [args.slice(2).map(asInput).join(' ')] } });
      return;
    }
    if (name === 'shift') return shiftPositional(args);
    if (name === 'eval') return here(args.map(text).join(' '));
    if (SHELLS.has(name) || name === 'source' || name === '.') {
      const script = stdinScript(name, args, cmd.redirs);
      const inThisShell = name === 'source' || name === '.';
      if (script?.text !== undefined && depth < MAX_DEPTH) inFolder(chdir, () => (inThisShell ? here : nested)(script.text!));
      else if (script?.unseen !== undefined)
        emit({ parts: [{ text: `<script ${name} reads>`, known: false, fed: { texts: [script.unseen] } }] }, 'replace', `${name} reading a script`);
      // A script file it does not read may set TMPDIR, else taken from the hook's environment.
      if (inThisShell && script?.text === undefined) {
        current.vars.set('TMPDIR', undefined);
        renames = true;
      }
    }
    inFolder(chdir, () => {
      // `sed -n 1p $opts FILE` with opts=-i edits FILE; `cp $o DIR log.md` with o=-t replaces DIR/log.md.
      commandWrites(name, args, emit, reads, depth);
      // A program it cannot read may be any (`$c FILE`, c=rm), and a word an option that writes.
      const option =
        (program.parts.some((p) => !p.known && !p.fresh) && !TESTS.has(program.raw ?? '')) ||
        ((TESTS.has(program.raw ?? '') || name === 'test') && testEvaluates(program.raw, args)) ||
        reading.state.programs
          ? program
          : OPTION_WRITES.has(name)
            ? args.find((w, k) => !readValue(name, args, k) && (mayBeOption(name, w) || globMayBeOption(w) || splitMayBeOption(w) || extglobAt(w)))
            : undefined;
      // What feeds the word too: a function's "$@" is read from the command's text; xargs's input.
      const fed = [option, ...args].flatMap((w) => w?.parts ?? []).find((p) => p.fed)?.fed;
      const via = `${written} with a word it cannot read`;
      if (option) unseenWrite(name, args, emit, via, fed);
      // Then each file it names may be written (sed -i), a glob's too: expanded, it may name a log.
      if (option?.parts.some((p) => p.glob)) for (const w of args) if (w.parts.some((p) => p.glob)) emit(w, 'replace', via);
    });
    if (renames) reading.state.programs = true;
  };

  /**
   * True when the glob `w` may expand to a name starting with `-`, an option (`sed -n 1p *.md`
   * beside a file named -i.md is sed's -i): its first name matches one in the folder the command
   * runs in, or that folder, or the whole list, is not known.
   */
  const globMayBeOption = (w: Word) => {
    if (!w.parts.some((p) => p.glob)) return false;
    // Another part it cannot read matches as a `*` would.
    const k = w.parts.findIndex((p) => !p.known && !p.glob);
    const first = globPattern({ parts: k < 0 ? w.parts : [...w.parts.slice(0, k), { text: '*', known: false, glob: true }] })!.split('/')[0]!;
    if (!'*?[-'.includes(first[0] ?? '/')) return false;
    if (reading.state.globs) return true;
    const from = current.dir === undefined || reading.cwd === undefined ? undefined : resolve(reading.cwd, current.dir);
    const found = from === undefined ? undefined : globPaths(first, from, reading.globs);
    return !found?.complete || found.paths.some((p) => basename(p).startsWith('-'));
  };

  /** With extglob named, a word ending where a pattern `@(…)`, `!(…)` … opens, which the lexer takes for a subshell. */
  const extglobAt = (w: Word) => reading.state.globs && '@!+?*'.includes(text(w).at(-1) ?? '.');

  /**
   * True when bash may split `w`, a word with an expansion, at IFS into one starting with `-`
   * (`x='a -i'; sed -n 1p $x …`; after IFS=x, `ax-i`). The reader keeps a word whole.
   */
  const splitMayBeOption = (w: Word) => {
    const t = text(w);
    const ifs = current.vars.get('IFS');
    const seps = ifs === undefined ? ' \t\n' : typeof ifs === 'string' ? ifs : undefined;
    return /[$`]/.test((w.raw ?? '').replace(/'[^']*'/g, '')) && [...t].some((c, k) => c === '-' && k > 0 && (seps === undefined || seps.includes(t[k - 1]!)));
  };

  let cmd: Command = { words: [], redirs: [] };
  const finish = () => {
    if (cmd.words.length > 0 || cmd.redirs.length > 0) run(cmd);
    cmd = { words: [], redirs: [] };
  };
  for (const tok of tokens) {
    if (tok.t === 'word') {
      // `{` and `}` group commands; they are not command names.
      if (cmd.words.length === 0 && (text(tok.word) === '{' || text(tok.word) === '}')) continue;
      cmd.words.push(tok.word);
    } else if (tok.t === 'redir') cmd.redirs.push({ op: tok.op, target: tok.target, body: tok.body });
    else {
      const source =
        tok.op === '|' || (tok.op === ')' && stack.length > 0) ? [...cmd.words, ...cmd.redirs.flatMap((r) => r.target ?? [])].map(asInput).join(' ') : '';
      finish();
      if (source !== '') piped = { text: source, before: piped };
      else if (LIST_OPS.has(tok.op)) piped = undefined;
      if (tok.op === '(') {
        stack.push({ scope: current, mark: current.vars.mark() });
        current = { dir: current.dir, vars: current.vars };
      } else if (tok.op === ')' && stack.length > 0) {
        const outer = stack.pop()!;
        current.vars.rollback(outer.mark);
        current = outer.scope;
      }
    }
  }
  finish();
  // Arithmetic on a name that, before or after it (a function, a loop, a trap), is set to what is
  // not a known number: commands not seen, read from the command's text.
  const late = depth === 0 ? [...current.vars.counted].find((n) => current.vars.unnumbered.has(n)) : undefined;
  if (late !== undefined) emit({ parts: [{ text: late, known: false, fed: { texts: [command] } }] }, 'replace', `arithmetic on ${late}, which it cannot read`);
}

/** A write found, with the feeds of the variables read from input in its path. */
interface Found extends ShellWrite {
  feeds?: Feed[];
}

/**
 * The most characters of input text the writes of one command line are given in all. Each write
 * fed from input carries the text of everything that feeds it, and a pipeline of thousands of
 * stages would give each stage's write the text of all the stages before it. Past this, a write's
 * input text is the whole command: all it can have read from, so whatever names log.md there is
 * still seen (it takes no more work, being the same text for every write).
 */
const MAX_INPUT_TEXT = 1024 * 1024;

/**
 * The text of what feeds a write's path (its variables' inputs and their loops', outward), once
 * per feed: the writes of a loop share theirs. `command` stands in once MAX_INPUT_TEXT is spent.
 */
function inputTexts(command: string): (feeds: Feed[]) => string {
  const known = new Map<Feed, string>();
  let budget = MAX_INPUT_TEXT;
  const inputText = (feeds: Feed[]): string => {
    const texts = new Set<string>();
    for (const feed of feeds) {
      let f: Feed | undefined = feed;
      for (let level = 0; f && level < MAX_DEPTH; level++, f = f.outer) {
        const pipe: string[] = [];
        for (let p = f.piped; p; p = p.before) {
          budget -= p.text.length;
          if (budget < 0) return command;
          pipe.push(p.text);
        }
        for (const t of [...f.texts, ...pipe.reverse()]) texts.add(t);
      }
    }
    const joined = [...texts].join('\n');
    budget -= joined.length;
    return budget < 0 ? command : joined;
  };
  return (feeds) => {
    if (budget < 0) return command;
    if (feeds.length > 1) return inputText(feeds);
    const feed = feeds[0]!;
    const t = known.get(feed) ?? inputText(feeds);
    known.set(feed, t);
    return t;
  };
}

/**
 * Where commands may run in another order than they are read: a pipeline's or a background job's
 * at once, a function's or a trap's when called, a loop's again after the rest of its body.
 */
const OUT_OF_ORDER = /[^&>]&(?![&>])|^&|(?<![|>])\|(?!\|)|[<>]\(|\b(?:coproc|function|trap|while|until|for|select)\b|\w[ \t]*\([ \t]*\)/;

/**
 * The files `command` would write, replace, append to or remove, in the order met. `home` is the
 * home folder (`~`, `$HOME`), `cwd` the folder the command starts in (`$PWD`). `$TMPDIR` is
 * unknown, as every variable the command does not set is.
 */
export function shellWrites(
  command: string,
  options: { home?: string | undefined; cwd?: string | undefined; cdpath?: string | undefined; bashopts?: string | undefined } = {},
): ShellWrite[] {
  const vars = new Vars();
  // bash takes the shopt options BASHOPTS names in its environment (nocaseglob, extglob, cdable_vars).
  const state = shellState(`${command}\n${options.bashopts ?? ''}`);
  // A function's parameters are the words of a call somewhere in the command: read them as its text.
  const called: Feed = { texts: [command] };
  for (const name of POSITIONAL) if (name !== '0') vars.set(name, { text: `$${name}`, known: false, fed: called });
  if (options.home !== undefined) vars.set('HOME', options.home);
  if (options.cwd !== undefined) vars.set('PWD', options.cwd);
  const read = (linked: boolean, links: (string | undefined)[] = []): Reading => {
    const reading: Reading = {
      cwd: options.cwd,
      globs: globBudget(),
      out: [],
      loopReadings: MAX_LOOP_READINGS,
      expansion: MAX_EXPANSION,
      nested: MAX_NESTED_TEXT,
      whole: { texts: [command] },
      namerefs: new Map(),
      links: [...links],
      linked,
      shadowed: mktempMayBeShadowed(command),
      state: { ...state, cd: state.cd || (options.cdpath ?? '') !== '' },
    };
    const mark = vars.mark();
    analyse(command, { dir: '', vars }, reading, 0);
    vars.rollback(mark);
    return reading;
  };
  let reading = read(false);
  // A command that may make a link, in a command whose parts may run out of order: read again as
  // if it ran first (`(sleep 1; rm -f "$t"/*/*) & tar -xf a.tar -C "$t"`).
  // The links it made are known from the start then too (`: > /tmp/a & ln -s …/log.md /tmp/a`).
  if (reading.linked && OUT_OF_ORDER.test(command)) reading = read(true, reading.links);
  const input = inputTexts(command);
  return reading.out.map(({ feeds, ...write }) => (feeds ? { ...write, input: input(feeds) } : write));
}
