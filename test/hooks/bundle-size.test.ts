import { describe, it, expect } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { HOOK_ENTRIES } from '../../tools/build-options.mjs';
import { bundleEntry, repoRoot, runBundle } from './bundle.ts';

// What the hook bundles must stay free of: their start-up time is measured (bench/hooks.ts).
describe('hook bundles', () => {
  for (const name of HOOK_ENTRIES) {
    it(`${name} is small and loads nothing heavy`, async () => {
      const file = await bundleEntry(name);
      const text = readFileSync(file, 'utf8');
      // Compiling costs start-up time on every tool call: log-guardian's shell reader is a bundle
      // of its own (log-guardian-shell), loaded only for a Bash command that names log.md. The
      // hooks are minified since 2026-12-06 (tools/build-options.mjs); unminified, the caps had
      // grown with each rule the guardian learnt, to 67 KiB for the shell reader, 37.5 for
      // log-guardian and 32 for relay-check. Minified that day: 40.2, 24.9 and 19.3 KiB.
      // log-guardian-shell 42 -> 43 KiB the same day (42.3): what the reader cannot see (unseen.ts:
      // eval, source, env, assignments through names built at run time) keeps the hook's TMPDIR and
      // mktemp's folders from being trusted, and any command but a few that make no link ends a
      // folder mktemp made being new (tar, unzip, git, cp -a put links there).
      // 43 -> 46 KiB the same day (45.0): sed's `w` commands read from its script (sed.ts), and the
      // places links the command makes are kept to refuse writes through them.
      // 2026-12-06 (daily): a word it cannot read that may be an option of a program that writes
      // (`sed -n 1p $opts FILE`): 46 -> 46.75 KiB for the reader (47.6), 26 -> 26.5 for log-guardian's reason (26.4).
      // 46.75 -> 47 the same day (47.9): uniq's OUTPUT operand; 47 -> 47.5 (48.6): a glob that
      // may match a name starting with - (read from the folder), an option to a program that writes;
      // 47.5 -> 48 (48.9): GNU time's -o FILE, and a wrapper's option cluster that takes the next word;
      // 48 -> 48.25 (49.2): a known value bash splits at IFS into an option.
      // 48.25 -> 49.25 (49.05): the substitutions inside a ${…} are read, and it ends where bash ends it.
      // 49.25 -> 49.75: $((…)) and ((…)) read as arithmetic when bash takes them so, not as subshells.
      // 49.75 -> 54.5 (54.2) the same afternoon, merging the semantic fixes made beside those: [ and
      // [[ as bash's test, one quoted value after a read-only option, exact option tables of the
      // wrappers, git's own writes (--output, archive -o, bundle create), hashes git prints, and shell
      // state that changes what a name runs (hash -p, BASH_CMDS, aliases, CDPATH, BASHOPTS).
      // 54.5 -> 55.75 (55.5): the names and arithmetic builtins evaluate (printf -v, read, declare,
      // unset, let, mapfile -C, wait -p, an assignment's subscript, an array literal's keys).
      // 55.75 -> 56.75 (56.5): values git and less run as commands (git -c, --config-env, GIT_EDITOR …).
      // 56.75 -> 57.75 (57.5): arithmetic on a name whose value is not a known number.
      // 57.75 -> 58.75 (58.4): such arithmetic before the name is set, $[…], a[n]=, declare -i.
      // 58.75 -> 60.5 (60.2) on 2026-12-07: a cd that may not run or may fail keeps every folder the
      // shell may be in (shell/folders.ts: a pipeline's, a body's, a folder not there, env cd, HOME=… cd).
      // 60.5 -> 61.25 (61.2): an unquoted expansion split into words at IFS (shell/fields.ts).
      // log-guardian 26.5 -> 26.75 (26.7): a walnut holding .alive/ is no world root (is-walnut.ts).
      // relay-check 21 -> 22.5 KiB (22.2) on 2026-12-07: the bus notice tells an answer in @claude's
      // inbox from a message to answer by its header block (message.ts isAnswerText, 1.6 KiB of the
      // reader), where it counted every file as a message; 40 runs without a bus: 48-84 ms either way.
      // 22.5 -> 23.25 (23.1) the same day: the relay notice of a relay set up on someone else's
      // (relay-origin's finding in state.json, said without offering what waits there). 23.5 (23.3):
      // the notice reads a message's head through small-file.ts, not an open of its own.
      // 23.5 -> 25 KiB (24.9) the same day: the notice counts the packages pull saved and verified
      // that the world's imports.json does not record (relay/pulled-unreceived.ts, 0.9 KB, and its
      // sentence, 0.7 KB); 40 runs without a relay: 106-130 ms for 40 either way.
      // 25 -> 25.5 KiB (25,784 bytes, from 25,533) the same day: that count walks the newest first
      // and spends its bound on files looked at only (57 bytes), and a bound reached with none found
      // says some may wait, where it said nothing (194 bytes).
      // log-guardian-shell 58.75 -> 59.5 KiB on 2026-12-07 (59.2, from 58.5): here-document bodies and mapfile's arrays read as input.
      // 59.5 -> 60 (59.8) the same day: find's starting points that are logs, -samefile, -wholename as a path pattern.
      // 60 -> 60.75 (60.5) the same day, and log-guardian 26.75 -> 27.25 (27.1, from 26.7):
      // writes through /dev/fd and /proc, and the reason for a write onto a descriptor.
      // 60.75 -> 63.25 (62.7), log-guardian 27.25 -> 27.5 (27.3) the same day: the names find, grep -l and rg -l
      // list read as names that may be logs (programs.ts listedInput), and such commands read.
      // 63.25 -> 64 (63.6) the same day: patch and git apply of a diff they read write the files it names.
      // 64 -> 64.75 (64.4) the same day: git's magic pathspecs and --pathspec-from-file; 65 (64.9): rsync
      // --remove-source-files and --delete, and listedInput reading only the segments whose program lists names.
      // log-guardian 27.5 -> 27.75 (27.55) the same day: a folder outside every world holds no link the rest of the path may name.
      // log-guardian-shell 65 -> 69 (68.85), log-guardian 27.75 -> 28.25 (27.98) the same day, the shell
      // semantics from the same review: every folder a cd that may not run or may fail leaves possible
      // (shell/folders.ts), a value split into words at IFS (shell/fields.ts), namerefs read, $'…' bytes
      // as UTF-8, brace sequences, and the quick check through nested and side-by-side brace groups.
      // log-guardian-shell 69 -> 69.5 (69.28) after review 2 of 2026-12-07: relative paths into /proc and
      // /dev/fd, links made there, and functions or aliases named cd, pushd or popd. 69.75 (69.57) the
      // same day: a cd is sure only into a folder as written, one the user may enter, none removed before.
      // log-guardian-shell 70 KiB (69.8), log-guardian 28.75 (28.47) after the second review of
      // 2026-12-07: /proc and /dev/fd by a relative path and links made there, functions and aliases
      // named cd, a cd sure only into a folder bash enters; the quick check reading git's exclusion
      // pathspecs and rsync's removals, bare namerefs, a descriptor's file through a glob.
      // 70 -> 70.25 (70.22) the same day: a lister's exclusion keeps the log paths its text names (logWordsBesideExclusions).
      // 70.25 -> 70.75 (70.54) the same day: a wrapper before a lister (nice find, command find, timeout 5 find) read past (programIndex).
      // 70.75 -> 75.25 (74.93) after the third review of 2026-12-07: the commands git's subcommands run
      // (rebase -x, bisect run, filter-branch's filters …, gitCommandsRun), checkout-index and merge-file,
      // and git ls-files, ls-tree, status and --name-only read as listers with their pathspecs (gitListing).
      // 75.25 -> 76.75 (76.41), log-guardian 28.75 -> 29.25 (29.13), with the other fixes of that review: what the
      // reader leaves unread (nested past 8 levels, past its own deadline) is one write refused with its own reason,
      // and git commit's and tag's -m "$(…)" is read as the message.
      // Built without keepNames (tools/build-options.mjs UNNAMED_ENTRIES), no __name call beside each
      // function, the same day: log-guardian-shell 76.75 -> 73.5 (73.13), log-guardian 29.25 -> 27
      // (26.76), relay-check 25.5 -> 23.5 (23.31).
      // log-guardian-shell 73.5 -> 74.25 (74.02) after the fourth review of 2026-12-07: git's own options
      // known one by one (gitOption), an unknown one failing closed, and git commit's -m check made linear.
      // 74.25 -> 76.5 (76.33) with the rest of that review's fixes: a listed word given to git add or status
      // (optionsMayWrite), a lister's exclusion only where git applies it to every log, git aliases
      // that are git command lines.
      // 76.5 -> 76.75 (76.56) after the fifth review of 2026-12-07: git grep's and diff's pathspecs before
      // `--`, exclusions with bracket expressions, a pathspec it cannot read, xargs's input in git -c.
      // 76.75 -> 77.5 (77.31) after the sixth: xargs's replace string in any spelling (xargsReplace), git
      // config's value options by any start, what follows a pathspec's magic read as a pathspec.
      // 77.5 -> 77.75 (77.53) after the seventh: xargs's line and argument limits, git's short magic.
      // relay-check 23.5 -> 23.75 (23.59): the bus notice names the inbox from the session's folder;
      // 23.75 -> 24.25 (24.07): a bus elsewhere (HELLOWORLD_ROOT) has its path in a fence.
      // 77.75 -> 79 (78.93) after the eighth: a lister's words through the lexer, git's subcommands
      // that list no files (any other may be an alias of a lister), value options per git lister;
      // 79 -> 80.25 (80.03) with what a body or function pipes out, every stage before a shell,
      // and git reset/restore --staged of names after `--`.
      // 80.25 -> 83.5 (83.36) after the ninth: scripts eval and sh -c cannot read, a lister's segments
      // cut by the lexer, $@'s feeds, a pipe into a body, bodies and function calls fed by input,
      // descriptors and coprocesses left unread.
      // relay-check 24.25 -> 25 (24.86): the notice of imports a receive left unfinished in the world.
      // 83.5 -> 85.5 (85.31) after the tenth (the fourth review of 2026-12-07): copies of sources the
      // text does not name into a log's folder, `bash -s ARGS`, a shell reading `< <(…)`, find
      // -execdir's folder, a name ending in log.md after an unknown part, plain pattern operators;
      // 85.5 -> 87 (86.62): compressors, zip -m, tar --remove-files, iconv -o; 87 -> 88.25 (87.99)
      // after the fifth review: the compressors' families and -d -f, tar's -C and --remove, a
      // folder's contents copied, find -exec through wrappers; 88.25 -> 88.75 (88.67): names zip -m -@
      // and tar --remove-files -T - read from their input.
      // 88.75 -> 89.25 (89.13), log-guardian 27 -> 27.25 (27.17) on 2026-12-07: commands that copy a
      // folder's contents (any rsync or ditto, a recursive cp, cp -T) are read though they spell no
      // log.md; cp -rT, GNU cp's `SRC/./`, macOS cp's `SRC/` and ditto copy a folder's files.
      // 89.25 -> 89.75 (89.63), log-guardian 27.25 -> 27.5 (27.35) the same day: a find with no test
      // of the name finds the logs too (not below one absolute starting point outside every world),
      // and a find that acts or hands its names on is read. 89.75 -> 90.25 (89.99): fd's listings;
      // 90.25 -> 91.25 (91.03): the commands fd -x and -X run on what it finds. 91.25 -> 92.5 (92.22)
      // after a review of those fixes: negated find tests, folders the text does not tell, rsync's
      // --exclude, -n and --ignore-existing, cp -n, fd's flag clusters, xargs -J.
      // log-guardian 27.5 -> 28.25 (27.97), 92.5 -> 92.75 (92.45) the same day: a find below a folder
      // that holds no log (a bounded look, paths.ts noLogBelow) finds none.
      // log-guardian 28.25 -> 30.5 (30.42), 92.75 -> 93.75 (93.49) the same day: a folder copied
      // (cp -r, rsync -r, ditto) is checked for the logs below the source and the folder it lands
      // as (decide.ts treeCopyReason, three deny reasons). log-guardian 30.5 -> 31.25 (31.0), the
      // reader 93.75 -> 96 (95.65) after a review of that check: rsync's value options, include and
      // filter rules, -R and --files-from, cp --parents and -i over -n, ditto --keepParent, one
      // budget for a command's folder looks, sources written earlier in the command. 31.25 -> 32
      // (31.73) after a second review: the quick check reads copies spelled with quotes or
      // backslashes and programs the text does not tell (`$(which cp)`, decide.ts programNotTold).
      // 32 -> 32.75 (32.46), the reader 96 -> 96.75 (96.46) after a third review: a glob source
      // below a folder with no log, operands the run gives, brace words, backups' suffixes and
      // rsync --backup-dir. 32.75 -> 33.25 (32.78) after a differential test against bash: mv with a
      // backup, and a glob of folders into a folder not there. The reader 96.75 -> 97.25 (96.91): a
      // backup's suffix from the environment, `$(which mv)`. 97.25 -> 97.75 (97.48): the words of a
      // call of a function that may run its parameters (`f() { "$@"; }; f cp -r …`), read as commands;
      // 97.75 -> 98.75 (98.52) after a review of that: definitions in nested scripts and imported
      // ones, any name, bash's handler of unknown commands, bodies that move or build the program.
      // relay-check 25 -> 25.5 (25.25): pulled packages in the folder of a peer removed since, told
      // apart and not offered (receive refuses them); 25.5 -> 26 (25.75): a failed probe said once;
      // 26 -> 26.5 (26.41): the message reader's header block read line by line from the top (a body
      // of millions of lines is never split into an array), which the notice's answer check shares.
      // The reader 98.75 -> 99.5 (99.25) after the review of 2026-12-08: the archive tar -c, -r, -u
      // and -A write (-f, --file, the old style's key letters). log-guardian 33.25 -> 34 (33.81) the
      // same day: every CommonMark HTML block left open, and a new entry below the newest signed one.
      // The reader 99.5 -> 100.25 (100.14): the files a diff file names, read from it (shell/diff-file.ts).
      // 100.25 -> 102 (101.74): the folders grep -r, rg and find list below, looked at on the disk
      // for a pipe's stage (programs.ts searchedFolders), so that the refactor idiom is not denied.
      // 102 -> 103 (102.87) after a review of the diff files: git -C's and patch -d's folders, a
      // mailbox's encoded body, C-quoted names, a diff on a pipe. 103 -> 104 (103.73) after a third
      // review: any diff on a pipe but a cat's, a here-string's or a group's input, long options
      // known whole, find -files0-from, git apply's value options.
      expect(statSync(file).size).toBeLessThan(({ 'log-guardian-shell': 104, 'log-guardian': 34, 'relay-check': 26.5 }[name] ?? 21) * 1024);
      // No zod, yaml, tar or Octokit, and no CommonJS require: hooks get no require() (build-options.mjs).
      expect(text).not.toMatch(/\bzod\b|ZodError|from "yaml"|YAMLParseError|node-tar|minizlib|@octokit|Octokit/);
      expect(text).not.toMatch(/(?<![\w$.])require\(|__require\b|Dynamic require/);
      // node:fs only through process.getBuiltinModule: its ESM namespace loads fs/promises.
      expect(text).not.toMatch(/from ["']node:fs["']/);
      expect(text).not.toMatch(/from ["']node:child_process["']/);
      expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    });
  }
});

describe('log-guardian-shell.mjs', () => {
  it('run by itself is a usage error that names the hook to run (it is a module the hook loads, not a command)', async () => {
    const r = runBundle(await bundleEntry('log-guardian-shell'), '', { cwd: repoRoot, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*log-guardian-shell\.mjs is the shell reader that dist\/log-guardian\.mjs loads; it is not a command\b.*\n$/);
  });
});
