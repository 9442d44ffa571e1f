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
 * turn), variables `read`, `mapfile` and `readarray` set (unknown, with the text of what feeds
 * them: files, here-strings, here-document bodies, pipes), command and process
 * substitutions, `sh -c`, `su -c`, `env -S` strings and `eval` (read as commands of their own),
 * positional parameters (`set --`, `sh -c`'s words; a function's, as the command's text),
 * wrappers (WRAPPERS: `sudo`, `env`, `nohup`, `timeout`, `xargs` …; `env -C` and `sudo -D` move
 * the command), and the file-writing commands `sed -i`, `perl -i`, `ruby -i`,
 * `gawk -i inplace`, `tee`, `sponge`, `sort -o`, `uniq IN OUT`, `time -o`, `cp`, `mv`, `install`, `ln`, `rsync`, `rm`, `unlink`, `shred`, `truncate`, `dd of=`,
 * compressors that replace their files (`gzip` …), `zip -m`, `tar --remove-files`, `iconv -o`,
 * `patch`, `curl -o`/`-O`, `wget -O`, `script`, and git's checkout, restore, stash, rm, mv, checkout-index and merge-file of
 * named paths, and the commands git's subcommands run (`rebase -x`, `bisect run` …). A word with a part the
 * text cannot tell (`$VAR` not set in the same line, `$(…)`, a glob, `~user`) is marked inexact,
 * keeping whatever part is known.
 *
 * It is a guard against accidents, not a sandbox: what a program decides at run time (a script's
 * own file writes, the files `find` finds by other tests than a name, names `xargs` reads from an input the text does not show,
 * `git checkout -- .`) is not visible here.
 *
 * Its parts: shell/lexer.ts reads the text into words, shell/names.ts tells what a word names,
 * shell/programs.ts what each program writes, shell/words.ts the types and variables they share;
 * this module walks the commands (analyse) and binds variables, loops and nested commands.
 */
import { basename, normalize, resolve } from 'node:path';
import { shellQuote } from '../text/shell-quote.ts';
import { globBudget, globPaths } from './glob-paths.ts';
import { mktempMayBeShadowed, shellState } from './unseen.ts';

export type { ShellWrite, WriteKind } from './shell/words.ts';
import { splitWords } from './shell/fields.ts';
import { diffHeaderLines } from './shell/diff-file.ts';
import { type CdCertainty, cdTo, chainEnds, isFolderEverywhere, markGone } from './shell/folders.ts';
import { Lexer, expandBraces, homeOf } from './shell/lexer.ts';
import { MKTEMP, baseName, endingCanBeLog, globEndsLikeLog, globPattern, joinPath, knownEnding, lastName, procAlias, underFresh } from './shell/names.ts';
import {
  type ShellCommand,
  DECLARATIONS,
  FOUND,
  gitOption,
  INPUT_REDIRS,
  KEYWORDS,
  LEADING_OPERAND,
  LIST_OPS,
  OPTION_ARGS,
  OUTPUT_REDIRS,
  SHELLS,
  TESTS,
  WRAPPERS,
  clusterHas,
  commandString,
  commandWrites,
  diffInputs,
  dropChars,
  evaluatedWords,
  gitAliasWords,
  gitCommandsRun,
  listedInput,
  type NoLogIn,
  makesNoLink,
  mayBeOption,
  optionsMayWrite,
  operands,
  pathspecInputs,
  readValue,
  removedInputNames,
  runsValue,
  scriptUnread,
  testEvaluates,
  unseenWrite,
  withFound,
  withXargsInput,
  wrapperOption,
  xargsReplace,
} from './shell/programs.ts';
import {
  EMPTY_WORD,
  type Emit,
  type Feed,
  type HeredocText,
  MAX_DEPTH,
  MAX_EXPANSION,
  MAX_LOOP_READINGS,
  MAX_LOOP_RUNS,
  NAME,
  type Nested,
  POSITIONAL,
  type Part,
  type Piped,
  type Reading,
  type ShellScope,
  type ShellWrite,
  type VarValue,
  Vars,
  type Word,
  type WriteKind,
  allPositionals,
  arithmeticUnknown,
  asInput,
  bodyTexts,
  exact,
  knownStart,
  literal,
  setAllPositionals,
  isUnread,
  text,
  unreadWord,
  valueText,
} from './shell/words.ts';

/**
 * A positional parameter's expansion (`$@`, `"${@:2}"`, `$*`, `$1`, `${!#}`), or one by another name
 * (`${!x}` with x=@, bash's BASH_ARGV).
 */
const POSITIONAL_EXPANSION = /\$(?:\{[!#]?)?[@*1-9#]|\$\{![A-Za-z_]|BASH_ARGV|\bfor\s+[A-Za-z_]\w*\s*(?:;|\n|do\b)/;
/**
 * A function's name where it is defined (`NAME ()`, `function NAME`, in a nested script or eval's
 * text too: after a quote or a backquote), or imported (`BASH_FUNC_NAME%%=() …` in the environment).
 */
const FUNCTION_NAMES = /(?:^|[\s;&|(){}'"`])(?:function[ \t]+([^\s;&|(){}<>'"`$]+)|([^\s;&|(){}<>'"`$]+)[ \t]*\([ \t]*\))/g;
const IMPORTED_FUNCTIONS = /BASH_FUNC_([^%\s'"=]+)%%/g;
/** Calls read their words from each of the first this many (`shift`, `"${@:N}"`). */
const CALL_STARTS = 64;
/** Readings of calls' words one command makes at most (calls nested in calls read theirs too); past it, it is not read. */
const CALL_READINGS_MAX = 1024;
/** Bash calls it, with the words of each command it cannot find: every command is a call of it. */
const NOT_FOUND_HANDLER = 'command_not_found_handle';
/** A command whose text may run a word's text as commands (`eval "$1"`, `sh -c "$1"`, `bash <<< "$1"`). */
const WORD_TEXT_RUNS = /\beval\b|(?:^|\s)-[A-Za-z]*c\b|\bsource\b|(?:^|[\s;&|(])\.\s|<<<|\b(?:ba|da|z|k|tc|fi)?sh\b/;
/**
 * A command whose text may move a function's commands into a folder a variable names (`cd "$1"`,
 * `cd "$d"`, `env -C "$1"`, `env --chd="$1"`: GNU takes a start of a long option), read without
 * quotes and backslashes (`c\\d`). A cd into a folder written out elsewhere in it is not one.
 */
const FOLDER_CHANGES = /\b(?:cd|pushd)\s+\$|(?:^|\s)(?:-C|-D|--ch[a-z]*)(?:\s+|=)\$/;
/**
 * A command whose text may build a program from a function's parameters: IFS set (`IFS=,`,
 * `IFS+=,`), a parameter assigned (`p=$1; p+=$2`), glued to other text (`"$1$2"`, `"${1}p"`), or
 * inside a `$(…)`. Read, as FOLDER_CHANGES, without quotes and backslashes.
 */
const BUILDS_PROGRAM = /IFS\+?=|=["']?\$\{?[1-9@*]|\$\{?[1-9@*]\}?[^\s"'};:|&)]|[^\s"'(;|&{=:]\$\{?[1-9@*]|\$\([^)]*\$\{?[1-9@*]/;
/** The names of the shell's own that move it (a word's text holding one moves it too when run). */
const MOVES_WORD = /(?:^|[\s;&|(`])(?:cd|pushd|popd)(?:[\s;&|)`]|$)/;

/**
 * The functions `command` defines, when a positional parameter stands anywhere in it: a body may
 * run its parameters, so each call's words may be a command (the function's body is read where it
 * is defined, its parameters as the command's text; what it runs is only in the call).
 */
function definedRunners(command: string): ReadonlySet<string> {
  if (!POSITIONAL_EXPANSION.test(command)) return new Set();
  return new Set([...command.matchAll(FUNCTION_NAMES), ...command.matchAll(IMPORTED_FUNCTIONS)].map((m) => (m[1] ?? m[2])!));
}

/** What reading.namerefs holds for a nameref declared without a value (no variable's name). */
const UNSET_NAMEREF = '=';
const isAssignment = (w: Word) => w.parts[0]?.known === true && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(text(w));

/**
 * The most text read as nested commands in one command line (`sh -c`, `eval`, here-documents to
 * a shell, substitutions), in all: a 160 KB `sh -c` script in a loop of 64 words took 10 s to
 * read, past the hook's timeout (which lets the call through). Past it, what is left is unknown:
 * one write of an unknown name, read from the whole command, which fails closed for a log.md.
 */
const MAX_NESTED_TEXT = 1024 * 1024;

/**
 * How long one command is read for (ms), at most: past it, the commands not read yet are one
 * write of an unknown name (refused in a world). A hook that outlives its 5 s timeout lets the
 * call through, and a command of 78 KB (`rm -f a;cd a;` 6,000 times) took 5.7 s to read before
 * the reader had a deadline (third review of 2026-12-07, H3). The guardian checks the paths in
 * what is left of its own 2 s (decide.ts, CHECK_MS).
 */
export const READ_MS = 1_500;
/**
 * How many words of one command are looked at between two looks at the deadline: one command of
 * 96 KB is 24,000 words, and the deadline is otherwise looked at between commands alone.
 */
const DEADLINE_EVERY = 1_024;

/**
 * `cmd` once per combination of the words its `for` variables take. Beyond MAX_LOOP_RUNS
 * combinations (or the reading's budget), once, with each such variable an unknown value fed by
 * the text of its words.
 */
function bindLoops(cmd: ShellCommand, reading: Reading): ShellCommand[] {
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

function substitute(cmd: ShellCommand, value: (p: Part) => Part[]): ShellCommand {
  // A variable's value is not brace-expanded again.
  // A word with none is kept as it is, as written too (`[`: the test, not a program).
  const word = (w: Word): Word =>
    w.parts.some((p) => p.each) ? { parts: w.parts.flatMap((p) => (p.each ? value(p).map((v) => ({ ...v, brace: false, bound: true })) : [p])) } : w;
  return { words: cmd.words.map(word), redirs: cmd.redirs.map((r) => ({ op: r.op, target: r.target && word(r.target), body: r.body })) };
}

/** What `$name` stands for after `name=WORD` or `for name in WORDS`. */
function variableValue(name: string, words: Word[], reading: Reading): VarValue {
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

/** The here-documents among a command's redirections, undefined when none (the common case: no array made). */
function bodiesOf(redirs: ShellCommand['redirs']): HeredocText[] | undefined {
  return redirs.some((r) => r.body) ? redirs.flatMap((r) => r.body ?? []) : undefined;
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

/**
 * True when `git config`'s option `t` takes the next word as its value (fifth review of
 * 2026-12-07): `-f`, at the end of a cluster too (`-zf`), and `--file`, `--blob`, `--type`,
 * `--default`, `--comment`, `--value` by any start git takes (`--fil`; sixth review).
 */
function gitConfigTakesValue(t: string): boolean {
  if (!t.startsWith('--')) return /^-[A-Za-z]*f$/.test(t);
  const given = t.slice(2);
  return given !== '' && !given.includes('=') && ['file', 'blob', 'type', 'default', 'comment', 'value'].some((n) => n.startsWith(given));
}

/** The folder git runs a subcommand's command in (gitCommandsRun): one the text does not tell. */
const WHERE_GIT_RUNS: Word = { parts: [{ text: '<where git runs it>', known: false }] };

/** Operators after which the commands of a chain of `&&` still run only where a `cd` before went. */
const CHAIN_GOES_ON = new Set(['&&', '|', '(', ')']);
/** The builtins that move the shell into another folder. */
const MOVES_THE_SHELL = new Set(['cd', 'pushd', 'popd']);
/** Commands that may read their stdin into a write: a body fed by a redirection after it and holding one is not read. */
const STDIN_READERS = new Set(['xargs', 'read', 'mapfile', 'readarray', 'source', '.', 'eval', ...SHELLS]);
/**
 * A command defining a function (`f() …`, `function f`): its body runs where it is called, with
 * the caller's stdin, and its output goes where the call's does, through `$(f)`, `<(f)` and bodies
 * the reader does not tie to it. What such a command's writes read from input is read from the
 * whole command too (ninth review of 2026-12-07, H4 and M2).
 */
const DEFINES_FUNCTION = /\w[ \t]*\([ \t]*\)|\bfunction[ \t]/;
/** Wrappers that run a builtin in the shell itself: `cd` behind any other is a program of its own. */
const IN_THE_SHELL = new Set(['command', 'builtin']);

/**
 * Reads `command` in `scope`. `cdAtMost`: how sure a `cd` in it can be (the text `eval` runs in a
 * body that may not run is no surer than the eval).
 */
function analyse(command: string, scope: ShellScope, reading: Reading, depth: number, cdAtMost: CdCertainty = 'sure', stdin?: Piped): void {
  const { out } = reading;
  /** The operator before the command being read, and the one ending it (undefined at the end). */
  let before: string | undefined;
  let endedBy: string | undefined;
  /** How many bodies (`if`, loops, `case`, `{ …; }` groups and function bodies) the command is in. */
  let bodies = 0;
  /**
   * What a body pipes out (`{ git ls-files; } | xargs rm`, `if …; then git ls-files; fi |`, `( … ) |`,
   * `f |` of a function: eighth review of 2026-12-07, H5): the text of each command read in a body,
   * with where each open body starts among them and the function it defines, the span of the
   * body that ended last, and each function's.
   */
  const bodyCommands: string[] = [];
  const bodyChars: number[] = [0];
  /**
   * Each open body's stdin (a pipe into it, `… | { …; }`, or the one around it: every command in it
   * reads that pipe, after a `;` too), and whether a command in it may read its stdin into a write
   * (ninth review of 2026-12-07, H2).
   */
  const openBodies: { start: number; defines: string | undefined; stdin: Piped | undefined; reads: boolean }[] = [];
  let ended: [number, number] | undefined;
  /** Set when the body that closed last may read its stdin: an input redirection after it feeds it. */
  let closedReads = false;
  const functionOutputs = new Map<string, [number, number]>();
  let defining: string | undefined;
  const openBody = (counted: boolean, named: boolean, after = before) => {
    if (counted) bodies++;
    const fed = after === '|' ? piped : (openBodies.at(-1)?.stdin ?? stdin);
    openBodies.push({ start: bodyCommands.length, defines: named ? defining : undefined, stdin: fed, reads: false });
    if (named) defining = undefined;
  };
  const closeBody = (counted: boolean) => {
    if (counted) bodies = Math.max(0, bodies - 1);
    const open = openBodies.pop();
    if (!open) return;
    ended = [open.start, bodyCommands.length];
    closedReads = open.reads;
    if (open.reads && openBodies.length > 0) openBodies.at(-1)!.reads = true;
    if (open.defines !== undefined) functionOutputs.set(open.defines, ended);
    if (open.defines !== undefined && open.reads) readingFunctions.add(open.defines);
  };
  /** Functions whose body may read their stdin into a write: a call fed by a pipe or a redirection is not read (M2). */
  const readingFunctions = new Set<string>();
  const record = (t: string) => {
    bodyCommands.push(t);
    bodyChars.push(bodyChars.at(-1)! + t.length);
  };
  // A long body stands as the whole command: its text is not copied at each pipe it feeds.
  // Once per body: the same string at each call (`f | f | …`), whose hash inputTexts' Set keeps (M3).
  const outputs = new WeakMap<[number, number], string>();
  const outputOf = (span: [number, number]) => {
    let out = outputs.get(span);
    if (out === undefined) {
      const [start, end] = span;
      out = end - start > 64 || bodyChars[end]! - bodyChars[start]! > 16 * 1024 ? command : bodyCommands.slice(start, end).join('\n');
      outputs.set(span, out);
    }
    return out;
  };
  /** How sure a `cd` read now is to run and move the shell, as far as where it stands tells. */
  const cdCertainty = (): CdCertainty => {
    if (cdAtMost === 'maybe' || bodies > 0 || before === '||' || before === '|' || endedBy === '|' || endedBy === '&') return 'maybe';
    return cdAtMost === 'chained' || before === '&&' ? 'chained' : 'sure';
  };
  /** The scopes around the subshells open here, each with the point its variables go back to. */
  const stack: { scope: ShellScope; mark: number }[] = [];
  let current = scope;
  /** The loops the command being read is in, innermost last: what feeds each one's input. */
  const loops: Feed[] = [];
  /** The commands piped into the one being read. */
  let piped: Piped | undefined = stdin;
  /**
   * The variables assigned for the command being read alone (`X=1 sh -c …`, `env X=1 …`): the
   * commands it runs as a shell of their own see them.
   */
  let environment: [string, VarValue][] = [];
  /** Set when the command being read may make a link: what runs after it is not new (Reading.linked). */
  let linking = false;
  /** The places the command being read makes links at: the commands after it go through them (Reading.links). */
  const made: (string | undefined)[] = [];
  /** Commands nested in the one being read (`sh -c`, `$(…)`): what they change is undone after. */
  const nested: Nested = (inner, bindings) => readNested(inner, bindings, false);
  /** Commands the shell itself runs (`eval`, `source` of a here-document): their variables and `cd`s stay. */
  const here = (inner: string) => readNested(inner, undefined, true);
  /** One write of an unknown name for the commands it leaves unread (`why`), read from the whole command: refused in a world. */
  const leaveUnread = (why: string) => emit(unreadWord(reading.whole), 'replace', why);
  /** True once the reading's deadline passed: what is left is not read. */
  const outOfTime = () => {
    if (!reading.halted && Date.now() > reading.deadline) {
      reading.halted = true;
      leaveUnread('commands it had no time left to read');
    }
    return reading.halted === true;
  };
  const readNested = (inner: string, bindings: ReadonlyMap<string, VarValue> | undefined, inThisShell: boolean) => {
    if (outOfTime()) return;
    if (depth >= MAX_DEPTH) {
      // Commands nested deeper are not read (a reader that recursed further could run out of
      // stack); unknown, unless there is nothing to run.
      if (inner.trim() !== '') leaveUnread(`commands nested more than ${MAX_DEPTH} levels deep`);
      return;
    }
    reading.nested -= inner.length;
    if (reading.nested < 0) {
      leaveUnread('commands past 1 MiB of nested text');
      return;
    }
    const mark = current.vars.mark();
    for (const [name, value] of environment) current.vars.set(name, value);
    // Text built from pieces (`bash -c "$x$y() {…}"`) is looked at again as the shell will read it.
    if (!MKTEMP.test(inner) && mktempMayBeShadowed(inner)) reading.shadowed = true;
    // Kept after: bash in POSIX mode keeps the assignments before a special builtin such as eval.
    // What is piped into the command running them is their stdin too (`… | sh -c 'xargs rm'`, `… | { :; eval …; }`).
    const into = piped ?? openBodies.at(-1)?.stdin ?? stdin;
    if (inThisShell) return analyse(inner, current, reading, depth + 1, cdCertainty(), into);
    if (bindings) {
      // A shell started with -c has the positional parameters it is given, and no others.
      for (const name of POSITIONAL) current.vars.set(name, undefined);
      for (const [name, value] of bindings) current.vars.set(name, value);
    }
    analyse(inner, { dir: current.dir, vars: current.vars, also: current.also }, reading, depth + 1, 'sure', into);
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

  /** Reports a write in the folder the shell is in, and, for a path not absolute, in each other it may be in. */
  const emit: Emit = (w, kind, via, links, folder, tree) => {
    // One write stands for all the reader leaves unread.
    if (isUnread(w)) {
      if (reading.stopped) return;
      reading.stopped = true;
    }
    emitIn(w, kind, via, links, folder, tree);
    const { dir, also } = current;
    if (also === undefined || (w.parts[0]?.known && text(w).startsWith('/'))) return;
    try {
      for (const d of also) {
        if (d === dir) continue;
        current.dir = d;
        emitIn(w, kind, via, links, folder, tree);
      }
    } finally {
      current.dir = dir;
    }
  };
  /**
   * The files a copy of `source` (cp, mv, install, ln, rsync) makes in `folder` when the text does
   * not tell its last name: a glob's, each name it expands to here (one it cannot expand may be
   * log.md), and a name only the run tells (`"$f"`, xargs' input), log.md unless its known ending
   * rules that out. The template walnut's `_kernel/*.md` copied into a walnut's `_kernel/` replaced
   * its log (fourth review of 2026-12-07).
   */
  const emitCopies = (source: Word, folder: Word, kind: WriteKind, via: string, links: boolean | undefined) => {
    const slash = text(folder).endsWith('/') ? '' : '/';
    const into = (name: string) => emitIn({ parts: [...folder.parts, { text: slash + name, known: true }] }, kind, `${via} of ${text(source)}`, links);
    if (!source.parts.some((p) => p.glob)) {
      if (endingCanBeLog(source)) into('log.md');
      return;
    }
    if (!globEndsLikeLog(source)) return;
    const pattern = globPattern(source);
    const from = current.dir === undefined || reading.cwd === undefined ? undefined : resolve(reading.cwd, current.dir);
    const expandable = pattern !== undefined && !pattern.includes('**') && (from !== undefined || pattern.startsWith('/'));
    const expanded = expandable ? globPaths(pattern, from ?? '/', reading.globs) : undefined;
    const logs = (expanded?.paths ?? []).map((p) => basename(p)).filter((n) => n.toLowerCase() === 'log.md');
    for (const name of new Set(logs)) into(name);
    if (!expanded?.complete) into('log.md');
  };
  const emitIn: Emit = (w, kind, via, links, folder, tree) => {
    if (folder !== undefined) return emitCopies(w, folder, kind, via, links);
    if (tree !== undefined) {
      // A folder copy, reported besides the copy's own write: decide.ts reads what the source
      // holds, and what the folder it lands as holds.
      const link = reading.links.length > 0 && mayGoThroughLink(w, lastName(w), reading.links, reading.cwd, current.dir);
      out.push({
        path: text(w),
        exact: exact(w),
        ...(!exact(w) && { known: knownStart(w) }),
        name: lastName(w),
        dir: current.dir,
        kind,
        via,
        tree: {
          source: text(tree.source),
          exact: exact(tree.source),
          // A glob after a known folder (`dist/*`), no dot-name among what it may match: all it copies is below that folder.
          ...(!exact(tree.source) && tree.source.parts.every((p) => p.known || (p.glob && !p.text.startsWith('.'))) && { below: knownStart(tree.source) }),
          ...(tree.deletes && { deletes: true }),
        },
        ...(underFresh(w, reading, false) && { fresh: true }),
        ...(link && { link: true }),
      });
      return;
    }
    // Through /dev/fd or /proc: a file the shell has open, or a folder it is in, the hook's process
    // cannot resolve. A relative path may climb there (`../../proc/self/cwd/…`): it is taken from
    // the folder the shell is in, from the starting folder when that is unknown, and from a
    // stand-in one level down when that is unknown too, so any `..` may reach the root.
    const place = placeOf(text(w), current.dir === undefined ? undefined : reading.cwd, current.dir ?? '');
    const alias = place === undefined ? undefined : procAlias(normalize(place));
    if (alias) {
      // A link made there is at a place the text does not tell: every write after it fails closed.
      if (links) {
        reading.linked = true;
        made.push(undefined);
      }
      const named = alias === 'folder' && (w.parts.some((p) => p.glob) ? globEndsLikeLog(w) && 'log.md' : lastName(w));
      out.push({
        path: place!,
        exact: false,
        known: '',
        name: named || undefined,
        dir: current.dir,
        kind,
        via,
        ...(alias === 'descriptor' && { feeds: [reading.opened] }),
      });
      return;
    }
    const feeds = w.parts.flatMap((p) => p.fed ?? []);
    // A last name the text tells only the end of, and that end is `log.md` (`"${PREFIX}log.md"`,
    // `"$(…)log.md"`): with nothing before it, it is the log (fourth review of 2026-12-07).
    const name = lastName(w) ?? (knownEnding(w).toLowerCase() === 'log.md' ? 'log.md' : undefined);
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
      ...(isUnread(w) && { unread: true }),
    });
  };

  /** The variable `NAME=WORD` (or `NAME+=WORD`) sets, and the value it gives it. */
  const assignment = (w: Word): [string, VarValue] => {
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
  const runs = (value: VarValue | undefined, via: string) => {
    if (typeof value === 'string') nested(value.replace(/^[\s!|-]+/, ''));
    else emit({ parts: [{ text: via, known: false, fed: { texts: [command] } }] }, 'replace', `a value of ${via} it cannot read, run as a command`);
  };
  /** REF made a nameref to `target`: `$REF` reads its value, whenever set (Vars.get); a name it cannot tell may be any variable. */
  const bindNameref = (ref: string, target: VarValue) => {
    reading.namerefs.set(ref, typeof target === 'string' ? target : '');
    current.vars.set(
      ref,
      typeof target === 'string' && NAME.test(target) ? { text: `$${ref}`, known: false, ref: target } : { text: `$${ref}`, known: false, fed: reading.whole },
    );
  };
  const assign = (w: Word) => {
    const [written, value] = assignment(w);
    // Through a nameref (`declare -n T=TMPDIR; T=…`), the variable it names changes; one whose
    // name it cannot tell, unknown.
    const target = reading.namerefs.get(written);
    // A nameref declared without a value (`declare -n r; r=x`): its first assignment sets what it names.
    if (target === UNSET_NAMEREF) return bindNameref(written, value);
    const name = target !== undefined && NAME.test(target) ? target : written;
    current.vars.set(name, value);
    if (target !== undefined && name === written) current.vars.set(target, undefined);
    if (runsValue(name)) runs(value, name);
    // A value spelling a `$(…)` or backquotes (`n='x[$(rm …)]'`) runs them wherever bash does
    // arithmetic on the name (`$((n))`, `let n`, `a[n]`, `${x:n}`), before or after this text (a loop,
    // a function, a trap): they are read as commands here.
    if (typeof value === 'string' && (value.includes('$(') || value.includes('`'))) nested(`: ${value}`);
  };

  /** `for NAME in WORDS` (or `select`): in the loop, `$NAME` takes each word in turn. */
  const startFor = (words: Word[]) => {
    loops.push({ texts: [], outer: loops.at(-1) });
    const name = words[0] && literal(words[0]);
    if (name === undefined || !NAME.test(name)) return;
    // Without `in`, the loop takes the script's arguments ($@).
    current.vars.set(name, words[1] && text(words[1]) === 'in' ? variableValue(name, words.slice(2), reading) : current.vars.get('@'));
  };

  /**
   * The texts an input redirection names: the file or string; for a file this command wrote before
   * (`echo …/log.md > l; xargs rm < l`), the command's text too, which holds what it wrote there,
   * as `xargs -a l` reads it (fourth review of 2026-12-07).
   */
  const inputs = (redirs: ShellCommand['redirs']) =>
    redirs.flatMap((r) => {
      if (!INPUT_REDIRS.has(r.op) || !r.target) return [];
      const file = r.op !== '<<<' && exact(r.target) ? text(r.target) : undefined;
      const written = file !== undefined && out.some((w) => w.exact && w.path === file && w.dir === current.dir);
      return written ? [asInput(r.target), ...reading.whole.texts] : [asInput(r.target)];
    });
  /**
   * What the diff file `w` tells of the files it writes: its header lines, read from the disk; the
   * whole command's text when the command wrote the file before; nothing when there is no such file
   * (the command fails); or, when it cannot be read (a name the text does not tell, too large, not
   * a regular file), words saying it may name log.md.
   */
  const diffFileTexts = (w: Word, folders: readonly Word[], dir: string | undefined = current.dir): string[] => {
    const unread = [`(the diff in ${asInput(w)} could not be read: it may name log.md)`];
    if (!folders.every(exact)) return unread;
    let from = dir;
    for (const f of folders) from = from === undefined ? undefined : joinPath(from, text(f));
    const path = exact(w) ? text(w) : undefined;
    if (path !== undefined && out.some((o) => o.exact && o.path === path && o.dir === from)) return reading.whole.texts;
    // What the command wrote before, in a folder named apart from the shell's, may be that file.
    if (folders.length > 0 && out.length > 0) return unread;
    const place = path === undefined ? undefined : placeOf(path, reading.cwd, from);
    const headers = place === undefined ? undefined : diffHeaderLines(place);
    // Not there now, after a write of the command's (`cp F ./e.patch && git apply e.patch`): it may be that write's.
    if (headers === '' && out.length > 0) return unread;
    return headers === undefined ? unread : [headers];
  };
  /**
   * What a diff on a pipe names: the files a `cat` before it reads; anything else (git diff, curl,
   * a script) may name anything.
   */
  const pipedDiffTexts = (stage: Piped): string[] => {
    const words = stage.text.trim().split(/[ \t]+/);
    const program = baseName(words[0] ?? '');
    const files = words.slice(1);
    if (program === 'cat' && files.length > 0 && files.every((f) => /^[\w./@%+=:,-]+$/.test(f) && !f.startsWith('-'))) {
      return files.flatMap((f) => diffFileTexts({ parts: [{ text: f, known: true }] }, [], stage.dir ?? current.dir));
    }
    return [`(a diff from ${stage.text.slice(0, 200)} could not be read: it may name log.md)`];
  };
  /** What a command's input redirections feed it: the files and strings they name, the here-documents' bodies. */
  const fedBy = (redirs: ShellCommand['redirs']): Feed => ({ texts: inputs(redirs), bodies: bodiesOf(redirs), piped, outer: loops.at(-1) });

  /** `read NAME…`: each name an unknown value fed by the read's own input, or its loop's. */
  const read = (args: Word[], redirs: ShellCommand['redirs']) => {
    const { values, operands: names } = operands('read', args);
    const array = values.get('-a');
    const fed = fedBy(redirs);
    for (const w of array ? [array] : names) readInto(w, fed);
    if (!array && names.length === 0) current.vars.set('REPLY', { text: '$REPLY', known: false, fed });
  };
  const readInto = (w: Word, fed: Feed) => {
    const name = literal(w);
    if (name !== undefined && NAME.test(name)) current.vars.set(name, { text: `$${name}`, known: false, fed });
  };
  /** `mapfile [ARRAY]`, `readarray`: the array (MAPFILE without one) holds the lines of its input, as `read -a`'s. */
  const mapfile = (args: Word[], redirs: ShellCommand['redirs']) =>
    readInto(evaluatedWords('mapfile', args)[0] ?? { parts: [{ text: 'MAPFILE', known: true }] }, fedBy(redirs));

  const run = (cmd: ShellCommand) => {
    let words = cmd.words.flatMap((w) => expandBraces(w));
    if (words[0] === undefined || text(words[0]) !== '[[') words = splitWords(words, current.vars.get('IFS'));
    const opens = (w0: string) => {
      // `NAME() if …; fi`: a body other than `{ }` right after NAME() is the function's too.
      if (w0 === 'if' || w0 === 'while' || w0 === 'until' || w0 === 'case' || w0 === '{') openBody(true, w0 === '{' || defining !== undefined);
    };
    // `NAME() {…}`, `function NAME {…}` defines NAME and runs nothing; once cd, pushd or popd is
    // a function, every one after it may go anywhere, or nowhere.
    const defines = words.length === 1 && endedBy === '(' ? text(words[0]!) : words.length > 1 && text(words[0]!) === 'function' ? text(words[1]!) : undefined;
    if (defines !== undefined && MOVES_THE_SHELL.has(defines)) reading.cdRedefined = true;
    if (defines !== undefined) defining = defines;
    if (words.length === 1 && endedBy === '(') return;
    if (words.length === 1) opens(text(words[0]!));
    // Reserved words and a group's `{` before the command's name; `function NAME {` opens a body.
    while (words.length > 1) {
      const w0 = text(words[0]!);
      opens(w0);
      if (KEYWORDS.has(w0) || w0 === '{') {
        if (w0 === 'while' || w0 === 'until') loops.push({ texts: [], piped, outer: loops.at(-1) });
        words = words.slice(1);
      } else if (w0 === 'function' && words.length > 2) words = words.slice(2);
      else break;
    }
    const first = words[0] && text(words[0]);
    if (first === 'done' || first === 'fi' || first === 'esac') closeBody(true);
    if (first === 'for' || first === 'select') {
      openBody(true, false);
      return startFor(words.slice(1));
    }
    // The loop's input redirections feed the `read`s in it.
    if (first === 'done') {
      const loop = loops.pop();
      const bodies = bodiesOf(cmd.redirs);
      loop?.texts.push(...inputs(cmd.redirs));
      if (loop && bodies) loop.bodies = [...(loop.bodies ?? []), ...bodies];
    }
    const runs = bindLoops({ words, redirs: cmd.redirs }, reading);
    for (const c of runs) if (!outOfTime()) runOnce(c, runs.length > 1);
    // Assignments last: their values are read from the words as lexed, for all runs at once.
    const assigned = words.every(isAssignment) ? words : first && DECLARATIONS.has(first) ? words.slice(1).filter(isAssignment) : [];
    // `declare -n REF=NAME`: REF stands for NAME, which an assignment to REF changes (see assign).
    const namerefs = first !== undefined && DECLARATIONS.has(first) && words.some((w) => /^-[A-Za-z]*n/.test(text(w)));
    for (const w of assigned) {
      if (!namerefs) assign(w);
      else bindNameref(...assignment(w));
    }
    // `declare -n REF` alone: REF names what it held, or, unset, what its first assignment gives.
    if (namerefs)
      for (const w of words.slice(1)) {
        const ref = literal(w);
        if (ref === undefined || !NAME.test(ref) || isAssignment(w)) continue;
        const held = current.vars.get(ref);
        if (typeof held === 'string' && held !== '') bindNameref(ref, held);
        else reading.namerefs.set(ref, UNSET_NAMEREF);
      }
  };

  /** Runs `fn` with the command's folder moved into each of `folders` in turn (`env -C`), then back. */
  const inFolder = (folders: Word[], fn: () => void) => {
    if (folders.length === 0) return fn();
    const { dir, also } = current;
    for (const f of folders) {
      const t = literal(f);
      const to = (d: string | undefined) => (t !== undefined && d !== undefined ? joinPath(d, t) : undefined);
      current.dir = to(current.dir);
      current.also = current.also?.map(to);
    }
    try {
      fn();
    } finally {
      current.dir = dir;
      current.also = also;
    }
  };

  /**
   * The script a shell (or `source`, `.`) reads from its input: a here-document's body or a
   * here-string (`text`, read as commands), or what the text does not show (`unseen`: piped in, or
   * a `<(…)`), whose text stands in for it. Undefined when it runs `-c`, or a script file.
   */
  const stdinScript = (
    name: string,
    args: Word[],
    redirs: ShellCommand['redirs'],
  ): { text?: string; unseen?: string; word?: Word; parameters?: Word[] } | undefined => {
    let operand: Word | undefined;
    // `-s` (in any cluster, `-xs`): the script comes from the input and every operand is a
    // positional parameter (`bash -s -- x <<'SH'` ran its body unread: fourth review of 2026-12-07).
    let parameters: Word[] | undefined;
    if (name === 'source' || name === '.') operand = args[0];
    else {
      if (commandString(args)) return undefined;
      // `bash -n`: a syntax check, which runs nothing it reads.
      if (args.some((w) => /^-[A-Za-z]*n[A-Za-z]*$/.test(text(w)) && !/[oO]/.test(text(w)))) return undefined;
      let fromStdin = false;
      for (let k = 0; k < args.length; k++) {
        const t = text(args[k]!);
        if (t === '--' || t === '-') {
          if (fromStdin) parameters = args.slice(k + 1);
          else operand = args[k + 1];
          break;
        }
        if (t.length > 1 && (t[0] === '-' || t[0] === '+')) {
          if (t[0] === '-' && t[1] !== '-' && t.includes('s')) fromStdin = true;
          if (/^[-+][A-Za-z]*[oO]$/.test(t) || t === '--rcfile' || t === '--init-file') k++;
          continue;
        }
        if (fromStdin) parameters = args.slice(k);
        else operand = args[k];
        break;
      }
    }
    const fromInput = operand === undefined || ['/dev/stdin', '/dev/fd/0', '-'].includes(text(operand));
    if (!fromInput) return operand && text(operand).startsWith('<(') ? { unseen: asInput(operand) } : undefined;
    const given = parameters !== undefined && parameters.length > 0 ? { parameters } : {};
    const last = redirs.filter((r) => INPUT_REDIRS.has(r.op) || r.op === '<<' || r.op === '<<-').at(-1);
    // A body the shell expands first is not the script as written (`\$x` is `$x` to it, `$a$b=…`
    // an assignment): read as input it cannot see into, unless it holds no $, ` or \.
    if (last?.body?.text !== undefined)
      return last.body.expands && /[$`\\]/.test(last.body.text) ? { unseen: last.body.text } : { text: last.body.text, ...given };
    if (last?.op === '<<<' && last.target) return { text: text(last.target), word: last.target, ...given };
    // Input from a process substitution (`bash < <(echo 'rm …')`): what it prints is the script,
    // read as input the text does not show, as a pipe is.
    if (last?.op === '<' && last.target && text(last.target).startsWith('<(')) return { unseen: asInput(last.target) };
    // Every stage piped in, not the last alone: `git ls-files | sed 's/^/rm -f /' | sh` runs what
    // the lister two stages back names (eighth review of 2026-12-07, H6).
    if (last === undefined && piped !== undefined) {
      const stages: string[] = [];
      for (let p: Piped | undefined = piped; p; p = p.before) stages.unshift(p.text, ...bodyTexts(p.bodies));
      return { unseen: stages.join('\n') };
    }
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
    // Past an option git's own it does not know, any word may be one of git's options still (the
    // one not known may take any number of values): each `-c` of the rest is read.
    let unknown = false;
    /**
     * The aliases given with -c or --config-env (`alias.r=rebase`): a value not known is undefined.
     * Those of `git config` before are looked up in reading.gitAliases, not copied for each git command
     * (thousands of aliases, then as many git commands, made the reader quadratic).
     */
    const aliases = new Map<string, string | undefined>();
    for (; k < args.length && (unknown || text(args[k]!).startsWith('-')); k++) {
      const t = text(args[k]!);
      if (t.startsWith('-') && gitOption(t) === undefined) unknown = true;
      const env = t.startsWith('--config-env=') ? args[k] : t === '--config-env' ? args[k + 1] : undefined;
      const config = t === '-c' ? args[k + 1] : undefined;
      const w = env ?? config;
      if (w === undefined) {
        if (gitOption(t) === 'value') k++; // `git -C DIR -c …`
        continue;
      }
      if (w !== args[k]) k++;
      const setting = exact(w) ? text(w).slice(env === args[k] && t !== '--config-env' ? 13 : 0) : undefined;
      const value = exact(w) ? text(w).slice(text(w).indexOf('=') + 1) : undefined;
      let given: VarValue | undefined = value;
      if (env && value !== undefined) {
        const name = value.slice(value.lastIndexOf('=') + 1);
        given = environment.find(([n]) => n === name)?.[1] ?? current.vars.get(name);
        runs(given, `git --config-env's ${name}`);
      } else runs(value, 'git -c');
      const key = setting?.slice(0, setting.indexOf('=')).toLowerCase();
      if (key?.startsWith('alias.')) aliases.set(key.slice(6), typeof given === 'string' ? given : undefined);
    }
    // `git config KEY VALUE` keeps VALUE for the git commands after it (`alias.x '!rm …'; git x`).
    const config = unknown ? args.findIndex((w) => text(w) === 'config') : args[k] && text(args[k]!) === 'config' ? k : -1;
    if (config >= 0) {
      const after = args.slice(config + 1);
      // The key, past the options and the values they take (`--file F`, `-f F`, `--type path`), and
      // the value after it, whatever it starts with (an alias `-p rm -qf` is git's -p, then rm).
      const keyAt = after.findIndex((w, i) => !text(w).startsWith('-') && !(i > 0 && gitConfigTakesValue(text(after[i - 1]!))));
      const value = keyAt >= 0 ? after[keyAt + 1] : undefined;
      for (const w of after) if (!text(w).startsWith('-') || w === value) runs(exact(w) ? text(w) : undefined, 'git config');
      const key = keyAt >= 0 && exact(after[keyAt]!) ? text(after[keyAt]!).toLowerCase() : undefined;
      if (key?.startsWith('alias.') && value) (reading.gitAliases ??= new Map()).set(key.slice(6), exact(value) ? text(value) : undefined);
    }
    // What a subcommand runs through sh (`rebase -x`, `bisect run`, filter-branch's filters …), in a
    // folder the text does not tell: the top of the work tree, each submodule, a checkout of git's own.
    for (const run of gitCommandsRun(args))
      inFolder([WHERE_GIT_RUNS], () => {
        if (!exact(run.command) || !run.files) return runs(exact(run.command) ? text(run.command) : undefined, run.via);
        // The files git gives it (difftool's, grep's) may be any the command's words name.
        const files: Word = { parts: [{ text: `<files ${run.via} is given>`, known: false, fed: { texts: [args.map(asInput).join(' ')] } }] };
        nested(`${text(run.command)} "\${${FOUND}}"`, new Map([[FOUND, files]]));
      });
    return { aliases, sub: k };
  };
  /**
   * A git alias that is a git command line (`-c alias.r='rebase -x'`, `git config alias.r rebase`
   * before; fourth review of 2026-12-07, M2): git puts its words in place of the name, so that
   * command is read as well (a builtin of that name wins over the alias: both are read).
   */
  const gitAlias = (args: Word[], aliases: Map<string, string | undefined>, k: number) => {
    const sub = args[k];
    const name = sub !== undefined && exact(sub) ? text(sub).toLowerCase() : undefined;
    const known = name !== undefined && aliases.has(name) ? aliases : reading.gitAliases;
    if (name === undefined || !known?.has(name)) return;
    const value = known.get(name);
    const words = value === undefined ? undefined : gitAliasWords(value);
    if (value === undefined) return runs(undefined, `git alias ${name}`);
    if (words === undefined || words[0]?.toLowerCase() === name) return;
    const bindings = new Map<string, VarValue>();
    const line = [...args.slice(0, k).map((w) => w), ...words.map((t) => ({ parts: [{ text: t, known: true }] })), ...args.slice(k + 1)].map((w) => {
      if (exact(w)) return shellQuote(text(w));
      const bound = `__alive_git_alias_${bindings.size}`;
      bindings.set(bound, w);
      return `"\${${bound}}"`;
    });
    nested(`git ${line.join(' ')}`, bindings);
  };
  /** One reading of a command, its `for` variables bound (`several`: one of several readings). */
  const runOnce = (cmd: ShellCommand, several: boolean) => {
    try {
      runCommand(cmd, several);
    } finally {
      environment = [];
      if (linking) reading.linked = true;
      linking = false;
      reading.links.push(...made.splice(0));
    }
  };
  const runCommand = (cmd: ShellCommand, several: boolean) => {
    // What a descriptor opened for reading, or a coprocess, hands a later command is not followed
    // (ninth review of 2026-12-07, M1): `exec 3< <(…)`, `exec < <(…)`, `<&3`, `read -u 3`.
    const w0 = cmd.words[0] && text(cmd.words[0]);
    if (
      cmd.redirs.some((r) => r.op === '<&') ||
      (w0 === 'exec' && cmd.redirs.some((r) => INPUT_REDIRS.has(r.op) && r.target && text(r.target).startsWith('<('))) ||
      ((w0 === 'read' || w0 === 'mapfile' || w0 === 'readarray') && cmd.words.some((w) => /^-[A-Za-z]*u/.test(text(w))))
    )
      leaveUnread('input from a descriptor or a coprocess it does not follow');
    for (const r of cmd.redirs) {
      const kind = OUTPUT_REDIRS.get(r.op);
      if (kind && r.target) emit(r.target, kind, `'${r.op}' redirection`);
      if ((r.op === '<' || r.op === '<>') && r.target) reading.opened.texts.push(asInput(r.target), ...r.target.parts.flatMap((p) => p.fed?.texts ?? []));
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
    // A call of a function that may run its parameters, under any name (a builtin's, a wrapper's),
    // and every command once bash's handler of unknown commands is one.
    const runner = reading.parameterRunners;
    if (runner.has(NOT_FOUND_HANDLER)) readCall(words);
    else if (runner.has(written) && args.length > 0) readCall(args);
    const calledFirst = written;
    if (DECLARATIONS.has(name)) return;
    let xargs: { fed: Feed; replace: string | undefined } | undefined;
    /** The folders `env -C`, `sudo -D` move the command into, in order. */
    let chdir: Word[] = [];
    /** Set behind a wrapper that runs a program, not a builtin: a `cd` there does not move the shell. */
    let wrapped = false;
    for (let hops = 0; (WRAPPERS.has(name) || name === '{') && hops < 8; hops++) {
      if (!IN_THE_SHELL.has(name) && name !== '{') wrapped = true;
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
        // env takes any NAME=VALUE before the program, a name no shell variable has too
        // (`BASH_FUNC_f%%=() { …; }`: a function bash imports).
        else if (name === 'env' && /^[^=-][^=]*=/.test(text(args[j]!))) j++;
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
          scriptUnread(name === 'env' ? [script, ...args.slice(j)] : [script], `${name} ${name === 'env' ? '-S' : '-c'}`, emit);
          const rest = name === 'env' ? args.slice(j).map(text) : [];
          inFolder(chdir, () => nested([text(script), ...rest].join(' ')));
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
        const { values } = operands('xargs', args.slice(0, j));
        const file = values.get('-a') ?? values.get('--arg-file');
        xargs = {
          // A file's names are not in the text: any the command may have written there (`-a /dev/stdin` is the input).
          fed:
            file && !['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0'].includes(text(file))
              ? { texts: [asInput(file), ...reading.whole.texts], outer: loops.at(-1) }
              : fedBy(cmd.redirs),
          // An option it cannot read may set a replace string it cannot tell: '' (any).
          replace: args.slice(0, j).every(exact) ? xargsReplace(args.slice(0, j).map(text)) : '',
        };
      }
      program = args[j]!;
      written = text(program);
      name = baseName(written);
      args = args.slice(j + 1);
      evaluated(program, name, args);
    }
    for (const [n, v] of environment) if (runsValue(n)) runs(v, n);
    if (written !== calledFirst && runner.has(written) && args.length > 0) readCall(args);
    let reads = nested;
    if (xargs?.replace && SHELLS.has(name)) {
      // `xargs -I{} sh -c '… {} …'`: in the script, the replace string is each name xargs reads.
      const input: Word = { parts: [{ text: '<xargs input>', known: false, fed: xargs.fed }] };
      const mark = xargs.replace;
      args = args.map((w) => withFound(w, input, true, mark));
      reads = (script, bindings) => nested(script, new Map([...(bindings ?? []), [FOUND, input]]));
    } else if (xargs) args = withXargsInput(args, xargs.fed, xargs.replace);
    // After xargs's input is in the words: `xargs -I{} git -c 'core.fsmonitor=… {}' status` runs
    // what it reads (fifth review of 2026-12-07).
    const git = name === 'git' ? gitRuns(args) : undefined;
    if (git) gitAlias(args, git.aliases, git.sub);
    if (!makesNoLink(written, name, args)) linking = true;
    // A folder removed or moved here is not there for a cd after it (folders.ts, isFolderEverywhere).
    if (name === 'rm' || name === 'rmdir' || name === 'mv')
      for (const w of args) if (!text(w).startsWith('-')) markGone(reading, exact(w) ? placeOf(text(w), reading.cwd, current.dir) : undefined);
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
    if (name === 'alias' && args.some((w) => MOVES_THE_SHELL.has(text(w).split('=')[0]!))) reading.cdRedefined = true;
    if (reading.cdRedefined && MOVES_THE_SHELL.has(name) && !wrapped) {
      cdTo(current, undefined, 'maybe');
      current.vars.set('PWD', undefined);
      return;
    }
    if (name === 'cd' || name === 'pushd') {
      const given = args.filter((w) => !text(w).startsWith('-') || text(w) === '-');
      const target = given[0];
      // A bare cd goes to HOME, the one assigned for it alone too (`HOME=… cd`).
      const home = environment.filter(([n]) => n === 'HOME').at(-1);
      const t = target ? literal(target) : home ? (typeof home[1] === 'string' ? home[1] : undefined) : homeOf(current);
      // A cd to each of a for variable's folders: the one the next command runs in is unknown; so
      // is one CDPATH or cdable_vars may take elsewhere (a name not starting with /, ./ or ../).
      const wanders = reading.state.cd && target !== undefined && !/^(?:\/|\.\.?(?:\/|$))/.test(t ?? '');
      const followed = t !== undefined && t !== '-' && !several && !wanders;
      // It may not run, or fail (a folder not there now, `cd a b`): the shell may stay where it was.
      // A program named cd (`env cd`, `timeout 1 cd`) moves no shell.
      const place = cdCertainty();
      const how: CdCertainty =
        wrapped || given.length > 1 ? 'maybe' : place === 'sure' && !(followed && isFolderEverywhere(current, t, reading)) ? 'chained' : place;
      const pwd = current.vars.get('PWD');
      cdTo(current, followed ? t : undefined, how);
      current.vars.set('PWD', followed && how !== 'maybe' && typeof pwd === 'string' ? joinPath(pwd, t) : undefined);
      return;
    }
    if (name === 'popd') {
      current.dir = undefined;
      current.vars.set('PWD', undefined);
      return;
    }
    if (name === 'read') return read(args, cmd.redirs);
    if (name === 'mapfile' || name === 'readarray') return mapfile(args, cmd.redirs);
    if (name === 'set') return setPositional(args);
    if (name === 'printf' && args.length > 2 && text(args[0]!) === '-v') {
      // `printf -v NAME FORMAT ARGS…` sets NAME: unknown, read from the words.
      const target = literal(args[1]!);
      if (target !== undefined && NAME.test(target))
        current.vars.set(target, { text: `$${target}`, known: false, fed: { texts: [args.slice(2).map(asInput).join(' ')] } });
      return;
    }
    if (name === 'shift') return shiftPositional(args);
    if (name === 'eval') {
      scriptUnread(args, 'eval', emit);
      return here(args.map(text).join(' '));
    }
    if (SHELLS.has(name) || name === 'source' || name === '.') {
      const script = stdinScript(name, args, cmd.redirs);
      const inThisShell = name === 'source' || name === '.';
      if (script?.word) scriptUnread([script.word], `${name} <<<`, emit);
      const parameters = script?.parameters;
      if (script?.text !== undefined && parameters !== undefined)
        inFolder(chdir, () =>
          nested(
            script.text!,
            new Map([...parameters.map((w, i): [string, VarValue] => [String(i + 1), exact(w) ? text(w) : w]), ...allPositionals(parameters)]),
          ),
        );
      else if (script?.text !== undefined) inFolder(chdir, () => (inThisShell ? here : nested)(script.text!));
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
      // A program the text does not tell (`$(which cp)`, `"$CP"`), or any once a name may run
      // another (an alias: `alias c=cp`, then `c -r snap/garden 04_Ventures/`), may copy folders
      // as cp, rsync or mv (with a backup) does (what it may do to the files it names is read as for any such program).
      if (!exact(program) || reading.state.programs) {
        // Not for words alone (`$(npm bin)/mocha -r ts-node/register`): those of a copy, as cp's or
        // rsync's, of folders and of a glob's files into a folder (`$(which cp) snap/_kernel/* …/_kernel`).
        const trees: Emit = (w, kind, via, links, folder, tree) =>
          (tree ? !tree.operandsUnread : folder !== undefined) && emit(w, kind, via, links, folder, tree);
        for (const copier of ['cp', 'rsync', 'mv']) commandWrites(copier, args, trees, reads, depth);
      }
      // patch and git apply write the files a diff names, git checkout --pathspec-from-file the
      // files it reads: text from a here-document, a pipe or a file.
      const diff = diffInputs(name, args);
      const pathspecs = diff ? undefined : pathspecInputs(name, args);
      const removed = diff || pathspecs ? undefined : removedInputNames(name, args);
      const names = diff ?? pathspecs ?? removed;
      if (names) {
        const fed: Feed = names.stdin ? fedBy(cmd.redirs) : { texts: [] };
        fed.texts.push(...names.files.map(asInput));
        // The files a diff names are in it: read from the disk (or the command, which wrote it).
        if (diff) {
          const given = names.stdin ? cmd.redirs.flatMap((r) => (r.op === '<' && r.target ? [r.target] : [])) : [];
          // Given to git -C or patch -d, a file is read from that folder (not a redirection's, the shell's).
          for (const w of names.files) fed.texts.push(...diffFileTexts(w, diff.folders));
          for (const w of given) fed.texts.push(...diffFileTexts(w, []));
          // Its input otherwise: a pipe's stage, or what it cannot see (a here-string's expansion, a group's `< F`).
          if (names.stdin && given.length === 0 && (bodiesOf(cmd.redirs)?.length ?? 0) === 0) {
            const hereString = cmd.redirs.some((r) => r.op === '<<<');
            if (piped !== undefined && !hereString) fed.texts.push(...pipedDiffTexts(piped));
            else fed.texts.push(`(a diff on the input of ${name} could not be read: it may name log.md)`);
          }
        }
        const via = diff ? `${name} applying a diff` : (pathspecs?.via ?? removed?.via ?? `${name} --pathspec-from-file`);
        const word = diff ? '<a file the diff names>' : removed ? `<a file ${name} reads the name of>` : '<a path git reads>';
        emit({ parts: [{ text: word, known: false, fed }] }, removed ? 'remove' : 'replace', via);
      }
      // A program it cannot read may be any (`$c FILE`, c=rm), and a word an option that writes.
      const option =
        (program.parts.some((p) => !p.known && !p.fresh) && !TESTS.has(program.raw ?? '')) ||
        ((TESTS.has(program.raw ?? '') || name === 'test') && testEvaluates(program.raw, args)) ||
        reading.state.programs
          ? program
          : optionsMayWrite(name, args, xargs?.replace)
            ? args.find(
                (w, k) =>
                  (k % DEADLINE_EVERY === DEADLINE_EVERY - 1 && outOfTime()) ||
                  (!readValue(name, args, k) && (mayBeOption(name, w) || globMayBeOption(w) || splitMayBeOption(w) || extglobAt(w))),
              )
            : undefined;
      if (reading.halted) return;
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

  /**
   * `{ …; } < FILE`, `if …; fi <<<…`, `( … ) < <(…)`: the body read its commands before the
   * redirection that feeds them; one that may read its stdin into a write is not read (ninth
   * review of 2026-12-07, H2). True when `closing` (the command just read) feeds a body that closed.
   */
  const bodyRedirected = (closing: ShellCommand) => {
    const first = closing.words[0] && text(closing.words[0]);
    const feeds =
      (closing.words.length === 0 || first === 'fi' || first === 'esac') &&
      closing.redirs.some((r) => INPUT_REDIRS.has(r.op) || r.op === '<<' || r.op === '<<-');
    if (closedReads && feeds) leaveUnread('a body fed by an input redirection after it');
    closedReads = false;
    return feeds;
  };
  /** A function's body is read where it is defined, not with the stdin of its call (ninth review of 2026-12-07, M2). */
  const callFed = (call: ShellCommand, after: string | undefined) => {
    const name = call.words[0] && text(call.words[0]);
    if (name === undefined || !readingFunctions.has(name)) return;
    if (after === '|' || call.redirs.some((r) => INPUT_REDIRS.has(r.op) || r.op === '<<' || r.op === '<<-'))
      leaveUnread(`a call of ${name}, which reads its input, fed by a pipe or a redirection`);
  };
  /**
   * The words of a call of a function that may run its parameters: the command they make from each
   * of the first CALL_STARTS (`shift; "$@"`), and each word's text (`sh -c "$1"`), each read as a
   * nested command. Whether the body runs them, and so moves the shell, is not known: a call whose
   * words may move it leaves the place after it unknown (`f cd /elsewhere; cp … x/`).
   */
  const readCall = (args: Word[]) => {
    const read = (text: string) => {
      reading.callReadings = (reading.callReadings ?? 0) + 1;
      if (reading.callReadings === CALL_READINGS_MAX + 1) leaveUnread(`calls of functions that run their parameters past ${CALL_READINGS_MAX} readings`);
      if (reading.callReadings <= CALL_READINGS_MAX) nested(text);
    };
    // As bash reads it after its quotes and backslashes go: `c\\d`, `c''d` are cd.
    const whole = (reading.whole.texts[0] ?? '').replace(/['"\\]/g, '');
    read(writtenWords(args));
    // What runs may be the first words alone: what the readings from a later word make of the
    // names later commands run is not kept (`f mv x dir/.` sources no `dir/.`; the command's text
    // is read for aliases, sourced files and such from the start, unseen.ts shellState).
    const programs = reading.state.programs;
    for (let s = 1; s < Math.min(args.length, CALL_STARTS); s++) read(writtenWords(args.slice(s)));
    if (WORD_TEXT_RUNS.test(whole)) for (const w of args) if (exact(w) && /\s/.test(text(w))) read(text(w));
    // A body that moves into its first parameter (`(cd "$1" && shift && "$@")`, `env -C "$1" …`), or
    // anywhere: the rest read there, and all of them in a folder not known.
    if (FOLDER_CHANGES.test(whole) && args.length > 1) {
      read(`cd -- ${writtenWords(args.slice(0, 1))}; ${writtenWords(args.slice(1))}`);
      read(`cd -- "$\{__ALIVE_FOLDER_NOT_KNOWN__}"; ${writtenWords(args)}`);
    }
    // A body that builds its program from the words (`"$1$2" "${@:3}"`, `IFS=,; $1`): one it cannot
    // name, and the words split at the punctuation an IFS may hold.
    if (BUILDS_PROGRAM.test(whole)) {
      read(`"$\{__ALIVE_PROGRAM_NOT_KNOWN__}" ${writtenWords(args)}`);
      if (/IFS\+?=/.test(whole) && args.every(exact)) read(args.map((w) => text(w).replace(/[,:;|=+]/g, ' ')).join(' '));
    }
    reading.state.programs = programs;
    const moves = (w: Word) => {
      if (!exact(w)) return ['cd', 'pushd', 'popd'].some((m) => m.startsWith(knownStart(w)));
      return MOVES_THE_SHELL.has(baseName(text(w))) || MOVES_WORD.test(text(w));
    };
    if (reading.cdRedefined || args.some(moves)) {
      cdTo(current, undefined, 'maybe');
      current.vars.set('PWD', undefined);
    }
  };
  const writtenWords = (words: Word[]) => words.map((w) => (exact(w) ? shellQuote(text(w)) : asInput(w))).join(' ');
  let cmd: ShellCommand = { words: [], redirs: [] };
  const finish = () => {
    if ((cmd.words.length > 0 || cmd.redirs.length > 0) && !outOfTime()) run(cmd);
    cmd = { words: [], redirs: [] };
  };
  let count = 0;
  for (const tok of tokens) {
    // The deadline between tokens too: a line of thousands of `f |` is one command per token (M3).
    if (reading.halted || (++count % 256 === 0 && outOfTime())) break;
    if (tok.t === 'word') {
      // `{` and `}` group commands; they are not command names.
      if (cmd.words.length === 0 && (text(tok.word) === '{' || text(tok.word) === '}')) {
        if (text(tok.word) === '{') openBody(true, true);
        else closeBody(true);
        continue;
      }
      cmd.words.push(tok.word);
    } else if (tok.t === 'redir') cmd.redirs.push({ op: tok.op, target: tok.target, body: tok.body });
    else {
      // A known word is written back quoted (`'log.md x'` one word, not two), as the lister reader
      // splits it; after field splitting (`x='git ls-files'; $x |` is two words).
      const written = () => writtenWords([...splitWords(cmd.words, current.vars.get('IFS')), ...cmd.redirs.flatMap((r) => r.target ?? [])]);
      const first = cmd.words[0] && text(cmd.words[0]);
      const closes = cmd.words.length === 0 || first === 'fi' || first === 'done' || first === 'esac';
      const called = first === undefined ? undefined : functionOutputs.get(first);
      const prior = before;
      let source = tok.op === '|' && !closes ? written() : '';
      // A function's output is a stage of its own, the same text at each call (inputTexts counts it once).
      if (called && tok.op === '|') {
        piped = { text: outputOf(called), before: piped };
        // One that runs its parameters (`x() { "$@"; }; x git ls-files |`): the call's words too.
        if (/\$\{?[@*1-9]/.test(piped.text)) piped = { text: writtenWords(cmd.words.slice(1)), before: piped };
      }
      // Recorded after the command is read: `if COND`, `while COND` and `function NAME { CMD` open
      // their body as they are read, and the condition's output goes where the body's does (H4).
      const recorded = cmd.words.length > 0 ? source || written() : '';
      if (openBodies.length > 0 && cmd.words.some((w) => STDIN_READERS.has(baseName(text(w))))) for (const b of openBodies) b.reads = true;
      if (!closes) ended = undefined;
      const bodies = source === '' ? undefined : bodiesOf(cmd.redirs);
      const closing = cmd;
      callFed(cmd, prior);
      endedBy = tok.op;
      finish();
      if (recorded !== '' && openBodies.length > 0) {
        // A function called in a body: its body's output (`y() { x; }`, `{ x; } |`).
        if (called) record(outputOf(called));
        record(recorded);
      }
      const feedsBody = bodyRedirected(closing);
      if (tok.op === ')' && stack.length > 0) closeBody(false);
      if ((tok.op === '|' && closes) || tok.op === ')') source = ended ? outputOf(ended) : '';
      // What feeds a body passes through it (`{ cat; } < <(…) | xargs rm`).
      if (tok.op === '|' && closes && feedsBody) source = [source, ...inputs(closing.redirs), ...bodyTexts(bodiesOf(closing.redirs))].join('\n');
      before = tok.op;
      if (!CHAIN_GOES_ON.has(tok.op)) chainEnds(current);
      if (source !== '') piped = { text: source, bodies, before: piped, dir: out.length === 0 ? current.dir : undefined };
      else if (LIST_OPS.has(tok.op)) piped = openBodies.at(-1)?.stdin ?? stdin;
      if (tok.op === '(') {
        // `NAME() ( … )`: the subshell right after NAME() is its body.
        openBody(false, defining !== undefined && prior === ')', prior);
        stack.push({ scope: current, mark: current.vars.mark() });
        current = { dir: current.dir, vars: current.vars, also: current.also, unless: current.unless };
      } else if (tok.op === ')' && stack.length > 0) {
        const outer = stack.pop()!;
        current.vars.rollback(outer.mark);
        current = outer.scope;
      }
    }
  }
  endedBy = undefined;
  const closing = cmd;
  callFed(cmd, before);
  finish();
  bodyRedirected(closing);
  // Arithmetic on a name that, before or after it (a function, a loop, a trap), is set to what is
  // not a known number: commands not seen, read from the command's text.
  const late = depth === 0 ? [...current.vars.counted].find((n) => current.vars.unnumbered.has(n)) : undefined;
  if (late !== undefined) emit({ parts: [{ text: late, known: false, fed: { texts: [command] } }] }, 'replace', `arithmetic on ${late}, which it cannot read`);
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
function inputTexts(command: string, alsoWhole: boolean, noLogIn?: (dir: string) => NoLogIn): (feeds: Feed[]) => string {
  const known = new Map<Feed, string>();
  // The same texts feed many writes (a loop's, the whole command's past the budget): each is read once.
  const listed = new Map<string, string>();
  // A pipe's stage is read in the folder it ran in: below folders with no log, a lister lists none.
  const listedOnce = (t: string, dir?: string): string => {
    const key = dir === undefined ? t : `${dir}\0${t}`;
    let l = listed.get(key);
    if (l === undefined) listed.set(key, (l = listedInput(t, dir === undefined ? undefined : noLogIn?.(dir))));
    return l;
  };
  let budget = MAX_INPUT_TEXT;
  // Past the budget, the whole command, read as a lister's input too (ninth review of 2026-12-07, H5:
  // its `git ls-files` taken as plain text let `xargs rm -f` through).
  const whole = () => listedOnce(command);
  const inputText = (feeds: Feed[]): string => {
    const texts = new Set<string>();
    for (const feed of feeds) {
      let f: Feed | undefined = feed;
      for (let level = 0; f && level < MAX_DEPTH; level++, f = f.outer) {
        const pipe: { t: string; dir?: string | undefined }[] = [];
        // A stage's text met again (a function's body at each of its calls, `f | f | …`) counts once.
        const seen = new Set<string>();
        for (let p = f.piped; p; p = p.before) {
          const stage = p.text;
          for (const t of [p.text, ...bodyTexts(p.bodies)].reverse()) {
            if (seen.has(t)) continue;
            seen.add(t);
            budget -= t.length;
            if (budget < 0) return whole();
            pipe.push({ t, dir: t === stage ? p.dir : undefined });
          }
        }
        // What a command lists (find, grep -l …) is read as names that may be logs, or never are.
        for (const t of [...f.texts, ...bodyTexts(f.bodies)]) texts.add(listedOnce(t));
        for (const { t, dir } of pipe.reverse()) texts.add(listedOnce(t, dir));
      }
    }
    if (alsoWhole) texts.add(whole());
    const joined = [...texts].join('\n');
    budget -= joined.length;
    return budget < 0 ? whole() : joined;
  };
  return (feeds) => {
    if (budget < 0) return whole();
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
  options: {
    home?: string | undefined;
    cwd?: string | undefined;
    cdpath?: string | undefined;
    bashopts?: string | undefined;
    deadline?: number;
    /** Whether nothing below an absolute folder is a walnut log (decide.ts: a bounded look at the disk). */
    noLogBelow?: (folder: string) => boolean;
  } = {},
): ShellWrite[] {
  const deadline = options.deadline ?? Date.now() + READ_MS;
  const vars = new Vars();
  // bash takes the shopt options BASHOPTS names in its environment (nocaseglob, extglob, cdable_vars).
  const state = shellState(`${command}\n${options.bashopts ?? ''}`);
  // A function's parameters are the words of a call somewhere in the command: read them as its text.
  const called: Feed = { texts: [command] };
  for (const name of POSITIONAL) if (name !== '0') vars.set(name, { text: `$${name}`, known: false, fed: called });
  if (options.home !== undefined) vars.set('HOME', options.home);
  if (options.cwd !== undefined) vars.set('PWD', options.cwd);
  const parameterRunners = definedRunners(command);
  const read = (linked: boolean, links: (string | undefined)[] = []): Reading => {
    const reading: Reading = {
      cwd: options.cwd,
      globs: globBudget(),
      out: [],
      loopReadings: MAX_LOOP_READINGS,
      expansion: MAX_EXPANSION,
      nested: MAX_NESTED_TEXT,
      deadline,
      whole: { texts: [command] },
      namerefs: new Map(),
      opened: { texts: [] },
      parameterRunners,
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
  const probe = options.noLogBelow;
  const cwd = options.cwd;
  const input = inputTexts(
    command,
    DEFINES_FUNCTION.test(command),
    probe === undefined || cwd === undefined ? undefined : (dir) => (folder) => probe(resolve(cwd, dir, folder)),
  );
  return reading.out.map(({ feeds, ...write }) => (feeds ? { ...write, input: input(feeds) } : write));
}
