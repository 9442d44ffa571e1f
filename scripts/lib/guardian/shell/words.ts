/**
 * The shell reader's vocabulary (shell.ts): the writes it reports, words and their parts as the
 * lexer reads them, what feeds a loop or `read`, variables (Vars, with the undo log that nested
 * reads roll back), the reader's limits, and arithmetic's view of a value.
 */
import type { GlobBudget } from '../glob-paths.ts';

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
  /**
   * The write stands for commands the reader did not read (nested too deep, past its budget of
   * nested text or past its deadline): whatever they write is unknown.
   */
  unread?: boolean;
  /**
   * A folder copied (cp -r, rsync -r, ditto): `path` is the folder it lands as, and each file below
   * the folder `source` (taken from `dir` as `path` is) lands at the same place below it. Not
   * `exact` when the text does not tell the source (`below`: the known folder a glob source lies
   * in); `deletes` when what `path` holds beyond the copy is removed (rsync --delete).
   */
  tree?: { source: string; exact: boolean; deletes?: boolean; below?: string };
}

/** The path of an `unread` write. */
export const UNREAD = '<commands past what it reads>';

/** The word of a write standing for commands not read (`fed`: the text they are in). */
export const unreadWord = (fed: Feed): Word => ({ parts: [{ text: UNREAD, known: false, fed }] });
export const isUnread = (w: Word) => w.parts.length === 1 && !w.parts[0]!.known && w.parts[0]!.text === UNREAD;

export interface Part {
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
  /** Text an unquoted expansion gave (`$x`): bash splits it into words at IFS (shell/fields.ts). */
  split?: boolean;
  /** A nameref's value (`declare -n r=x`): reading it reads the variable it names (Vars.get). */
  ref?: string;
}

export interface Word {
  parts: Part[];
  /** The word as written, when the lexer read it. */
  raw?: string | undefined;
}

/** The text of what a loop or `read` takes its input from; `outer` is the enclosing loop's. */
export interface Feed {
  texts: string[];
  /**
   * Here-documents it reads: their bodies, which the lexer fills in at the end of the line that
   * opened them (after the commands on that line: `cat <<EOF | while read f; do rm "$f"; done`).
   */
  bodies?: HeredocText[] | undefined;
  /** The commands piped in, when the input is a pipe. */
  piped?: Piped | undefined;
  outer?: Feed | undefined;
}

/**
 * The commands piped into the one being read, the nearest first. A list that later stages only
 * lengthen at its head, so each `read`, `xargs` or loop keeps the pipe as it was without a copy
 * (a copy for each stage of a pipeline of thousands made the reader quadratic).
 */
export interface Piped {
  text: string;
  /**
   * The folder the stage ran in (ShellScope.dir): where a lister's relative folders are; undefined
   * when unknown, or when a write came before it in the command (what it moved there is not on the
   * disk when the hook looks).
   */
  dir?: string | undefined;
  /** The here-documents the command piping reads (Feed.bodies). */
  bodies?: HeredocText[] | undefined;
  before: Piped | undefined;
}

/**
 * The texts of here-documents as they are now: a body the lexer has not reached yet, read while
 * the line that opened it is (`pending`), may hold anything.
 */
export function bodyTexts(bodies: HeredocText[] | undefined, pending = ''): string[] {
  return bodies === undefined ? [] : bodies.map((b) => b.text ?? pending);
}

/** A here-document's body, filled in when the lexer passes it (at the end of the line that opened it). */
export interface HeredocText {
  text: string | undefined;
  /** An unquoted delimiter: the shell expands the body ($x, $(…), \$) before a command reads it. */
  expands?: boolean;
}

/**
 * Reports a write of `w`. `links`: the write makes a link (ln, cp -s or -l), which a later path may
 * go through to anywhere. `folder`: `w` is a source whose last name the text does not tell (a glob,
 * a variable, xargs' input), copied into that folder under each name it stands for. `tree`: `w`
 * is the folder a folder copy lands as (ShellWrite.tree).
 */
export type Emit = (w: Word, kind: WriteKind, via: string, links?: boolean, folder?: Word, tree?: TreeCopy) => void;

/** The folder a folder copy takes its files from, and whether it removes what the copy lacks. */
export interface TreeCopy {
  source: Word;
  deletes?: boolean;
  /** No operands in the text (`cp -r "$@"`): the run gives them, if the program is the copier it is named as. */
  operandsUnread?: boolean;
}

export type ShellToken = { t: 'word'; word: Word } | { t: 'op'; op: string } | { t: 'redir'; op: string; target: Word | undefined; body?: HeredocText };

/**
 * A variable's text; a part standing for a `for` or `read` variable; a word of several parts (a
 * positional parameter given a name `find` found); undefined when unknown.
 */
export type VarValue = string | Part | Word | undefined;

/** Reads a command line found inside another (`$(…)`, `sh -c`), with variables bound for it alone. */
export type Nested = (command: string, bindings?: ReadonlyMap<string, VarValue>) => void;

/**
 * The variables of a command line. A subshell, or a command read inside another (`$(…)`, `sh -c`),
 * sees the variables around it and changes them for itself alone: its changes are logged and undone
 * when it ends, in place of a copy of every variable for each one (thousands of variables before
 * thousands of `(…)` made the reader quadratic).
 */
export class Vars {
  private readonly values = new Map<string, VarValue>();
  private readonly undo: { name: string; had: boolean; value: VarValue }[] = [];
  /** Names ever set to what is not a known number, and names arithmetic was done on, in any order (a function, a loop). */
  readonly unnumbered = new Set<string>();
  readonly counted = new Set<string>();

  /** A variable's value; through namerefs, the value of the variable they name (at most 8 deep, else unknown). */
  get(name: string): VarValue {
    let value = this.values.get(name);
    for (let hops = 0; typeof value === 'object' && 'ref' in value && value.ref !== undefined; hops++)
      value = hops < 8 ? this.values.get(value.ref) : { text: value.text, known: false };
    return value;
  }

  set(name: string, value: VarValue): void {
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

export interface ShellScope {
  dir: string | undefined;
  vars: Vars;
  /**
   * Other folders the shell may be in, after a `cd` that may not have run or succeeded
   * (shell/folders.ts): a relative write is checked in each too; undefined stands for one it cannot tell.
   */
  also?: readonly (string | undefined)[] | undefined;
  /** The folders before a `cd` only the commands `&&` joins to it rely on: they join `also` where that chain ends. */
  unless?: readonly (string | undefined)[] | undefined;
}

export const MAX_DEPTH = 8; // nested substitutions, sh -c strings, and loops whose input a `read` reads
export const MAX_LOOP_RUNS = 64; // readings of one command with its `for` variables bound
export const MAX_LOOP_READINGS = 1024; // such readings in all (a loop multiplies the writes the hook checks)
/**
 * The most text variables may expand to in one command line (characters, all references
 * together). Values that double at each step (`x=$x$x`) ran the hook out of memory; beyond this a
 * variable is unknown, as if set outside the command.
 */
export const MAX_EXPANSION = 256 * 1024;

export const text = (w: Word) => w.parts.map((p) => p.text).join('');
export const exact = (w: Word) => w.parts.every((p) => p.known);
export const knownStart = (w: Word) =>
  text({
    parts: w.parts.slice(
      0,
      w.parts.findIndex((p) => !p.known),
    ),
  });
export const literal = (w: Word): string | undefined => (exact(w) ? text(w) : undefined);
/** A word as the text of an input: its value when known, else as written (`$(ls …)`). */
export const asInput = (w: Word) => (exact(w) ? text(w) : (w.raw ?? text(w)));
export const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const EMPTY_WORD: Word = { parts: [] };
/** The positional parameters the reader follows: $0 … $9, and $@ and $* (all of them). */
export const POSITIONAL = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '@', '*'];
/** What a variable's value says, as input text: its text, or what feeds it; undefined when unset. */
export function valueText(v: VarValue): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  return 'parts' in v ? asInput(v) : v.fed ? [...v.fed.texts, ...bodyTexts(v.fed.bodies)].join('\n') : v.text;
}

/**
 * What feeds the parts of `words`, as one chain of feeds (Feed.outer): `xargs sh -c 'rm -f "$@"' _`
 * runs rm on what xargs reads (ninth review of 2026-12-07, H6). Each feed but the last is a copy
 * whose own outer feeds are taken in as text; past MAX_DEPTH - 1 feeds, their texts alone.
 */
function partsFeed(words: Word[]): Feed | undefined {
  const feeds = [...new Set(words.flatMap((w) => w.parts.flatMap((p) => p.fed ?? [])))];
  if (feeds.length === 0) return undefined;
  const textsOf = (f: Feed | undefined): string[] => {
    const texts: string[] = [];
    for (let level = 0; f && level < MAX_DEPTH; level++, f = f.outer) {
      texts.push(...f.texts, ...bodyTexts(f.bodies));
      for (let p = f.piped; p; p = p.before) texts.push(p.text, ...bodyTexts(p.bodies));
    }
    return texts;
  };
  const chained = feeds.slice(0, MAX_DEPTH - 1);
  let outer: Feed | undefined = feeds.length > chained.length ? { texts: feeds.slice(chained.length).flatMap(textsOf) } : chained.at(-1)!.outer;
  for (let k = chained.length - 1; k >= 0; k--) {
    const f = chained[k]!;
    outer = { ...f, texts: k === chained.length - 1 && feeds.length === chained.length ? f.texts : [...f.texts, ...textsOf(f.outer)], outer };
  }
  return outer;
}

/**
 * `$@` and `$*` for the parameters `words`: unknown, read from their text; with a glob among them
 * (`set -- _kernel/*; rm "$@"`), each word in turn, as a `for` variable's, so the glob is expanded.
 */
export function allPositionals(words: Word[]): [string, VarValue][] {
  const globbed = words.some((w) => w.parts.some((p) => p.glob));
  const value: Part = {
    text: '$@',
    known: false,
    fed: { texts: words.map(asInput), outer: partsFeed(words) },
    ...(globbed && { each: words, size: words.reduce((n, w) => n + text(w).length, 0) }),
  };
  return [
    ['@', value],
    ['*', { ...value, text: '$*' }],
  ];
}
export function setAllPositionals(vars: Vars, words: Word[]): void {
  for (const [name, value] of allPositionals(words)) vars.set(name, value);
}
/**
 * The characters that end a word: bash's blanks (space, tab), the newline and its operators. Other
 * white space (a carriage return, a no-break space) is part of a word there, as in `log.md\r`.
 */

/** A value bash's arithmetic takes for a number, without evaluating it further. */
const NUMBER = /^\s*[-+]?\d+\s*$/;
const numberWord = (w: Word) => w.parts.length > 0 && w.parts.every((p) => p.number || (p.known && /^[-+]?\d*$/.test(p.text)));
/** True when `v` is a number: digits, `$((…))`, or a loop's words that all are. */
function isNumber(v: VarValue): boolean {
  if (v === undefined || typeof v === 'string') return v !== undefined && NUMBER.test(v);
  if ('each' in v && v.each) return v.each.every(numberWord);
  return 'parts' in v ? numberWord(v) : v.number === true;
}
/**
 * The first name in the arithmetic `expr` whose value is not known to be a number: bash evaluates
 * such a value as arithmetic in turn, running the `$(…)` of a subscript it spells (`read n <<<
 * 'x[$(rm …)]'; (( n ))`). A name the command never set is taken for 0.
 */
export function arithmeticUnknown(expr: string, vars: Vars): string | undefined {
  // Names, and positional parameters (`$1`, `${2}`): a function's parameters are the caller's words.
  for (const [name] of expr.matchAll(/(?<![\w#])[A-Za-z_]\w*|(?<=\$\{?)[0-9@*]/g)) {
    vars.counted.add(name);
    const v = vars.get(name);
    if (v !== undefined && !isNumber(v)) return name;
  }
  return undefined;
}

/** One reading of a command line: what it knows, what it found, what it may still spend. */
export interface Reading {
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
  /** Set once it left commands unread (one write stands for all it did not read: UNREAD). */
  stopped?: boolean;
  /** When reading stops (Date.now()), the commands after that left unread: a hook that outlives its timeout lets the call through. */
  deadline: number;
  /** Set once the deadline passed: nothing more is read. */
  halted?: boolean;
  /**
   * Set once a command that may make a link ran (anything but NO_LINKS): no path under a folder
   * mktemp made counts as new after it. From the start when commands may run out of the order read.
   */
  linked?: boolean;
  /**
   * The files and folders rm, rmdir and mv named earlier in the command, each made absolute from
   * the starting folder (undefined for one the text does not tell): a cd into one may fail.
   */
  gone?: (string | undefined)[];
  /** Set once cd, pushd or popd may be a function or an alias: no cd after it is followed. */
  cdRedefined?: boolean;
  /** Set when mktemp may be a function, an alias or another program: nothing it prints is new. */
  shadowed?: boolean;
  /** What the command (or the hook's CDPATH) may make bash read other than as written (unseen.ts, shellState). */
  state: { programs: boolean; cd: boolean; globs: boolean };
  /**
   * Where the links this command made so far lie (ln, link, cp -s or -l): each path made absolute
   * from the starting folder, undefined for one whose place the text does not tell.
   */
  links: (string | undefined)[];
  /** git aliases `git config alias.NAME VALUE` kept for the git commands after it (undefined: a value not known). */
  gitAliases?: Map<string, string | undefined>;
  /** The namerefs declared (`declare -n REF=NAME`): REF to NAME ('' when NAME is not known). */
  namerefs: Map<string, string>;
  /**
   * The files the command opens for reading (`<`, `<>`, `exec 3<`), as text: a descriptor it writes
   * through (`/dev/stdin`, `/dev/fd/3`) may be any of them.
   */
  opened: Feed;
  /**
   * The functions the command defines when a positional parameter stands anywhere in it: a body
   * may run its parameters (`f() { "$@"; }`), so a call's words are commands too.
   */
  parameterRunners: ReadonlySet<string>;
  /** How many readings of calls' words the command made (shell.ts CALL_READINGS_MAX). */
  callReadings?: number;
}

/** A write found, with the feeds of the variables read from input in its path. */
export interface Found extends ShellWrite {
  feeds?: Feed[];
}
