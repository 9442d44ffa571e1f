/**
 * log-guardian's rules (cli.md section 6), as a pure-ish function of the tool call and the file
 * system: inside a world, a Write may not replace an existing log.md, and an Edit or MultiEdit may
 * not change a signed log entry. Everything else is allowed.
 *
 * Which files count: every file named log.md (any letter case, for case-insensitive file
 * systems) that lies inside a world — `_kernel/log.md` of v2/v3 walnuts, `<walnut>/log.md` and
 * `_core/log.md` of older layouts, and archived walnuts' logs alike. A log.md outside every world
 * is not ours to guard.
 *
 * Which world: the world of the hook's cwd (cli.md section 6: walk up to `.alive/` or
 * `01_Archive/` + `02_Life/`, else ALIVE_WORLD_ROOT), and also any world the target file itself
 * lies in (found by the same walk from the file), so a session started outside a world cannot
 * rewrite a world's log through an absolute path.
 */
import { readRegularFile } from '../fs/small-file.ts';
import { basename, dirname, isAbsolute, resolve, sep } from 'node:path';
import type { BashToolCall, FileToolCall, GuardianCall } from '../hook/input.ts';
import { globMatches, pathPatternMayMatchLog } from '../text/glob.ts';
import { inlineText } from '../text/untrusted.ts';
import { findGuardedRoot } from '../world/root.ts';
import {
  candidateTargets,
  exists,
  type FolderLook,
  folderLook,
  isFolder,
  isInside,
  LOG_LOOK_ENTRIES,
  landsUnderItsOwnName,
  linksIn,
  noLogBelow,
  rootForms,
} from './paths.ts';
import { withoutShortMagic } from './pathspec-magic.ts';
import type { ShellWrite } from './shell.ts';
import { checkEdits, editsTouchSignedEntry } from './signed.ts';

export type Decision = { allow: true } | { allow: false; reason: string };

const ALLOW: Decision = { allow: true };

function isLogName(path: string): boolean {
  return basename(path).toLowerCase() === 'log.md';
}

/** The nearest world root (or walnut with sessions outside a world) at or above `dir`, by the markers alone (no environment fallback). */
function worldAbove(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  return findGuardedRoot(dir, env, false);
}

/**
 * The world log.md files this call would write to (normally zero or one), as absolute paths that
 * also serve to read the log's current text and to name it in a deny reason.
 */
function guardedLogs(filePath: string, cwd: string, env: NodeJS.ProcessEnv): string[] {
  if (!isLogName(filePath) && landsUnderItsOwnName(filePath, cwd)) return [];
  const targets = candidateTargets(filePath, cwd);
  if (!targets.some(isLogName)) return [];
  const roots: string[] = [];
  const sessionWorld = findGuardedRoot(cwd, env);
  if (sessionWorld) roots.push(...rootForms(sessionWorld));
  for (const t of targets) {
    if (!isLogName(t) || roots.some((r) => isInside(t, r))) continue;
    const w = worldAbove(dirname(t), env);
    if (w) roots.push(...rootForms(w));
  }
  return targets.filter((t) => isLogName(t) && roots.some((r) => isInside(t, r)));
}

/** The most of a log read to check an edit; a larger one cannot be checked (denied as unreadable). */
const LOG_READ_MAX_BYTES = 64 * 1024 * 1024;

/** A log's text: a regular file only (through a link, as the Edit tool goes), never waiting on a FIFO. */
function readText(path: string): string | undefined {
  return readRegularFile(path, LOG_READ_MAX_BYTES)?.toString('utf8');
}

/**
 * True when a path the command text does not fully tell starts with a literal absolute folder
 * (`/tmp/bk` of `/tmp/bk/$(echo $f | tr / _)`) that lies outside every world, read every way a path
 * is read (`..`, links), and holds neither the session's world nor ALIVE_WORLD_ROOT, nor a link
 * the rest may name (`lk` of `/tmp/x/lk$x/`) that leads elsewhere: whatever the rest, the file
 * lands there. A world elsewhere below that folder, or a `..` in the unknown rest,
 * is not looked for, as for a session outside every world.
 */
function underFolderOutside(write: ShellWrite, cwd: string, env: NodeJS.ProcessEnv): boolean {
  const known = write.known ?? '';
  if (!isAbsolute(known)) return false;
  const folder = known.slice(0, known.lastIndexOf(sep) + 1);
  const worlds = [findGuardedRoot(cwd, env), env.ALIVE_WORLD_ROOT].flatMap((w) => (w ? rootForms(w) : []));
  const outside = (path: string) => candidateTargets(path, cwd).every((f) => !worldAbove(f, env) && !worlds.some((w) => isInside(w, f) || isInside(f, w)));
  if (!outside(folder)) return false;
  // A link there whose name the unknown rest may make (`lk` of `/tmp/x/lk$x/log.md`) leads anywhere.
  const links = linksIn(folder, known.slice(folder.length));
  return links?.every(outside) === true;
}

/**
 * True when a write is of what find finds below one starting point the text names (`dist/` of
 * `find dist -type f -delete`) and every reading of that folder holds no log.md and no link
 * (paths.ts noLogBelow): a find there finds no walnut log.
 */
function foundWhereNoLogIs(write: ShellWrite, cwd: string): boolean {
  const known = write.known ?? '';
  if (!write.path.includes('<found by find>') || !known.endsWith('/')) return false;
  const from = write.dir === undefined || write.dir === '' ? cwd : resolve(cwd, write.dir);
  return candidateTargets(isAbsolute(known) ? known : `${from}${sep}${known}`, cwd).every(noLogBelow);
}

/**
 * What one command's folder copies have looked at: each folder's look (undefined past the budget),
 * the entries left of the command's budget, and the paths its earlier writes may have changed
 * (undefined for a write not placed).
 */
interface TreeLooks {
  looks: Map<string, FolderLook | undefined>;
  budget: { entries: number };
  earlier: Array<string | undefined>;
  /** When the command's check ends (CHECK_MS): a look past it has not seen the folder. */
  deadline: number;
}

/** Entries all of one command's folder looks read at most (some hundreds of ms). */
const TREE_LOOKS_ENTRIES = 200_000;
/** Entries a look below the folder a copy lands as reads at most: a large build folder synced with --delete. */
const TARGET_LOOK_ENTRIES = 100_000;

/** `folder`'s look, once per command: at most `most` entries, and what is left of the command's. */
function lookOnce(folder: string, seen: TreeLooks, most = LOG_LOOK_ENTRIES): FolderLook | undefined {
  if (!seen.looks.has(folder)) {
    const budget = { entries: Math.min(most, seen.budget.entries) };
    const before = budget.entries;
    seen.looks.set(folder, folderLook(folder, true, budget, seen.deadline));
    seen.budget.entries -= before - Math.max(0, budget.entries);
  }
  return seen.looks.get(folder);
}

/** True when a write of the command before may have reached `folder` (through any of its names: `./snap`, a link to it). */
function writtenBefore(folder: string, cwd: string, seen: TreeLooks): boolean {
  return candidateTargets(folder, cwd).some((form) => seen.earlier.some((p) => p === undefined || isInside(p, form) || isInside(form, p)));
}

/**
 * The look of the known folder a glob source lies in (`dist/` of `cp -r dist/* ../public/`) when
 * nothing below it is a log.md or a link, and no earlier write of the command reached it: all the
 * glob copies is below it. Else undefined (the source is not known).
 */
function globBelowNoLog(below: string | undefined, at: (path: string) => string | undefined, cwd: string, seen: TreeLooks): FolderLook | undefined {
  if (below === undefined) return undefined;
  const given = at(below.slice(0, below.lastIndexOf('/') + 1) || '.');
  if (given === undefined) return undefined;
  const folder = resolve(given);
  if (writtenBefore(folder, cwd, seen)) return undefined;
  const look = lookOnce(folder, seen);
  return look !== undefined && !look.links && look.logs.length === 0 ? look : undefined;
}

/**
 * A folder copy (write.tree: `cp -r snap/garden 04_Ventures/`, `rsync -a snap/garden/
 * 04_Ventures/garden/`): what the source holds lands at the same places below the folder it lands
 * as, so each log.md below the source replaces the one at its place there. A source that cannot be
 * read now (not there yet: a clone made earlier in the command; a name the text does not tell;
 * past the look's budget), one the command writes into before (`cp forged.md snap/… && cp -r
 * snap …`), or one with a link below it (followed by -L, put in a folder's place by --force),
 * and rsync --delete, reach every log below that folder. The deny reason, or undefined.
 */
function treeCopyReason(
  write: ShellWrite & { tree: NonNullable<ShellWrite['tree']> },
  cwd: string,
  env: NodeJS.ProcessEnv,
  seen: TreeLooks,
): string | undefined {
  const from = write.dir === undefined ? undefined : write.dir === '' ? cwd : resolve(cwd, write.dir);
  const at = (path: string) => (isAbsolute(path) ? path : from === undefined ? undefined : `${from}${sep}${path}`);
  const target = write.exact ? at(write.path) : undefined;
  // Nothing there: nothing to replace (the common case: a copy to a new folder), and no look.
  if (target !== undefined && !isFolder(target)) return undefined;
  const given = write.tree.exact ? at(write.tree.source) : undefined;
  const sourcePath = given === undefined ? undefined : resolve(given);
  const look = sourcePath === undefined || writtenBefore(sourcePath, cwd, seen) ? undefined : lookOnce(sourcePath, seen);
  const source = look?.links ? undefined : look !== undefined ? look : globBelowNoLog(write.tree.below, at, cwd, seen);
  if (source?.logs.length === 0 && !write.tree.deletes) return undefined;
  if (target === undefined) {
    // Where it lands is not known: below the folder the text tells (`world/04_Ventur*/`, also from
    // a session outside the world), unless that holds no walnut log, or is outside every world.
    if (underFolderOutside(write, cwd, env)) return undefined;
    const known = write.known ?? '';
    const folder = at(known.slice(0, known.lastIndexOf('/') + 1) || '.');
    const inWorld = findGuardedRoot(cwd, env) !== undefined;
    // Not there (and not written before): nothing there to replace (`cp -r snap/* newdir`).
    if (folder !== undefined && !exists(resolve(folder)) && !writtenBefore(resolve(folder), cwd, seen)) return undefined;
    const below = folder === undefined ? undefined : lookOnce(resolve(folder), seen, TARGET_LOOK_ENTRIES);
    if (below === undefined) return inWorld || (folder !== undefined && worldAbove(resolve(folder), env) !== undefined) ? treeUnplacedReason(write) : undefined;
    if (below.links && inWorld) return treeUnplacedReason(write);
    return below.logs.some((place) => guardedLogs(`${resolve(folder!)}${sep}${place}`, cwd, env).some(holdsSomething)) ? treeUnplacedReason(write) : undefined;
  }
  if (source !== undefined && !write.tree.deletes) {
    for (const place of source.logs) {
      const existing = guardedLogs(`${target}${sep}${place}`, cwd, env).find(holdsSomething);
      if (existing) return shellReason({ ...write, via: `${write.via} of ${write.tree.source}` }, existing);
    }
    return undefined;
  }
  const below = lookOnce(target, seen, TARGET_LOOK_ENTRIES);
  if (below === undefined)
    return findGuardedRoot(cwd, env) !== undefined || worldAbove(target, env) !== undefined ? treeUnreadReason(write, target) : undefined;
  for (const place of below.logs) {
    const existing = guardedLogs(`${target}${sep}${place}`, cwd, env).find(holdsSomething);
    if (existing) return write.tree.deletes ? shellReason({ ...write, kind: 'remove' }, existing) : treeUnknownSourceReason(write, existing);
  }
  return undefined;
}

/** The most of a log read to tell that it holds nothing: one of white space alone is no longer. */
const BLANK_LOG_MAX_BYTES = 4096;

/**
 * True when a log.md is there and holds something: a file of 0 bytes or of white space alone (a
 * scaffold's `touch _kernel/log.md`) has no history to lose, and may be written over like a new
 * one. A folder, a FIFO, a larger or an unreadable file holds something.
 */
function holdsSomething(path: string): boolean {
  if (!exists(path)) return false;
  const bytes = readRegularFile(path, BLANK_LOG_MAX_BYTES);
  return bytes === undefined || bytes.toString('utf8').trim() !== '';
}

/** A path in a reason: printable, and short enough for a tool error. */
function shown(path: string): string {
  return inlineText(path, 1000);
}

export function overwriteReason(log: string): string {
  return (
    `The walnut log ${shown(log)} already exists, and a log.md is never overwritten: it is the walnut's ` +
    'prepend-only history of signed entries. To add to it, use Edit to insert the new entry ' +
    "directly after the frontmatter (anchor on the frontmatter's last field and its closing '---' " +
    'line), newest entry first, and leave every existing entry exactly as it is. If you meant a ' +
    'different file, write it under another name.'
  );
}

export function signedEntryReason(log: string): string {
  return (
    `This would change or remove a signed entry of the walnut log ${shown(log)}: an entry carrying ` +
    "'signed: squirrel:…' or 'signed: alive-mcp:…'. Signed log entries are immutable. Leave them " +
    'as they are; to correct or extend one, add a new entry directly after the frontmatter that ' +
    'says what changed and refers to the earlier entry by its heading. When adding an entry, ' +
    "anchor the Edit on the frontmatter's last field and closing '---' line, not on an existing entry."
  );
}

const REFUSES = 'and it refuses what it cannot check';
const EDIT_ENTRY = 'use the Edit tool to insert a new entry directly after the frontmatter';

export function notFoundReason(log: string): string {
  return (
    `The old_string of this edit is not in the walnut log ${shown(log)} as written (line ends and curly ` +
    'quotes already matched the way the Edit tool matches them), so log-guardian cannot check that ' +
    `no signed entry changes, ${REFUSES}. Read the file again and repeat ` +
    'the edit with old_string copied exactly from it. To add an entry, anchor the Edit on the ' +
    "frontmatter's last field and its closing '---' line."
  );
}

export function quotesReason(log: string): string {
  return (
    `The old_string of this edit matches the walnut log ${shown(log)} only with its quotes read as straight ` +
    '(the log has curly quotes there), and it covers part of a signed entry. The Edit tool then rewrites ' +
    "the quotes of new_string after the log's, so log-guardian cannot check that the signed entry stays " +
    `as it is, ${REFUSES}. Copy old_string from the file exactly, with its curly ` +
    "quotes, or, to add an entry, anchor the Edit on the frontmatter's last field and its closing '---' line."
  );
}

export function hiddenReason(log: string): string {
  return (
    `This edit would leave a code fence (\`\`\` or ~~~) or an HTML block (<!--, <pre>, <script>, <style>, <textarea>, <?, <!X, <![CDATA[) open above signed entries of ` +
    `the walnut log ${shown(log)}: a Markdown view would show the entries below it as code, or hide them. ` +
    'Close it within the new entry (a line of ``` or ~~~, or -->, </pre> …), and keep every signed entry as it is.'
  );
}

export function insertedBelowReason(log: string): string {
  return (
    `This edit would add an entry below the newest signed entry of the walnut log ${shown(log)} (between two signed entries, or below the oldest): ` +
    "the log is prepend-only history, and an entry there reads as written back then. New entries go above the newest one, right after the log's frontmatter."
  );
}

export function tooMuchReason(log: string, edits: number): string {
  return (
    `This call makes ${edits} edits to the walnut log ${shown(log)}, more than log-guardian can check in time against ` +
    `a log this long, ${REFUSES}. Make the change in fewer edits; to add an entry, one Edit ` +
    "anchored on the frontmatter's last field and its closing '---' line."
  );
}

export function unreadableReason(log: string): string {
  return (
    `log-guardian cannot read the walnut log ${shown(log)}, so it cannot check that this edit leaves every ` +
    `signed entry as it is, ${REFUSES}. Read the file with the Read tool ` +
    'to see why (permissions, a folder of that name), then try again.'
  );
}

function shellReason(write: ShellWrite, log: string): string {
  const what =
    write.kind === 'append'
      ? `would append to the walnut log ${shown(log)} (${shown(write.via)}). Text added at the end lands inside the ` +
        'oldest entry, or below it, out of order: entries are newest first, directly after the frontmatter.'
      : write.kind === 'remove'
        ? `would delete or move away the walnut log ${shown(log)} (${shown(write.via)}), the walnut's history of signed entries.`
        : `would overwrite the walnut log ${shown(log)} (${shown(write.via)}), the walnut's prepend-only history of signed entries.`;
  return (
    `This command ${what} Shell commands do not change a walnut log. To add an entry, use the Edit ` +
    "tool to insert it directly after the frontmatter (anchor on the frontmatter's last field and " +
    "its closing '---' line), newest first, leaving every signed entry as it is. Reading the log " +
    '(Read, cat, grep) is fine.'
  );
}

/** What a write the guardian cannot place may do: `may remove`, and how its path reads: `(rm of PATH)`. */
const mayDo = (write: ShellWrite) => (write.kind === 'remove' ? 'may remove' : write.kind === 'append' ? 'may append to' : 'may rewrite');
const writing = (write: ShellWrite) => `${shown(write.via)} ${write.kind === 'remove' ? 'of' : 'onto'} ${shown(write.path)}`;

function unresolvedReason(write: ShellWrite): string {
  const verb = mayDo(write);
  if (write.path.includes('<found by find>'))
    return (
      `This command ${verb} the files find finds (${shown(write.via)}), and find's tests may match log.md or do not leave it out, inside an ALIVE world, ` +
      `so log-guardian cannot tell whether walnut logs are among them, ${REFUSES}. If they are ` +
      `not meant, add \`! -name log.md\` to find's tests (not after -o). To add a log entry, ${EDIT_ENTRY}.`
    );
  return (
    `This command ${verb} a file named log.md${/[*?[]/.test(basename(write.path)) ? ': a glob' : ''} (${writing(write)}) ` +
    'in a folder log-guardian cannot read or tell from the ' +
    'command text (a variable, a glob, a cd it cannot follow, /proc, or a command git runs), inside an ALIVE world, so it cannot tell whether that ' +
    `is a walnut log, ${REFUSES}. If it is one, ${EDIT_ENTRY}; if not, name the folder with a literal path.`
  );
}

function treeUnknownSourceReason(write: ShellWrite, log: string): string {
  return (
    `This command copies a folder (${shown(write.via)} of ${shown(write.tree?.source ?? '')}) over ${shown(write.path)}, which holds the walnut log ${shown(log)}, ` +
    'and log-guardian cannot read now what that folder holds (it is not there yet, made earlier in the same command; ' +
    'or the command text does not tell it; or it is too large to look through), so the copy may overwrite the log, ' +
    `${REFUSES}. Make or fetch the folder in a command of its own, then copy it leaving log.md out (\`rsync -a --exclude=log.md\`); to add a log entry, ${EDIT_ENTRY}.`
  );
}

function treeUnreadReason(write: ShellWrite, folder: string): string {
  return (
    `This command copies a folder (${shown(write.via)}) over ${shown(folder)}, inside an ALIVE world, and that folder holds more than ` +
    `log-guardian looks through, so it cannot tell whether the copy overwrites or removes a walnut log, ${REFUSES}. ` +
    `Copy into a narrower folder, or leave log.md out (\`rsync -a --exclude=log.md\`); to add a log entry, ${EDIT_ENTRY}.`
  );
}

function treeUnplacedReason(write: ShellWrite): string {
  return (
    `This command copies a folder (${shown(write.via)} of ${shown(write.tree?.source ?? '')}) that may hold a file named log.md into ${shown(write.path)}, ` +
    'a place log-guardian cannot tell from the command text (a variable, a glob, a cd it cannot follow), inside an ALIVE world, ' +
    `so it cannot tell whether a walnut log is overwritten, ${REFUSES}. Name the folder with a literal path, or leave log.md out ` +
    `(\`rsync -a --exclude=log.md\`); to add a log entry, ${EDIT_ENTRY}.`
  );
}

function linkReason(write: ShellWrite): string {
  return (
    `This command makes a link (ln, link, cp -s or -l), then ${mayDo(write)} ${shown(write.path)} (${shown(write.via)}), which may ` +
    'lead through that link to a walnut log, inside an ALIVE world, so log-guardian cannot tell whether that is a walnut log, ' +
    `${REFUSES}. Make the link in a command of its own, or write the file by its own path; to add a log entry, ${EDIT_ENTRY}.`
  );
}

function tooLongReason(length: number): string {
  return (
    `This command is ${length} characters long and names log.md inside an ALIVE world: longer than ` +
    `log-guardian reads (${MAX_READ_COMMAND}), so it cannot tell whether it writes a walnut log, ${REFUSES}. ` +
    `Write large files with the Write tool, or split the command; to add a log entry, ${EDIT_ENTRY}.`
  );
}

function readInputReason(write: ShellWrite): string {
  return (
    `This command ${mayDo(write)} a file whose name the command text does not spell out (${writing(write)}: ` +
    `a name read from input, a function's parameter or a default value), and what it ` +
    `comes from names log.md (${shown(write.input ?? '')}), inside an ALIVE world, so log-guardian cannot ` +
    `tell from the command text whether that is a walnut log, ${REFUSES}. If it is a walnut log, ${EDIT_ENTRY}; ` +
    'if it is another file, name it with a literal path (or loop over literal paths: `for f in a b`).'
  );
}

/** A path the reader reports for a write through a descriptor the shell has open (shell/names.ts, procAlias). */
const DESCRIPTOR = /^\/(?:dev|proc)\//;

function descriptorReason(write: ShellWrite): string {
  return (
    `This command ${mayDo(write)} ${shown(write.path)} (${shown(write.via)}), a descriptor the shell has open, and it opens a file ` +
    `that may be named log.md (${shown(write.input ?? '')}: the name, a glob or a substitution), inside an ALIVE world, so log-guardian cannot tell whether it writes a walnut log, ` +
    `${REFUSES}. Write to standard output or error with >&1 or >&2; to add a log entry, ${EDIT_ENTRY}.`
  );
}

/** For a sed script the reader cannot read, or whose `e` runs text from the input (shell.ts, sedWrites). */
function sedScriptReason(write: ShellWrite): string {
  return (
    `This command runs sed with a script log-guardian cannot read in full, or one that runs text from its input (${shown(write.via)}: ` +
    'a -f file, a variable not set in the command or text a command prints, e alone, the e flag of s), and ' +
    `sed's words name log.md (${shown(write.input ?? '')}), inside an ALIVE world. Its w, W and e commands write files and run ` +
    `commands, so log-guardian cannot tell whether it writes a walnut log, ${REFUSES}. To print lines of a log, give sed ` +
    `literal line numbers (sed -n '12,40p' FILE) or use the Read tool; to add a log entry, ${EDIT_ENTRY}.`
  );
}

/** How shell.ts names a write through a word that may be an option (`sed -n 1p $opts FILE`). */
const UNREAD_WORD = 'with a word it cannot read';

function optionReason(write: ShellWrite): string {
  return (
    `This command runs ${shown(write.via.slice(0, -UNREAD_WORD.length))}with a word log-guardian cannot read (a variable not set in the ` +
    `command, "$@", an array, a glob, an option it does not know), and its words name log.md (${shown(write.input ?? '')}), inside an ALIVE world: that word may be ` +
    `an option that makes it write (sed -i, sort -o, cp -t, find -delete), or the program (rm), ${REFUSES}. Spell its options literally, or read ` +
    `the log with cat, head, tail, grep or the Read tool; to add a log entry, ${EDIT_ENTRY}.`
  );
}

/** For commands the reader left unread: nested too deep, past its budget of nested text, or past its deadline. */
function unreadReason(write: ShellWrite): string {
  return (
    `This command may name log.md (or a pattern, list or regex that matches it) inside an ALIVE world, and log-guardian cannot read all of it (${shown(write.via)}), so it cannot ` +
    `tell whether it writes a walnut log, ${REFUSES}. Split it into shorter commands with fewer levels of sh -c, eval and $(…), ` +
    `or ask the user to run it by hand; to add a log entry, ${EDIT_ENTRY}.`
  );
}

/** scripts/lib/guardian/shell.ts's shellWrites, passed in: the hook loads it only when needed. */
export type ShellReader = (
  command: string,
  options: {
    home?: string | undefined;
    cwd?: string | undefined;
    cdpath?: string | undefined;
    bashopts?: string | undefined;
    noLogBelow?: (folder: string) => boolean;
  },
) => ShellWrite[];

/** What may stand between the letters of `log.md` in a command that still names it. */
const QUOTING = ['"', "'", '\\', '{', '}'];

/**
 * Commands are only read when their text names log.md, in any letter case, also through the
 * quotes, backslashes, braces and commas a shell takes away (`l"o"g.md`, `log\.md`, `LOG.MD`),
 * holds a glob that may match it, or may hand the names grep or rg lists to a command (listsNames).
 * String search, not regular expressions, for a command without `*` or `?`: this runs on every
 * Bash call, and compiling patterns was a tenth of the hook's time.
 */
export function namesLog(command: string): boolean {
  const lower = command.toLowerCase();
  return (
    spellsLog(command) ||
    globMayNameLog(lower) ||
    listsNames(lower) ||
    gitMagicExcludes(lower) ||
    rsyncRemoves(lower) ||
    regexOrIndex(lower) ||
    copiesFolderContents(command, lower) ||
    findActs(lower) ||
    appliesDiff(lower)
  );
}

/**
 * True when the command may apply a diff (patch, git apply, git am): the files it writes are named
 * in the diff, which may be a file the text does not show (shell/diff-file.ts reads it).
 */
function appliesDiff(lower: string): boolean {
  return lower.includes('patch') || (lower.includes('git') && (lower.includes('apply') || /\bam\b/.test(lower)));
}

/**
 * True when the command may run find with an action on what it finds (-delete, -exec, -execdir,
 * -ok, -okdir): a find with no test of the name finds the logs too (2026-12-07).
 */
function findActs(lower: string): boolean {
  if (lower.includes('find') && (lower.includes('-delete') || lower.includes('-exec') || lower.includes('-ok'))) return true;
  // fd's -x/--exec and -X/--exec-batch, also last in a cluster (`-Hx`).
  return lower.includes('fd') && (lower.includes('--exec') || FD_EXEC_OPTION.test(lower));
}

/** fd's -x or -X, alone or last in an option cluster, in a lowercased command. */
const FD_EXEC_OPTION = /(?:^|\s)-[a-z0-9]*x(?:\s|$)/;

/**
 * True when the command may copy a folder's contents: any rsync (`rsync -a SRC/ DEST`) or ditto,
 * a cp of folders (`-r`, `-a`: `SRC/.`, and `SRC/` on macOS) or with -T (`--no-target-directory`):
 * a log.md in the source folder lands in the destination without the command spelling it. The
 * reader's rule for these ran only for commands that also named log.md, and `rsync -a backups/
 * …/_kernel/` replaced the log (found late on 2026-12-07).
 */
function copiesFolderContents(command: string, lower: string): boolean {
  // Also through the quotes and backslashes a shell takes away (`r\sync`, `cp "-r"`), the words of
  // a brace expansion (`{cp,-r,…}`), a program the text does not tell (`$(which cp)`, `r$x`), or
  // options in a variable (`cp $o`).
  if (QUOTING.some((c) => lower.includes(c))) {
    const [spaced, joined] = shellSpellings(command);
    if (copiesPlainly(spaced, spaced.toLowerCase()) || copiesPlainly(joined, joined.toLowerCase())) return true;
  }
  return copiesPlainly(command, lower) || programNotTold(command);
}

/**
 * The command's text with its quotes, backslashes (and escaped line ends) taken away, and a brace
 * list's braces and commas read as spaces (`{cp,-r,…}`: the words it makes) and as nothing
 * (`r{s,}ync`: a word it makes). In one pass: this runs on every command with a quote or brace.
 */
function shellSpellings(command: string): [string, string] {
  const spaced: string[] = [];
  const joined: string[] = [];
  let from = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c !== '"' && c !== "'" && c !== '\\' && c !== '{' && c !== '}' && c !== ',') continue;
    const piece = command.slice(from, i);
    spaced.push(piece);
    joined.push(piece);
    if (c === '{' || c === '}' || c === ',') spaced.push(' ');
    if (c === '\\' && command[i + 1] === '\n') i++;
    from = i + 1;
  }
  const tail = command.slice(from);
  spaced.push(tail);
  joined.push(tail);
  return [spaced.join(''), joined.join('')];
}

function copiesPlainly(command: string, lower: string): boolean {
  if (lower.includes('rsync') || lower.includes('ditto') || lower.includes('scp')) return true;
  // A backup (`-b`, `--backup`) of cp, mv, ln or install renames what a file replaces, with its
  // suffix (`-S .md`, `--suffix=.md`, `--su=.md`); mv's moves a folder into a walnut's place.
  if (['cp', 'mv', 'ln', 'install'].some((p) => lower.includes(p)) && (lower.includes('--su') || lower.includes('--b') || BACKUP_OPTION.test(command)))
    return true;
  if (!lower.includes('cp')) return false;
  return lower.includes('--no-t') || lower.includes('--rec') || lower.includes('--ar') || lower.includes('$') || CP_FOLDER_OPTION.test(command);
}

/** An option cluster holding b or S (a backup, its suffix), tried only on a command holding cp, mv, ln or install. */
const BACKUP_OPTION = /(?:^|[\s;&|(])-[A-Za-z]*[bS]/;

/**
 * True when a command's program word (after assignments), at the start of the text or after a
 * `;`, `&`, `|`, `(`, `{`, newline, `$(` or backquote, holds a `$` or a backquote, or is a
 * substitution (`$(which cp) -r …`, `r$x -a …`). One pass: no pattern that looks ahead from each start.
 */
function programNotTold(command: string): boolean {
  if (!command.includes('$') && !command.includes('`')) return false;
  let start = 0;
  while (start <= command.length) {
    let end = start;
    while (end < command.length && !COMMAND_START.has(command[end]!) && !(command[end] === '$' && command[end + 1] === '(')) end++;
    if (programWordNotTold(command, start, end)) return true;
    start = end + (command[end] === '$' ? 2 : 1);
  }
  return false;
}

const COMMAND_START = new Set([';', '&', '|', '(', '{', '\n', '`']);

/** The first word between `from` and `to` that is not an assignment holds a `$` or a backquote, or there is none before a substitution. */
function programWordNotTold(command: string, from: number, to: number): boolean {
  let i = from;
  for (;;) {
    while (i < to && (command[i] === ' ' || command[i] === '\t')) i++;
    if (i >= to) return to < command.length && (command[to] === '`' || command[to] === '$');
    const wordStart = i;
    while (i < to && command[i] !== ' ' && command[i] !== '\t') i++;
    const word = command.slice(wordStart, i);
    if (!ASSIGNMENT_WORD.test(word)) return word.includes('$') || word.includes('`');
  }
}

const ASSIGNMENT_WORD = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * An option cluster holding r, R, a (a folder copied: macOS's cp takes `SRC/`'s contents) or T:
 * tried only on a command holding `cp`.
 */
const CP_FOLDER_OPTION = /(?:^|[\s;&|(])-[A-Za-z]*[rRaT]/;

/**
 * True when the command may give find a regular expression (`-regex`, `-iregex`), or run `git
 * checkout-index` (`-f -a` writes every file), also through quotes and backslashes: `.+\.md` or
 * `.*\.\(md\|txt\)` match log.md with no glob character, so the command is read, and the reader
 * tells what the pattern may match (third review of 2026-12-07, M1, M3).
 */
function regexOrIndex(lower: string): boolean {
  const text = QUOTING.some((c) => lower.includes(c)) ? unquote(lower) : lower;
  return text.includes('-regex') || text.includes('-iregex') || text.includes('checkout-index');
}

/**
 * True when the command may hold a git pathspec that takes in every file but some (`:!x`, `:^x`,
 * `:/!x`, `:(exclude)x`, `:(top,exclude)x`) or every file with an attribute (`:(attr:!binary)`):
 * it reaches log.md without spelling it, so the command is read (review of 2026-12-07, #7). Looked
 * for also with quotes, backslashes and braces taken away (`:\!x`, `':'!x`).
 */
function gitMagicExcludes(lower: string): boolean {
  if (!lower.includes(':')) return false;
  const text = QUOTING.some((c) => lower.includes(c)) ? withoutBraces(unquote(lower)) : lower;
  if (text.includes(':!') || text.includes(':^') || text.includes(':/!') || text.includes(':/^')) return true;
  return text.includes(':(') && (text.includes('exclude') || text.includes('attr'));
}

/**
 * True when the command may run rsync removing files: --remove-source-files (--remove-sent-files,
 * its older name) of a folder takes its log.md away, --delete (--del, --delete-after …) into one
 * removes it, neither spelling log.md (review of 2026-12-07, #13).
 */
function rsyncRemoves(lower: string): boolean {
  return lower.includes('rsync') && (lower.includes('--remove-s') || lower.includes('--del'));
}

/**
 * True when the command may give the names a grep or rg lists (`grep -rl …`, which may be logs) to
 * another command: through xargs, a substitution, a read loop, mapfile or a shell reading a pipe. Such a command is read too.
 */
function listsNames(lower: string): boolean {
  const lister =
    lower.includes('grep') ||
    lower.includes('find') ||
    lower.includes('rg ') ||
    lower.includes('fd') ||
    (lower.includes('git') && (lower.includes('ls-') || lower.includes('--name-') || lower.includes('status')));
  // `read`, also readarray; mapfile and `<(…)` (`mapfile -t a < <(git ls-files)`), and a pipe that
  // may end in a shell (`git ls-files | sed 's/^/rm -f /' | sh`; eighth review of 2026-12-07, H6).
  return (
    lister &&
    (lower.includes('xargs') ||
      lower.includes('$(') ||
      lower.includes('`') ||
      lower.includes('read') ||
      lower.includes('mapfile') ||
      lower.includes('<(') ||
      (lower.includes('|') && lower.includes('sh')))
  );
}

/** True when `text` spells log.md, through quoting and braces (namesLog without globs: for input texts). */
function spellsLog(text: string): boolean {
  const lower = text.toLowerCase();
  if (lower.includes('log.md')) return true;
  if (!QUOTING.some((c) => lower.includes(c))) return false;
  const unquoted = unquote(lower);
  if (withoutBraces(unquoted).includes('log.md')) return true;
  if (!unquoted.includes('{') || (!unquoted.includes(',') && !unquoted.includes('..'))) return false;
  // Brace expansion, on the text in its own letter case: a sequence's ends are read as written.
  return braceExpansionNamesLog(unquote(text));
}

/** Quotes and backslashes taken out; a backslash-newline, and the `$` of an empty $'' or $"", go too. */
function unquote(text: string): string {
  let unquoted = text.replaceAll('\\\n', '').replaceAll("$'", "'").replaceAll('$"', '"');
  for (const c of ['"', "'", '\\']) unquoted = unquoted.replaceAll(c, '');
  return unquoted;
}

const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/**
 * True when a word holds a `*`, `?` or `[` and its last path component is a glob that may match
 * `log.md` (`*.md`, `_kernel/*`, `l?g.md`, `[l]og.md`, `"$d"*`, `*.{md,x}`, find's `-name '*.md'`): the shell
 * or find may reach a log through it, so the command is read. Quotes and backslashes are taken
 * away, and a variable or a brace group stands for any text: reading more than needed only costs
 * time, reading less lets a write through.
 */
function globMayNameLog(lower: string): boolean {
  if (!lower.includes('*') && !lower.includes('?') && !lower.includes('[')) return false;
  let start = 0;
  for (let k = 0; k <= lower.length; k++) {
    if (k < lower.length && !WORD_END.has(lower[k]!)) continue;
    const word = lower.slice(start, k);
    start = k + 1;
    if (!word.includes('*') && !word.includes('?') && !word.includes('[')) continue;
    // Variables, then brace groups; each pattern stops at the next `$`, `{` or `}`, so that a word
    // of `${${${…` stays linear to read (this runs on every command holding a `*` or `?`). An
    // assignment's value (`x='l?g.md'`) is read as a word: `$x` may expand it unquoted later.
    const bare = word
      .replace(/^[a-z_][a-z0-9_]*=/, '')
      .replace(/\$\{[^{}$]*\}|\$[\w@#?$!-]+/g, '*')
      .replace(/\{[^{}]*\}/g, '*')
      .replace(/\$(?=['"])|["'\\]/g, '')
      // A negated bracket expression may match the log's letter in another case (`[!l]` and `L`).
      .replace(/\[[!^]\]?[^\][]*\]/g, '?');
    // A bracket that a quoted or escaped space or operator cut here (`[l" "]og.md`; this split is
    // not the shell's) may still match: the command is read.
    const open = bare.lastIndexOf('[');
    if (open >= 0 && open > bare.lastIndexOf(']') && open < bare.length - 1 && /["'\\]/.test(word)) return true;
    // As a name, or as find's -path pattern, whose `*` matches `/` too (`*_kernel*`); a git
    // pathspec's short magic is not part of it (`:?og.md`, `:/*.md`: seventh review of 2026-12-07).
    const star = withoutShortMagic(bare).replace(/\*{2,}/g, '*');
    if (globMatches(bracketsAsStar(star.slice(star.lastIndexOf('/') + 1)), 'log.md') || pathPatternMayMatchLog(star)) return true;
  }
  return false;
}

/**
 * A name with its bracket expressions (`[l]`, `[[:alpha:]]`, `[]l]`) taken as any text, from the
 * first `[` to the last `]`: what they match is not worth reading exactly in the quick check.
 */
function bracketsAsStar(name: string): string {
  const open = name.indexOf('[');
  const close = name.lastIndexOf(']');
  return open >= 0 && close > open ? `${name.slice(0, open)}*${name.slice(close + 1)}` : name;
}

const withoutBraces = (text: string) => text.replaceAll('{', '').replaceAll('}', '').replaceAll(',', '');

const LOG = 'log.md';

/**
 * The states after `c` (lower case), from each of `states` (bit k: the text so far ends in the
 * first k characters of log.md; bit 6, in all of it). The six differ, so a mismatch starts over.
 */
function afterChar(states: number, c: string): number {
  const k = LOG.indexOf(c);
  const matched = k < 0 ? 0 : 1 << k;
  return (states & matched ? matched << 1 : 0) | (states & ~matched ? (k === 0 ? 2 : 1) : 0);
}

/** A letter sequence `{a..e}` (`{a..e..2}`) at a `{`; a number sequence makes no letter of log.md, as its own text does not. */
const LETTER_RANGE = /\{([A-Za-z])\.\.([A-Za-z])(?:\.\.[-+]?\d+)?\}/y;

/**
 * True when a word bash's brace expansion makes of `text` holds log.md in any letter case:
 * alternatives nested or side by side (`{{l,x},y}og.md`, `{lo,xx}{yy,g.md}`) and letter sequences
 * (`lo{f..h}.md`: every character between the ends). The states of all alternatives are followed
 * at once (afterChar), each character read once: linear in the text, whatever the nesting. A `,`
 * or `}` outside a group is no character (as withoutBraces has it).
 */
function braceExpansionNamesLog(text: string): boolean {
  let states = 1;
  const groups: { entry: number; exit: number }[] = [];
  for (let k = 0; k < text.length && states < 64; k++) {
    const c = text[k]!;
    LETTER_RANGE.lastIndex = k;
    const range = c === '{' ? LETTER_RANGE.exec(text) : null;
    const group = groups.at(-1);
    if (range) {
      const [from, to] = [range[1]!, range[2]!].map((e) => e.charCodeAt(0)).sort((a, b) => a - b);
      let next = 0;
      for (let code = from!; code <= to!; code++) next |= afterChar(states, String.fromCharCode(code).toLowerCase());
      states = next;
      k += range[0].length - 1;
    } else if (c === '{') groups.push({ entry: states, exit: 0 });
    else if (c === ',' && group) {
      group.exit |= states;
      states = group.entry;
    } else if (c === '}' && group) {
      states |= group.exit;
      groups.pop();
    } else if (c !== ',' && c !== '}') states = afterChar(states, c.toLowerCase());
  }
  return states >= 64;
}

/**
 * The longest command the shell reader reads (characters). Reading takes time that grows with the
 * text, and a hook that outlives its timeout lets the call through: a longer command naming
 * log.md is refused in a world rather than waved on. No command typed or generated for a task
 * comes near it.
 */
export const MAX_READ_COMMAND = 256 * 1024;

/**
 * The time a Bash command is read and its paths checked in (each walks up to its world), from
 * when the reader starts: a hook that outlives its timeout lets the call through, so past it a
 * command naming a log is refused in a world (thousands of globs ending in /log.md, in deep
 * folders, took minutes). The reader stops before, at its own deadline (shell.ts, READ_MS).
 */
const CHECK_MS = 2_000;

/** Where a write lands, absolute and normalised; undefined when the text does not tell. */
function placed(write: ShellWrite, cwd: string): string | undefined {
  if (!write.exact || (write.dir === undefined && !isAbsolute(write.path))) return undefined;
  return resolve(write.dir === undefined || write.dir === '' ? cwd : resolve(cwd, write.dir), write.path);
}

function decideBash(call: BashToolCall, cwd: string, env: NodeJS.ProcessEnv, shellWrites: ShellReader | undefined): Decision {
  if (!namesLog(call.command)) return ALLOW;
  if (call.command.length > MAX_READ_COMMAND)
    return findGuardedRoot(cwd, env) === undefined ? ALLOW : { allow: false, reason: tooLongReason(call.command.length) };
  if (!shellWrites) throw new Error('log-guardian: a Bash command naming log.md needs the shell reader');
  // The writes of one loop share their input text, which can be long.
  const named = new Map<string, boolean>();
  const inputNamesLog = (input: string) => named.get(input) ?? named.set(input, spellsLog(input)).get(input)!;
  // A file opened on a descriptor may be named by a glob or a substitution (`exec 3<K/l?g.md`), read
  // as the quick check reads one (review of 2026-12-07, #9).
  const openedMayNameLog = (input: string) => inputNamesLog(input) || globMayNameLog(input.toLowerCase());
  const started = Date.now();
  // The shell the command runs in inherits the session's HOME, as the hook does. Not its TMPDIR:
  // trusted, it let commands that change TMPDIR where the reader does not see it write a log
  // (`printf -v$a$b …`, `export${IFS}…`, a link put under it), found in review on 2026-12-06.
  const trees: TreeLooks = { looks: new Map(), budget: { entries: TREE_LOOKS_ENTRIES }, earlier: [], deadline: started + CHECK_MS };
  // A lister below folders that hold no log (`grep -rl foo src | xargs sed -i …`) lists none: the look find -exec's has.
  const noLog = (folder: string) => candidateTargets(folder, cwd).every(noLogBelow);
  // A look at the disk tells nothing of what a write before it in the command moved there.
  let first = true;
  for (const write of shellWrites(call.command, { home: env.HOME, cwd, cdpath: env.CDPATH, bashopts: env.BASHOPTS, noLogBelow: noLog })) {
    const nothingBefore = first;
    first = false;
    // Where each write lands, for a folder copy after it (its source may be one of them).
    if (!write.tree && !write.fresh) {
      const at = placed(write, cwd);
      if (at === undefined) trees.earlier.push(undefined);
      else trees.earlier.push(...candidateTargets(at, cwd));
    }
    if (Date.now() - started > CHECK_MS) {
      if (findGuardedRoot(cwd, env) === undefined) return ALLOW;
      return {
        allow: false,
        reason:
          'log-guardian could not check in time every file this command writes, inside an ALIVE world, and refuses what it cannot check: split it, or name the files literally.',
      };
    }
    if (write.fresh) continue;
    // Commands it did not read may write anything, a log among them: the command names one.
    if (write.unread) {
      if (findGuardedRoot(cwd, env) !== undefined) return { allow: false, reason: unreadReason(write) };
      continue;
    }
    // An absolute path does not depend on the folder, even after a cd the reader cannot follow.
    const located = write.exact && (write.dir !== undefined || isAbsolute(write.path));
    if (located) {
      const from = write.dir === undefined || write.dir === '' ? cwd : resolve(cwd, write.dir);
      const path = isAbsolute(write.path) ? write.path : `${from}${sep}${write.path}`;
      const existing = guardedLogs(path, cwd, env).find(holdsSomething);
      if (existing) return { allow: false, reason: shellReason(write, existing) };
    }
    if (write.tree) {
      const reason =
        write.link && findGuardedRoot(cwd, env) !== undefined ? linkReason(write) : treeCopyReason({ ...write, tree: write.tree }, cwd, env, trees);
      if (reason) return { allow: false, reason };
      continue;
    }
    // Through a link the command made, a path says nothing of where the write lands.
    if (write.link) {
      if (findGuardedRoot(cwd, env) !== undefined) return { allow: false, reason: linkReason(write) };
    } else if (
      !located &&
      (write.name !== undefined
        ? isLogName(write.name)
        : !write.notLog && write.input !== undefined && (DESCRIPTOR.test(write.path) ? openedMayNameLog : inputNamesLog)(write.input))
    ) {
      if (findGuardedRoot(cwd, env) === undefined || underFolderOutside(write, cwd, env) || (nothingBefore && foundWhereNoLogIs(write, cwd))) continue;
      const reason =
        write.name !== undefined
          ? unresolvedReason(write)
          : DESCRIPTOR.test(write.path)
            ? descriptorReason(write)
            : /sed [we]$/.test(write.via)
              ? sedScriptReason(write)
              : write.via.endsWith(UNREAD_WORD)
                ? optionReason(write)
                : readInputReason(write);
      return { allow: false, reason };
    }
  }
  return ALLOW;
}

function decideEdit(logs: string[], call: Exclude<FileToolCall, { tool: 'Write' }>): Decision {
  for (const log of logs) {
    const text = readText(log);
    if (text === undefined) {
      // Missing: the Edit tool can only create it (an empty old_string); the text rule still applies.
      if (exists(log)) return { allow: false, reason: unreadableReason(log) };
      if (editsTouchSignedEntry(undefined, call.edits)) return { allow: false, reason: signedEntryReason(log) };
      continue;
    }
    const check = checkEdits(text, call.edits);
    if (check === 'touches-signed') return { allow: false, reason: signedEntryReason(log) };
    if (check === 'not-found') return { allow: false, reason: notFoundReason(log) };
    if (check === 'quotes-uncertain') return { allow: false, reason: quotesReason(log) };
    if (check === 'hides-signed') return { allow: false, reason: hiddenReason(log) };
    if (check === 'inserts-below') return { allow: false, reason: insertedBelowReason(log) };
    if (check === 'too-much') return { allow: false, reason: tooMuchReason(log, call.edits.length) };
  }
  return ALLOW;
}

/**
 * The decision for one tool call. `shellReader` (shell.ts's shellWrites) is needed only for a Bash
 * command whose text names log.md (see namesLog); the hook loads it for those alone.
 */
export function decide(call: GuardianCall, env: NodeJS.ProcessEnv, processCwd: string, shellReader?: ShellReader): Decision {
  const cwd = call.cwd ?? processCwd;
  if (call.tool === 'Bash') return decideBash(call, cwd, env, shellReader);
  const logs = guardedLogs(call.filePath, cwd, env);
  if (logs.length === 0) return ALLOW;
  if (call.tool === 'Write') {
    const existing = logs.find(holdsSomething);
    return existing ? { allow: false, reason: overwriteReason(existing) } : ALLOW;
  }
  return decideEdit(logs, call);
}
