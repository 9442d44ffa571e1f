/**
 * What a command may do that the shell reader does not follow: set a variable through a name or
 * text it cannot see, define a function, or run as commands text it cannot see. Read from the
 * command's text alone, quotes and backslashes taken out (bash reads `e""val` as eval). A file or
 * folder mktemp made is trusted as new only when none of this is there. Coarse on purpose: a
 * refused command costs a retry, a missed one a log.
 */

/** `$(mktemp …)` and `` `mktemp …` `` alone: what the reader takes as a folder mktemp made. */
const MKTEMP_SUBSTITUTIONS = /\$\([ \t\n]*mktemp(?:[ \t][^;&|<>`()\n]*)?\)|`[ \t\n]*mktemp(?:[ \t][^;&|<>`()\n]*)?`/g;

/**
 * Commands that may set variables, define functions or aliases, or run text as commands, where
 * the names or the text need not be written plainly: eval, source and `.`, the files BASH_ENV and
 * ENV name, env (its words may name anything, BASH_FUNC_… included), the builtins that assign a
 * variable they are given the name of, alias and what turns it on, hash and enable (which change
 * what a command name runs), and xargs (its input becomes words, or a script's text).
 */
const COMMANDS =
  /(?:^|[\s;&|(){}!/])(?:eval|source|\.|BASH_ENV|ENV|env|mapfile|readarray|read|declare|typeset|local|export|readonly|printf\s+-v|let|getopts|wait|compgen|alias|shopt|enable|hash|xargs)(?=$|[\s;&|()<>=])/;

/**
 * Forms whose text the reader cannot see or does not work out: a command substitution (its output
 * may be a command's name, or a script's text), arithmetic (which assigns a name built at run time:
 * `(( ${v}DIR = 5 ))`, an array subscript, `${x:offset}`, `[[ … -eq … ]]`), `{}` (find's and
 * xargs's names put into a script), $'…' (escapes spell any word), brace expansion (`{e,}val`), a
 * here-document or here-string (a shell reading one reads the text its expansions make).
 */
const FORMS = /<<|\$\(|`|\(\(|\$\[|\{\}|\[\[|\w\[|\$\{[#!]?\w+:[^-=+?]|\{[^\s{}]*(?:,|\.\.)/;

/** The command's text as bash reads its words: quotes and backslashes out; `$"…"` is "…". */
function bare(command: string): string {
  return command.replaceAll('$"', '"').replace(/["'\\]/g, '');
}

/** True when `text` holds `name` other than as an expansion of it (`$NAME`, `${NAME…`). */
function namesVariable(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (text[at - 1] !== '$' && text.slice(at - 2, at) !== '${') return true;
  return false;
}

/** True when `text` (its `bare` form `words`) may set variables or run text unseen (the lists above). */
function runsUnseen(text: string, words: string): boolean {
  return text.includes("$'") || COMMANDS.test(words) || FORMS.test(words);
}

/**
 * True when `mktemp` in the command may not be mktemp: the command names it other than as
 * `$(mktemp …)` (a function or alias of that name), names PATH other than as `$PATH`, or may set
 * either unseen. Then what it prints is no new folder.
 */
export function mktempMayBeShadowed(command: string): boolean {
  const rest = command.replace(MKTEMP_SUBSTITUTIONS, '');
  const words = bare(rest);
  return runsUnseen(rest, words) || words.includes('mktemp') || namesVariable(words, 'PATH');
}

/**
 * What bash may read other than as written, named anywhere in the command: `programs`, what a
 * command name runs (`hash -p`, `BASH_CMDS`, an alias, `enable`); `cd`, where a relative `cd`
 * goes (`CDPATH`, `cdable_vars`); `globs`, what a glob matches (`nocaseglob`, `extglob`).
 */
export function shellState(command: string): { programs: boolean; cd: boolean; globs: boolean } {
  const words = bare(command);
  return {
    // `alias NAME=…` and `hash -p` set one (not `grep alias …`, nor `hash` alone, which lists); `enable` loads or hides
    // builtins; a function named git or find would print other than the hashes and paths their output is trusted as.
    programs:
      /\balias\s+[^\s=]+=|\bhash\s+-[a-z]*p|BASH_CMDS|BASH_ALIASES|\b(?:git|find)\s*\(\s*\)|\bfunction\s+(?:git|find)\b|(?:^|[;&|(){}!\n]|\s(?:builtin|command|then|do|else|eval))\s*enable\b/.test(
        words,
      ),
    cd: /CDPATH|cdable_vars/.test(words),
    globs: /nocaseglob|extglob/.test(words),
  };
}
