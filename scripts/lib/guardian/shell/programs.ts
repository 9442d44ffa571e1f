/**
 * What the shell reader knows of programs: wrappers and their options, options that take a value,
 * and the files each file-writing command (sed -i, tee, cp, mv, rm, find, git, curl …) writes,
 * from its words.
 */
import { globMatches, pathPatternMayMatchLog } from '../../text/glob.ts';
import { inSingleQuotes } from '../../text/shell-quote.ts';
import { SHORT_MAGIC } from '../pathspec-magic.ts';
import { sedScriptWrites } from '../sed.ts';
import { Lexer } from './lexer.ts';
import { baseName, builtName, endingCanBeLog, globEndsLikeLog, lastName } from './names.ts';
import {
  EMPTY_WORD,
  type Emit,
  type Feed,
  type Piped,
  type HeredocText,
  MAX_DEPTH,
  type Nested,
  type Part,
  type ShellScope,
  type ShellToken,
  type TreeCopy,
  type VarValue,
  Vars,
  type Word,
  type WriteKind,
  allPositionals,
  asInput,
  bodyTexts,
  exact,
  knownStart,
  literal,
  text,
  unreadWord,
} from './words.ts';
export interface ShellCommand {
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
    value: 'adEIJLnPRs',
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
 * The replace string xargs's options (the words before its command) give: `-I R` or `-IR`, in a
 * cluster too (`-rI@`), `-i` (`{}`, or what follows it in the word: `-iXX`), `--replace[=R]` by
 * any unambiguous start (`--repl=@`); the last one given, unless a line or argument limit after it
 * (`-L`, `-l`, `--max-lines`, `-n` other than 1) drops it, as GNU xargs does. `-ri` and `--repl`
 * were read as giving none (sixth review of 2026-12-07), `-I X -L 1` as giving X (seventh).
 */
export function xargsReplace(words: string[]): string | undefined {
  const o = WRAPPER_OPTIONS.xargs!;
  let found: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    if (t === '--' || !t.startsWith('-') || t === '-') break;
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const given = t.slice(2, eq > 0 ? eq : undefined);
      const takes = wrapperOption('xargs', t);
      const value = eq > 0 ? t.slice(eq + 1) : takes === 2 ? words[i + 1] : undefined;
      if (takes !== undefined && given !== '' && 'replace'.startsWith(given)) found = value ?? '{}';
      else if (takes !== undefined && given !== '' && ('max-lines'.startsWith(given) || ('max-args'.startsWith(given) && value !== '1'))) found = undefined;
      if (takes === 2) i++;
      continue;
    }
    for (let c = 1; c < t.length; c++) {
      const flag = t[c]!;
      const rest = t.slice(c + 1);
      const value = rest !== '' ? rest : o.value.includes(flag) ? words[i + 1] : undefined;
      // BSD and macOS xargs's -J is a replace string too.
      if (flag === 'I' || flag === 'J') found = value;
      else if (flag === 'i') found = rest !== '' ? rest : '{}';
      // A later -L, -l or -n other than 1 drops the replace string: xargs adds the names at the end.
      else if (flag === 'L' || flag === 'l' || (flag === 'n' && value !== '1')) found = undefined;
      if (o.value.includes(flag) && rest === '') i++;
      if (o.value.includes(flag) || o.optional?.includes(flag)) break;
    }
  }
  return found;
}

/**
 * How many words the wrapper option `t` takes: 1, or 2 with its value as the next word; undefined
 * for one the wrapper does not know (or an ambiguous start of a long one, which it refuses).
 */
export function wrapperOption(name: string, t: string): 1 | 2 | undefined {
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

export const OPTION_ARGS: Record<string, Set<string>> = {
  ...Object.fromEntries(Object.entries(WRAPPER_OPTIONS).map(([name, o]) => [name, valueOptions(o)])),
  'git-checkout': new Set(['-b', '-B', '--orphan', '--conflict', '--pathspec-from-file']),
  'git-restore': new Set(['-s', '--source', '--pathspec-from-file']),
  'git-rm': new Set(['--pathspec-from-file']),
  'git-stash': new Set(['-m', '--message', '--pathspec-from-file']),
  'git-checkout-index': new Set(['--prefix', '--stage']),
  'git-merge-file': new Set(['-L', '--diff-algorithm']),
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
  // rsync's options that take a value (popt takes it as the next word too, after the paths as before).
  rsync: new Set([
    ...['-e', '--rsh', '--exclude', '--include', '--filter', '-f', '-T', '--temp-dir', '-B', '--block-size', '-M', '--remote-option', '-@'],
    ...['--suffix', '--timeout', '--chmod', '--log-file', '--log-file-format', '--backup-dir', '--compare-dest', '--copy-dest'],
    ...['--link-dest', '--max-delete', '--max-size', '--min-size', '--partial-dir', '--rsync-path', '--exclude-from', '--include-from'],
    ...['--files-from', '--out-format', '--log-format', '--password-file', '--bwlimit', '--port', '--sockopts', '--outbuf', '--chown'],
    ...['--usermap', '--groupmap', '--compress-choice', '--zc', '--compress-level', '--zl', '--checksum-choice', '--cc'],
    ...['--skip-compress', '--modify-window', '--iconv', '--contimeout', '--stop-after', '--stop-at', '--info', '--debug'],
    ...['--max-alloc', '--address', '--protocol', '--checksum-seed', '--write-batch', '--only-write-batch', '--read-batch'],
    ...['--copy-as', '--early-input'],
  ]),
  truncate: new Set(['-s', '-r', '--size', '--reference']),
  rm: new Set(),
  unlink: new Set(),
  shred: new Set(['-n', '-s', '--iterations', '--size', '--random-source']),
  tee: new Set(),
  sponge: new Set(),
  awk: new Set(['-f', '-v', '-F', '-i', '-e', '--file', '--assign', '--field-separator', '--include', '--source']),
  iconv: new Set(['-f', '-t', '-o', '--from-code', '--to-code', '--output']),
  tar: new Set([
    '-f',
    '--file',
    '-C',
    '--directory',
    '-T',
    '--files-from',
    '-X',
    '--exclude-from',
    '-b',
    '--blocking-factor',
    '-H',
    '--format',
    '-I',
    '--use-compress-program',
  ]),
  gzip: new Set(['-S', '--suffix']),
  xz: new Set(['-S', '--suffix', '-T', '--threads', '-F', '--format', '-C', '--check', '-M', '--memlimit']),
  zstd: new Set(['-o', '-D', '-T', '--threads']),
  bzip2: new Set([]),
  brotli: new Set(['-o', '--output', '-q', '--quality', '-w', '--lgwin', '-S', '--suffix']),
  lz4: new Set(['-B']),
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

export const WRAPPERS = new Set(Object.keys(WRAPPER_OPTIONS));
/** Wrappers that take one operand before the command: `timeout 5 CMD`, `chrt 0 CMD`, `taskset 3 CMD`, `flock FILE CMD`. */
export const LEADING_OPERAND = new Set(['timeout', 'chrt', 'taskset', 'flock']);
/** bash's test as written, which writes nothing: a lone `[` has no `]` to make it a glob. */
export const TESTS = new Set(['[', '[[']);
/**
 * True when the test `program` (`[`, `[[`, `test`) with `args` evaluates a word as arithmetic, where
 * the `$(…)` of a subscript runs: the name given to -v or -R, and `[[`'s arithmetic comparisons
 * (`[[ -v 'a[$(rm …)]' ]]`; `[` and `test` compare integers without evaluating them).
 */
export function testEvaluates(program: string | undefined, args: Word[]): boolean {
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
export function evaluatedWords(name: string, args: Word[]): Word[] {
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

/** Variables whose value a program runs as a command (git's editor, pager, diff, ssh; less's LESSOPEN; bash's BASH_ENV). */
const RUN_VARS = new Set(
  'GIT_EDITOR GIT_SEQUENCE_EDITOR GIT_EXTERNAL_DIFF GIT_SSH_COMMAND GIT_SSH GIT_PAGER GIT_ASKPASS PAGER EDITOR VISUAL LESSOPEN LESSCLOSE BASH_ENV ENV PROMPT_COMMAND'.split(
    ' ',
  ),
);
export const runsValue = (name: string) => RUN_VARS.has(name) || /^GIT_CONFIG_VALUE_\d+$/.test(name);
export const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh']);
export const DECLARATIONS = new Set(['export', 'local', 'declare', 'typeset', 'readonly']);
/** Operators that end a pipeline: what came before no longer feeds the next command. */
export const LIST_OPS = new Set([';', '&&', '||', '&', ';;']);
export const INPUT_REDIRS = new Set(['<', '<<<', '<>']);
/** Reserved words that can stand before a command's name. */
export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!']);
export const OUTPUT_REDIRS = new Map<string, WriteKind>([
  ['>', 'replace'],
  ['>|', 'replace'],
  ['&>', 'replace'],
  ['<>', 'replace'],
  ['>>', 'append'],
  ['&>>', 'append'],
]);

/** `w` without its first `n` characters (`of=FILE` → `FILE`), each part keeping what it knows. */
export function dropChars(w: Word, n: number): Word {
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
export function operands(name: string, args: Word[]): { options: string[]; values: Map<string, Word>; operands: Word[] } {
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

/** tar's long options that write the archive: create it, or add to it. */
const TAR_WRITING_LONG = ['--create', '--append', '--update', '--catenate', '--concatenate'];
/** tar's key letters that take a value (old style `tar cbf 20 ARCHIVE …` takes them in order). */
const TAR_LETTERS_WITH_VALUE = new Set(['b', 'f', 'C', 'T', 'X', 'H', 'I']);

/** A cluster of tar's short options (-czf) asks to write the archive: letters after one that takes a value are its value. */
function clusterWrites(cluster: string): boolean {
  for (const letter of cluster.slice(1)) {
    if ('cruA'.includes(letter)) return true;
    if (TAR_LETTERS_WITH_VALUE.has(letter)) return false;
  }
  return false;
}

/**
 * The archive a tar command writes (-c) or changes (-r, -u, -A), given with -f or --file, or in the
 * old style's key letters (`tar cf ARCHIVE …`); undefined when it writes none or to standard output.
 * A forgotten archive name (`tar -cf file1 file2`) makes the first file a tar archive.
 */
function tarArchiveWritten(args: Word[]): { file: Word; how: string } | undefined {
  const first = args[0] === undefined ? '' : text(args[0]);
  let file: Word | undefined;
  let writes = false;
  if (/^[A-Za-z]+$/.test(first)) {
    writes = /[cruA]/.test(first);
    let taken = 0;
    for (const letter of first) {
      if (!TAR_LETTERS_WITH_VALUE.has(letter)) continue;
      taken++;
      if (letter === 'f') file = args[taken];
    }
  } else {
    const { options, values } = operands('tar', args);
    writes = options.some((o) => (o.startsWith('--') ? o.length >= 4 && TAR_WRITING_LONG.some((l) => l.startsWith(o)) : clusterWrites(o)));
    file = values.get('-f') ?? values.get('--file');
  }
  if (!writes || file === undefined || text(file) === '-') return undefined;
  return { file, how: 'tar -f (the archive it writes)' };
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
export function makesNoLink(written: string, name: string, args: Word[]): boolean {
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
function sedWrites(name: string, args: Word[], emit: Emit, nested: Nested): void {
  const unseen = (via: string) => unseenWrite(name, args, emit, `${name} ${via}`);
  const read = sedScripts(args)?.map((w) => (exact(w) ? sedScriptWrites(text(w)) : undefined));
  if (read === undefined || read.includes(undefined)) {
    unseen('w');
    return;
  }
  for (const script of read) {
    for (const file of script!.files) emit({ parts: [{ text: file, known: true }] }, 'replace', `${name} w`);
    // `e COMMAND` runs it with sh; `e` alone (or s///e) runs the pattern space, text from the input.
    // Past the reader's depth, nested reports it as commands not read.
    for (const run of script!.runs)
      if (run === '') unseen('e');
      else nested(run);
  }
}

/** A write of a name it cannot tell, by `name`, read from its words: it fails closed when they name log.md. */
/**
 * The words a shell runs as commands (eval's, `-c`'s, trap's, `su -c`'s, `env -S`'s, a here-string
 * given to a shell): read as text only when each is exact. One holding a `$(…)`, backquotes or a
 * variable not known stands, in its text, for what it will hold (`eval "$(echo rm …/log.md)"`): that
 * is commands not seen, read from the words as written and from what feeds their parts (ninth
 * review of 2026-12-07, H1). True when so.
 */
export function scriptUnread(words: Word[], name: string, emit: Emit): boolean {
  if (words.every(exact)) return false;
  const fed = words.flatMap((w) => w.parts.flatMap((p) => (p.fed ? [{ text: '', known: false, fed: p.fed }] : [])));
  emit(
    { parts: [{ text: `<commands ${name} runs>`, known: false, fed: { texts: words.map(asInput) } }, ...fed] },
    'replace',
    `${name} running commands it cannot read`,
  );
  return true;
}

export const unseenWrite = (name: string, args: Word[], emit: Emit, via: string, outer?: Feed) =>
  emit({ parts: [{ text: `<a file ${name} writes>`, known: false, fed: { texts: [args.map(asInput).join(' ')], outer } }] }, 'replace', via);

/**
 * Programs with an option, or a word (dd's of=), that makes them write a file other than their
 * operands (rm, tee, truncate … write each operand: a word it cannot read is already one).
 */
export const OPTION_WRITES = new Set('sed gsed perl ruby awk gawk sort uniq cp mv install ln rsync dd patch curl wget find git script'.split(' '));

/**
 * git subcommands none of whose options writes a file or runs a command (fourth review of
 * 2026-12-07, false positives): a word it cannot read given to one (`git ls-files -m | xargs git
 * add`) writes nothing, name or option. Not `rm --cached` (a listed `--no-cached` removes the files
 * listed) nor diff, log or show (a listed `--output=K/log.md` replaces that log).
 */
const GIT_OPTIONS_WRITE_NOTHING = new Set(['add', 'status', 'ls-files', 'ls-tree', 'check-ignore', 'check-attr']);

/**
 * True when an option of `name` (OPTION_WRITES) may write a file: for git, unless its subcommand is
 * one of GIT_OPTIONS_WRITE_NOTHING, after git's own options, each known (`git -$o add`, o=C, runs
 * another subcommand).
 */
export function optionsMayWrite(name: string, args: Word[], replace?: string): boolean {
  if (!OPTION_WRITES.has(name)) return false;
  if (name !== 'git') return true;
  let k = 0;
  for (; k < args.length && text(args[k]!).startsWith('-'); k++) {
    const t = text(args[k]!);
    if (!exact(args[k]!)) return true;
    const takes = gitOption(t);
    if (takes === undefined) return true;
    // A value it cannot read (`xargs -I{} git -c {} status`: core.fsmonitor=…) may run anything.
    if (takes === 'value' && (args[k + 1] === undefined || !exact(args[k + 1]!))) return true;
    if (takes === 'value') k++;
  }
  const sub = args[k];
  if (sub === undefined || !exact(sub)) return true;
  return !GIT_OPTIONS_WRITE_NOTHING.has(text(sub)) && !indexOnly(text(sub), args.slice(k + 1), replace);
}

/**
 * `git reset -q -- NAMES` and `git restore --staged -- NAMES`: after a literal `--` every word is a
 * pathspec, and with nothing before it but these known words they write the index alone
 * (`git diff --cached --name-only | xargs git reset -q --` unstages; eighth review of 2026-12-07).
 * A revision before `--` stays reset's (`git reset HEAD -- NAMES`).
 */
function indexOnly(sub: string, rest: Word[], replace: string | undefined): boolean {
  // A replace string xargs may put in place of the `--` or an option (`xargs -I-- git reset -q -- --`,
  // or one it cannot read): nothing here is sure to be what it spells (ninth review of 2026-12-07, H7).
  if (replace !== undefined && (replace === '' || rest.some((w) => text(w).includes(replace)) || /[-qS]/.test(replace))) return false;
  const dashes = rest.findIndex((w) => exact(w) && text(w) === '--');
  if (dashes < 0 || !rest.slice(0, dashes).every(exact)) return false;
  const before = rest.slice(0, dashes).map(text);
  if (sub === 'reset') return before.every((t) => t === '-q' || t === '--quiet' || !t.startsWith('-'));
  if (sub === 'restore') return before.some((t) => t === '--staged' || t === '-S') && before.every((t) => ['--staged', '-S', '-q', '--quiet'].includes(t));
  return false;
}

/**
 * Options whose value, in the same word, is read and writes nothing (`--since="$d"`, `-t"$tab"`): a
 * word of one of them and one double-quoted string, which bash neither splits nor globs, is that
 * option whatever the string holds. sort's -t or -k left empty takes the next word, and dies unless
 * it is one character or a key (no option).
 */
const READ_VALUES: Record<string, string[]> = {
  git: ['--since=', '--until=', '--after=', '--before=', '--author=', '--committer=', '--grep=', '--format=', '--pretty=', '--date=', '--message='],
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
 * git subcommands whose -m (--message) takes the next word as the message, and the flags that may
 * come before it in one cluster (`-am`, `-qam`): none of them takes a value (`-Sm` is a key `m`).
 */
const GIT_MESSAGE_FLAGS: Record<string, string> = { commit: 'aqvsenipoz', tag: 'asfe' };
/** Their long flags that take no value, spelt in full (git takes any unambiguous start, `--auth` for --author). */
const GIT_MESSAGE_LONG_FLAGS = new Set(
  '--amend --all --quiet --verbose --signoff --no-verify --allow-empty --allow-empty-message --no-edit --edit --include --only --annotate --sign --force'.split(
    ' ',
  ),
);

/**
 * True when `args[k-1]`, in git's words from the subcommand `sub`, is the -m of a commit or tag
 * (`-m`, `--message`, a cluster ending in m): not a pathspec after `--`, and not the value of the
 * option before it (`-F -m`, `-m -m`), which must be a word of its own, known.
 */
function gitMessageOption(args: Word[], { sub, dashes }: GitWords, k: number): boolean {
  const flags = sub < 0 ? undefined : GIT_MESSAGE_FLAGS[literal(args[sub]!) ?? ''];
  const option = literal(args[k - 1]!) ?? '';
  if (flags === undefined || sub >= k - 1 || dashes < k - 1) return false;
  const cluster = option.length > 1 && option[0] === '-' && option[1] !== '-' && option.endsWith('m');
  if (option !== '--message' && !(cluster && [...option.slice(1, -1)].every((c) => flags.includes(c)))) return false;
  if (sub === k - 2) return true;
  const before = literal(args[k - 2]!);
  // An operand (`git tag -a v1 -m`) or another option's value, one given with its value
  // (`--author=…`); or flags that take none.
  if (before === undefined) return false;
  if (!before.startsWith('-') || GIT_MESSAGE_LONG_FLAGS.has(before) || /^--[a-z][a-z-]*=/.test(before)) return true;
  return before.length > 1 && before[1] !== '-' && [...before.slice(1)].every((c) => flags.includes(c));
}

/**
 * True when `args[k]` is read as the value of an option that writes nothing, whatever it holds:
 * `--since="$d"`; git commit's and tag's `-m "$(cat <<'EOF' …)"`, Claude Code's own commit form
 * (third review of 2026-12-07, M4); or git log's `-n "$N"`, which takes the next word as a number (revision.c), when
 * every word from `log` to the -n is a flag known to take no value (after `--grep`, -n is its pattern).
 */
export function readValue(name: string, args: Word[], k: number): boolean {
  const w = args[k]!;
  if (READ_VALUES[name]?.some((prefix) => text(w).startsWith(prefix) && quotedAfter(w, prefix))) return true;
  if (name !== 'git' || k < 2 || !quotedAfter(w, '')) return false;
  const words = gitWords(args);
  if (gitMessageOption(args, words, k)) return true;
  return literal(args[k - 1]!) === '-n' && words.sub >= 0 && words.sub < k - 1 && literal(args[words.sub]!) === 'log' && words.logFlags >= k - 1;
}

/**
 * Where a git command's words change meaning, for readValue, which asks about each word in turn:
 * found once per command, since a scan from the subcommand for each of 24,000 quoted words kept
 * the hook 16 s, past its timeout (fourth review of 2026-12-07, H2). The subcommand (gitSubcommand),
 * the first `--` after it, and the first word after it that is not a flag of git log taking no value.
 */
interface GitWords {
  sub: number;
  dashes: number;
  logFlags: number;
}
const gitWordsOf = new WeakMap<Word[], GitWords>();
function gitWords(args: Word[]): GitWords {
  let found = gitWordsOf.get(args);
  if (found) return found;
  const sub = gitSubcommand(args);
  const after = (test: (w: Word) => boolean) => {
    const at = args.findIndex((w, k) => k > sub && test(w));
    return at < 0 ? args.length : at;
  };
  found = {
    sub,
    dashes: after((a) => text(a) === '--'),
    logFlags: after((a) => !(GIT_LOG_FLAGS.has(literal(a) ?? '') || /^--[a-z-]+=\S*$/.test(literal(a) ?? ''))),
  };
  gitWordsOf.set(args, found);
  return found;
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
const pipedText = (f: Feed) => {
  if (!f.piped || /^find\s/.test(f.piped.text) || printsHashes(f.piped.text)) return '';
  // Every stage, not the nearest alone: `git diff --name-only | sed 's/.*/--hard/' | xargs git reset -q`
  // (ninth review of 2026-12-07, H7).
  const stages: string[] = [];
  for (let p: Piped | undefined = f.piped; p && stages.length < 64; p = p.before) stages.push(p.text, ...bodyTexts(p.bodies, '-'));
  return stages.join('\n');
};

/**
 * True when `w` may be an option (or dd's `of=`) through a part it cannot read: it starts with one,
 * or with a `-`, and the part is a variable set outside the command (`$opts`, `"${a[@]}"`, `-$x`)
 * or comes from text holding a word that starts with `-` (`f -i` calling `f() { sed … "$@" …; }`).
 * GNU tools take options after operands.
 */
export function mayBeOption(name: string, w: Word): boolean {
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
            // A here-document's body not read yet (on the line that opened it) may hold anything.
            [...p.fed.texts, ...bodyTexts(p.fed.bodies, '-'), pipedText(p.fed)].some((t) => t === p.text || /(?:^|[\s'"=(])-/.test(t))))),
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
export function commandWrites(given: string, args: Word[], emit: Emit, nested: Nested, depth: number): void {
  const name = gnuName(given);
  switch (name) {
    case 'sed':
    case 'gsed': // GNU sed's name on macOS (Homebrew)
    case 'perl':
    case 'ruby': {
      for (const w of inPlaceTargets(name === 'gsed' ? 'sed' : name, args) ?? []) emit(w, 'replace', `${name} -i`);
      if (name === 'sed' || name === 'gsed') sedWrites(name, args, emit, nested);
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
      // The extension by name, or by its file's path (`-i /usr/share/awk/inplace.awk`).
      const inPlace = (include && /(?:^|\/)inplace(?:\.awk)?$/.test(text(include))) || options.some((o) => /^-i(?:\S*\/)?inplace/.test(o));
      if (!inPlace) return;
      const programGiven = values.has('-f') || values.has('--file') || values.has('-e') || values.has('--source');
      for (const w of programGiven ? files : files.slice(1)) if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(text(w))) emit(w, 'replace', `${name} -i inplace`);
      return;
    }
    case 'ditto': {
      // macOS: `ditto SRC DEST` copies SRC's contents into DEST (a file SRC: DEST is that file);
      // with --keepParent, SRC itself into DEST. --arch and --bom take a value.
      const files = args.filter((w, k) => !text(w).startsWith('-') && !DITTO_VALUE_OPTIONS.has(text(args[k - 1] ?? { parts: [] })));
      const dest = files[files.length - 1];
      if (!dest || files.length < 2) return;
      const keepParent = args.some((w) => text(w) === '--keepParent');
      emit(dest, 'replace', name);
      for (const src of files.slice(0, -1)) {
        emit(exact(src) ? contentsOf(text(src)) : src, 'replace', name, false, dest);
        const own = keepParent ? lastName(folderOf(src)) : undefined;
        const landed = own === undefined ? dest : { parts: [...dest.parts, { text: `${text(dest).endsWith('/') ? '' : '/'}${baseName(own)}`, known: true }] };
        emit(landed, 'replace', name, false, undefined, { source: src });
      }
      return;
    }
    case 'cp':
    case 'scp':
    case 'mv':
    case 'install':
    case 'ln':
    case 'rsync': {
      // A folder copy's own writes are reported after what it lands as (decide.ts reads the
      // source as written by the commands before it, not by this one).
      const queued: Array<Parameters<Emit>> = [];
      copyWrites(name === 'scp' ? 'cp' : name, args, (...write) => void queued.push(write));
      for (const write of queued) if (write[5]) emit(...write);
      for (const write of queued) if (!write[5]) emit(...write);
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
    // Compressors replace each file they compress by FILE.gz (.bz2 …): the file is gone (fourth
    // review of 2026-12-07: `gzip …/log.md` left log.md.gz in its place). Not with -k, -c or a
    // test; zstd, lz4 and brotli keep it unless --rm. Decompressing with -f writes FILE without
    // its suffix over what is there (`gunzip -f …/log.md.gz`).
    case 'gzip':
    case 'gunzip':
    case 'pigz':
    case 'unpigz':
    case 'bzip2':
    case 'bunzip2':
    case 'pbzip2':
    case 'xz':
    case 'unxz':
    case 'pxz':
    case 'lzma':
    case 'unlzma':
    case 'lzip':
    case 'plzip':
    case 'compress':
    case 'zstd':
    case 'unzstd':
    case 'lz4':
    case 'brotli': {
      const family = COMPRESSOR_FAMILY[name] ?? name;
      const takes = OPTION_ARGS[family] ?? new Set<string>();
      const { options, values, operands: files } = operands(family, args);
      const has = (letter: string, long: string[]) => options.some((o) => (o.startsWith('--') ? long.includes(o) : clusterHas(o, letter, takes)));
      const decompress = name.startsWith('un') || name === 'gunzip' || name === 'bunzip2' || has('d', ['--decompress', '--uncompress']);
      const keeps = has('k', ['--keep']) || has('c', ['--stdout', '--to-stdout']) || has('t', ['--test']) || has('l', ['--list']);
      // lz4 SOURCE DEST writes DEST; zstd -o FILE writes FILE.
      const out = family === 'zstd' ? values.get('-o') : family === 'lz4' && files.length === 2 ? files[1] : undefined;
      if (out) emit(out, 'replace', family === 'zstd' ? `${name} -o` : name);
      if (decompress) {
        if (has('f', ['--force']) && !keeps)
          for (const w of files) {
            const suffix = /\.(?:gz|z|bz2|xz|lzma|lz|zst|lz4|br)$/i.exec(text(w));
            if (suffix && exact(w)) emit({ parts: [{ text: text(w).slice(0, -suffix[0].length), known: true }] }, 'replace', `${name} -d -f`);
          }
        return;
      }
      const removes =
        family === 'zstd' || family === 'lz4' || family === 'brotli' ? options.includes('--rm') || (family === 'brotli' && has('j', ['--rm'])) : !keeps;
      if (removes) for (const w of family === 'lz4' && out ? files.slice(0, 1) : files) emit(w, 'remove', name);
      return;
    }
    case 'zip': {
      // -m (--move): the files put in the archive are removed.
      const { options, operands: files } = operands(name, args);
      if (options.some(zipMoves)) for (const w of files.slice(1)) emit(w, 'remove', 'zip -m');
      return;
    }
    case 'tar': {
      // --remove-files (GNU takes any unambiguous start, `--remove`): each file put in the archive
      // is removed afterwards, taken from the folder -C names when one is given.
      if (args.some((w) => TAR_REMOVE_FILES.test(text(w)))) {
        const { values, operands: files } = operands(name, args);
        const archive = values.get('-f') ?? values.get('--file');
        const folder = values.get('-C') ?? values.get('--directory');
        for (const w of files) {
          if (w === archive) continue;
          const inFolder = folder && !text(w).startsWith('/') ? { parts: [...folder.parts, { text: '/', known: true }, ...w.parts] } : w;
          emit(inFolder, 'remove', 'tar --remove-files');
        }
      }
      const archive = tarArchiveWritten(args);
      if (archive) emit(archive.file, 'replace', archive.how);
      return;
    }
    case 'iconv': {
      const { values } = operands(name, args);
      const out = values.get('-o') ?? values.get('--output');
      if (out) emit(out, 'replace', 'iconv -o');
      return;
    }
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
    case 'fd':
    case 'fdfind':
      fdWrites(args.map(text), emit, nested, depth);
      return;
    case 'git':
      gitWrites(args, emit, nested, depth);
      return;
    case 'eval':
      // eval joins its words and runs them as a command line.
      scriptUnread(args, 'eval', emit);
      nested(args.map(text).join(' '));
      return;
    case 'script':
      scriptWrites(args, emit, nested);
      return;
    case 'su':
    case 'runuser': {
      const { values, operands: words } = operands(name, args);
      const script = values.get('-c') ?? values.get('--command') ?? values.get('--session-command');
      if (script) {
        scriptUnread([script], name, emit);
        nested(text(script));
      }
      // `runuser -u USER [--] COMMAND …` runs the command itself.
      else if (name === 'runuser' && (values.has('-u') || values.has('--user')) && words.length > 0) nested(words.map(text).join(' '));
      return;
    }
    case 'trap': {
      // `trap [--] 'COMMANDS' SIGNAL…`: the commands run on the signal (EXIT: when the shell ends).
      const rest = args[0] && text(args[0]) === '--' ? args.slice(1) : args;
      if (rest.length >= 2 && !text(rest[0]!).startsWith('-')) {
        scriptUnread([rest[0]!], 'trap', emit);
        nested(text(rest[0]!));
      }
      return;
    }
    case 'watch': {
      // watch joins its words and runs them with sh -c.
      const words = operands(name, args).operands;
      if (words.length > 0) nested(words.map(text).join(' '));
      return;
    }
    default: {
      const run = SHELLS.has(name) ? commandString(args) : undefined;
      if (run) scriptUnread([run.script], `${name} -c`, emit);
      if (run)
        nested(
          text(run.script),
          new Map([...run.parameters.map((w, i): [string, VarValue] => [String(i), exact(w) ? text(w) : w]), ...allPositionals(run.parameters.slice(1))]),
        );
    }
  }
}

/**
 * `script`: its transcript FILE (appended with -a), the files of its log options (util-linux), and
 * the command it runs: -c's string, or on BSD and macOS the words after FILE.
 */
function scriptWrites(args: Word[], emit: Emit, nested: Nested): void {
  const { options, values, operands: files } = operands('script', args);
  for (const option of ['-O', '--log-out', '-I', '--log-in', '-B', '--log-io', '-T', '--log-timing']) {
    const file = values.get(option);
    if (file) emit(file, 'replace', `script ${option}`);
  }
  const takesArg = OPTION_ARGS.script!;
  const append = options.some((o) => o === '--append' || (!o.startsWith('--') && clusterHas(o, 'a', takesArg)));
  const file = files[0];
  if (file) emit(file, append ? 'append' : 'replace', append ? 'script -a' : 'script');
  const command = values.get('-c') ?? values.get('--command');
  if (command) nested(text(command));
  else if (file) {
    const rest = args.slice(args.indexOf(file) + 1);
    if (rest.length > 0) nested(rest.map(text).join(' '));
  }
}

/** True when the short-option cluster `cluster` (`-qa`) holds `letter` before any option that takes a value. */
export function clusterHas(cluster: string, letter: string, takesArg: ReadonlySet<string>): boolean {
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
export function commandString(args: Word[]): { script: Word; parameters: Word[] } | undefined {
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

/** find's tests of the name or the path, each taking a pattern. */
const FIND_NAME_TESTS = ['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex'];

/** The expression options of find that take a value. */
const FIND_VALUE_TESTS = new Set([
  ...FIND_NAME_TESTS,
  '-lname',
  '-ilname',
  '-inum',
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
  '-samefile',
]);

/** find's starting points: the words before its first test, past its options -H, -L, -P, -D LIST and -O LEVEL. */
function findStarts(args: Word[]): Word[] {
  let k = 0;
  while (k < args.length && /^-(?:[HLP]+|D|O\d*)$/.test(text(args[k]!))) k += text(args[k]!) === '-D' ? 2 : 1;
  const starts: Word[] = [];
  for (; k < args.length; k++) {
    const t = text(args[k]!);
    if (t.startsWith('-') || t === '(' || t === '!') break;
    starts.push(args[k]!);
  }
  return starts;
}

/** True when a file find is given (a starting point, -samefile's) may be a log: named log.md, or a name it cannot tell that may end so. */
function mayNameLog(w: Word): boolean {
  const name = lastName(w);
  if (name !== undefined) return name.toLowerCase() === 'log.md';
  return w.parts.some((p) => p.glob) ? globEndsLikeLog(w) : endingCanBeLog(w);
}

/**
 * What find's tests say of the logs: `matched`, a test that may match one (-name, -path, -regex,
 * -samefile of a log); `excluded`, a negated one that leaves every log out (not joined by -o);
 * `named`, a test of the name or path that is not negated; `logStarts`, the starting points that
 * may be logs, unless a name test leaves them out.
 */
function findMatch(args: Word[]): { matched: boolean; excluded: boolean; named: boolean; logStarts: Word[] } {
  // A pattern that matches log.md finds logs, unless a negated one (-not -name log.md) leaves them
  // out; with -o, which joins alternatives, a negation is not followed.
  let matched = false;
  let excluded = false;
  /** A test of the name or path (not negated), which a starting point must pass to be found. */
  let named = false;
  const alternatives = args.some((w) => text(w) === '-o' || text(w) === '-or');
  for (let k = 0; k + 1 < args.length; k++) {
    const test = text(args[k]!);
    if (test === '-samefile') {
      // The file itself, by its inode: a log when the file named is one (`-samefile K/log.md`).
      const before = k > 0 ? text(args[k - 1]!) : '';
      if (before !== '!' && before !== '-not' && mayNameLog(args[k + 1]!)) matched = true;
      continue;
    }
    if (/^-i?regex$/.test(test)) {
      const before = k > 0 ? text(args[k - 1]!) : '';
      const negated = before === '!' || before === '-not';
      if (!regexMayMatchLog(text(args[k + 1]!), test === '-iregex')) {
        // Negated (`! -regex '.*\.ts'`), it is true of every log (fourth review of 2026-12-07, M4).
        if (negated) matched = true;
        else named = true;
        continue;
      }
      // One that may match a log: negated, it may still be true of some (`! -regex '.*/other/.*'`),
      // and whether it matches every log is not worked out (the hook builds no regex): found.
      matched = true;
      continue;
    }
    if (!/^-i?(?:name|path|wholename)$/.test(test)) continue;
    // A pattern built at run time (`-name "*.${EXT:-md}"`) may match log.md.
    if (!exact(args[k + 1]!)) {
      const before = k > 0 ? text(args[k - 1]!) : '';
      if (before !== '!' && before !== '-not') {
        named = true;
        matched = true;
      }
      continue;
    }
    const given = text(args[k + 1]!);
    const pattern = given;
    const anyCase = { anyCase: test.startsWith('-i') };
    // -wholename is -path's other name: a pattern of the whole path.
    const byName = test === '-name' || test === '-iname';
    const before = k > 0 ? text(args[k - 1]!) : '';
    if (before === '!' || before === '-not') {
      // Leaves the logs out only when it matches every one (`-not -name log.md`, `! -path '*/log.md'`),
      // not when it may match some (`-not -path '*/node_modules/*'`).
      if (byName ? globMatches(pattern, 'log.md', anyCase) : LOG_PATHS.every((path) => globMatches(pattern, path, anyCase))) excluded = !alternatives;
      continue;
    }
    named = true;
    if (!(byName ? globMatches(pattern, 'log.md', anyCase) : pathPatternMayMatchLog(pattern, anyCase))) continue;
    matched = true;
  }
  const logStarts = excluded || (named && !matched) ? [] : findStarts(args).filter(mayNameLog);
  // A find with a branch (of those -o joins) that tests neither the name nor the path nor the type
  // finds every file below its starting points, logs too: `find . -type f | xargs sed -i …`.
  if (!excluded && !matched && logStarts.length === 0 && findsEverything(args)) matched = true;
  return { matched, excluded, named, logStarts };
}

/** The tests of find that leave files out by name, path, identity or type (not -type f). */
const FIND_FILTERS = new Set([...FIND_NAME_TESTS, '-samefile', '-inum', '-lname', '-ilname']);

/**
 * True when a branch of find's expression (the parts -o or -or joins) has no test that leaves
 * files out by name, path, identity or type: it finds every file below the starting points.
 * Parentheses are not followed: a branch inside them counts as a branch of the whole.
 */
function findsEverything(args: Word[]): boolean {
  const branches: string[][] = [[]];
  // A negated test (`-not -path './node_modules/*'`, `! \( -name '*.ts' \)`) leaves out only what
  // it names: it is no test here (a negation leaving every log out is read as such before this).
  let negatedDepth = 0;
  let depth = 0;
  for (let k = 0; k < args.length; k++) {
    const t = text(args[k]!);
    const negation = t === '!' || t === '-not';
    if (t === '(') {
      depth++;
      continue;
    }
    if (t === ')') {
      if (negatedDepth === depth) negatedDepth = 0;
      depth--;
      continue;
    }
    if (negation) {
      if (text(args[k + 1] ?? { parts: [] }) === '(') {
        if (negatedDepth === 0) negatedDepth = depth + 1;
      } else k++; // the one test it negates
      continue;
    }
    if (negatedDepth > 0) continue;
    if (t === '-o' || t === '-or') branches.push([]);
    else branches[branches.length - 1]!.push(t);
  }
  return branches.some((b) => !b.some((t, k) => FIND_FILTERS.has(t) || ((t === '-type' || t === '-xtype') && !(b[k + 1] ?? 'f').includes('f'))));
}

/**
 * `find … -delete` and `find … -exec CMD … {} ;`: the files found are unknown, but when a
 * -name/-iname/-path pattern matches `log.md`, each may be a walnut log in a folder the text does
 * not tell.
 */
function findWrites(args: Word[], emit: Emit, nested: Nested, depth: number): void {
  const { excluded, logStarts, ...tests } = findMatch(args);
  let matched = tests.matched;
  // A starting point that is a log (`find K/log.md -delete`) is found, unless a test of the name
  // leaves it out: as it is written when it is the only file found, else as a file named log.md
  // it cannot tell (each -exec read once: once per starting point, nested finds multiplied).
  const alone = logStarts.length === 1 && !matched ? logStarts[0] : undefined;
  if (logStarts.length > 0 && !alone) matched = true;
  const name = matched && !excluded ? 'log.md' : undefined;
  // Below its one starting point when the text tells it: a folder outside every world (`find /tmp
  // -type f -mtime +7 -delete`) or one that holds no log (`find dist …`) finds no walnut log
  // (decide.ts underFolderOutside, foundWhereNoLogIs).
  const starts = findStarts(args);
  const start = starts.length === 1 && exact(starts[0]!) ? text(starts[0]!).replace(/\/*$/, '/') : undefined;
  const found: Word = alone ?? {
    parts: [
      ...(start !== undefined ? [{ text: start, known: true }] : []),
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
      // thousands deep would otherwise recurse until the stack ran out. Deeper, it is not read.
      if (command.length > 0 && depth >= MAX_DEPTH)
        emit(unreadWord({ texts: [command.map(asInput).join(' ')] }), 'replace', `commands find -exec runs, nested more than ${MAX_DEPTH} levels deep`);
      else if (command.length > 0) {
        // -execdir and -okdir run the command in the folder of each file found: a relative path is
        // taken from there, a folder the text does not tell (`-execdir rm -f log.md` removed the log
        // beside every now.md; fourth review of 2026-12-07). The found file itself keeps its word.
        const theirs = t === '-execdir' || t === '-okdir';
        const there = (w: Word): Word =>
          !theirs || text(w).startsWith('/') || w.parts[0] === found.parts[0]
            ? w
            : { parts: [{ text: FOUND_FOLDER, known: false }, { text: '/', known: true }, ...w.parts] };
        const withFoundVariable: Nested = (script, bindings) =>
          nested(
            theirs ? `cd "\${${FOUND_DIR}}"\n${script}` : script,
            new Map([...(bindings ?? []), [FOUND, found], [FOUND_DIR, { text: FOUND_FOLDER, known: false }]]),
          );
        // Past wrappers (`-execdir env rm …`, `-exec nice gzip …`): the program they run.
        const k = WRAPPERS.has(runs) ? programIndex(command.map(text)) : 0;
        commandWrites(
          baseName(text(command[k] ?? command[0]!)),
          command.slice(k + 1),
          (w, kind, via, links, folder, tree) =>
            emit(there(w), kind, `find ${t} ${via}`, links, folder && there(folder), tree && { ...tree, source: there(tree.source) }),
          withFoundVariable,
          depth + 1,
        );
      }
      k = end;
    }
  }
}

/**
 * `fd … -x CMD …` (--exec) and `-X CMD …` (--exec-batch): CMD runs on what fd finds, every file its
 * pattern matches (logs too, unless --exclude=log.md or an extension other than md leaves them
 * out), as `{}` or, with no placeholder, after CMD's words. A placeholder for part of the path
 * (`{/}`, `{.}` …) is a word it cannot tell (a late review of 2026-12-07).
 */
function fdWrites(fdWords: string[], emit: Emit, nested: Nested, depth: number): void {
  let words = fdWords;
  const at = words.findIndex((w) => FD_EXEC.test(w) || w === '--exec' || w === '--exec-batch' || w.startsWith('--exec=') || w.startsWith('--exec-batch='));
  if (at < 0) return;
  const excluded = fdLeavesLogsOut(words.slice(0, at));
  // `--exec=PROG …`: PROG is the command's first word.
  const glued = words[at]!.startsWith('--exec') ? words[at]!.indexOf('=') : -1;
  if (glued > 0) words = [...words.slice(0, at), words[at]!.slice(0, glued), words[at]!.slice(glued + 1), ...words.slice(at + 1)];
  const found: Word = {
    parts: [
      { text: '<found by find>', known: false },
      { text: excluded ? '/*' : '/log.md', known: !excluded },
    ],
  };
  let end = at + 1;
  while (end < words.length && words[end] !== ';') end++;
  const runs = baseName(words[at + 1] ?? '');
  const given = words.slice(at + 1, end).map((t) => ({ parts: [{ text: t, known: true }] }) as Word);
  if (given.length === 0) return;
  const placeholder = given.some((w) => text(w).includes('{'));
  const command = placeholder
    ? given.map((w, i) => (/\{[/.]+\}|\{\/\/\}/.test(text(w)) ? unreadWord({ texts: [text(w)] }) : withFound(w, found, i > 0 && SHELLS.has(runs))))
    : [...given, found];
  if (depth >= MAX_DEPTH) {
    emit(unreadWord({ texts: [command.map(asInput).join(' ')] }), 'replace', `commands fd -x runs, nested more than ${MAX_DEPTH} levels deep`);
    return;
  }
  const withFoundVariable: Nested = (script, bindings) => nested(script, new Map([...(bindings ?? []), [FOUND, found]]));
  const k = WRAPPERS.has(runs) ? programIndex(command.map(text)) : 0;
  commandWrites(
    baseName(text(command[k] ?? command[0]!)),
    command.slice(k + 1),
    (w, kind, via, links, folder, tree) => emit(w, kind, `fd ${words[at]} ${via}`, links, folder, tree),
    withFoundVariable,
    depth + 1,
  );
}

/**
 * GNU coreutils, findutils and tar as Homebrew installs them on macOS, beside the BSD tools:
 * `grm`, `gcp`, `gfind` … are read as rm, cp, find (`grm …/log.md` was allowed until a late
 * review of 2026-12-07; gsed is read under its own name).
 */
const HOMEBREW_GNU = new Set(['cp', 'mv', 'install', 'ln', 'link', 'rm', 'unlink', 'shred', 'truncate', 'dd', 'tee', 'sort', 'uniq', 'find', 'tar', 'grep']);

/** `name`, or the GNU tool a Homebrew name (`g` before it) stands for. */
function gnuName(name: string): string {
  return name.length > 1 && name[0] === 'g' && HOMEBREW_GNU.has(name.slice(1)) ? name.slice(1) : name;
}

/** fd's -x or -X, alone or last in a cluster of its flags that take no value (`-Hx`, `-HIX`). */
const FD_EXEC = /^-[HIiLsuagFlpq01]*[xX]$/;

/** True when fd's options (`args`, before any -x) leave log.md out: --exclude=log.md, or extensions other than md. */
function fdLeavesLogsOut(args: string[]): boolean {
  const values = (long: string, short: string) =>
    args.flatMap((a, i) => (a.startsWith(`${long}=`) ? [a.slice(long.length + 1)] : (a === long || a === short) && i + 1 < args.length ? [args[i + 1]!] : []));
  const extensions = values('--extension', '-e');
  return (
    // fd's globs are of the path below the folder searched, and know letter case.
    values('--exclude', '-E').some((g) => globMatches(g.replace(/^(?:\*\*\/)+/, ''), 'log.md')) ||
    (extensions.length > 0 && !extensions.some((e) => e.replace(/^\./, '').toLowerCase() === 'md'))
  );
}

/** The programs listing names `listing` reads. */
const LISTERS = new Set(['find', 'grep', 'egrep', 'fgrep', 'rg', 'git', 'fd', 'fdfind']);

/** Words that may open a segment before the command it runs: reserved words (`{ git ls-files; }`, `if …; then git …`, `! git …`). */
const SEGMENT_OPENERS = new Set(['{', '!', 'if', 'then', 'else', 'elif', 'do', 'while', 'until']);

/**
 * A lister's segment as the shell splits it into words (eighth review of 2026-12-07, H1: its
 * quotes taken out and split at blanks, `! -name 'log.md x'` read as leaving log.md out), past the
 * operators, reserved words and function header that open it (H5: `{ git ls-files; }`, `f() {
 * git ls-files; }`). A word the lexer cannot tell stands as written, its `$` kept (reachesUp reads it).
 * Nothing it holds is run or expanded here: the reader reads the command itself.
 */
function segmentWords(segment: string): string[] {
  const scope: ShellScope = { dir: undefined, vars: new Vars() };
  let budget = segment.length * 4;
  const spend = (n: number) => (budget -= n) >= 0;
  const tokens: ShellToken[] = [];
  try {
    for (const token of new Lexer(
      segment,
      () => scope,
      () => {},
      spend,
      () => {},
    ).tokens())
      tokens.push(token);
  } catch {
    return ['<a segment it cannot split>'];
  }
  const word = (k: number) => {
    const t = tokens[k];
    return t?.t === 'word' ? asInput(t.word) : undefined;
  };
  const op = (k: number) => {
    const t = tokens[k];
    return t?.t === 'op' ? t.op : undefined;
  };
  let k = 0;
  for (;;) {
    if (op(k) !== undefined || SEGMENT_OPENERS.has(word(k) ?? '')) k++;
    else if (word(k) === 'function') k += op(k + 2) === '(' ? 4 : 2;
    else if (word(k) !== undefined && op(k + 1) === '(' && op(k + 2) === ')') k += 3;
    else break;
  }
  return tokens.slice(k).flatMap((t) => (t.t === 'word' ? [asInput(t.word)] : []));
}

/**
 * The index in `words` of the program a segment runs: past assignments, and past wrappers
 * (`nice -n 5`, `command`, `timeout 5`, `env A=1 …`) with their options and operands, so that
 * `nice find …` is read as find (second review of 2026-12-07). An option a wrapper does not know
 * stops there, as the wrapper itself would refuse it.
 */
function programIndex(words: string[]): number {
  let k = 0;
  while (k < words.length && /^[A-Za-z_]\w*=/.test(words[k]!)) k++;
  for (let wrapper = baseName(words[k] ?? ''); WRAPPERS.has(wrapper) && wrapper !== 'xargs'; wrapper = baseName(words[k] ?? '')) {
    k++;
    while (k < words.length && words[k]!.startsWith('-') && words[k] !== '--') {
      const taken = wrapperOption(wrapper, words[k]!);
      if (taken === undefined) return k;
      k += taken;
    }
    if (words[k] === '--') k++;
    if (wrapper === 'env') while (k < words.length && /^[A-Za-z_]\w*=/.test(words[k]!)) k++;
    if (LEADING_OPERAND.has(wrapper)) k++;
  }
  return k;
}

/** What the command in `segment` (one simple command, as text) lists: names of files that may be logs, none, or not a list of names it reads. */
function listing(segment: string, noLogIn?: NoLogIn): 'logs' | 'none' | undefined {
  const words = segmentWords(segment);
  const k = programIndex(words);
  const program = gnuName(baseName(words[k] ?? ''));
  const args = words.slice(k + 1);
  const spells = args.some((a) => !a.startsWith('-') && baseName(a).toLowerCase() === 'log.md');
  const matches = (g: string) => globMatches(g, 'log.md', { anyCase: true });
  // Below folders that hold no log (read from the disk by the caller), what a lister lists is none.
  const noneBelow = (folders: string[] | undefined) => noLogIn !== undefined && folders?.every(noLogIn) === true;
  if (program === 'find' && noneBelow(findStartFolders(args))) return 'none';
  if ((program === 'grep' || program === 'egrep' || program === 'fgrep') && noneBelow(searchedFolders(args, GREP_VALUES, 'efmABCdD'))) return 'none';
  if (program === 'rg' && noneBelow(searchedFolders(args, RG_VALUES, 'efgtTmABCjMErd', ['--files']))) return 'none';
  if (program === 'find') {
    // A word with an expansion in it (`"*.$EXT"`) is not known text.
    const found = findMatch(args.map((t) => ({ parts: [{ text: t, known: !/[$`]/.test(t) }] })));
    if (found.excluded || (found.named && !found.matched && found.logStarts.length === 0)) return 'none';
    return found.matched || found.logStarts.length > 0 ? 'logs' : undefined;
  }
  // A long option by any start of at least one letter (`--files-with-match`, `--recur`): git's
  // parse-options and GNU getopt_long take a unique one (eighth review of 2026-12-07, H4).
  const flags = (letters: string, long: string[]) =>
    args.some((a) =>
      a.startsWith('--') ? a.length > 2 && long.some((l) => l.startsWith(a.split('=')[0]!)) : a.startsWith('-') && [...letters].some((c) => clusterFlag(a, c)),
    );
  const values = (option: string, short?: string) =>
    args.flatMap((a, i) => (a.startsWith(`${option}=`) ? [a.slice(option.length + 1)] : a === option || a === short ? [args[i + 1] ?? ''] : []));
  if (program === 'grep' || program === 'egrep' || program === 'fgrep') {
    const recursive = flags('rR', ['--recursive', '--dereference-recursive']) || grepDirectories(args).includes('recurse');
    // Without -l, a recursive grep (or -H) starts each line with a file's name, which
    // `| cut -d: -f1 | xargs sed -i …` hands on (fourth review of 2026-12-07).
    const prefixed = (recursive || flags('H', ['--with-filename'])) && !flags('hq', ['--no-filename', '--quiet', '--silent']);
    if (!flags('lL', ['--files-with-matches', '--files-without-match']) && !prefixed) return undefined;
    const includes = values('--include');
    if (values('--exclude').some(matches) || (includes.length > 0 && !includes.some(matches))) return 'none';
    return recursive || spells || args.some((a) => !a.startsWith('-') && /[*?[]/.test(a)) ? 'logs' : undefined;
  }
  if (program === 'rg') {
    // rg searches folders and prints `path:…` lines unless told not to: names, as -l's are.
    const prefixed = !flags('Iq', ['--no-filename', '--quiet']);
    if (!flags('l', ['--files-with-matches', '--files-without-match', '--files']) && !prefixed) return undefined;
    const globs = [...values('--glob', '-g'), ...values('--iglob')];
    const positive = globs.filter((g) => !g.startsWith('!'));
    const typed = values('--type', '-t');
    const excluded =
      globs.some((g) => g.startsWith('!') && matches(g.slice(1))) ||
      (positive.length > 0 && !positive.some(matches)) ||
      (typed.length > 0 && !typed.some((t) => t === 'md' || t === 'markdown'));
    return excluded && !spells ? 'none' : 'logs';
  }
  if (program === 'git') return gitListing(args, flags, segment);
  if (program === 'fd' || program === 'fdfind') {
    // fd lists every file below its folders whose name its pattern (a regex; `.` by default)
    // matches: logs too, unless an extension or an exclusion leaves log.md out.
    // A log named as a folder to search (not the value of -E): listed whatever leaves the others out.
    const named = args.some((a, i) => !a.startsWith('-') && baseName(a).toLowerCase() === 'log.md' && args[i - 1] !== '-E' && args[i - 1] !== '--exclude');
    return fdLeavesLogsOut(args) && !named ? 'none' : 'logs';
  }
  return undefined;
}

/** Whether nothing below a folder (as the command names it, from where it runs) is a walnut log: the caller's look at the disk. */
export type NoLogIn = (folder: string) => boolean;

/** grep's long options that take the next word as their value (GNU requires `=` for the optional ones). */
const GREP_VALUES = new Set([
  '--regexp',
  '--file',
  '--max-count',
  '--after-context',
  '--before-context',
  '--context',
  '--include',
  '--exclude',
  '--exclude-dir',
  '--exclude-from',
  '--label',
  '--directories',
  '--devices',
  '--binary-files',
  '--group-separator',
]);
/** rg's long options that take the next word as their value. */
const RG_VALUES = new Set([
  '--regexp',
  '--file',
  '--glob',
  '--iglob',
  '--type',
  '--type-not',
  '--type-add',
  '--type-clear',
  '--max-count',
  '--after-context',
  '--before-context',
  '--context',
  '--threads',
  '--max-columns',
  '--encoding',
  '--replace',
  '--max-depth',
  '--pre',
  '--pre-glob',
  '--path-separator',
  '--sort',
  '--sortr',
  '--color',
  '--colors',
  '--ignore-file',
]);

/** grep's and rg's long options without a value that searchedFolders reads past (any other is one it cannot tell). */
const FLAGS_READ = new Set([
  '--recursive',
  '--dereference-recursive',
  '--files-with-matches',
  '--files-without-match',
  '--ignore-case',
  '--smart-case',
  '--case-sensitive',
  '--line-number',
  '--no-line-number',
  '--with-filename',
  '--no-filename',
  '--count',
  '--invert-match',
  '--word-regexp',
  '--line-regexp',
  '--fixed-strings',
  '--extended-regexp',
  '--basic-regexp',
  '--perl-regexp',
  '--quiet',
  '--silent',
  '--no-messages',
  '--null',
  '--only-matching',
  '--text',
  '--hidden',
  '--no-ignore',
  '--follow',
  '--multiline',
]);

/** A folder word whose text is what the shell passes: no expansion, glob, tilde or brace in it. */
const plainFolder = (w: string) => w !== '' && w !== '-' && !/[$`*?[\]{}~\\'"]/.test(w);

/**
 * The folders grep or rg searches (`args` after the program): its operands after the pattern (the
 * first, unless -e, -f or `noPattern` gives it), `.` with none; undefined when one is not plain
 * text. `values`: long options that take the next word; `shortValues`: the letters that do.
 */
function searchedFolders(args: string[], values: Set<string>, shortValues: string, noPattern: string[] = []): string[] | undefined {
  const operands: string[] = [];
  let patternGiven = false;
  let done = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!done && a === '--') {
      done = true;
      continue;
    }
    if (!done && a.startsWith('-') && a !== '-') {
      if (a.startsWith('--')) {
        const name = a.split('=')[0]!;
        // GNU takes any unambiguous start of a long option (`--reg=PAT`): only the ones known whole are read.
        if (!values.has(name) && !FLAGS_READ.has(name) && !noPattern.includes(name)) return undefined;
        if (name === '--regexp' || name === '--file' || noPattern.includes(name)) patternGiven = true;
        if (!a.includes('=') && values.has(name)) i++;
        continue;
      }
      for (let c = 1; c < a.length; c++) {
        if (!shortValues.includes(a[c]!)) continue;
        if (a[c] === 'e' || a[c] === 'f') patternGiven = true;
        if (c === a.length - 1) i++;
        break;
      }
      continue;
    }
    operands.push(a);
  }
  const folders = patternGiven ? operands : operands.slice(1);
  if (!patternGiven && operands.length === 0) return undefined;
  return folders.every(plainFolder) ? (folders.length === 0 ? ['.'] : folders) : undefined;
}

/** find's starting points as text (findStarts; `.` with none); undefined when one is not plain text. */
function findStartFolders(args: string[]): string[] | undefined {
  // Starting points read from a file (GNU find -files0-from) are no words of the command.
  if (args.includes('-files0-from')) return undefined;
  const starts = findStarts(args.map((t) => ({ parts: [{ text: t, known: true }] }))).map(text);
  return starts.every(plainFolder) ? (starts.length === 0 ? ['.'] : starts) : undefined;
}

/**
 * The values grep's `-d ACTION` / `--directories=ACTION` is given: glued (`-drecurse`, `-ld recurse`)
 * or the next word, the long option by any start (`--dir=recurse`; eighth review of 2026-12-07, H4).
 */
function grepDirectories(args: string[]): string[] {
  return args.flatMap((a, i) => {
    if (a.startsWith('--')) {
      const [name, ...value] = a.split('=');
      if (name!.length < 4 || !'--directories'.startsWith(name!)) return [];
      return [value.length > 0 ? value.join('=') : (args[i + 1] ?? '')];
    }
    if (!a.startsWith('-')) return [];
    for (let c = 1; c < a.length; c++) {
      if (a[c] === 'd') return [c + 1 < a.length ? a.slice(c + 1) : (args[i + 1] ?? '')];
      if ('efmABCD'.includes(a[c]!)) return [];
    }
    return [];
  });
}

/**
 * A git lister's options that take the next word as their value, per subcommand (eighth review of
 * 2026-12-07, H7: ls-files' -f is a flag, and taking `../..` after it for grep's -f FILE hid a
 * pathspec reaching up). One not named here takes none that is not `=`-joined.
 */
const GIT_LISTER_VALUES: Record<string, ReadonlySet<string>> = {
  'ls-files': new Set(['-x', '-X', '--exclude', '--exclude-from', '--exclude-per-directory', '--format', '--with-tree']),
  'ls-tree': new Set(['--format']),
  grep: new Set(['-e', '-f']),
};
/** Before `--`, a diff's, show's or log's words are not read as pathspecs but `.` and `./x` (see gitListing): their options' values are skipped alike. */
const GIT_WHOLE_REPOSITORY_VALUES = new Set(['-x', '-X', '--exclude', '--exclude-from', '--exclude-per-directory', '--format', '--with-tree', '-e', '-f']);
/**
 * git subcommands whose output is no list of files in the work tree (branches, hashes, settings,
 * refs): a name not among them nor the listers is read as one that may list logs, an alias among
 * them (`git -c alias.l=ls-files l`; eighth review of 2026-12-07, H2).
 */
const GIT_LISTS_NO_FILES = new Set([
  'rev-parse',
  'merge-base',
  'describe',
  'branch',
  'tag',
  'remote',
  'config',
  'stash',
  'for-each-ref',
  'show-ref',
  'symbolic-ref',
  'name-rev',
  'worktree',
  'cat-file',
  'hash-object',
  'reflog',
  'shortlog',
  'blame',
  'count-objects',
  'version',
  'var',
  'ls-remote',
  'rev-list',
  'add',
  'commit',
  'checkout',
  'switch',
  'restore',
  'reset',
  'rm',
  'mv',
  'fetch',
  'pull',
  'push',
  'merge',
  'rebase',
  'cherry-pick',
  'revert',
  'init',
  'clone',
  'help',
]);
/** A pathspec's exclusion (`:!x`, `:^x`, `:/!x`, `:(exclude)x`): its pattern, whether it is from the top (`/`, `top`) and in any case (`icase`). */
interface Exclusion {
  pattern: string;
  top: boolean;
  icase: boolean;
  /** False with other magic, which narrows what it leaves out (`attr:`, `literal`, `glob`: a `*` not across folders). */
  plain: boolean;
}

function excludedBy(spec: string): Exclusion | undefined {
  if (spec.startsWith(':(')) {
    const close = spec.indexOf(')');
    const magic = close > 0 ? spec.slice(2, close).split(',') : [];
    if (!magic.some((m) => m.startsWith('exclude'))) return undefined;
    const plain = magic.every((m) => m === 'exclude' || m === 'top' || m === 'icase');
    return { pattern: spec.slice(close + 1), top: magic.includes('top'), icase: magic.includes('icase'), plain };
  }
  if (!spec.startsWith(':')) return undefined;
  let k = 1;
  while (k < spec.length && '/!^'.includes(spec[k]!)) k++;
  const magic = spec.slice(1, k);
  if (!magic.includes('!') && !magic.includes('^')) return undefined;
  return { pattern: spec.slice(spec[k] === ':' ? k + 1 : k), top: magic.includes('/'), icase: false, plain: true };
}

/** A positive pathspec that may reach outside the folder git runs in (`:/`, `:(top)…`, `../x`, `/abs`), where an exclusion not from the top does not apply. */
const reachesUp = (spec: string) =>
  // A word the hook cannot read (`"$(git rev-parse --show-toplevel)"`, `$top`, `~-`) may be anywhere.
  /[$`]/.test(spec) ||
  spec.startsWith('~') ||
  spec.startsWith('/') ||
  // `..` in the path, after any magic (`::../..`, `:(glob)../..`: sixth review of 2026-12-07).
  /(?:^|\/)\.\.(?:\/|$)/.test(spec.startsWith(':(') ? spec.slice(spec.indexOf(')') + 1) : spec.replace(/^:[^A-Za-z0-9_.]*:?/, '')) ||
  (spec.startsWith(':(') ? spec.slice(2, spec.indexOf(')')).split(',').includes('top') : spec.startsWith(':') && /^:[^A-Za-z0-9_.]*\//.test(spec));

/** git subcommands that, given no positive pathspec, list the whole repository, not the folder they run in. */
const LISTS_WHOLE_REPOSITORY = new Set(['status', 'diff', 'diff-tree', 'diff-index', 'diff-files', 'show', 'log', 'whatchanged']);

/**
 * What a git command lists (third review of 2026-12-07, M2): `ls-files`, `ls-tree`, `status`,
 * `diff`/`show`/`log` … with `--name-only` or `--name-status`, `grep -l` print names in the
 * repository, logs among them unless its pathspecs leave them out: a pathspec none of whose
 * positive ones may match log.md (`'*.ts'`; a word that may be a folder or a revision may), or an
 * exclusion matching every log (`':!*log.md'`), as find's and grep's are read. An exclusion
 * counts only where git surely applies it to every log listed (fourth review of 2026-12-07, M1):
 * no other magic, no --glob-pathspecs or --literal-pathspecs (nor their variables) in the segment,
 * and, unless from the top, no positive pathspec reaching above the folder git runs in and, for
 * a command listing the whole repository, one positive pathspec at least (git applies it from that folder).
 */
function gitListing(args: string[], flags: (letters: string, long: string[]) => boolean, segment: string): 'logs' | 'none' | undefined {
  let k = 0;
  for (let takes: ReturnType<typeof gitOption>; k < args.length && args[k]!.startsWith('-'); k += takes === 'value' ? 2 : 1) {
    takes = gitOption(args[k]!);
    // One of git's own it does not know may take a value: which word is the subcommand is not told.
    if (takes === undefined) return 'logs';
  }
  const sub = args[k] ?? '';
  const rest = args.slice(k + 1);
  const dashes = rest.indexOf('--');
  const takesValue = GIT_LISTER_VALUES[sub] ?? GIT_WHOLE_REPOSITORY_VALUES;
  const operands = (from: string[]) => from.filter((a, i) => !a.startsWith('-') && !takesValue.has(from[i - 1] ?? ''));
  let specs: string[];
  if (sub === 'grep') {
    if (!flags('lL', ['--name-only', '--files-with-matches', '--files-without-match'])) return undefined;
    // Its pathspecs are the words after `--`; before it, which word is the pattern, a revision or
    // an option's value (`-m 1`, `-C 1`, `--max-depth 9`) is not worked out: it may list any file.
    if (dashes < 0) return 'logs';
    specs = rest.slice(dashes + 1);
  } else if (sub === 'ls-files' || sub === 'status') specs = operands(dashes < 0 ? rest : [...rest.slice(0, dashes), ...rest.slice(dashes + 1)]);
  else if (sub === 'ls-tree') specs = operands(rest).slice(1);
  else if (LISTS_WHOLE_REPOSITORY.has(sub)) {
    if (!rest.some((a) => a === '--name-only' || a === '--name-status')) return undefined;
    specs = dashes < 0 ? operands(rest) : rest.slice(dashes + 1);
  } else return GIT_LISTS_NO_FILES.has(sub) ? undefined : 'logs';
  const positive = specs.filter((spec) => excludedBy(spec) === undefined);
  // Before `--`, a diff's, show's or log's words may be revisions or options' values (`HEAD~1`,
  // `-n 2`), not the positive pathspec that has git apply an exclusion from its folder: only one
  // no revision can spell (`.`, `./x`) counts there.
  const counted = dashes >= 0 || sub === 'status' ? positive : positive.filter((p) => p === '.' || p.startsWith('./'));
  const applied = (e: Exclusion) =>
    e.plain &&
    // git's matcher knows no `[[:word:]]`, `[[.d.]]` or `[[=d=]]` as globMatches reads them.
    !e.pattern.includes('[') &&
    (e.top || (!positive.some(reachesUp) && (counted.length > 0 || !LISTS_WHOLE_REPOSITORY.has(sub))));
  // Any of git's pathspec switches (--glob-, --noglob-, --literal-pathspecs, their variables) may
  // make an exclusion's `*` other than it reads (eighth review of 2026-12-07, H3: --noglob-pathspecs).
  const exclusions = /PATHSPECS|-pathspecs/i.test(segment) ? [] : specs.map(excludedBy).filter((e) => e !== undefined);
  if (exclusions.some((e) => applied(e) && LOG_PATHS.every((path) => globMatches(e.pattern, path.replace(/^\.\//, ''), { anyCase: e.icase })))) return 'none';
  return positive.length === 0 || positive.some(pathspecMayListLog) ? 'logs' : 'none';
}

/** True when a git pathspec may take in a log.md: a glob or magic one that may match it, a path named log.md, or a word that may be a folder. */
function pathspecMayListLog(spec: string): boolean {
  if (spec.startsWith(':')) return magicMayReachLog(spec);
  if (/[*?[]/.test(spec)) return pathPatternMayMatchLog(spec, { anyCase: true });
  if (spec.endsWith('/')) return true;
  const name = spec.slice(spec.lastIndexOf('/') + 1).toLowerCase();
  return name === 'log.md' || !name.includes('.') || name === '.' || name === '..';
}

/** True when the short-option cluster `word` (`-rl`) holds `letter` before a letter that takes a value (grep's -e, -f, -m, -A, -B, -C, -d, -D; rg's -g, -t, -e). */
function clusterFlag(word: string, letter: string): boolean {
  for (const c of word.slice(1)) {
    if (c === letter) return true;
    if ('efmABCdDgtT'.includes(c)) return false;
  }
  return false;
}

/** Where a segment of an input ends: its list and pipe operators. */
const SEGMENT_ENDS = new Set([';', '&', '&&', '||', '|', '|&', ';;']);

/**
 * `input` cut after each list or pipe operator as the shell's lexer finds them, not inside a quote
 * (ninth review of 2026-12-07, H3: `':!*log.md;'` cut at its `;` read as an exclusion of every
 * log): each segment as written, and its command without the operator. Undefined when the lexer
 * cannot read it.
 */
function segmentsOf(input: string): [string, string][] | undefined {
  const scope: ShellScope = { dir: undefined, vars: new Vars() };
  let budget = input.length * 4;
  const lexer = new Lexer(
    input,
    () => scope,
    () => {},
    (n) => (budget -= n) >= 0,
    () => {},
  );
  const segments: [string, string][] = [];
  let start = 0;
  let end = 0;
  try {
    for (const token of lexer.tokens()) {
      if (token.t === 'op' && SEGMENT_ENDS.has(token.op)) {
        // The operator starts at the first character past the blanks after the token before it.
        let op = end;
        while (op < input.length && /[ \t\\]/.test(input[op]!) && !(input[op] === '\\' && input[op + 1] !== '\n')) op++;
        segments.push([input.slice(start, lexer.at), input.slice(start, op)]);
        start = lexer.at;
      }
      end = lexer.at;
    }
  } catch {
    return undefined;
  }
  if (start < input.length) segments.push([input.slice(start), input.slice(start)]);
  return segments;
}

/**
 * The text of an input (`find … | xargs`, `$(grep -rl …)`) as a check of its names reads it: a
 * command listing names that may be logs (find whose tests may match log.md, grep -l recursive or
 * of globs, rg -l, git grep -l, git ls-files, fd …) says so and what leaves them out; one whose names are never a log
 * (`find … ! -name log.md`, `grep -rl --exclude=log.md`) stands as such, whatever it spells.
 */
export function listedInput(input: string, noLogIn?: NoLogIn): string {
  if (!/find|grep|rg|git|fd/.test(input)) return input;
  // What a process substitution runs (`mapfile -t a < <(git ls-files)`; eighth review of 2026-12-07, H6).
  if (input.startsWith('<(') && input.endsWith(')')) return `<(${listedInput(input.slice(2, -1), noLogIn)})`;
  const segments = segmentsOf(input);
  // Text the lexer cannot read may be a lister: read as one that may list the logs.
  if (segments === undefined) return `${input} (a command it cannot read may list log.md)`;
  return segments
    .map(([segment, command]) => {
      // Only a segment whose program is a lister is read word by word (the others are most).
      const words = segmentWords(command);
      const program = gnuName(baseName(words[programIndex(words)] ?? ''));
      if (!LISTERS.has(program)) return segment;
      const listed = listing(command.trim(), noLogIn);
      if (listed === 'none') {
        const named = logWordsBesideExclusions(segment);
        return `<names ${program} lists, none a log>${named.length > 0 ? ` ${named.join(' ')}` : ''}`;
      }
      if (listed !== 'logs') return segment;
      const hint =
        program === 'find'
          ? "find's tests may match log.md: add ! -name log.md"
          : program === 'rg'
            ? "rg may list log.md: add -g '!log.md'"
            : program === 'git'
              ? "git may list log.md: add the pathspecs -- . ':!*log.md'"
              : program === 'fd' || program === 'fdfind'
                ? 'fd may list log.md: add -E log.md'
                : 'grep may list log.md: add --exclude=log.md';
      return `${segment} (${hint})`;
    })
    .join('');
}

/** The words that take the pattern of a test or option leaving names out (find's -name, grep's --exclude, rg's -g, fd's -E …). */
const PATTERN_TAKERS = new Set([
  '-E',
  '--exclude',
  '-name',
  '-iname',
  '-path',
  '-ipath',
  '-wholename',
  '-iwholename',
  '-lname',
  '-ilname',
  '-regex',
  '-iregex',
  '-g',
  '--glob',
  '--iglob',
]);

/**
 * The words of a lister's segment that name log.md other than as a pattern leaving names out
 * (`K/log.md` of `find ! -name log.md K/log.md`, `-exec echo K/log.md`, `-printf 'K/log.md\n'`): the
 * text may be data that only starts with find or grep (a here-string to xargs), or print names of
 * its own, so what it spells stays in what the check reads (second review of 2026-12-07).
 */
function logWordsBesideExclusions(segment: string): string[] {
  const words = segmentWords(segment);
  return words.filter(
    (w, i) =>
      w.toLowerCase().includes('log.md') && !w.startsWith('-') && !w.startsWith('!') && excludedBy(w) === undefined && !PATTERN_TAKERS.has(words[i - 1] ?? ''),
  );
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
      // An escape of a letter (`\w`, `\b`, `\s` in emacs and GNU syntaxes) is a class or an anchor,
      // not the letter: it may match anything (fifth review of 2026-12-07).
      if (pattern[k - 2] === '\\') return true;
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
export const FOUND = '__alive_find_found';
/** The variable a script `find -execdir` runs cds into first: the folder of a found file, unknown. */
const FOUND_DIR = '__alive_find_dir';
/** The folder `find -execdir` runs its command in, as a path's unknown first part. */
const FOUND_FOLDER = '<folder of a file find found>';

/**
 * A word of a command `find -exec` runs, with each `{}` in it the name found (GNU find puts it in
 * wherever it appears in a word: `{}.bak`). In a shell's script (`inScript`), `{}` becomes
 * `"${FOUND}"`, a variable bound to that name, so the script is read with it.
 */
export function withFound(w: Word, found: Word, inScript: boolean, mark = '{}'): Word {
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

/**
 * The files of a folder a copy takes its contents from, as a glob (`SRC/*`): rsync's `SRC/`, cp's
 * and rsync's `SRC/.`. `rsync -a backups/ …/_kernel/` replaced the log with the backup's (fifth
 * review of 2026-12-07). Undefined for any other source, and for one the text does not tell.
 */
function folderContents(name: string, src: Word): Word | undefined {
  const t = text(src);
  if (!exact(src)) {
    // A folder the text does not tell (`"$SNAP"/.`, `"$d"/`): its files' names are not known.
    const contents = t.endsWith('/.') || t.endsWith('/./') || ((name === 'rsync' || name === 'cp') && t.endsWith('/'));
    if (!contents) return undefined;
    // A glob's folders (`for d in back*; do rsync -a "$d"/ …`) are expanded, and their files.
    if (src.parts.some((p) => p.glob)) return { parts: [...src.parts, { text: '/', known: true }, { text: '*', known: false, glob: true }] };
    return { parts: [...src.parts, { text: '/<a file in it>', known: false }] };
  }
  // A remote folder (`host:/backup/`, `rsync://host/…/`): its files are not known here.
  if (name === 'rsync' && t.endsWith('/') && REMOTE_RSYNC_SOURCE.test(t)) return { parts: [...src.parts, { text: '<a file in it>', known: false }] };
  // `SRC/.` and `SRC/./` (GNU cp too), `.`; `SRC/` for rsync, and for macOS's (BSD) cp.
  let bare = t;
  while (bare.length > 1 && bare.endsWith('/')) bare = bare.slice(0, -1);
  if (bare === '.' || bare.endsWith('/.')) return contentsOf(bare.slice(0, -1) || './');
  return (name === 'rsync' || name === 'cp') && t.endsWith('/') && bare !== '/' ? contentsOf(bare) : undefined;
}

/** The writes of cp, mv, install, ln and rsync (scp as cp: a local one runs it). */
function copyWrites(name: string, args: Word[], emit: Emit): void {
  const { options, values, operands: files } = operands(name, args);
  // rsync -n (--dry-run) writes nothing.
  if (name === 'rsync' && options.some((o) => o === '--dry-run' || (!o.startsWith('--') && clusterHas(o, 'n', OPTION_ARGS.rsync!)))) return;
  const intoDir = values.get('-t') ?? values.get('--target-directory');
  const sources = intoDir ? files : files.slice(0, -1);
  const dest = intoDir ?? files[files.length - 1];
  // cp -n (--no-clobber, --update=none) and rsync --ignore-existing never replace a file that is
  // there; a cp -i with it asks, and GNU's takes a later -i over -n (`yes | cp -rni …`).
  const keepsWhatIsThere =
    name === 'cp'
      ? options.some((o) => longStart(o, '--no-clobber', 6) || o === '--update=none' || (!o.startsWith('--') && clusterHas(o, 'n', OPTION_ARGS.cp!))) &&
        !options.some((o) => longStart(o, '--interactive', 4) || (!o.startsWith('--') && clusterHas(o, 'i', OPTION_ARGS.cp!)))
      : name === 'rsync' && options.includes('--ignore-existing');
  // What is kept is not replaced; what rsync --delete removes still is.
  const kept: Emit = keepsWhatIsThere ? (w, kind, via, l, folder, tree) => (kind !== 'replace' || tree?.deletes) && emit(w, kind, via, l, folder, tree) : emit;
  // A backup (-b, --backup) keeps what a file replaces under its name and a suffix (-S, --suffix):
  // `cp -b -S .md x …/_kernel/log` puts the old `log` in log.md's place.
  const suffix = values.get('-S') ?? values.get('--suffix');
  // Without -S, the suffix is the environment's (SIMPLE_BACKUP_SUFFIX, which the command or the
  // session may set): any, so a file whose name starts log.md (`…/_kernel/log`) may be backed up as it.
  const backups =
    suffix !== undefined || options.some((o) => longStart(o, '--backup', 3) || (!o.startsWith('--') && clusterHas(o, 'b', OPTION_ARGS[name] ?? new Set())));
  const put: Emit = (w, kind, via, l, folder, tree) => {
    kept(w, kind, via, l, folder, tree);
    if (!backups || kind !== 'replace' || folder || tree) return;
    if (suffix) emit({ parts: [...w.parts, ...suffix.parts] }, 'replace', `${via} --suffix`, l);
    const last = lastName(w)?.toLowerCase();
    if (!suffix && last !== undefined && last !== 'log.md' && 'log.md'.startsWith(last))
      emit({ parts: [...w.parts, { text: 'log.md'.slice(last.length), known: true }] }, 'replace', `${via} --backup`, l);
  };
  // rsync --exclude of log.md at every depth (`--exclude=log.md`, `--exclude '*.md'`, not
  // `/log.md`): a folder's logs stay out, unless another rule may let one in or remove it
  // (an include, a filter or its file, -F, -C, --delete-excluded, an exclude's own `+ ` or `!`:
  // rsync takes the first rule that matches).
  const excludes = name === 'rsync' ? rsyncExcludes(args) : [];
  const logExcluded =
    name === 'rsync' &&
    !options.some((o) => (o.startsWith('--') ? RSYNC_RULES.has(o) : [...'fFC'].some((c) => clusterHas(o, c, OPTION_ARGS.rsync!)))) &&
    excludes.every((g) => g !== '!' && !/^[-+!][ ,_]/.test(g)) &&
    excludes.some((g) => !g.includes('/') && globMatches(g, 'log.md'));
  // A folder copied (cp -r, rsync -r or -a): each file below it lands at its place below the
  // folder it lands as, a log.md at any depth among them (decide.ts reads both folders).
  // mv with a backup (-b, --backup, -S) puts a folder in the place of one that holds files (which
  // it renames aside): the walnut at that place is then the one moved in.
  const movesOver = name === 'mv' && backups;
  const copiesFolders = movesOver || (!logExcluded && (name === 'cp' ? recursiveCopy(options) : name === 'rsync' && rsyncRecursive(options)));
  // --force also puts a file in the place of a folder, and what the folder held goes.
  const deletes = movesOver || (name === 'rsync' && options.some((o) => RSYNC_DELETE.test(o) || o === '--force'));
  const treeOf = (source: Word): TreeCopy => ({ source, ...(deletes && { deletes: true }) });
  // -T (--no-target-directory, any start of it GNU takes): the destination is the file written, never a folder.
  const noFolder =
    name !== 'rsync' && options.some((o) => longStart(o, '--no-target-directory', 6) || (!o.startsWith('--') && clusterHas(o, 'T', OPTION_ARGS[name]!)));
  // Operands the run gives, one word for them all (`cp -r "$@"`, `xargs cp -r`, an array, `$(…)`):
  // what is copied, and where, is not known.
  // Options may come with them (`set -- -r SRC DEST; cp "$@"`, `echo -r SRC DEST | xargs cp`).
  const runGives = !intoDir && (files.length === 0 || (files.length === 1 && (copiesFolders || !exact(files[0]!))));
  if (runGives) put(UNKNOWN_FOLDER, 'replace', name, false, undefined, { ...treeOf(UNKNOWN_FOLDER), operandsUnread: true });
  // rsync --backup-dir: what the copy replaces in the destination, at any depth, is moved into
  // that folder at the same place.
  const backupDir = name === 'rsync' ? values.get('--backup-dir') : undefined;
  if (backupDir) put(backupDir, 'replace', 'rsync --backup-dir', false, undefined, { source: dest ?? UNKNOWN_FOLDER });
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
  if (!intoDir) put(dest, 'replace', name, links);
  // cp --parents and rsync -R (--relative) keep each source's path below the destination
  // (rsync's from after a `/./` in it): `rsync -aR snap/./04_Ventures/garden world/`.
  const keepsPaths =
    name === 'cp'
      ? options.some((o) => longStart(o, '--parents', 4))
      : name === 'rsync' && options.some((o) => o === '--relative' || (!o.startsWith('--') && clusterHas(o, 'R', OPTION_ARGS.rsync!)));
  if (keepsPaths && !noFolder) {
    for (const src of sources) {
      if (!exact(src)) continue;
      const t = text(src);
      const kept = (name === 'rsync' && t.includes('/./') ? t.slice(t.indexOf('/./') + 3) : t).replace(/^(?:\.?\/)+/, '');
      if (kept === '' || kept === '.') continue;
      const landed = { parts: [...dest.parts, { text: `${text(dest).endsWith('/') ? '' : '/'}${kept}`, known: true }] };
      put(landed, 'replace', `${name} ${name === 'cp' ? '--parents' : '-R'}`, links);
      if (copiesFolders) put(landed, 'replace', name, links, undefined, treeOf(src));
    }
  }
  // rsync --files-from: the names a list gives, kept below the destination, are not known here.
  if (name === 'rsync' && options.includes('--files-from')) {
    put(dest, 'replace', name, links, undefined, treeOf({ parts: [{ text: '<the files --files-from lists>', known: false }] }));
  }
  // cp -r with -T: a source folder's contents land in the destination folder, as with `SRC/.`.
  if (noFolder && ((name === 'cp' && recursiveCopy(options)) || movesOver)) {
    for (const src of sources) {
      const whole = exact(src) ? contentsOf(text(src)) : undefined;
      if (whole) put(whole, 'replace', name, links, dest);
      else put(src, 'replace', name, links, dest);
      put(dest, 'replace', name, links, undefined, treeOf(src));
    }
  }
  // A destination folder: each source lands under its own name inside it. A destination whose
  // name is built at run time (`log.md.bak.$(date +%s)`) is the file written, not a folder; so
  // is, for one source, one in a folder the text does not tell whose last name has an extension
  // (`"$TMPDIR/garden-log.md"`: cp cannot be followed to see whether it is a folder).
  const last = lastName(dest) ?? '';
  const file = builtName(dest) || (sources.length === 1 && !exact(dest) && last.lastIndexOf('.') > 0 && !last.endsWith('.'));
  for (const src of !noFolder && (intoDir !== undefined || !file) ? sources : []) {
    // A folder's contents (rsync's `SRC/`, cp's `SRC/.`): each file in it lands under its own name.
    const whole = folderContents(name, src);
    if (whole && logExcluded) continue;
    if (whole) {
      put(whole, 'replace', name, links, dest);
      if (copiesFolders) {
        const folder = folderOf(src);
        put(dest, 'replace', name, links, undefined, treeOf(folder));
        // `SRC/`: macOS's cp copies its contents, GNU's the folder itself, under its own name.
        const own = name === 'cp' && !/(?:^|\/)\.\/*$/.test(text(src)) ? lastName(folder) : undefined;
        const slash = text(dest).endsWith('/') ? '' : '/';
        if (own !== undefined) put({ parts: [...dest.parts, { text: slash + baseName(own), known: true }] }, 'replace', name, links, undefined, treeOf(folder));
      }
      continue;
    }
    const srcName = lastName(src);
    const slash = text(dest).endsWith('/') ? '' : '/';
    const into = exact(dest) || !slash ? name : `${name}, if ${text(dest)} is a folder,`;
    if (srcName !== undefined) {
      const landed = { parts: [...dest.parts, { text: slash + baseName(srcName), known: true }] };
      put(landed, 'replace', into, links);
      if (copiesFolders) put(landed, 'replace', into, links, undefined, treeOf(src));
    } else {
      put(src, 'replace', into, links, dest);
      // Under a name only the run tells (`for d in snap/*; do cp -r "$d" …`).
      if (copiesFolders)
        put(
          { parts: [...dest.parts, { text: slash, known: true }, { text: '<the folder copied>', known: false }] },
          'replace',
          into,
          links,
          undefined,
          treeOf(src),
        );
    }
  }
  if (name === 'mv') for (const src of sources) emit(src, 'remove', 'mv');
  if (name === 'rsync') {
    // --remove-source-files (--remove-sent-files, its older name) takes each file sent away (a folder's own log.md among them);
    // --delete (--del, --delete-after …) removes what the destination folder holds beyond them.
    const inFolder = (w: Word): Word => ({ parts: [...w.parts, { text: text(w).endsWith('/') ? 'log.md' : '/log.md', known: true }] });
    const removes = options.find((o) => o === '--remove-source-files' || o === '--remove-sent-files');
    if (removes)
      for (const src of sources) {
        for (const w of [src, inFolder(src)]) emit(w, 'remove', `rsync ${removes}`);
        // Every file a folder copy sends, a log further down among them.
        if (copiesFolders) emit(folderOf(src), 'remove', `rsync ${removes}`, false, undefined, { source: folderOf(src), deletes: true });
      }
    if (options.some((o) => o.startsWith('--del'))) emit(inFolder(dest), 'remove', 'rsync --delete');
  }
  return;
}

/** A folder the text does not tell. */
const UNKNOWN_FOLDER: Word = { parts: [{ text: '<a folder the run tells>', known: false }] };

/** The folder a contents copy (`SRC/.`, `SRC/./`, `SRC/`) takes its files from: SRC. */
function folderOf(src: Word): Word {
  if (!exact(src)) return src;
  const bare = text(src).replace(/(?:\/\.?)+$/, '');
  return { parts: [{ text: bare === '' ? (text(src).startsWith('/') ? '/' : '.') : bare, known: true }] };
}

/** rsync copies folders: -r (--recursive), or -a (--archive), alone or in a cluster. */
function rsyncRecursive(options: string[]): boolean {
  return options.some((o) =>
    o.startsWith('--') ? o === '--recursive' || o === '--archive' : clusterHas(o, 'r', OPTION_ARGS.rsync!) || clusterHas(o, 'a', OPTION_ARGS.rsync!),
  );
}

/** ditto's options that take the next word. */
const DITTO_VALUE_OPTIONS = new Set(['--arch', '--bom']);

/** rsync's options for rules beside --exclude: any of them may let a log.md in, or remove one. */
const RSYNC_RULES = new Set(['--include', '--include-from', '--exclude-from', '--filter', '--cvs-exclude', '--files-from', '--delete-excluded']);

/** `option` is `full` or a start of it at least `min` characters long (GNU takes any unambiguous start). */
function longStart(option: string, full: string, min: number): boolean {
  return option.length >= min && full.startsWith(option);
}

/** rsync's options that remove from the destination what the source lacks (--del, --delete, --delete-after …). */
const RSYNC_DELETE = /^--del(?:$|ete(?:$|-))/;

/** rsync's remote sources: `[USER@]HOST:PATH`, `HOST::MODULE`, `rsync://HOST/…` (a colon before any slash). */
const REMOTE_RSYNC_SOURCE = /^(?:rsync:\/\/|[^/:]+:)/;

/** The patterns rsync's --exclude options give (`--exclude=P`, `--exclude P`), as written. */
function rsyncExcludes(args: Word[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (!exact(w)) continue;
    const t = text(w);
    // After `--` every word is a path.
    if (t === '--') break;
    if (t.startsWith('--exclude=')) out.push(t.slice('--exclude='.length));
    else if (t === '--exclude' && args[i + 1] && exact(args[i + 1]!)) out.push(text(args[++i]!));
  }
  return out;
}

/** The files of the folder `folder` as a glob (`folder/*`), expanded where the command runs. */
function contentsOf(folder: string): Word {
  return {
    parts: [
      { text: folder.endsWith('/') ? folder : `${folder}/`, known: true },
      { text: '*', known: false, glob: true },
    ],
  };
}

/** cp copies folders (`-r`, `-R`, `-a`, `--recursive`, `--archive`, or a start of them). */
function recursiveCopy(options: string[]): boolean {
  return options.some((o) =>
    o.startsWith('--')
      ? o.length > 3 && ['recursive', 'archive'].some((l) => l.startsWith(o.slice(2)))
      : ['r', 'R', 'a'].some((c) => clusterHas(o, c, OPTION_ARGS.cp!)),
  );
}

/** The compressor whose options a parallel or un- variant takes. */
const COMPRESSOR_FAMILY: Record<string, string> = {
  gunzip: 'gzip',
  pigz: 'gzip',
  unpigz: 'gzip',
  bunzip2: 'bzip2',
  pbzip2: 'bzip2',
  unxz: 'xz',
  pxz: 'xz',
  lzma: 'xz',
  unlzma: 'xz',
  plzip: 'lzip',
  unzstd: 'zstd',
};

/** The most `-C DIR` options of one git command whose folders are followed. */
const MAX_GIT_DIRS = 64;

/**
 * git's own options that take a value (before the subcommand), the next word: `--shallow-file`
 * was missing, and the file given was taken for the subcommand, so no rule of a subcommand saw
 * `git --shallow-file x checkout -- log.md` (fourth review of 2026-12-07, H1). `--attr-source`
 * is git 2.42's, `--super-prefix` git's until 2.39.
 */
export const GIT_VALUE_OPTIONS = new Set([
  '-C',
  '-c',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--exec-path',
  '--config-env',
  '--shallow-file',
  '--attr-source',
  '--super-prefix',
]);
/** git's own options that take no value, or theirs in the same word (`--git-dir=DIR`, `--list-cmds=…`). */
const GIT_FLAGS =
  /^(?:-[pPvh]|--(?:paginate|no-pager|no-replace-objects|no-lazy-fetch|no-optional-locks|no-advice|bare|(?:literal|glob|noglob|icase)-pathspecs|version|help|html-path|man-path|info-path)|--(?:git-dir|work-tree|namespace|exec-path|config-env|super-prefix|attr-source|list-cmds)=[\s\S]*)$/;

/**
 * How git takes its own option `t`, a word before the subcommand: with the next word as its value,
 * alone, or not at all: git stops at an option it does not know, but a newer git may take one
 * with a value, which would then be read as the subcommand. Undefined for one it does not know.
 */
export function gitOption(t: string): 'value' | 'flag' | undefined {
  return GIT_VALUE_OPTIONS.has(t) ? 'value' : GIT_FLAGS.test(t) ? 'flag' : undefined;
}

/**
 * The files a git command puts another version of in place (checkout, restore, stash of named
 * paths), removes (rm) or moves (mv): the entries written since that version are lost. What only
 * touches the index (`restore --staged`, `rm --cached`) writes no file. `-C DIR` runs git in DIR,
 * so its paths are read from there.
 */
/**
 * The diffs `patch` (without a file operand or -o) and `git apply`/`git am` apply: the files they
 * write are the ones the diff's ---/+++ lines name, which is text the command reads, from its input
 * (`stdin`) or the files given. Undefined for a trial run (patch --dry-run, git apply --check or
 * --stat …), git apply --cached (the index alone), and what writes nothing else.
 */
/** git apply's and git am's options that take the next word as their value. */
const GIT_APPLY_VALUES = new Set(['--directory', '--exclude', '--include', '--whitespace', '--build-fake-ancestor', '-p', '-C', '--patch-format']);

export function diffInputs(name: string, args: Word[]): { files: Word[]; stdin: boolean; folders: Word[] } | undefined {
  if (name === 'patch') {
    const { options, values, operands: files } = operands(name, args);
    if (files.length > 0 || values.has('-o') || values.has('--output') || options.some((o) => o === '--dry-run' || o === '--check' || o === '-C'))
      return undefined;
    // -d DIR: patch changes to DIR first, and reads -i's file from there.
    const dir = values.get('-d') ?? values.get('--directory');
    const folders = dir === undefined ? [] : [dir];
    const input = values.get('-i') ?? values.get('--input');
    return input && text(input) !== '-' ? { files: [input], stdin: false, folders } : { files: [], stdin: true, folders };
  }
  if (name !== 'git') return undefined;
  const k = gitSubcommand(args);
  const sub = args[k] && text(args[k]!);
  if (sub !== 'apply' && sub !== 'am') return undefined;
  const rest = args.slice(k + 1).map(text);
  const reports = ['--check', '--stat', '--numstat', '--summary'].some((o) => rest.includes(o)) && !rest.includes('--apply');
  if (reports || rest.includes('--cached') || (sub === 'am' && rest.some((o) => /^--(?:abort|quit|skip|show-current-patch)/.test(o)))) return undefined;
  // The operands: not an option, nor the value of one that takes the next word (`--directory code`).
  const files = args.slice(k + 1).filter((w, i, rest) => !text(w).startsWith('-') && !GIT_APPLY_VALUES.has(text(rest[i - 1] ?? { parts: [] })));
  // git -C DIR (each in turn, from the one before): the files it is given are read from there.
  const folders = args.slice(0, k).flatMap((w, i) => (text(w) === '-C' && args[i + 1] !== undefined ? [args[i + 1]!] : []));
  return { files, stdin: files.length === 0 || args.slice(k + 1).some((w) => text(w) === '-'), folders };
}

/**
 * True when a git pathspec with magic (`:(top)…`, `:/…`, `:(icase)…`, `:!…`, `:(exclude)…`,
 * `:(attr:…)`) may reach a log.md: an exclusion or an attribute takes in every other file, and
 * the others name a file from the top of the work tree, in any letter case, or through a glob,
 * none of which the path as written tells.
 */
function magicMayReachLog(pathspec: string): boolean {
  if (!pathspec.startsWith(':')) return false;
  const long = /^:\(([^)]*)\)/.exec(pathspec);
  // git's short magic is its signature characters alone: a glob character (`:/*.md`, `:?og.md`,
  // `:[l]og.md`) starts the path (seventh review of 2026-12-07).
  const magic = long ? long[1]!.split(',') : [...(SHORT_MAGIC.exec(pathspec)?.[1] ?? '')];
  if (magic.some((m) => m === '!' || m === '^' || m.startsWith('exclude') || m.startsWith('attr'))) return true;
  const path = pathspec.slice(long ? long[0].length : 1 + magic.length).replace(/^:/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  // What follows the magic is read as a pathspec without it: a folder (`..`, `src`) may hold logs
  // (`::../..` and `:(glob)../..` were read as none: sixth review of 2026-12-07).
  return (
    name === '' ||
    globMatches(name.toLowerCase(), 'log.md') ||
    pathPatternMayMatchLog(path.toLowerCase()) ||
    (!path.startsWith(':') && pathspecMayListLog(path))
  );
}

/** GNU tar's --remove-files by any start it takes (`--remove`). */
const TAR_REMOVE_FILES = /^--remove(?:-f(?:i(?:l(?:es?)?)?)?)?$/;
/** zip's -m (`--move`, or m in a cluster of short options): the files archived are removed. */
const zipMoves = (option: string) => option === '--move' || (/^-[^-]/.test(option) && option.includes('m'));

/**
 * The names `zip -m -@` (`--names-stdin`) and `tar --remove-files -T -` (`--files-from=-`) read from
 * their input and remove once archived (fifth review of 2026-12-07: `echo …/log.md | zip -m -@ x`).
 */
export function removedInputNames(name: string, args: Word[]): { files: Word[]; stdin: boolean; via: string } | undefined {
  const t = args.map(text);
  if (name === 'zip') {
    const moves = t.some(zipMoves);
    const fromInput = t.some((a) => a === '--names-stdin' || (/^-[^-]/.test(a) && a.includes('@')));
    return moves && fromInput ? { files: [], stdin: true, via: 'zip -m -@' } : undefined;
  }
  if (name === 'tar' && t.some((a) => TAR_REMOVE_FILES.test(a))) {
    const { values } = operands('tar', args);
    const list = values.get('-T') ?? values.get('--files-from');
    return list && text(list) === '-' ? { files: [], stdin: true, via: 'tar --remove-files -T -' } : undefined;
  }
  return undefined;
}

/**
 * The names git reads from `--pathspec-from-file=FILE` (`-` its input) for a command that writes
 * the files they name (checkout, restore, stash, rm): the file given and whether it is the input.
 */
export function pathspecInputs(name: string, args: Word[]): { files: Word[]; stdin: boolean; via?: string } | undefined {
  if (name !== 'git') return undefined;
  const k = gitSubcommand(args);
  const sub = text(args[k] ?? EMPTY_WORD);
  // `checkout-index -f --stdin` writes the paths of its input (not --temp: temporary files).
  if (sub === 'checkout-index') {
    const { options } = operands('git-checkout-index', args.slice(k + 1));
    return givenOption(options, '--stdin') && givenOption(options, '--force', 'f') && !givenOption(options, '--temp')
      ? { files: [], stdin: true, via: 'git checkout-index --stdin' }
      : undefined;
  }
  if (!['checkout', 'restore', 'stash', 'rm'].includes(sub)) return undefined;
  for (let i = k + 1; i < args.length; i++) {
    const t = text(args[i]!);
    if (t === '--') break;
    const file = t.startsWith('--pathspec-from-file=') ? dropChars(args[i]!, 21) : t === '--pathspec-from-file' ? args[i + 1] : undefined;
    if (file) return text(file) === '-' ? { files: [], stdin: true } : { files: [file], stdin: false };
  }
  return undefined;
}

/**
 * Where git's subcommand is: after its own options (`-C DIR`, `-c NAME=VALUE`). -1 after an option
 * it does not know (gitOption): which word is the subcommand is not known, and no subcommand's
 * rule may take a word for it (gitWrites reads the command as one writing a name it cannot tell).
 */
function gitSubcommand(args: Word[]): number {
  let k = 0;
  while (k < args.length && text(args[k]!).startsWith('-')) {
    const option = gitOption(text(args[k]!));
    if (option === undefined) return -1;
    k += option === 'value' ? 2 : 1;
  }
  return k;
}

/**
 * The options of git's subcommands whose value git runs as a shell command, through sh: a short
 * letter (in a cluster too, its value the rest of the word or the next one), long names (any start,
 * as git's option parser takes them; `--NAME=VALUE` or the next word), whether the value is
 * optional (only in the same word: grep's -O pager) and whether git gives it names of files
 * (difftool's -x runs `CMD LOCAL REMOTE`, REMOTE the work tree's file; grep's pager the files matched).
 */
const GIT_RUN_OPTIONS: Record<string, { short?: string; long: string[]; optional?: boolean; files?: boolean }> = {
  rebase: { short: 'x', long: ['exec'] },
  difftool: { short: 'x', long: ['extcmd'], files: true },
  clone: { short: 'u', long: ['upload-pack'] },
  'ls-remote': { short: 'u', long: ['upload-pack'] },
  fetch: { long: ['upload-pack'] },
  pull: { long: ['upload-pack'] },
  'fetch-pack': { long: ['upload-pack', 'exec'] },
  push: { long: ['receive-pack', 'exec'] },
  'send-pack': { long: ['receive-pack', 'exec'] },
  archive: { long: ['exec'] },
  'send-email': { long: ['to-cmd', 'cc-cmd', 'header-cmd', 'sendmail-cmd'] },
  'filter-branch': { long: ['setup', 'env-filter', 'tree-filter', 'index-filter', 'parent-filter', 'msg-filter', 'commit-filter', 'tag-name-filter'] },
  grep: { short: 'O', long: ['open-files-in-pager'], optional: true, files: true },
};

/**
 * The words of a git alias's value as git splits them (split_cmdline: blanks, '…', "…", `\\`),
 * put in place of the alias's name; undefined for one starting with `!`, a shell command (read as one).
 */
export function gitAliasWords(value: string): string[] | undefined {
  if (value.trimStart().startsWith('!')) return undefined;
  const words: string[] = [];
  let word: string | undefined;
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
      else word += c === '\\' && quote === '"' && i + 1 < value.length ? value[++i]! : c;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word ??= '';
      if (c === '"' || c === "'") quote = c;
      else word += c === '\\' && i + 1 < value.length ? value[++i]! : c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Words joined by spaces into one, known where each is. */
const joined = (words: Word[]): Word => ({ parts: words.flatMap((w, i) => (i === 0 ? w.parts : [{ text: ' ', known: true }, ...w.parts])) });
const QUOTE: Part = { text: "'", known: true };
/**
 * Words each single-quoted, as git's sq_quote_argv does for `bisect run`, then joined: sh gets the
 * same words back (`sh -c 'rm …'` joined plainly was `sh -c rm …`, where rm's operands are $0 …:
 * fourth review of 2026-12-07, M3).
 */
const quoted = (words: Word[]): Word =>
  joined(
    words.map((w) => ({
      parts: [QUOTE, ...w.parts.map((p) => (p.known ? { ...p, text: inSingleQuotes(p.text) } : p)), QUOTE],
    })),
  );

/**
 * The commands a git command runs through sh (third review of 2026-12-07, H2): the values of
 * GIT_RUN_OPTIONS, `git bisect run CMD…` and `git submodule foreach CMD…`. Options git does not take
 * only make more text read as commands.
 */
export function gitCommandsRun(args: Word[]): { command: Word; via: string; files: boolean }[] {
  const k = gitSubcommand(args);
  const sub = text(args[k] ?? EMPTY_WORD);
  const rest = args.slice(k + 1);
  if (sub === 'bisect') return rest.length > 1 && text(rest[0]!) === 'run' ? [{ command: quoted(rest.slice(1)), via: 'git bisect run', files: false }] : [];
  if (sub === 'submodule') {
    let j = rest.findIndex((w) => text(w) === 'foreach') + 1;
    if (j === 0) return [];
    while (j < rest.length && text(rest[j]!).startsWith('-') && text(rest[j - 1]!) !== '--') j++;
    return j < rest.length ? [{ command: joined(rest.slice(j)), via: 'git submodule foreach', files: false }] : [];
  }
  const options = GIT_RUN_OPTIONS[sub];
  if (options === undefined) return [];
  const found: { command: Word; via: string; files: boolean }[] = [];
  const add = (command: Word | undefined, option: string) => {
    if (command !== undefined) found.push({ command, via: `git ${sub} ${option}`, files: options.files === true });
  };
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    const t = text(w);
    if (t === '--') break;
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const given = t.slice(2, eq > 0 ? eq : undefined);
      const name = given === '' ? undefined : options.long.find((n) => n.startsWith(given));
      if (name !== undefined) add(eq > 0 ? dropChars(w, eq + 1) : options.optional ? undefined : rest[++i], `--${name}`);
    } else if (t.startsWith('-') && options.short !== undefined) {
      const c = t.indexOf(options.short);
      if (c > 0) add(c < t.length - 1 ? dropChars(w, c + 1) : options.optional ? undefined : rest[++i], `-${options.short}`);
    }
  }
  return found;
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
    if (gitOption(t) === undefined) {
      unseenWrite('git', args.slice(k), emit, `git ${t}, an option it does not know`);
      return;
    }
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
    if ((/[*?[]/.test(t) && pathPatternMayMatchLog(t, { anyCase: true })) || magicMayReachLog(t))
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
    case 'checkout-index': {
      // The index's version of each path, or of every file (-a), over the file, which it keeps
      // unless -f; under --prefix's text; --temp writes temporary files alone.
      const { options, values, operands: paths } = operands('git-checkout-index', rest);
      const flag = (letter: string, long: string) => givenOption(options, long, letter);
      if (!flag('f', '--force') || givenOption(options, '--temp')) return;
      const prefix = values.get('--prefix')?.parts ?? [];
      const every: Part[] = [
        { text: '<a file in the index>', known: false },
        { text: '/log.md', known: true },
      ];
      if (flag('a', '--all')) emit(at({ parts: [...prefix, ...every] }), 'replace', `${via} -a`);
      for (const w of paths) emit(at({ parts: [...prefix, ...w.parts] }), 'replace', via);
      return;
    }
    case 'merge-file': {
      // `git merge-file CURRENT BASE OTHER` writes the merge into CURRENT, unless -p (--stdout) or --object-id.
      const { options, operands: files } = operands('git-merge-file', rest);
      const prints = options.some((o) =>
        o.startsWith('--') ? (o.length > 3 && '--stdout'.startsWith(o)) || o === '--object-id' : clusterHas(o, 'p', OPTION_ARGS['git-merge-file']!),
      );
      if (!prints && files[0]) emit(at(files[0]), 'replace', via);
      return;
    }
  }
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** True when git's `options` hold `long` (or a start of it, as git takes one) or, in a cluster of flags, `letter`. */
function givenOption(options: string[], long: string, letter?: string): boolean {
  return options.some((o) => (o.startsWith('--') ? o.length > 3 && long.startsWith(o) : letter !== undefined && clusterHas(o, letter, EMPTY_SET)));
}

/**
 * The arguments of a command xargs runs, with the names it reads: in place of the replace string
 * of -I (`cp {} {}.bak`), else after the last argument. What they are is unknown, fed by xargs' input.
 */
export function withXargsInput(args: Word[], fed: Feed, replace: string | undefined): Word[] {
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
