/**
 * log-guardian on Bash calls (issue 11, "log-guardian says what it guards"): a command that would
 * change, append to or remove an existing walnut log is denied; reading one, or writing anything
 * else, is allowed. Table rows of decide() inputs and outputs, against a real world on disk; one
 * run of the bundle proves the hook wiring.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadShellReader, needsShellReader } from '../../scripts/lib/guardian/answer.ts';
import { decide, MAX_READ_COMMAND, type ShellReader } from '../../scripts/lib/guardian/decide.ts';
import { shellWrites } from '../../scripts/lib/guardian/shell.ts';
import { guardianCall } from '../../scripts/lib/hook/input.ts';
import { isPrintable } from '../../scripts/lib/text/untrusted.ts';
import { bundleEntry, cleanEnv, repoRoot, runBundle } from './bundle.ts';

const LOG = '---\nwalnut: garden\n---\n\n## 2024-03-01 — squirrel:s3\nPlanted tomatoes.\nsigned: squirrel:s3\n';

let base: string;
let world: string;
let kernel: string;
let log: string;
let home: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-guardian-bash-')));
  world = join(base, 'world');
  kernel = join(world, '04_Ventures', 'garden', '_kernel');
  home = join(base, 'home');
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(kernel, { recursive: true });
  mkdirSync(join(world, '04_Ventures', 'fresh', '_kernel'), { recursive: true });
  mkdirSync(join(home, '.alive'), { recursive: true });
  mkdirSync(join(base, 'elsewhere'), { recursive: true });
  log = join(kernel, 'log.md');
  writeFileSync(log, LOG);
  mkdirSync(join(world, '02_Life', 'old'), { recursive: true });
  writeFileSync(join(world, '02_Life', 'old', 'LOG.md'), '# an old walnut log\n');
  writeFileSync(join(base, 'elsewhere', 'log.md'), 'an app log\n');
  symlinkSync(kernel, join(base, 'link-to-kernel'));
  // A folder outside every world holding a link into a kernel (review of 2026-12-07, M7).
  mkdirSync(join(base, 'links'), { recursive: true });
  symlinkSync(kernel, join(base, 'links', 'lk'));
  writeFileSync(join(base, 'links', 'notes.txt'), 'x\n');
  mkdirSync(join(world, '05_Experiments', 'empty', '_kernel'), { recursive: true });
  writeFileSync(join(world, '05_Experiments', 'empty', '_kernel', 'log.md'), '');
  mkdirSync(join(world, '05_Experiments', 'blank', '_kernel'), { recursive: true });
  writeFileSync(join(world, '05_Experiments', 'blank', '_kernel', 'log.md'), '\n  \n');
  // A walnut with a file named -i.md beside its log: a glob there may give sed its -i.
  mkdirSync(join(world, '06_Odd', 'dash', '_kernel'), { recursive: true });
  writeFileSync(join(world, '06_Odd', 'dash', '_kernel', 'log.md'), LOG);
  writeFileSync(join(world, '06_Odd', 'dash', '_kernel', '-i.md'), '');
  // A walnut whose folder name is not ASCII: `$'…'` escapes spell it in UTF-8 bytes.
  mkdirSync(join(world, '04_Ventures', 'café', '_kernel'), { recursive: true });
  writeFileSync(join(world, '04_Ventures', 'café', '_kernel', 'log.md'), LOG);
  mkdirSync(join(base, 'other-world', '.alive'), { recursive: true });
  mkdirSync(join(base, 'backups'), { recursive: true });
  mkdirSync(join(base, 'tmp'), { recursive: true });
});

type Where = 'world' | 'kernel' | 'elsewhere' | 'base';
const dirOf = (where: Where) => ({ world, kernel, elsewhere: join(base, 'elsewhere'), base })[where];

function bash(command: string, where: Where = 'world', env: Record<string, string> = {}) {
  const call = guardianCall({ cwd: dirOf(where), hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'x' } });
  expect(call, 'a Bash call').toBeDefined();
  return decide(call!, { HOME: home, ALIVE_HOME: join(home, '.alive'), ...env }, dirOf(where), shellWrites);
}

/** The reason for a sed script the reader cannot read: what it is, and what to do instead. */
const SED_UNREAD = /runs sed with a script log-guardian cannot read in full[\s\S]*literal line numbers/;
/** The reason for a word it cannot read, which may be an option that makes the program write. */
const OPTION_UNREAD = /a word log-guardian cannot read[\s\S]*option that makes it write[\s\S]*literally/;

/** The reason for commands nested deeper than the reader follows: what it is, and what to do instead. */
const NESTED_TOO_DEEP = /nested more than 8 levels deep[\s\S]*Split it[\s\S]*by hand/;

/**
 * `inner` run `levels` deep, each level by `runner(k)` (k = 0 outermost) given the level inside
 * as one double-quoted word, then `after` (a trap's signal, a file).
 */
function nestedShells(levels: number, runner: (k: number) => string, inner = 'rm 04_Ventures/garden/_kernel/log.md', after = ''): string {
  let command = inner;
  for (let k = levels - 1; k >= 0; k--) command = `${runner(k)} "${command.replace(/[\\"$`]/g, '\\$&')}"${k === levels - 1 ? after : ''}`;
  return command;
}

/** [what, command, where the session runs, deny reason pattern or 'allow', the home folder when not <base>/home] */
const K = '04_Ventures/garden/_kernel';
const rows: [string, string, Where, RegExp | 'allow', Where?][] = [
  // Writes onto the log.
  ['a > redirection', `echo hi > ${K}/log.md`, 'world', /overwrite/],
  ['a >| redirection', `echo hi >| ${K}/log.md`, 'world', /overwrite/],
  ['a &> redirection', `make &> ${K}/log.md`, 'world', /overwrite/],
  ['a 2> redirection', `make 2>${K}/log.md`, 'world', /overwrite/],
  ['a redirection glued to the word before', `echo hi>${K}/log.md`, 'world', /overwrite/],
  ['a >> append', `echo '## new entry' >> ${K}/log.md`, 'world', /append/],
  ['a &>> append', `make &>> ${K}/log.md`, 'world', /append/],
  ['sed -i', `sed -i 's/tomatoes/potatoes/' ${K}/log.md`, 'world', /overwrite/],
  ['sed -i.bak with -e', `sed -i.bak -e 's/a/b/' ${K}/log.md`, 'world', /overwrite/],
  ['sed -Ei (combined flags)', `sed -Ei 's/a/b/' ${K}/log.md`, 'world', /overwrite/],
  ['sed --in-place', `sed --in-place=.orig 's/a/b/' ${K}/log.md`, 'world', /overwrite/],
  ['perl -pi -e', `perl -pi -e 's/a/b/' ${K}/log.md`, 'world', /overwrite/],
  ['tee', `echo hi | tee ${K}/log.md`, 'world', /overwrite/],
  ['sponge', `sort ${K}/log.md | sponge ${K}/log.md`, 'world', /overwrite/],
  ['gawk -i inplace', `gawk -i inplace -v x=1 '{ print }' ${K}/log.md`, 'world', /overwrite/],
  ['awk without inplace', `awk '{ print }' ${K}/log.md > /tmp/copy.md`, 'world', 'allow'],
  ['tee -a', `echo hi | tee -a /dev/null ${K}/log.md`, 'world', /append/],
  ['cp onto it', `cp /tmp/x.md ${K}/log.md`, 'world', /overwrite/],
  ['cp into its folder under the same name', `cp /tmp/other/log.md ${K}/`, 'world', /overwrite/],
  ['cp -t into its folder', `cp -t ${K} /tmp/other/log.md`, 'world', /overwrite/],
  ['mv onto it', `mv draft.md ${K}/log.md`, 'world', /overwrite/],
  ['mv it away', `mv ${K}/log.md ${K}/old-log.md`, 'world', /delete or move away/],
  ['rm', `rm -f ${K}/log.md`, 'world', /delete or move away/],
  ['mv with brace expansion', `mv ${K}/log.md{,.bak}`, 'world', /delete or move away/],
  ['cp with brace expansion onto it', `cp ${K}/{notes,log}.md`, 'world', /overwrite/],
  ['rm of brace alternatives, log first', `rm ${K}/{log,now}.md`, 'world', /delete or move away/],
  ['git checkout of brace alternatives', `git checkout -- ${K}/{tasks,log,now}.md`, 'world', /overwrite/],
  ['rm of a name split by a brace group', `rm ${K}/lo{g,x}.md`, 'world', /delete or move away/],
  // Sequences, nested and side-by-side groups (review of 2026-12-07: each was allowed, and bash removed the log).
  ['rm of a letter sequence that makes the name', `rm ${K}/lo{f..h}.md`, 'world', /delete or move away/],
  ['rm of a letter sequence around the name', `rm ${K}/l{m..p}g.md`, 'world', /delete or move away/],
  ['rm through nested brace groups', `rm ${K}/{{l,x},y}og.md`, 'world', /delete or move away/],
  ['rm through two brace groups side by side', `rm ${K}/{lo,xx}{yy,g.md}`, 'world', /delete or move away/],
  [
    'rm of 66 brace alternatives, the log last (past the 64 words followed)',
    `rm ${K}/{a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15,a16,a17,a18,a19,a20,a21,a22,a23,a24,a25,a26,a27,a28,a29,a30,a31,a32,a33,a34,a35,a36,a37,a38,a39,a40,a41,a42,a43,a44,a45,a46,a47,a48,a49,a50,a51,a52,a53,a54,a55,a56,a57,a58,a59,a60,a61,a62,a63,a64,a65,log}.md`,
    'world',
    /may remove/,
  ],
  ['rm of a number sequence beside the log', `rm -f ${K}/now{1..3}.md`, 'world', 'allow'],
  ['touch of a letter sequence beside the log', `touch ${K}/{a..c}.md && cat ${K}/log.md`, 'world', 'allow'],
  ['an ANSI-C quoted name', `echo x >> $'${K}/log.md'`, 'world', /append/],
  // bash decodes \xHH and octal escapes as bytes, then reads them as UTF-8 (review of 2026-12-07:
  // the reader took each byte for a character, looked for cafÃ©, and allowed it).
  ['an ANSI-C quoted folder in UTF-8 hex bytes', `rm $'04_Ventures/caf\\xc3\\xa9/_kernel/log.md'`, 'world', /delete/],
  ['an ANSI-C quoted folder in UTF-8 octal bytes', `rm $'04_Ventures/caf\\303\\251/_kernel/log.md'`, 'world', /delete/],
  ['an ANSI-C quoted folder with a \\u escape', `rm $'04_Ventures/caf\\u00e9/_kernel/log.md'`, 'world', /delete/],
  ['an ANSI-C quoted name ends at a NUL byte, as in bash', `rm $'${K}/log.md\\x00.bak'`, 'world', /delete/],
  ['an ANSI-C quoted name ending in an octal NUL', `rm $'${K}/log.md\\0'`, 'world', /delete/],
  ['a name with an ANSI-C escape (built at run time: out of reach)', `echo x >> $'${K}/log\\x2emd'`, 'world', 'allow'],
  ['truncate', `truncate -s 0 ${K}/log.md`, 'world', /overwrite/],
  ['dd of=', `dd if=/dev/zero of=${K}/log.md bs=1 count=1`, 'world', /overwrite/],
  ['ln -sf over it', `ln -sf /tmp/x ${K}/log.md`, 'world', /overwrite/],
  ['install onto it', `install -m 644 x.md ${K}/log.md`, 'world', /overwrite/],
  // A log that holds nothing (0 bytes, or white space alone) has nothing to lose.
  ['a heredoc over an empty log', "cat > 05_Experiments/empty/_kernel/log.md <<'EOF'\n---\nwalnut: empty\n---\nEOF", 'world', 'allow'],
  ['an append to a log of white space alone', 'echo "## first" >> 05_Experiments/blank/_kernel/log.md', 'world', 'allow'],
  ['rm of an empty log', 'rm 05_Experiments/empty/_kernel/log.md', 'world', 'allow'],
  ['a heredoc over a log that holds entries', `cat > ${K}/log.md <<'EOF'\n---\nwalnut: garden\n---\nEOF`, 'world', /overwrite/],
  // Copies out to a path built at run time under a literal absolute folder outside every world.
  ['cp in a loop to <folder outside>/$(…)', 'for f in */*/_kernel/log.md; do cp "$f" "<BASE>/bk/$(echo $f | tr / _)"; done', 'world', 'allow'],
  [
    'cp of names find found to <folder outside>/$f',
    'find . -name log.md | while read -r f; do mkdir -p "<BASE>/bk/$(dirname "$f")"; cp "$f" "<BASE>/bk/$f"; done',
    'world',
    'allow',
  ],
  ['find -exec sh -c cp to <folder outside>/$(…)', `find . -name log.md -exec sh -c 'cp "$1" "<BASE>/bk/$(echo "$1" | tr / _)"' _ {} \\;`, 'world', 'allow'],
  ['cp into an existing folder outside, through $D', 'cp /tmp/x.md "<BASE>/backups/$D/log.md"', 'world', 'allow'],
  ['cp to a folder that holds the world', 'find . -name log.md | while read -r f; do cp "$f" "<BASE>/$f"; done', 'world', /cannot tell/],
  ['cp to a folder inside the world', 'cp /tmp/x.md "<WORLD>/bk/$D/log.md"', 'world', /cannot tell/],
  ['cp to a folder outside in its text, inside through ..', 'cp /tmp/x.md "<BASE>/bk/../world/$D/log.md"', 'world', /cannot tell/],
  ['cp to a link into the world', 'cp /tmp/x.md "<BASE>/link-to-kernel/$D/log.md"', 'world', /cannot tell/],
  ['cp to a folder in another world', 'cp /tmp/x.md "<BASE>/other-world/$D/log.md"', 'world', /cannot tell/],
  // Found in review on 2026-12-07: rsync was read for what it writes, not what it removes.
  ['rsync --remove-source-files of the log', `rsync --remove-source-files ${K}/log.md /tmp/bk/`, 'world', /delete/],
  ['rsync -a --remove-source-files of the kernel folder', `rsync -a --remove-source-files ${K}/ /tmp/bk/ && ls ${K}/log.md`, 'world', /delete/],
  ['rsync -a --delete into the kernel folder', `rsync -a --delete /tmp/new/ ${K}/ && cat ${K}/log.md`, 'world', /delete/],
  ['rsync -a of the log to a backup', `rsync -a ${K}/log.md /tmp/bk/`, 'world', 'allow'],
  ['rsync -a --delete of the kernel to a backup', `rsync -a --delete ${K}/ /tmp/bk/ && cat ${K}/log.md`, 'world', 'allow'],
  // Found in review on 2026-12-07 (#13): the same without log.md in the text, which the quick check
  // passed over, and rsync's older name of --remove-source-files.
  ['rsync -r --remove-source-files of the kernel folder alone', `rsync -r --remove-source-files ${K}/ /tmp/bk/`, 'world', /delete/],
  ['rsync -a --delete into the kernel folder alone', `rsync -a --delete /tmp/d/ ${K}/`, 'world', /delete/],
  ['rsync -a --remove-source-files of the kernel, no slash', `rsync -a --remove-source-files ${K} /tmp/x/`, 'world', /delete/],
  ['rsync --remove-sent-files of the log', `rsync --remove-sent-files ${K}/log.md /tmp/bk/`, 'world', /delete/],
  ['rsync -a --delete of a folder to a backup', 'rsync -a --delete src/ /tmp/bk/', 'world', 'allow'],
  // Found in review on 2026-12-07 (M7): a link's name glued to a variable (`lk$x`, x empty) leads
  // into the kernel; the folder outside was checked, not what the name may be in it.
  ['cp to <folder outside>/<link>$D/log.md', 'cp /tmp/x.md "<BASE>/links/lk$D/log.md"', 'world', /cannot tell/],
  ['rm of <folder outside>/<link>$x/log.md', 'rm <BASE>/links/lk$x/log.md', 'world', /cannot tell/],
  ['cp to <folder outside>/$D/log.md, the folder holding a link', 'cp /tmp/x.md "<BASE>/links/$D/log.md"', 'world', /cannot tell/],
  ['cp to <folder outside>/no$D/log.md, no link of that start there', 'cp /tmp/x.md "<BASE>/links/no$D/log.md"', 'world', 'allow'],
  ['cp to <folder outside>-$D (the folder is its parent)', 'cp /tmp/x.md "<BASE>/bk-$D/log.md"', 'world', /cannot tell/],
  // One source, and a destination whose folder is unknown: a last name with an extension is the file written.
  // Refused since a word starting with a variable set outside may be cp's -t with its value attached
  // (o=-t.; cp /tmp/x/log.md "$o/<K>" replaced the log in bash).
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
  ['cp to ${TMPDIR:-/tmp}/garden-log.md', `cp ${K}/log.md "\${TMPDIR:-/tmp}/garden-log.md"`, 'world', OPTION_UNREAD],
  ['mv to $D/log.md.bak', 'mv /tmp/log.md "$D/log.md.bak"', 'world', OPTION_UNREAD],
  ['mv to a literal folder/$D.bak', 'mv /tmp/log.md "/tmp/bk/$D.bak"', 'world', 'allow'],
  ['cp to $W/_kernel (a folder, perhaps)', 'cp /tmp/log.md "$W/_kernel"', 'world', /\(cp, if \$W\/_kernel is a folder, onto \$W\/_kernel\/log\.md\)/],
  ['cp of two logs to $D/x.md (a folder, then)', 'cp a/log.md b/log.md "$D/x.md"', 'world', /cannot tell/],
  // Reasons that say what the command may do, and how to leave the logs out.
  [
    'find -name *.md -exec sed -i (the reason: add ! -name log.md)',
    "find docs -name '*.md' -exec sed -i 's/foo/bar/' {} +",
    'world',
    /may rewrite the files find finds \(find -exec sed -i\)[\s\S]*`! -name log\.md`/,
  ],
  [
    'find -name *.md -not -path ./.git/* -exec sed -i (the reason: add ! -name log.md)',
    "find . -name '*.md' -not -path './.git/*' -exec sed -i 's/foo/bar/' {} +",
    'world',
    /`! -name log\.md`/,
  ],
  [
    'find -name *.md ! -name log.md -exec sed -i (as the reason says)',
    "find . -name '*.md' -not -path './.git/*' ! -name log.md -exec sed -i 's/a/b/' {} +",
    'world',
    'allow',
  ],
  ['find -name log.md -delete (the reason: may remove)', 'find . -name log.md -delete', 'world', /may remove the files find finds \(find -delete\)/],
  ['rm of a glob in a folder it cannot read', 'rm -rf "$BUILD_DIR"/*', 'world', /may remove a file named log\.md: a glob \(rm of \$BUILD_DIR\/\*\)/],
  [
    '>> onto log.md in a folder it cannot tell',
    'echo x >> "$W/_kernel/log.md"',
    'world',
    /may append to a file named log\.md \('>>' redirection onto \$W\/_kernel\/log\.md\)/,
  ],
  // How the target is named.
  ['a relative name from the walnut kernel', 'sed -i s/a/b/ log.md', 'kernel', /overwrite/],
  ['an absolute path from outside the world', `echo x > ${'<LOG>'}`, 'base', /overwrite/],
  ['a quoted name', `echo x > "${K}/log.md"`, 'world', /overwrite/],
  ['a name in single quotes with spaces around', `echo x >  '${K}/log.md'`, 'world', /overwrite/],
  ['an escaped name', `echo x > ${K}/log\\.md`, 'world', /overwrite/],
  ['any letter case', 'echo x > 02_Life/old/LOG.md', 'world', /overwrite/],
  ['.. in the path', `echo x > ${K}/../_kernel/log.md`, 'world', /overwrite/],
  ['a symlinked folder outside the world', 'echo x > link-to-kernel/log.md', 'base', /overwrite/],
  ['after cd in the same command', `cd ${K} && sed -i s/a/b/ log.md`, 'world', /overwrite/],
  ['after cd with ; and a subshell', `(cd /tmp); cd ${K}; echo x > log.md`, 'world', /overwrite/],
  // A cd that may not run or may fail leaves the shell where it was: a relative write is read in
  // both folders (review of 2026-12-07; each removed or emptied the log in bash, and was allowed).
  ['rm after a cd to a folder that is not there', `cd /nonexistent 2>/dev/null; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd to a file', `cd ${K}/now.md 2>/dev/null; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd given two folders (bash 5 refuses it)', `cd 04_Ventures 02_Life 2>/dev/null; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd in a pipeline (a subshell)', `cd ${K} | true; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd at the end of a pipeline', `echo | cd 04_Ventures; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a pushd in a pipeline', `pushd 04_Ventures | cat; rm ${K}/log.md`, 'world', /delete/],
  ['rm beside a cd in the background', `cd ${K} & rm ${K}/log.md; wait`, 'world', /delete/],
  ['rm after a cd behind a false &&', `false && cd 04_Ventures; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd behind ||, in the same chain', `true || cd 04_Ventures && rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd in an if body never run', `if false; then cd 04_Ventures; fi; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd in a while body never run', `while false; do cd 04_Ventures; done; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd in a for body over no words', `for d in; do cd 04_Ventures; done; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd in a function never called', `f() { cd 04_Ventures; }; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd run by timeout (a program: the shell stays)', `timeout 1 cd 04_Ventures; rm ${K}/log.md`, 'world', /delete/],
  ['rm after env cd', `env cd 04_Ventures; rm ${K}/log.md`, 'world', /delete/],
  ['rm after sudo cd', `sudo cd 04_Ventures; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd in eval behind a false &&', `false && eval 'cd 04_Ventures'; rm ${K}/log.md`, 'world', /delete/],
  ['a bare cd goes to the HOME assigned for it', `HOME=<WORLD>/${K} cd; : > log.md`, 'world', /overwrite/],
  ['a bare cd to the HOME assigned for it, then a path from there', `HOME=<WORLD> cd; : > ${K}/log.md`, 'kernel', /overwrite/],
  ['a cd to a folder not there, joined by && to the write, is read where it goes', `cd ${K}/new && rm -f log.md`, 'world', 'allow'],
  ['a cd to a folder not there, then ; rm -f log.md there and in the session folder', 'cd new; rm -f log.md', 'kernel', /delete/],
  [
    'a cd that is sure (a folder there), then ; and the write from there',
    `cd 04_Ventures; cat garden/_kernel/log.md; rm -f garden/_kernel/log.md`,
    'world',
    /delete/,
  ],
  ['a cd that is sure, then a write that is not the log from there', `cd 04_Ventures; rm -f ${K}/log.md`, 'world', 'allow'],
  // Found in review on 2026-12-07 (review 2, #2): a cd taken as sure because its folder exists
  // now, where bash's cd fails: a missing folder before `..` (bash looks the path up as written), a
  // folder the same command removed or moved first. Each was allowed, and bash removed the log.
  ['rm after a cd through a missing folder and ..', `cd <BASE>/nothere/../elsewhere; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd to a folder rmdir removed first', `rmdir <BASE>/backups; cd <BASE>/backups; rm ${K}/log.md`, 'world', /delete/],
  ['rm after a cd to a folder mv moved first', `mv <BASE>/backups <BASE>/b3; cd <BASE>/backups; rm -f ${K}/log.md`, 'world', /delete/],
  ['rm after a cd into a folder rm -r removed first', `rm -rf <BASE>; cd <BASE>/elsewhere; rm -f ${K}/log.md`, 'world', /delete/],
  ['rm after a cd, following an rm of a folder it cannot tell', `rm -rf "$(cat list.txt)"; cd <BASE>/elsewhere; rm -f ${K}/log.md`, 'world', /delete/],
  ['rm after a cd through an existing folder and ..', `cd <BASE>/elsewhere/../backups; rm -f ${K}/log.md`, 'world', 'allow'],
  ['rm after a cd, following an rm of another file', `rm -f <BASE>/backups/old.txt; cd <BASE>/elsewhere; rm -f ${K}/log.md`, 'world', 'allow'],
  // Each cd looked through every place removed before it: 64 are kept, past them any folder may be
  // gone and a cd is unsure (third review of 2026-12-07, H3: `rm -f a;cd a;` 6,000 times took 5.7 s).
  ['rm after a cd, following an rm of 64 other files', `rm -f <BASE>/backups/{a,b}{1..32}.txt; cd <BASE>/elsewhere; rm -f ${K}/log.md`, 'world', 'allow'],
  [
    'rm after a cd, following an rm of 65 other files',
    `rm -f <BASE>/backups/{a,b}{1..32}.txt <BASE>/backups/c.txt; cd <BASE>/elsewhere; rm -f ${K}/log.md`,
    'world',
    /delete/,
  ],
  ['reading the log after a cd that may fail', `cd /nonexistent 2>/dev/null; cat ${K}/log.md`, 'world', 'allow'],
  ['a variable set in the command', `L=${K}/log.md; echo x >> "$L"`, 'world', /append/],
  ['~ from outside the world', `echo x >> ~/world/${K}/log.md`, 'elsewhere', /would append/, 'base'],
  ['$HOME from outside the world', `echo x >> "$HOME/world/${K}/log.md"`, 'elsewhere', /would append/, 'base'],
  ['braced HOME in sed -i', `sed -i s/x/y/ \${HOME}/world/${K}/log.md`, 'elsewhere', /overwrite/, 'base'],
  ['$PWD, the session folder', `echo x >> "$PWD/world/${K}/log.md"`, 'base', /would append/],
  ['$PWD after a cd', `cd world && rm \${PWD}/${K}/log.md`, 'base', /delete or move away/],
  ['a variable in the folder part', 'echo x > "$WALNUT/_kernel/log.md"', 'world', /cannot tell|overwrite/],
  ['a glob in the folder part', 'sed -i s/a/b/ 04_Ventures/*/_kernel/log.md', 'world', /cannot tell|overwrite/],
  ['after a cd the guardian cannot follow', 'cd "$(ls -d 04_Ventures/*/_kernel)" && echo x > log.md', 'world', /cannot tell|overwrite/],
  ['inside a command substitution', `echo "$(sed -i s/a/b/ ${K}/log.md)"`, 'world', /overwrite/],
  ['inside bash -c', `bash -c 'echo x > ${K}/log.md'`, 'world', /overwrite/],
  ['inside eval', `eval "sed -i 's/a/b/' ${K}/log.md"`, 'world', /overwrite/],
  ['sort -o onto it', `sort -u -o ${K}/log.md ${K}/log.md`, 'world', /overwrite/],
  ['sort --output= onto it', `sort ${K}/log.md --output=${K}/log.md`, 'world', /overwrite/],
  ['sort -o elsewhere', `sort -o /tmp/sorted.md ${K}/log.md`, 'world', 'allow'],
  ['behind sudo and env', `sudo env A=1 tee ${K}/log.md < /dev/null`, 'world', /overwrite/],
  ['behind xargs, names fed by a command naming log.md', `echo ${K}/log.md | xargs rm`, 'world', /cannot tell/],
  ['xargs sed -i fed by find naming log.md', `find 04_Ventures -name log.md | xargs sed -i 's/a/b/'`, 'world', /cannot tell/],
  ['xargs -I{} onto names fed by ls', `ls ${K}/log.md | xargs -I{} cp /dev/null {}`, 'world', /cannot tell/],
  ['xargs -a FILE naming log.md', `xargs -a ${K}/log.md rm`, 'world', /cannot tell/],
  ['find -name log.md -delete', 'find 04_Ventures -name log.md -delete', 'world', /cannot tell/],
  ['find -exec sed -i on the logs it finds', "find . -name log.md -exec sed -i 's/a/b/' {} +", 'world', /cannot tell/],
  ['find -iname -exec rm', "find . -iname 'LOG.MD' -exec rm -f {} \\;", 'world', /cannot tell/],
  ['find -name *.md -delete, the log among them', `find ${K} -name '*.md' -delete; cat ${K}/log.md`, 'world', /cannot tell/],
  ['find -path …/log.md -exec truncate', "find . -path '*/_kernel/log.md' -exec truncate -s 0 {} \\;", 'world', /cannot tell/],
  ['find -name *.md -delete, naming no log.md', `find ${K} -name '*.md' -delete`, 'world', /cannot tell/],
  ['find -name log.* -exec rm, naming no log.md', "find . -name 'log.*' -exec rm {} +", 'world', /cannot tell/],
  // Found in review on 2026-12-07 (M2): git's magic pathspecs and --pathspec-from-file; each was
  // allowed, and bash (git) put an older log in place.
  ["git checkout of ':(top)…/log.md'", `git checkout HEAD~1 -- ':(top)${K}/log.md'`, 'world', /cannot tell/],
  ["git checkout of ':/…/log.md'", `git checkout HEAD~1 -- ':/${K}/log.md'`, 'world', /cannot tell/],
  ["git checkout of ':(icase)…/LOG.MD'", `git checkout HEAD~1 -- ':(icase)${K}/LOG.MD'`, 'world', /cannot tell/],
  ["git restore of ':(glob)**/log.md'", "git restore -s HEAD~1 -- ':(glob)**/log.md'", 'world', /cannot tell/],
  ["git checkout of ':!…/now.md' (all but now.md), naming the log", `git checkout HEAD~1 -- ':!${K}/now.md'; cat ${K}/log.md`, 'world', /cannot tell/],
  ["git checkout of ':(exclude)…'", `git checkout HEAD~1 -- ':(exclude)${K}/now.md' && wc -l ${K}/log.md`, 'world', /cannot tell/],
  ['git checkout --pathspec-from-file=- of a here-string', `git checkout --pathspec-from-file=- HEAD~1 <<< ${K}/log.md`, 'world', /cannot tell/],
  ['git checkout --pathspec-from-file=- piped', `echo ${K}/log.md | git checkout --pathspec-from-file=- HEAD~1`, 'world', /cannot tell/],
  ['git restore --pathspec-from-file of a here-document', `git restore -s HEAD~1 --pathspec-from-file=- <<EOF\n${K}/log.md\nEOF`, 'world', /cannot tell/],
  ["git checkout of ':(top)…/now.md', then cat of the log", `git checkout HEAD~1 -- ':(top)${K}/now.md' && cat ${K}/log.md`, 'world', 'allow'],
  ['git add --pathspec-from-file (the index alone)', `echo ${K}/log.md | git add --pathspec-from-file=-`, 'world', 'allow'],
  // Found in review on 2026-12-07 (#7): exclusion and attribute pathspecs never spell log.md, so the
  // quick check passed them over unread; git put an older log in place.
  ["git checkout of ':!…/now.md' alone", `git checkout HEAD~1 -- ':!${K}/now.md'`, 'world', /cannot tell/],
  ["git restore -s of ':!x' alone", "git restore -s HEAD~1 -- ':!x'", 'world', /cannot tell/],
  ["git checkout of ':^x' alone", "git checkout HEAD~1 -- ':^x'", 'world', /cannot tell/],
  ["git checkout of ':(exclude)*.txt' alone", "git checkout HEAD~1 -- ':(exclude)*.txt'", 'world', /cannot tell/],
  ["git checkout of ':(attr:!binary)' alone", "git checkout HEAD~1 -- ':(attr:!binary)'", 'world', /cannot tell/],
  ['git checkout of :\\!x, escaped', 'git checkout HEAD~1 -- :\\!x', 'world', /cannot tell/],
  ["git checkout of ':(exclude)…' outside every world", "git checkout HEAD~1 -- ':(exclude)*.txt'", 'elsewhere', 'allow'],
  ["git log -- ':!x' (reads)", "git log -- ':!x'", 'world', 'allow'],
  // Found in review on 2026-12-07 (M1): patch and git apply of a diff on their input (a here-document,
  // a pipe) write the files its ---/+++ lines name; each was allowed, and bash changed the log.
  ['patch of a here-document diff of the log', `cd ${K} && patch -p0 <<'P'\n--- log.md\n+++ log.md\n@@ -1 +0,0 @@\n----\nP`, 'world', /cannot tell/],
  ['git diff of the log piped into patch', `git diff HEAD HEAD~1 -- ${K}/log.md | patch -p1`, 'world', /cannot tell/],
  ['git diff of the log piped into git apply', `git diff HEAD HEAD~1 -- ${K}/log.md | git apply`, 'world', /cannot tell/],
  ['git format-patch of the log into git apply -R', `git format-patch -1 --stdout -- ${K}/log.md | git apply -R`, 'world', /cannot tell/],
  ['git apply of a here-document diff', `git apply <<'P'\n--- a/${K}/log.md\n+++ b/${K}/log.md\n@@ -1 +0,0 @@\n----\nP`, 'world', /cannot tell/],
  ['git -C DIR apply of a patch file named for the log', `git -C . apply --index log.md.patch`, 'world', /cannot tell/],
  ['git apply --check of the log diff (writes nothing)', `git diff -- ${K}/log.md | git apply --check`, 'world', 'allow'],
  ['git apply --stat of the log diff', `git diff -- ${K}/log.md | git apply --stat`, 'world', 'allow'],
  ['git apply --cached (the index alone)', `git diff -- ${K}/log.md | git apply --cached`, 'world', 'allow'],
  ['patch of a diff of another file, then cat of the log', `patch -p1 < fix.patch && cat ${K}/log.md`, 'world', 'allow'],
  ['git diff of the log into a file', `git diff -- ${K}/log.md > /tmp/d.patch`, 'world', 'allow'],
  // Found in review on 2026-12-07 (H6): bulk replaces through names find, grep -l or rg -l list; each
  // was allowed (the input was checked for the text log.md alone, or the command not read), and bash
  // changed the log.
  ["find -name '*.md' | xargs sed -i", "find . -name '*.md' | xargs sed -i 's/tomatoes/potatoes/'", 'world', /find's tests may match log\.md/],
  // Second review of 2026-12-07: a wrapper before the lister hid it.
  ["nice find -name '*.md' | xargs sed -i", "nice find . -name '*.md' | xargs sed -i 's/tomatoes/potatoes/'", 'world', /find's tests may match log\.md/],
  ["command find -name '*.md' | xargs sed -i", "command find . -name '*.md' | xargs sed -i 's/tomatoes/potatoes/'", 'world', /find's tests may match log\.md/],
  ['sed -i of $(nice -n 5 grep -rl)', "sed -i 's/a/b/' $(nice -n 5 grep -rl tomatoes .)", 'world', /grep may list log\.md/],
  [
    'timeout 5 find ! -name log.md | xargs sed -i (the logs left out)',
    "timeout 5 find . -name '*.md' ! -name log.md | xargs sed -i 's/a/b/'",
    'world',
    'allow',
  ],
  ["find -name '*.md' -print0 | xargs -0 perl -pi", "find . -name '*.md' -print0 | xargs -0 perl -pi -e 's/tomatoes/potatoes/'", 'world', /cannot tell/],
  ['grep -rl | xargs sed -i', "grep -rl tomatoes . | xargs sed -i 's/tomatoes/potatoes/'", 'world', /grep may list log\.md/],
  ['sed -i on $(grep -rl)', "sed -i 's/tomatoes/potatoes/' $(grep -rl tomatoes .)", 'world', /cannot tell/],
  ['rm of what backquotes print, naming the log', `rm \`ls ${K}/log.md\``, 'world', /cannot tell/],
  ['grep -Rli in backquotes', 'sed -i s/a/b/ `grep -Rli tomatoes 04_Ventures`', 'world', /cannot tell/],
  ['grep -rl | while read … sed -i', 'grep -rl tomatoes . | while read f; do sed -i s/a/b/ "$f"; done', 'world', /cannot tell/],
  ['rg -l | xargs sed -i', "rg -l tomatoes | xargs sed -i 's/a/b/'", 'world', /rg may list log\.md/],
  ['git grep -l | xargs sed -i', "git grep -l tomatoes | xargs sed -i 's/a/b/'", 'world', /cannot tell/],
  ["find -name '*.md' ! -name log.md | xargs sed -i", "find . -name '*.md' ! -name log.md | xargs sed -i 's/a/b/'", 'world', 'allow'],
  // Second review of 2026-12-07: a lister's exclusion hid the log paths the same text names
  // (data that only starts with find, or find printing them).
  ['a here-string that starts with find and names a log, to xargs rm', `xargs rm -f -- <<< "find ! -name log.md ${K}/log.md"`, 'world', /cannot tell/],
  ['find ! -name log.md -exec echo of a log | xargs rm', `find . -maxdepth 0 ! -name log.md -exec echo ${K}/log.md \\; | xargs rm -f`, 'world', /cannot tell/],
  ['rm of find ! -name log.md -printf of a log', `rm -f -- $(find . -maxdepth 0 ! -name log.md -printf '${K}/log.md\\n')`, 'world', /cannot tell/],
  ['grep -rl --exclude=log.md, then a log named | xargs rm', `xargs rm -f -- <<< "grep -l --exclude=log.md x ${K}/log.md"`, 'world', /cannot tell/],
  ["find -name '*.ts' | xargs sed -i", "find . -name '*.ts' | xargs sed -i 's/a/b/'", 'world', 'allow'],
  ['grep -rl --include=*.ts | xargs sed -i', "grep -rl --include='*.ts' foo . | xargs sed -i 's/foo/bar/'", 'world', 'allow'],
  ['grep -rl --exclude=log.md | xargs sed -i', "grep -rl --exclude=log.md tomatoes . | xargs sed -i 's/a/b/'", 'world', 'allow'],
  ["rg -l -g '!log.md' | xargs sed -i", "rg -l -g '!log.md' tomatoes | xargs sed -i 's/a/b/'", 'world', 'allow'],
  ['grep -rl | xargs grep -c (reading)', 'grep -rl tomatoes . | xargs grep -c potatoes', 'world', 'allow'],
  ['grep -rn (no names listed to a writer)', 'grep -rn tomatoes . | head -5', 'world', 'allow'],
  ['grep -rl outside every world', "grep -rl tomatoes . | xargs sed -i 's/a/b/'", 'elsewhere', 'allow'],
  // Found in review on 2026-12-07 (H5): /dev/fd, /dev/stdin and /proc name what the shell has open
  // or is in, which the hook's own process resolved for itself (or took /proc/ for a folder outside
  // every world); each was allowed, and bash emptied or removed the log.
  ['truncate of /dev/stdin, the log redirected in', `truncate -s0 /dev/stdin < ${K}/log.md`, 'world', /descriptor/],
  ['a redirection onto /dev/fd/3, the log opened as 3', `exec 3<${K}/log.md; : > /dev/fd/3`, 'world', /descriptor/],
  ['a redirection onto /proc/self/fd/3', `exec 3<${K}/log.md; : > /proc/self/fd/3`, 'world', /descriptor/],
  ['cp onto /dev/fd/3', `exec 3<${K}/log.md; cp /dev/null /dev/fd/3`, 'world', /descriptor/],
  // Found in review on 2026-12-07 (#9): the opened file named through a glob or a substitution.
  ['a redirection onto /dev/fd/3, a glob opened as 3', `exec 3<${K}/l?g.md; : > /dev/fd/3`, 'world', /descriptor/],
  ['a redirection onto /dev/fd/3, a substitution opened as 3', `exec 3<"$(echo ${K}/lo?.md)"; : > /dev/fd/3`, 'world', /descriptor/],
  ['truncate of /dev/stdin, a glob redirected in', `truncate -s0 /dev/stdin < ${K}/l?g.md`, 'world', /descriptor/],
  ['a redirection onto /dev/fd/3, a glob of other names opened as 3', `exec 3<${K}/*.txt; : > /dev/fd/3; cat ${K}/log.md`, 'world', 'allow'],
  ['a redirection onto 3 after cd /dev/fd', `cd /dev/fd && exec 3<<WORLD>/${K}/log.md && : > 3`, 'world', /descriptor/],
  ['truncate of /dev/stdin in a loop reading the log', `while read l; do truncate -s0 /dev/stdin; done < ${K}/log.md`, 'world', /descriptor/],
  ['a redirection onto /proc/self/cwd/log.md after a cd', `cd ${K} && : > /proc/self/cwd/log.md`, 'world', /cannot tell/],
  ['rm through /proc/$$/root', `rm /proc/$$/root<WORLD>/${K}/log.md`, 'world', /cannot tell/],
  ['a redirection through /proc/$$/root$PWD', `echo x > /proc/$$/root$PWD/${K}/log.md`, 'world', /cannot tell/],
  ['sed -i through /proc/$$/cwd', `sed -i 1d /proc/$$/cwd/${K}/log.md`, 'world', /cannot tell/],
  ['a write under a folder descriptor, /proc/self/fd/3/log.md', `exec 3<${K}; : > /proc/self/fd/3/log.md`, 'world', /cannot tell/],
  ['cat of the log onto /dev/stderr', `cat ${K}/log.md > /dev/stderr`, 'world', 'allow'],
  ['grep of the log onto /dev/stdout and /dev/stderr', `grep -c x ${K}/log.md 2>/dev/stderr >/dev/stdout`, 'world', 'allow'],
  ['tee /dev/stderr of a list redirected in, then cat of the log', `tee /dev/stderr < list.txt; cat ${K}/log.md`, 'world', 'allow'],
  // Found in review on 2026-12-07 (review 2, #5 and #6): /proc and /dev/fd reached by a relative
  // path were not taken for them, and a link made through /proc was not recorded; each was
  // allowed, and bash removed or emptied the log.
  ['rm through ../…/proc/self/cwd after a cd', `cd ${K} && rm ../../../../../../../../../../../../proc/self/cwd/log.md`, 'world', /cannot tell/],
  ['a redirection onto ../…/proc/self/cwd/log.md after a cd', `cd ${K}; : > ../../../../../../../../../../../../proc/self/cwd/log.md`, 'world', /cannot tell/],
  ['a redirection onto ../…/dev/fd/3, the log opened as 3', `exec 3<${K}/log.md; : > ../../../../../../../../../../../../dev/fd/3`, 'world', /descriptor/],
  ['a link made through /proc/self/cwd, then rm of log.md under it', `ln -s ${K} /proc/self/cwd/lk2 && rm lk2/log.md`, 'world', /cannot tell/],
  ['a link made through /proc/self/cwd, then sed -i under it', `ln -s $PWD/${K} /proc/self/cwd/lk2; sed -i 1d lk2/log.md`, 'world', /cannot tell/],
  ['a redirection onto ../notes.md after a cd', `cd ${K} && echo x > ../notes.md`, 'world', 'allow'],
  ['a redirection onto /proc/self/cwd/notes.md, naming the log elsewhere', `cat ${K}/log.md > /proc/self/cwd/notes.md`, 'world', 'allow'],
  // Found in review on 2026-12-07 (H4): a log as find's starting point, -wholename (taken for a
  // name test) and -samefile were not read; each was allowed, and bash removed or emptied the log.
  ['find of the log itself, -delete', `find ${K}/log.md -delete`, 'world', /delete/],
  ['find of the log itself, -exec truncate', `find ${K}/log.md -exec truncate -s0 {} \\;`, 'world', /overwrite/],
  ['find -L of the log itself, -exec sh -c', `find -L ${K}/log.md -exec sh -c ': > "$1"' _ {} \\;`, 'world', /overwrite/],
  ['find of a glob that matches the log, -delete', `find ${K}/l*.md -delete`, 'world', /delete/],
  ["find -wholename '*/log.md' -delete", "find . -wholename '*/log.md' -delete", 'world', /cannot tell/],
  ["find -iwholename '*/LOG.MD' -exec rm", "find . -iwholename '*/LOG.MD' -exec rm {} +", 'world', /cannot tell/],
  ['find -samefile the log, -delete', `find . -samefile ${K}/log.md -delete`, 'world', /cannot tell/],
  ['find of the log itself, -exec grep', `find ${K}/log.md -newer x -exec grep -c signed {} +`, 'world', 'allow'],
  ['find of the log itself with a -name that leaves it out', `find ${K}/log.md -name '*.tmp' -delete`, 'world', 'allow'],
  ['find -samefile the log, -exec cp elsewhere', `find ${K} -samefile ${K}/log.md -exec cp {} /tmp/bk.md \\;`, 'world', 'allow'],
  ["find -wholename '*/_kernel/*.tmp' -delete", "find . -wholename '*/_kernel/*.tmp' -delete", 'world', 'allow'],
  // Globs the shell expands: read from the folder as bash will expand them.
  ['rm *.md in the kernel', 'rm *.md', 'kernel', /delete/],
  ['sed -i over *.md in the kernel', "sed -i 's/a/b/g' *.md", 'kernel', /overwrite the walnut log \S+log\.md \(sed -i of \*\.md\)/],
  ['a ? glob spelling the name', 'rm -f l?g.md', 'kernel', /delete/],
  ['a [...] glob spelling the name', "sed -i 's/a/b/' [l]og.md", 'kernel', /overwrite/],
  ['a range glob spelling the name', 'rm -f [a-z]og.md', 'kernel', /delete/],
  ['a [...] glob inside the name, from the world', `sed -i s/a/b/ ${K}/lo[g].m[d]`, 'world', /overwrite/],
  ['a [...] glob and a star', `rm ${K}/[lk]*`, 'world', /delete/],
  ['a negated [...] glob that leaves the log out', 'rm -f [!l]og.md [^l]og.md', 'kernel', 'allow'],
  ['a [...] glob matching no log', 'rm -f [abc].txt notes/[0-9]*', 'kernel', 'allow'],
  ['the test command [ ... ]', '[ -f log.txt ] && rm -f x.txt', 'kernel', 'allow'],
  // POSIX classes, equivalence classes and collating symbols are read as bash reads them (a class of
  // a character outside ASCII, which the locale decides, and a form not known match any character):
  // `[[:digit:]]*.md` in a kernel was denied, and find -name '[[:alpha:]]og.md' -delete allowed.
  ['a [[:digit:]] class that leaves the log out', 'rm -f [[:digit:]]*.md', 'kernel', 'allow'],
  ['a negated class that keeps it', 'rm -f [![:digit:]]og.md', 'kernel', /delete/],
  ['an [[:upper:]] class, which bash matches against log.md as it is: no name', 'rm -f [[:upper:]]og.md', 'kernel', 'allow'],
  ['a class not known', 'rm -f [[:nosuch:]]og.md', 'kernel', /delete/],
  ['find -name with a class', "find . -name '[[:alpha:]]og.md' -delete", 'world', /cannot tell/],
  ['find -iname with a class in another case', "find . -iname '[[:upper:]]OG.MD' -delete", 'world', /cannot tell/],
  ['find -name with a class that leaves the log out', "find . -name '[[:digit:]]og.md' -delete", 'world', 'allow'],
  // Brackets the reader cannot take apart exactly (quotes, escapes or expansions inside) stand for
  // any one character: bash would match log.md with each.
  ['a [[:alpha:]] class', "sed -i 's/a/b/' [[:alpha:]]og.md", 'kernel', /overwrite/],
  ['a [[:lower:]] class', "sed -i 's/a/b/' [[:lower:]]og.md", 'kernel', /overwrite/],
  ['a [[.l.]] collating symbol', "sed -i 's/a/b/' [[.l.]]og.md", 'kernel', /overwrite/],
  ['a [[=l=]] equivalence class', "sed -i 's/a/b/' [[=l=]]og.md", 'kernel', /overwrite/],
  ['a backslash inside brackets', "sed -i 's/a/b/' [\\l]og.md", 'kernel', /overwrite/],
  ['quotes inside brackets', `sed -i 's/a/b/' [l""]og.md`, 'kernel', /overwrite/],
  ["$'…' inside brackets", "sed -i 's/a/b/' [$'l']og.md", 'kernel', /overwrite/],
  ['a ] first in the brackets', "sed -i 's/a/b/' []l]og.md", 'kernel', /overwrite/],
  ['an unclosed [: inside brackets', "sed -i 's/a/b/' [l[:]og.md", 'kernel', /overwrite/],
  ['a $ inside brackets', "sed -i 's/a/b/' [l$]og.md", 'kernel', /overwrite/],
  ['a $ inside brackets, inside the name', 'rm -f lo[g$].md', 'kernel', /delete/],
  ['braces inside brackets', "sed -i 's/a/b/' [{k,l}]og.md", 'kernel', /overwrite/],
  ['[!]] (a ] negated)', "sed -i 's/a/b/' [!]]og.md", 'kernel', /overwrite/],
  ["find -name '[!]]og.md' -delete", "find . -name '[!]]og.md' -delete", 'world', /cannot tell/],
  ['a quoted space inside brackets', `sed -i 's/a/b/' [l" "]og.md`, 'kernel', /overwrite/],
  ['an escaped space inside brackets', "sed -i 's/a/b/' [l\\ ]og.md", 'kernel', /overwrite/],
  ["a ? held in a variable: x='l?g.md'; … $x", "x='l?g.md'; sed -i 's/a/b/' $x", 'kernel', /overwrite/],
  ["a bracket held in a variable: x='[l]og.md'; … $x", "x='[l]og.md'; sed -i 's/a/b/' $x", 'kernel', /overwrite/],
  ['if [ "$x" = y ] reads nothing', 'if [ "$x" = y ]; then echo ok; fi', 'kernel', 'allow'],
  // A command substitution's text is the names it prints, as for f=$(…).
  ['rm $(echo log.md)', 'rm $(echo log.md)', 'kernel', /cannot tell|delete/],
  ['>> $(echo log.md)', 'echo x >> $(echo log.md)', 'kernel', /cannot tell|append/],
  ['cp to a name with $(date) in it', 'cp notes.md "notes-$(date +%F).md"', 'kernel', 'allow'],
  ['a glob of the kernel folder from the world', `rm ${K}/*`, 'world', /delete/],
  ['a glob after a cd', `cd ${K} && rm -f *.md`, 'world', /delete/],
  ['globs in the folder part and the name', 'sed -i s/a/b/ */*/_kernel/*.md', 'world', /overwrite/],
  ['a redirection onto a glob', 'echo x >> *.md', 'kernel', /append/],
  ['a quoted * is a literal name', 'rm \'*.md\' "*".md', 'kernel', 'allow'],
  ['globs that match no log', 'rm -f *.ts *.json notes/*', 'kernel', 'allow'],
  ['reading through a glob', 'cat *.md > /tmp/all.md && cp *.md /tmp/', 'kernel', 'allow'],
  ['a glob in a folder the command cannot tell', 'rm "$X"/*.md', 'kernel', /cannot tell/],
  ['a glob after a cd the guardian cannot follow', 'cd "$X" && rm *.md', 'kernel', /cannot tell/],
  ['a glob through a brace group', `rm ${K}/*.{md,x}`, 'world', /delete/],
  ['a glob after a variable the loop sets', 'for d in */; do rm "$d"*; done', 'kernel', 'allow'],
  ['a glob eval reads', `eval rm ${K}/\\*`, 'world', /delete/],
  ['a loop over *.md where no log is', 'for f in *.md; do sed -i "s/teh/the/" "$f"; done', 'world', 'allow'],
  ['a loop over *.md in the kernel', 'for f in *.md; do sed -i "s/teh/the/" "$f"; done', 'kernel', /overwrite/],
  ['names read from ls *.md (input the text does not spell as log.md)', 'ls *.md | while read f; do sed -i s/a/b/ "$f"; done', 'world', 'allow'],
  ["find -path '*_kernel*' -delete", "find . -path '*_kernel*' -delete", 'world', /cannot tell/],
  ["find -path '*.txt' -delete", "find . -path '*.txt' -delete", 'world', 'allow'],
  // A negated pattern leaves the logs out only when it matches every one.
  ['find skipping node_modules, sed -i on the .md files', "find . -name '*.md' -not -path '*/node_modules/*' -exec sed -i s/a/b/ {} +", 'world', /cannot tell/],
  ['find -name log.md skipping node_modules, -delete', "find . -name log.md -not -path '*/node_modules/*' -delete", 'world', /cannot tell/],
  ["find -iname LOG.MD ! -path './archive/*'", "find . -iname LOG.MD ! -path './archive/*' -exec rm {} +", 'world', /cannot tell/],
  ["find -not -path '*/log.md' (every log left out)", "find . -name '*.md' -not -path '*/log.md' -exec sed -i s/a/b/ {} +", 'world', 'allow'],
  // A git pathspec is matched by git, quoted or not, its `*` across folders.
  ["git checkout -- '*.md'", "git checkout -- '*.md'", 'world', /cannot tell/],
  ["git restore '*/_kernel/*.md'", "git restore '*/_kernel/*.md'", 'world', /cannot tell/],
  ["git stash push -- '*.md'", "git stash push -- '*.md'", 'world', /cannot tell/],
  ["git rm -q '*.md'", "git rm -q '*.md'", 'world', /cannot tell/],
  ["git checkout -- '*.ts'", "git checkout -- '*.ts'", 'world', 'allow'],
  ['a ** glob (globstar, zsh)', "shopt -s globstar; sed -i 's/a/b/' **/*.md", 'world', /cannot tell/],
  // A glob among the positional parameters: "$@" takes each word in turn.
  ['set -- a glob, then rm "$@"', `set -- ${K}/*; rm "$@"`, 'world', /delete/],
  ['sh -c \'rm "$@"\' with a glob for its parameters', `sh -c 'rm "$@"' _ ${K}/*`, 'world', /delete/],
  ['set -- a glob matching no log, then rm "$@"', 'set -- *.ts; rm "$@"', 'kernel', 'allow'],
  // A variable holding a star, expanded unquoted, is a glob there; quoted, a name.
  ["x='*'; rm …/$x", `x='*'; rm ${K}/$x`, 'world', /delete/],
  ['x=\'*\'; rm "…/$x" (quoted: the name *)', `x='*'; rm "${K}/$x"`, 'world', 'allow'],
  ['a glob on a log.md outside every world', 'rm *.md', 'elsewhere', 'allow'],
  ['find -exec grep on the logs', 'find . -name log.md -exec grep -l signed {} +', 'world', 'allow'],
  ['find -exec cp of the logs to a literal folder', 'find . -name log.md -exec cp {} /tmp/bk/ \\;', 'world', 'allow'],
  ['find -name log.md -print', 'find . -name log.md -newer x -print', 'world', 'allow'],
  ['find -exec sed -i on the .md files but the log', "find . -name '*.md' -not -name log.md -exec sed -i 's/a/b/' {} +", 'world', 'allow'],
  ['find -exec rm on the .md files but the log (! -iname)', "find . -name '*.md' ! -iname LOG.MD -exec rm {} +", 'world', 'allow'],
  ['find -delete of other files', `find . -name '*.bak' -delete && cat ${K}/log.md`, 'world', 'allow'],
  ['xargs reading the logs', `find . -name log.md | xargs grep -c signed > /tmp/counts`, 'world', 'allow'],
  ['xargs copying the logs into a literal folder', 'find . -name log.md -print0 | xargs -0 cp -t /tmp/bk', 'world', 'allow'],
  ['xargs fed by a list that does not name log.md', `xargs rm < list.txt; cat ${K}/log.md`, 'world', 'allow'],
  ['xargs -I{} sh -c writing the name it reads', "find . -name log.md | xargs -I{} sh -c 'echo x > {}'", 'world', /cannot tell/],
  ['xargs -I % bash -c with sed -i on the quoted name', `find . -name log.md | xargs -I % bash -c 'sed -i s/a/b/ "%"'`, 'world', /cannot tell/],
  ['xargs -I{} sh -c copying each log to a backup', "find . -name log.md | xargs -I{} sh -c 'cp {} {}.bak'", 'world', 'allow'],
  ['xargs -I{} sh -c reading each log', "find . -name log.md | xargs -I{} sh -c 'wc -l {}'", 'world', 'allow'],
  ['the second command of a pipeline list', `git status && echo x > ${K}/log.md`, 'world', /overwrite/],
  ['inside if/then and a loop', `if true; then sed -i s/a/b/ ${K}/log.md; fi; for i in 1; do rm ${K}/log.md; done`, 'world', /overwrite/],
  ['after a heredoc', `cat <<EOF > ${K}/log.md\nhello\nEOF`, 'world', /overwrite/],
  // Loops: a for variable takes each of its words; a variable read from input naming log.md cannot be told.
  ['sed -i on a for variable', `for f in ${K}/log.md 02_Life/b/_kernel/log.md; do sed -i "s/x/y/" "$f"; done`, 'world', /overwrite/],
  ['>> onto a for variable', `for f in 02_Life/b/_kernel/log.md ${K}/log.md; do echo x >> "$f"; done`, 'world', /would append/],
  ['rm of a braced for variable over brace-expanded words', `for f in ${K}/{notes,log}.md; do rm \${f}; done`, 'world', /delete or move away/],
  ['a for variable in the folder part', 'for w in fresh garden; do echo x > 04_Ventures/$w/_kernel/log.md; done', 'world', /overwrite/],
  ['nested for loops', 'for a in 02_Life 04_Ventures; do for b in old garden; do rm "$a/$b/_kernel/log.md"; done; done', 'world', /delete or move away/],
  ['a variable assigned from a for variable', 'for w in fresh garden; do f=04_Ventures/$w/_kernel/log.md; truncate -s 0 "$f"; done', 'world', /overwrite/],
  ['a cd to a for variable over several folders', `for d in 02_Life/old ${K}; do cd "$d" && echo x >> log.md; done`, 'world', /cannot tell|append/],
  ['a for variable over a glob', 'for f in 04_Ventures/*/_kernel/log.md; do echo x >> "$f"; done', 'world', /append/],
  ['a for variable over a command naming log.md', 'for f in $(ls 04_Ventures/*/_kernel/log.md); do echo x >> "$f"; done', 'world', /cannot tell/],
  ['while read fed by a process substitution', 'while read -r f; do echo x >> "$f"; done < <(ls 04_Ventures/*/_kernel/log.md)', 'world', /cannot tell/],
  ['while read fed by a pipeline', `ls ${K}/log.md | while IFS= read -r f; do sed -i s/a/b/ "$f"; done`, 'world', /cannot tell/],
  ['a variable set from a command naming log.md', `f=$(find 04_Ventures -name log.md | head -1); sed -i s/a/b/ "$f"`, 'world', /cannot tell/],
  ['an exported variable set from a command naming log.md', `export LOG="$(ls ${K}/log.md)" && echo x >> "$LOG"`, 'world', /cannot tell/],
  ['a variable set from a command naming log.md, copied from', `f=$(ls ${K}/log.md); cp "$f" /tmp/log-copy.md`, 'world', 'allow'],
  ['while read fed by a here-string', `while read f; do rm "$f"; done <<< "${K}/log.md"`, 'world', /cannot tell/],
  // Found in review on 2026-12-07 (H2): a here-document's body and what mapfile/readarray fill were
  // not input; each of these was allowed, and bash then removed or changed the log.
  ['while read fed by a here-document', `while read f; do rm "$f"; done <<EOF\n${K}/log.md\nEOF`, 'world', /cannot tell/],
  ['while read fed by a quoted here-document', `while read f; do rm "$f"; done <<'EOF'\n${K}/log.md\nEOF`, 'world', /cannot tell/],
  ['read of a here-document with a quoted delimiter', `read x <<"EOF"\n${K}/log.md\nEOF\nrm "$x"`, 'world', /cannot tell/],
  ['IFS= read -r of a here-document', `IFS= read -r x <<EOF\n${K}/log.md\nEOF\nrm "$x"`, 'world', /cannot tell/],
  ['a here-document piped into while read', `cat <<EOF | while read f; do rm "$f"; done\n${K}/log.md\nEOF`, 'world', /cannot tell/],
  ['xargs rm of a here-document', `xargs rm <<EOF\n${K}/log.md\nEOF`, 'world', /cannot tell/],
  ['xargs rm of a <<- here-document', `xargs rm <<-EOF\n\t${K}/log.md\n\tEOF`, 'world', /cannot tell/],
  ['readarray of a here-string', `readarray a <<< ${K}/log.md; rm \${a[0]}`, 'world', /cannot tell/],
  ['mapfile -t of a process substitution', `mapfile -t a < <(ls 04_Ventures/*/_kernel/log.md); sed -i 1d "\${a[@]}"`, 'world', /cannot tell/],
  ['mapfile -t of a here-document', `mapfile -t a <<EOF\n${K}/log.md\nEOF\nrm "\${a[@]}"`, 'world', /cannot tell/],
  ['mapfile with options before the array, $a', `mapfile -t -n 1 a <<< ${K}/log.md; rm $a`, 'world', /cannot tell/],
  ['mapfile into MAPFILE', `mapfile <<< ${K}/log.md; rm \${MAPFILE[0]}`, 'world', /cannot tell/],
  ['a here-document piped into bash', `cat <<EOF | bash\nrm ${K}/log.md\nEOF`, 'world', /cannot tell/],
  ['xargs sed -n of a here-document holding -i', `xargs sed -n 1p <<EOF\n-i\n${K}/log.md\nEOF`, 'world', OPTION_UNREAD],
  ['xargs sed -n of a here-document piped in holding -i', `cat <<EOF | xargs sed -n 1p\n-i\n${K}/log.md\nEOF`, 'world', OPTION_UNREAD],
  ['xargs sed -n of a here-document of the log', `xargs sed -n 1p <<EOF\n${K}/log.md\nEOF`, 'world', 'allow'],
  ['while read of a here-document, names echoed', `while read f; do echo "$f"; done <<EOF\n${K}/log.md\nEOF`, 'world', 'allow'],
  ['xargs cp of a here-document into a literal folder', `xargs -I{} cp {} /tmp/bk/ <<EOF\n${K}/log.md\nEOF`, 'world', 'allow'],
  [
    'while read of a here-document not naming log.md, then cat of the log',
    `while read f; do rm "$f"; done <<EOF\nold.txt\nEOF\ncat ${K}/log.md`,
    'world',
    'allow',
  ],
  ['mapfile of the log, lines printed', `mapfile -t lines < ${K}/log.md; printf '%s\\n' "\${lines[@]}" > /tmp/lines.txt`, 'world', 'allow'],
  // Found by a review: shell forms the reader once missed (each was allowed, and bash changed the log).
  [
    'a write after a heredoc with an apostrophe inside $(…) (the usual commit form)',
    `git commit -m "$(cat <<'EOF'\nDon't forget the garden\nEOF\n)" && echo '## new' > ${K}/log.md`,
    'world',
    /overwrite/,
  ],
  ['a write after a comment with an apostrophe inside $(…)', `x=$(echo a # don't\n) && rm ${K}/log.md`, 'world', /delete/],
  ['a { group } after if', `if { rm ${K}/log.md; }; then :; fi`, 'world', /delete/],
  ['a { group } after !', `! { rm ${K}/log.md; }`, 'world', /delete/],
  ['a { group } after time', `time { rm ${K}/log.md; }`, 'world', /delete/],
  ['a { group } after do', `for f in a; do { rm ${K}/log.md; } done`, 'world', /delete/],
  ['a function NAME { body }', `function f { rm ${K}/log.md; }; f`, 'world', /delete/],
  ['a line after (( shift << 2 ))', `(( x = 1 << 2 ))\nrm ${K}/log.md`, 'world', /delete/],
  ['a command substitution in an unquoted heredoc body', `cat <<EOF\n$(rm ${K}/log.md)\nEOF`, 'world', /delete/],
  ['backquotes in an unquoted heredoc body', `cat <<EOF\n\`rm ${K}/log.md\`\nEOF`, 'world', /delete/],
  ['a name split by a backslash-newline', `rm ${K}/lo\\\ng.md`, 'world', /delete/],
  ["a name with an empty $'' inside", `rm ${K}/lo$''g.md`, 'world', /delete/],
  ['a name with an empty $"" inside', `rm ${K}/lo$""g.md`, 'world', /delete/],
  ['cp -vt DIR', `cp -vt ${K} /tmp/log.md`, 'world', /overwrite/],
  ['cp -tDIR', `cp -t${K} /tmp/log.md`, 'world', /overwrite/],
  ['cp --target=DIR (an abbreviated long option)', `cp --target=${K} /tmp/log.md`, 'world', /overwrite/],
  ['mv --target DIR (abbreviated)', `mv --target ${K} /tmp/log.md`, 'world', /overwrite/],
  // A quoted heredoc body is text: nothing in it runs.
  ['a command substitution in a quoted heredoc body', `cat <<'EOF'\n$(rm ${K}/log.md)\nEOF`, 'world', 'allow'],
  // Allowed.
  ['reading it', `cat ${K}/log.md && grep -n signed ${K}/log.md | head -5`, 'world', 'allow'],
  ['sed without -i', `sed -n '1,10p' ${K}/log.md`, 'world', 'allow'],
  ['copying it elsewhere', `cp ${K}/log.md /tmp/backup.md`, 'world', 'allow'],
  ['an input redirection', `wc -l < ${K}/log.md`, 'world', 'allow'],
  ['fd duplication', `cat ${K}/log.md 2>&1 >/dev/null`, 'world', 'allow'],
  ['log.md named only in a heredoc body', 'cat <<EOF > notes.md\nsee log.md\nEOF', 'world', 'allow'],
  ['log.md named only in a comment', 'echo hi > notes.md # not log.md', 'world', 'allow'],
  ['a string that names log.md', `echo "edit log.md by hand" > ${K}/notes.md`, 'world', 'allow'],
  ['creating a new log', 'printf -- "---\\nwalnut: fresh\\n---\\n" > 04_Ventures/fresh/_kernel/log.md', 'world', 'allow'],
  ['a log.md outside every world', 'echo x >> log.md', 'elsewhere', 'allow'],
  ['a similar name', `echo x > ${K}/log.md.bak && echo y > ${K}/changelog.md`, 'world', 'allow'],
  ['a command not naming log.md', 'rm -rf /tmp/whatever && echo x > notes.md', 'world', 'allow'],
  ['a for loop over other files', `for f in *.ts; do echo "$f"; done; cat ${K}/log.md`, 'world', 'allow'],
  ['a for loop reading the logs', `for f in ${K}/log.md 02_Life/old/LOG.md; do wc -l "$f" >> /tmp/counts.txt; done`, 'world', 'allow'],
  ['a for loop creating a new log', "for w in fresh; do printf -- '---\\n' > 04_Ventures/$w/_kernel/log.md; done", 'world', 'allow'],
  ['while read from the log into another file', `while read l; do echo "$l" >> out.txt; done < ${K}/log.md`, 'world', 'allow'],
  ['while read from a list that does not name log.md', `while read f; do echo x >> "$f"; done < list.txt; cat ${K}/log.md`, 'world', 'allow'],
  // "$(dirname …)" may print an option for cp (-t.: the source then lands in ./log.md.bak/).
  ['while read writing beside each log', `ls ${K}/log.md | while read f; do cp "$f" "$(dirname "$f")/log.md.bak"; done`, 'world', OPTION_UNREAD],
  ['while read writing beside each log, its name first', `ls ${K}/log.md | while read f; do cp "$f" "$f.bak"; done`, 'world', 'allow'],
  // Found by review G: legitimate commands that were denied.
  [
    'copying the log to an absolute path after a cd it cannot follow',
    `cd "$(git rev-parse --show-toplevel)" && cp ${K}/log.md /tmp/log-backup.md`,
    'world',
    'allow',
  ],
  ['gsed -i (GNU sed on macOS)', `gsed -i 's/tomatoes/potatoes/' ${K}/log.md`, 'world', /overwrite/],
  ['a timestamped backup beside it', `cp ${K}/log.md ${K}/log.md.bak.$(date +%Y%m%d)`, 'world', 'allow'],
  ['a timestamped copy in /tmp', `cp ${K}/log.md "/tmp/log-$(date +%F).md"`, 'world', 'allow'],
  ['a copy of the log into a folder mktemp made', `tmp=$(mktemp -d); cp ${K}/log.md "$tmp/"`, 'world', 'allow'],
  ['a copy of the log onto a file mktemp made', `t=$(mktemp) && cp ${K}/log.md $t`, 'world', 'allow'],
  // A cd into a folder mktemp made stays where it was when mktemp fails (it prints nothing; cd ""
  // succeeds): what follows is relative to the folder before (found in review, 2026-12-06).
  [
    'an old version of the log written after a cd into a folder mktemp made',
    `cd "$(mktemp -d)" && git -C <WORLD> show HEAD:${K}/log.md > log.md`,
    'world',
    /cannot tell|overwrite/,
  ],
  ['a log.md written through .. out of a folder mktemp made', 'd=$(mktemp -d); echo x > "$d/../log.md"', 'world', /cannot tell/],
  ['a log.md written after a cd .. out of a folder mktemp made', 'cd "$(mktemp -d)" && cd .. && echo x > log.md', 'world', /cannot tell/],
  // A glob in a folder mktemp made is refused again: allowed for a day, it matched through links
  // that tar, unzip, git or cp -a put there, and a failed mktemp leaves "$tmp"/… an absolute path
  // or a cd where it was (review of 2026-12-06, each reproduced in bash).
  ['rm -f * in a folder mktemp made', 'cd "$(mktemp -d)" && rm -f *', 'world', /cannot tell|delete|overwrite/],
  ['rm -rf * in a folder mktemp made, named by a variable', 'tmp=$(mktemp -d); cd "$tmp" && touch a.md && rm -rf *', 'world', /cannot tell|delete|overwrite/],
  ['rm -rf "$tmp"/* of a folder mktemp made', 'tmp=$(mktemp -d) && rm -rf "$tmp"/*', 'world', /cannot tell|delete|overwrite/],
  [
    'sed -i over the copies in a folder mktemp made',
    `tmp=$(mktemp -d); cp ${K}/log.md "$tmp/" && sed -i s/a/b/ "$tmp"/*.md`,
    'world',
    /cannot tell|delete|overwrite/,
  ],
  ['rm -rf "$tmp" of a folder mktemp made', 'tmp=$(mktemp -d); trap \'rm -rf "$tmp"\' EXIT; rm -rf "$tmp"', 'world', 'allow'],
  ['a copy of the log into a folder `mktemp -d` made (backquotes)', `T=\`mktemp -d\`; cp ${K}/log.md $T/`, 'world', 'allow'],
  [
    'a copy of the log into a folder `mktemp -d` made (backquotes), then a glob there',
    `T=\`mktemp -d\`; cp ${K}/log.md $T/ && cd $T && rm -f *`,
    'world',
    /cannot tell|delete|overwrite/,
  ],
  [
    'a failed mktemp: "$T" is empty, and "$T"/<absolute path> the path',
    `T=$(mktemp -d /dev/null/X); rm -f "$T"<WORLD>/${K}/log.md`,
    'world',
    /cannot tell|delete|overwrite/,
  ],
  ['a failed mktemp: the cd stays in the kernel', `cd "$(mktemp -d --tmpdir=/nonexistent)" && rm -f log.md`, 'kernel', /cannot tell|delete|overwrite/],
  ['a function named cd', `cd() { command cd <WORLD>/${K}; }; cd "$(mktemp -d)" && rm -f *`, 'world', /cannot tell|delete|overwrite/],
  // Found in review on 2026-12-07 (review 2, #1): the definition of a function named cd was read
  // as a bare cd to $HOME, taken as sure, and a cd after it as the builtin's; each was allowed,
  // and bash removed the log.
  ['a function named cd (no space), then rm of the log', `cd(){ :; }; rm ${K}/log.md`, 'world', /remove|delete/],
  ['a function named cd, then rm of the log', `cd() { echo hi; }; rm ${K}/log.md`, 'world', /remove|delete/],
  ['a function named cd, then a cd elsewhere and rm', `cd() { :; }; cd <BASE>/elsewhere; rm ${K}/log.md`, 'world', /remove|delete|cannot tell/],
  ['function cd { …; }, then a cd elsewhere && rm', `function cd { :; }; cd <BASE>/elsewhere && rm ${K}/log.md`, 'world', /remove|delete|cannot tell/],
  [
    'function pushd () { …; }, then a pushd elsewhere && rm',
    `function pushd () { :; }; pushd <BASE>/elsewhere && rm ${K}/log.md`,
    'world',
    /remove|delete|cannot tell/,
  ],
  [
    'alias cd, then a cd elsewhere and rm',
    `shopt -s expand_aliases; alias cd=:; eval 'cd <BASE>/elsewhere; rm ${K}/log.md'`,
    'world',
    /remove|delete|cannot tell/,
  ],
  ['a cd elsewhere, then rm of a path like the log there', `cd <BASE>/elsewhere; rm -f ${K}/log.md`, 'world', 'allow'],
  ['a function named cdx, then a cd elsewhere and rm', `cdx() { :; }; cd <BASE>/elsewhere; rm -f ${K}/log.md`, 'world', 'allow'],
  ['a glob in a folder backquotes name', 'T=`ls -d 04_Ventures/*/_kernel`; cd $T && rm -f *', 'world', /cannot tell/],
  ['rm -f * after a cd out of a folder mktemp made into the kernel', `cd "$(mktemp -d)"; cd <WORLD>/${K} && rm -f *`, 'world', /cannot tell|delete/],
  ['rm -f * after cd - out of a folder mktemp made', 'cd "$(mktemp -d)"; cd -; rm -f *', 'kernel', /cannot tell|delete/],
  ['rm -f * in a subshell that left a folder mktemp made', `cd "$(mktemp -d)" && (cd <WORLD>/${K} && rm -f *)`, 'world', /cannot tell|delete/],
  ['rm -f ../* from a folder mktemp made', 'cd "$(mktemp -d)" && rm -f ../*', 'world', /cannot tell/],
  ['a glob that may match .. under a folder mktemp made', 'cd "$(mktemp -d)" && rm -f .*/log.md', 'world', /cannot tell/],
  ['a glob that may match .. under "$tmp"', 'tmp=$(mktemp -d); rm -rf "$tmp"/.?/*', 'world', /cannot tell/],
  ['a glob in a folder a variable names, after a cd into a folder mktemp made', 'cd "$(mktemp -d)" && rm -f "$X"/*', 'world', /cannot tell/],
  ['rm -f * in ./sub of a folder mktemp made', 'cd "$(mktemp -d)" && mkdir sub && cd ./sub && rm -f *', 'world', /cannot tell|delete|overwrite/],
  [
    'rm -f * after a cd CDPATH may take out of a folder mktemp made',
    `cd "$(mktemp -d)" && CDPATH=<WORLD>/04_Ventures/garden cd _kernel && rm -f *`,
    'world',
    /cannot tell/,
  ],
  [
    'rm -f log.md after a cd CDPATH may take out of a folder mktemp made',
    `cd "$(mktemp -d)"; CDPATH=<WORLD>/04_Ventures/garden; cd _kernel; rm -f log.md`,
    'world',
    /cannot tell/,
  ],
  // A link made in the command may lead out of the folder mktemp made.
  ['rm -f k/* through a link to the kernel made in a folder mktemp made', `cd "$(mktemp -d)" && ln -s <WORLD>/${K} k && rm -f k/*`, 'world', /cannot tell/],
  [
    'a log.md hard-linked into a folder mktemp made, then truncated',
    `tmp=$(mktemp -d); ln ${K}/log.md "$tmp/log.md"; : > "$tmp/log.md"`,
    'world',
    /cannot tell/,
  ],
  [
    'a log.md cp -l linked into a folder mktemp made, then truncated',
    `tmp=$(mktemp -d); cp -al ${K}/log.md "$tmp/"; : > "$tmp/log.md"`,
    'world',
    /cannot tell/,
  ],
  // Links come from more than ln: anything but a few commands known to make none (tar, unzip, git,
  // cp -a/-r, mv, any program) may have put one in a folder mktemp made, so nothing there is new after it.
  ['rm -f */* after tar unpacked in a folder mktemp made', 'cd $(mktemp -d); tar -xf /tmp/evil.tar; rm -f */*', 'world', /cannot tell/],
  ['rm -f $T/*/log.md after tar -C $T', 'T=$(mktemp -d); tar -xf /tmp/evil.tar -C $T; rm -f $T/*/log.md', 'world', /cannot tell/],
  ['rm -f $T/k/* after cp -a of a link there', 'T=$(mktemp -d); cp -a /tmp/lnk $T/k; rm -f $T/k/*', 'world', /cannot tell/],
  ['rm -f $T/*/* after cp -r of a folder holding links', 'T=$(mktemp -d); cp -r /tmp/dir-with-links/. $T; rm -f $T/*/*', 'world', /cannot tell/],
  ['rm -f */* after git clone into a folder mktemp made', 'cd "$(mktemp -d)" && git clone -q https://example.com/r.git . && rm -f */*', 'world', /cannot tell/],
  ['sed -i over */*.md after unzip in a folder mktemp made', 'cd "$(mktemp -d)" && unzip -q /tmp/e.zip && sed -i s/a/b/ */*.md', 'world', /cannot tell/],
  ['cp onto $T/k/log.md after tar -C $T (no glob)', 'T=$(mktemp -d); tar -xf /tmp/evil.tar -C $T; cp /tmp/x.md $T/k/log.md', 'world', /cannot tell/],
  ['rm -f k/* after mv of a link into a folder mktemp made', 'cd "$(mktemp -d)" && mv /tmp/lnk k && rm -f k/*', 'world', /cannot tell/],
  ['rm -f */* after bash -c of a script it cannot see', 'cd "$(mktemp -d)" && bash -c "$CMD" && rm -f */*', 'world', /cannot tell/],
  [
    'sed -i running ln with its e command, then rm -f k/*',
    `cd "$(mktemp -d)" && echo x > a && sed -i '1e ln -s <WORLD>/${K} k' a && rm -f k/*`,
    'world',
    /cannot tell/,
  ],
  ['a redirection onto * after tar in a folder mktemp made', 'cd "$(mktemp -d)" && tar -xf /tmp/evil.tar && : > *', 'world', /cannot tell/],
  ['tee * after a program ran in a folder mktemp made', 'cd "$(mktemp -d)" && python3 fetch.py && tee * < /dev/null', 'world', /cannot tell/],
  // A trap's commands run at the end, after whatever made links.
  ['a trap globbing under $T, then tar -C $T', `T=$(mktemp -d); trap 'rm -f "$T"/*/*' EXIT; tar -xf /tmp/evil.tar -C "$T"`, 'world', /cannot tell/],
  // What mktemp prints is new only when mktemp is mktemp: not a function, alias or PATH the command sets.
  ['a function named mktemp, then T=`mktemp -d`', `mktemp() { echo <WORLD>/${K}; }; T=\`mktemp -d\`; cp /tmp/x.md $T/log.md`, 'world', /cannot tell/],
  ['a function named mktemp, then T=$(mktemp -d)', `mktemp() { echo <WORLD>/${K}; }; T=$(mktemp -d); cp /tmp/x.md $T/log.md`, 'world', /cannot tell/],
  ['function mktemp, then cd into what it prints', `function mktemp { echo <WORLD>/${K}; }; cd "$(mktemp -d)" && rm -f log.md`, 'world', /cannot tell/],
  ['an alias named mktemp', `shopt -s expand_aliases\nalias mktemp='echo <WORLD>/${K}'\nT=$(mktemp -d); cp /tmp/x.md $T/log.md`, 'world', /cannot tell/],
  ['a PATH set before mktemp', 'PATH=/tmp/evil:$PATH; T=$(mktemp -d); cp /tmp/x.md $T/log.md', 'world', /cannot tell/],
  ['eval of text it cannot see before mktemp', 'eval "$(cat defs.sh)"; T=$(mktemp -d); cp /tmp/x.md $T/log.md', 'world', /cannot tell/],
  [
    'a function named mktemp built from pieces in bash -c',
    `x=mk; y=temp; bash -c "$x$y() { echo <WORLD>/${K}; }; T=\\$(mktemp -d); cp /tmp/x.md \\$T/log.md"`,
    'world',
    /cannot tell/,
  ],
  ['rm -f $T/k/* after cp --sym (an abbreviated --symbolic-link)', `T=$(mktemp -d); cp --sym <WORLD>/${K} $T/k; rm -f $T/k/*`, 'world', /cannot tell/],
  ['rm -f $T/k/* after cp --no-d of a link (an abbreviated --no-dereference)', 'T=$(mktemp -d); cp --no-d /tmp/lnk $T/k; rm -f $T/k/*', 'world', /cannot tell/],
  ['rm -f "$T"/* after cp with options it cannot see (cp $opts)', `T=$(mktemp -d); cp $opts /tmp/lnk "$T/"; rm -f "$T"/*`, 'world', /cannot tell/],
  ['./rm, a program the command put there, then rm -f k/*', 'cd "$(mktemp -d)" && cp /tmp/evil.sh ./rm && ./rm && rm -f k/*', 'world', /cannot tell/],
  [
    'a function named mktemp built from pieces in a here-document to bash',
    'a=mk; b=temp; bash <<EOF\n$a$b() { echo <WORLD>/04_Ventures/garden/_kernel; }; T=\\$(mktemp -d); cp /tmp/x.md \\$T/log.md\nEOF',
    'world',
    /cannot tell/,
  ],
  [
    'bash reading a here-document that expands \\$x to the kernel',
    'x=<WORLD>/04_Ventures/garden/_kernel bash <<EOF\ncp /tmp/x.md "\\$x/log.md"\nEOF',
    'world',
    /cannot tell|overwrite/,
  ],
  // Still new: the folder itself, to be removed.
  ['rm -rf "$T" after tar -C "$T"', 'T=$(mktemp -d); tar -xf /tmp/a.tar -C "$T"; rm -rf "$T"', 'world', 'allow'],
  ['a trap removing "$T", then tar -C "$T"', `T=$(mktemp -d); trap 'rm -rf "$T"' EXIT; tar -xf /tmp/a.tar -C "$T"`, 'world', 'allow'],
  [
    'rm -f */* after mkdir, touch and cp in a folder mktemp made',
    'cd "$(mktemp -d)" && mkdir a && touch a/x.md && cp /tmp/x.md a/ && rm -f */*',
    'world',
    /cannot tell|delete|overwrite/,
  ],
  [
    'cat and grep over copies in $T, then rm -f "$T"/*',
    `T=$(mktemp -d); cp ${K}/log.md "$T/" && cat "$T"/* | grep x && rm -f "$T"/*`,
    'world',
    /cannot tell|delete|overwrite/,
  ],
  // `cd -` goes back to the folder before (the session's, here): not the one mktemp made.
  ['a log.md removed after cd - out of a folder mktemp made', `cd "$(mktemp -d)"; cd -; rm -f log.md`, 'kernel', /cannot tell|delete/],
  ['a log.md removed after cd -P - out of a folder mktemp made', `cd "$(mktemp -d)" && cd -P - && rm ${K}/log.md`, 'world', /cannot tell|delete/],
  ['a log.md written in a folder mktemp made, then a cd elsewhere', `cd $(mktemp -d); cd <WORLD>/${K}; echo x > log.md`, 'world', /cannot tell|overwrite/],
  ['a copy into a folder named by a variable (may be the walnut kernel)', 'cp /tmp/log.md "$W/_kernel"', 'world', /cannot tell/],
  ['a copy into a folder a substitution names', 'cp /tmp/log.md "$(ls -d 04_Ventures/*/_kernel)"', 'world', /cannot tell/],
  ['perl reading it with a module (-MList::Util: its i is not -i)', `perl -MList::Util=sum -lne 'print' ${K}/log.md`, 'world', 'allow'],
  ['perl reading it with an include folder (-Ilib)', `perl -Ilib -ne 'print' ${K}/log.md`, 'world', 'allow'],
  ['ruby reading it with a library (-rtime)', `ruby -rtime -ne 'puts $_' ${K}/log.md`, 'world', 'allow'],
  ['perl -i after a module option', `perl -Mutf8 -pi -e 's/a/b/' ${K}/log.md`, 'world', /overwrite/],
  ['a write to an absolute log path after a cd it cannot follow (the folder does not matter)', `cd "$(mktemp -d)" && echo x >> <LOG>`, 'world', /would append/],
  // git commands that put another version of a named file in place: the entries written since go.
  ['git checkout -- the log', `git checkout -- ${K}/log.md`, 'world', /overwrite/],
  ['git checkout of the log from another commit', `git checkout HEAD~1 ${K}/log.md`, 'world', /overwrite/],
  ['git restore of the log', `git restore ${K}/log.md`, 'world', /overwrite/],
  ['git restore --source of the log', `git restore --source=HEAD~2 --worktree ${K}/log.md`, 'world', /overwrite/],
  ['git -C into the kernel, then checkout of the log', `git -C ${K} checkout -- log.md`, 'world', /overwrite/],
  ['git -C elsewhere, then -C to the absolute kernel, then checkout of the log', `git -C /tmp -C <WORLD>/${K} checkout -- log.md`, 'world', /overwrite/],
  // A CRLF command: bash reads each line to its carriage return, so `log.md\r` is another file.
  ['a CRLF command whose second line truncates the log', `echo start\r\n: > ${K}/log.md`, 'world', /overwrite/],
  ['a CRLF command appending to `log.md\r` (another file)', `echo x >> ${K}/log.md\r\n`, 'world', 'allow'],
  ['git stash of the log', `git stash push -m wip -- ${K}/log.md`, 'world', /overwrite/],
  ['git stash push of the log without --', `git stash push ${K}/log.md`, 'world', /overwrite/],
  ['git stash push -m MESSAGE of the log', `git stash push -m wip ${K}/log.md`, 'world', /overwrite/],
  ['git stash show of the log (reads the stash)', `git stash show -p stash@{0} -- ${K}/log.md`, 'world', 'allow'],
  ['git rm of the log', `git rm ${K}/log.md`, 'world', /delete or move away/],
  ['git mv of the log', `git mv ${K}/log.md ${K}/old-log.md`, 'world', /delete or move away/],
  ['git restore --staged of the log (the index only)', `git restore --staged ${K}/log.md`, 'world', 'allow'],
  ['git rm --cached of the log (the index only)', `git rm --cached ${K}/log.md`, 'world', 'allow'],
  ['patch of the log', `patch ${K}/log.md < fix.patch`, 'world', /overwrite/],
  ['curl -o onto the log', `curl -sSLo ${K}/log.md https://example.com/log.md`, 'world', /overwrite/],
  ['wget -O onto the log', `wget -qO ${K}/log.md https://example.com/log.md`, 'world', /overwrite/],
  ['curl of the log to standard output', `curl -s https://example.com/log.md | diff - ${K}/log.md`, 'world', 'allow'],
  ['find -exec sh -c writing the log it finds as $1', `find 04_Ventures -name log.md -exec sh -c 'echo x >> "$1"' _ {} \\;`, 'world', /cannot tell/],
  ['find -exec sh -c reading the log it finds', `find 04_Ventures -name log.md -exec sh -c 'wc -l "$1"' _ {} \\;`, 'world', 'allow'],
  ['bash -c -- writing the log', `bash -c -- "echo x > ${K}/log.md"`, 'world', /overwrite/],
  ['patch --dry-run of the log (writes nothing)', `patch --dry-run ${K}/log.md < fix.patch && patch -C -p1 < fix.patch`, 'world', 'allow'],
  ['git add, diff and log of the log', `git add ${K}/log.md && git diff --cached ${K}/log.md && git log -p -- ${K}/log.md`, 'world', 'allow'],
  ['git checkout -b of a branch, then a commit naming the log', `git checkout -b log-fix && git commit -m "log.md entry" ${K}/log.md`, 'world', 'allow'],
  // Found by an attack on the hook (2026-12-05): each was allowed, and each changed the log when run.
  ['env -C into its folder, then rm', `env -C ${K} rm log.md`, 'world', /delete or move away/],
  ['env --chdir= into its folder, then sed -i', `env --chdir=${K} sed -i s/a/b/ log.md`, 'world', /overwrite/],
  ['sudo -D into its folder', `sudo -D ${K} rm log.md`, 'world', /delete or move away/],
  ['env -C into another folder reads a log.md there (none: allowed)', `env -C 04_Ventures rm log.md`, 'world', 'allow'],
  ['env -S running rm', `env -S 'rm ${K}/log.md'`, 'world', /delete or move away/],
  ['a default value naming the log', `echo > \${x:-${K}/log.md}`, 'world', /cannot tell/],
  ['a default value naming another file', `echo > \${x:-${K}/notes.md}`, 'world', 'allow'],
  ['setsid rm', `setsid rm ${K}/log.md`, 'world', /delete or move away/],
  ['flock FILE rm', `flock /tmp/lock rm ${K}/log.md`, 'world', /delete or move away/],
  ['ionice, chrt and taskset', `ionice -c3 chrt -i 0 taskset 1 rm ${K}/log.md`, 'world', /delete or move away/],
  ['su -c', `su -c 'rm ${K}/log.md'`, 'world', /delete or move away/],
  ['watch', `watch -n 60 'echo x >> ${K}/log.md'`, 'world', /append/],
  ["a function's parameter", `f() { rm "$1"; }; f ${K}/log.md`, 'world', /cannot tell/],
  ["a function's parameter naming another file", `f() { rm "$1"; }; f ${K}/notes.md; cat ${K}/log.md`, 'world', /cannot tell/],
  ['set -- then $1', `set -- ${K}/log.md; : > "$1"`, 'world', /overwrite/],
  ['busybox sh -c', `busybox sh -c 'echo x >> ${K}/log.md'`, 'world', /append/],
  ['coproc', `coproc rm ${K}/log.md`, 'world', /delete or move away/],
  ['script onto the log', `script -q ${K}/log.md`, 'world', /overwrite/],
  // Everyday backups a second attack found denied (2026-12-05).
  ['a backup loop over a glob: cp "$f" "$f.bak"', 'for f in */*/_kernel/log.md; do cp "$f" "$f.bak"; done', 'world', 'allow'],
  ['a backup loop with a dated name', 'for f in */*/_kernel/log.md; do cp -- "$f" "$f.$(date +%s).bak"; done', 'world', 'allow'],
  ['a loop over a glob writing the name it found', 'for f in */*/_kernel/log.md; do : > "$f"; done', 'world', /overwrite/],
  ['a loop copying onto a name it cannot tell that may be log.md', 'for f in */*/_kernel/log.md; do cp x.md "$f.$(date)"; done', 'world', /cannot tell/],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
  ['a backup loop with a pattern operator', 'for f in */*/_kernel/log.md; do cp "$f" "${f%.md}.bak"; done', 'world', 'allow'],
  // Worked out (a plain pattern on known text): the log itself.
  ['a pattern operator on a variable naming the log', `L=${K}/log.mdx; rm "\${L%x}"`, 'world', /delete or move away the walnut log/],
  ['printf -v naming the log', `printf -v L '%s' ${K}/log.md; : > "$L"`, 'world', /cannot tell/],
  // Once run through the bundle (five runs); the bundle cases below prove its wiring.
  ['a for variable naming the log among other files', `for f in 02_Life/old/notes.md ${K}/log.md; do echo x >> "$f"; done`, 'world', /append/],
  ['a while-read variable fed by log.md names', 'ls 04_Ventures/*/_kernel/log.md | while read f; do rm "$f"; done', 'world', /cannot tell/],
  ['a for variable that only echoes, then cat of the log', `for f in *.md; do echo "$f"; done; cat ${K}/log.md`, 'world', 'allow'],
  ['a timestamped backup copy of the log', `cp ${K}/log.md ${K}/log.md.bak.$(date +%Y%m%d%H%M%S%N)`, 'world', 'allow'],
  ['a restore over the log from elsewhere', `cp /tmp/other.md ${K}/log.md`, 'world', /overwrite/],
  // A path through a link the same command made may lead into a walnut's _kernel (review of
  // 2026-12-06, reproduced in bash): after ln, link, cp -s or -l, a write named log.md, or at or
  // under a place a link was made at, cannot be told.
  ['cp onto kk/log.md after ln -s of the kernel as kk', `ln -s <WORLD>/${K} kk; cp /tmp/x.md kk/log.md`, 'world', /cannot tell/],
  ['a truncation of a symlink ln -s made to the log', `ln -s <WORLD>/${K}/log.md /tmp/a; : > /tmp/a`, 'world', /cannot tell/],
  ['a truncation of a hard link ln made to the log', `ln ${K}/log.md /tmp/a; : > /tmp/a`, 'world', /cannot tell/],
  ['a truncation of a hard link `link` made to the log', `link ${K}/log.md /tmp/a; : > /tmp/a`, 'world', /cannot tell/],
  ['a truncation of a symlink cp -s made to the log', `cp -s <WORLD>/${K}/log.md /tmp/a; : > /tmp/a`, 'world', /cannot tell/],
  ['a truncation of a symlink cp --sym made to the log', `cp --sym <WORLD>/${K}/log.md /tmp/a; : > /tmp/a`, 'world', /cannot tell/],
  ['a truncation of a hard link cp --li made to the log', `cp --li ${K}/log.md /tmp/a; : > /tmp/a`, 'world', /cannot tell/],
  ['a truncation of a symlink ln -s made to the log, run in the background first', `: > /tmp/a & ln -s <WORLD>/${K}/log.md /tmp/a`, 'world', /cannot tell/],
  ['truncate under a folder ln -s made to the kernel', `ln -s <WORLD>/${K} /tmp/kk && truncate -s0 /tmp/kk/*.md # log.md`, 'world', /cannot tell/],
  ['a link, then a write elsewhere, then a read of the log', `ln -s /tmp/x /tmp/y; echo hi > /tmp/z.txt; cat ${K}/log.md`, 'world', 'allow'],
  ['a copy of the log, then a write elsewhere (no link)', `cp ${K}/log.md /tmp/a; : > /tmp/a`, 'world', 'allow'], // sed's `w` command and the `w` flag of `s` write their file (review of 2026-12-06, in bash).
  ['sed w onto the log', `sed -n 'w ${K}/log.md' /tmp/x.md`, 'world', /overwrite/],
  ['sed s///w onto the log', `sed 's/x/y/w ${K}/log.md' /tmp/x.md`, 'world', /overwrite/],
  ['sed -e with W onto the log after an address and a command', `sed -n -e 'p;/a/W ${K}/log.md' /tmp/x.md`, 'world', /overwrite/],
  ['sed s///gw onto the log in a second -e', `sed -e p -e's/x/y/gw ${K}/log.md' /tmp/x.md`, 'world', /overwrite/],
  ['sed with a script it cannot read, on the log', `sed -n "$S" ${K}/log.md`, 'world', SED_UNREAD],
  ['sed -f of a script file, on the log', `sed -f edit.sed ${K}/log.md > /tmp/o.md`, 'world', SED_UNREAD],
  ['sed -n s///p of the log (a w in the pattern)', `sed -n 's/work/play/p' ${K}/log.md`, 'world', 'allow'],
  ['sed w of lines of the log to a file elsewhere', `sed -n '/tomatoes/w /tmp/out.txt' ${K}/log.md`, 'world', 'allow'],
  ['sed joining the lines of the log with a label', `sed ':a;N;$!ba;s/\\n/ /g' ${K}/log.md > /tmp/o.md`, 'world', 'allow'],
  ['sed a text holding w, on the log', `sed '1a w ${K}/log.md' /tmp/x.md > /tmp/o.md`, 'world', 'allow'],
  // GNU sed takes any start of --in-place (`--in`, `--i=.bak`), and runs the command of its `e`
  // (and the pattern space, with `e` alone or the `e` flag of s): each was allowed, and sed
  // changed or removed the log (2026-12-06, GNU sed 4.9).
  ['sed --in (a start of --in-place)', `sed --in 's/a/b/' ${K}/log.md`, 'world', /overwrite/],
  ['sed --i=.bak (a start of --in-place, with a suffix)', `sed --i=.bak 's/a/b/' ${K}/log.md`, 'world', /overwrite/],
  ['sed e running rm of the log', `sed '1e rm -f ${K}/log.md' /tmp/x.md`, 'world', /delete/],
  ['sed s///e running the text it makes', `sed 's/.*/rm -f ${K.replaceAll('/', '\\/')}\\/log.md/e' /tmp/x.md`, 'world', SED_UNREAD],
  ['sed e alone running the lines of the log', `sed -n 'e' ${K}/log.md`, 'world', SED_UNREAD],
  ['sed e running a read of the log', `sed -n '1e cat ${K}/log.md' /tmp/x.md`, 'world', 'allow'],
  // A script whose unknown parts were taken for numbers ($((…)), ${#x}, $#) was read for a day; a
  // review broke it in bash (GNU sed 4.9): a loop's second pass, a function, a DEBUG trap or mapfile
  // set n to x[$(rm …)] after the text, and IFS=5 split the 5 of $((5)) out of 1p$((5))-i, so
  // sed got -i. Such a script is one the reader cannot read again.
  ['sed -n of a variable set to arithmetic on numbers', `n=$((5+1)); sed -n "\${n}p" ${K}/log.md`, 'world', SED_UNREAD],
  ['sed -n of a variable set to arithmetic on a variable not known', `n=$((x)); sed -n "\${n}p" ${K}/log.md`, 'world', SED_UNREAD],
  ['sed -n of lines around a number, by arithmetic', `n=12; sed -n "$((n-2)),$((n+2))p" ${K}/log.md`, 'world', SED_UNREAD],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
  ['sed -n of the first ${#x} lines', `x=abc; sed -n "1,\${#x}p" ${K}/log.md`, 'world', SED_UNREAD],
  ['sed -n of $((5)) split out by IFS=5 into -i', `IFS=5; sed -n 1p$((5))-i ${K}/log.md`, 'world', /overwrite|runs sed with a script|cannot read/],
  [
    "sed -n of $((n)), n set to a subscript running rm on a loop's second pass",
    `n=1; for i in 1 2; do sed -n "$((n))p" ${K}/log.md; n='x[$(rm ${K}/log.md)]'; done`,
    'world',
    /delete|runs sed with a script/,
  ],
  [
    'sed -n of $((n)) in a function, n set after it',
    `n=1; f(){ sed -n "$((n))p" ${K}/log.md; }; n='x[$(rm ${K}/log.md)]'; f`,
    'world',
    /delete|runs sed with a script/,
  ],
  [
    'sed -n of $((n)), n set by mapfile',
    `n=1; mapfile -t n <<< 'x[$(rm ${K}/log.md)]'; sed -n "$((n))p" ${K}/log.md`,
    'world',
    /delete|runs sed with a script|arithmetic on n/,
  ],
  [
    'sed -n of $((n)), n set by a DEBUG trap',
    `n=1; trap "n='x[\\$(rm ${K}/log.md)]'" DEBUG; sed -n "$((n))p" ${K}/log.md`,
    'world',
    /delete|runs sed with a script/,
  ],
  // What a value not known may hold: a='1w <log>\n1' makes sed -n "${a},${b}p" truncate the log,
  // and arithmetic on a value that is not a number runs the $(…) of its subscript (bash 5.2).
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
  ['sed -n of ${a},${b}, variables set outside the command', `sed -n "\${a},\${b}p" ${K}/log.md`, 'world', SED_UNREAD],
  ['sed -n of $((a)), a variable set outside the command', `sed -n "$((a)),+3p" ${K}/log.md`, 'world', SED_UNREAD],
  ['sed -n of $((n)), n a subscript running rm', `n='x[$(rm -f ${K}/log.md)]'; sed -n "1,$((n))p" ${K}/log.md`, 'world', /delete|runs sed with a script/],
  ['sed -n of a number a command prints', `sed -n "$(grep -c x ${K}/log.md)p" ${K}/log.md`, 'world', SED_UNREAD],
  ['sed of arithmetic and a w command onto the log', `n=1; sed -n "$((n))w ${K}/log.md" /tmp/x.md`, 'world', /runs sed with a script|overwrite/],
  ['sed -i -n of arithmetic, on the log', `n=1; sed -i -n "$((n))p" ${K}/log.md`, 'world', /overwrite/],
  ['sed -n of arithmetic running rm of the log', `sed -n "$(( $(rm -f ${K}/log.md) 1 ))p" /tmp/x.md`, 'world', /delete/],
  ['sed of arithmetic and an e command', `n=1; sed "$((n))e rm -f ${K}/log.md" /tmp/x.md`, 'world', /runs sed with a script|delete/],
  // A command or process substitution anywhere in a ${…} runs (review of 2026-12-06, in bash 5.2:
  // each removed the log and was allowed): its commands are read, and a word it feeds is unknown.
  ['a default value running rm of the log', `echo \${x:-$(rm ${K}/log.md)}`, 'world', /delete/],
  ['a default value in double quotes running rm of the log', `echo "\${x:-$(rm ${K}/log.md)}"`, 'world', /delete/],
  ['an array subscript running rm of the log', `x=(a); echo \${x[$(rm ${K}/log.md)]}`, 'world', /delete/],
  ['an array subscript in single quotes running rm of the log', `x=(a); echo \${x['$(rm ${K}/log.md)']}`, 'world', /delete/],
  ['a # pattern running rm of the log', `x=a; echo \${x#$(rm ${K}/log.md)}`, 'world', /delete/],
  ['a / pattern running rm of the log', `x=a; echo \${x/$(rm ${K}/log.md)/}`, 'world', /delete/],
  ['an offset running rm of the log', `x=a; echo \${x:$(rm ${K}/log.md)0:1}`, 'world', /delete/],
  ['an offset in single quotes running rm of the log', `x=a; echo \${x:'$(rm ${K}/log.md)'}`, 'world', /delete/],
  ['an alternate value running rm of the log', `x=a; echo \${x:+$(rm ${K}/log.md)}`, 'world', /delete/],
  ['an assigned default running rm of the log', `x=a; echo \${x:=$(rm ${K}/log.md)}`, 'world', /delete/],
  ['a default value running rm of the log in backquotes', `x=a; echo \${x-\`rm ${K}/log.md\`}`, 'world', /delete/],
  ['an error message running rm of the log', `x=a; echo \${x:?$(rm ${K}/log.md)}`, 'world', /delete/],
  ['a %% pattern with a process substitution running rm of the log', `x=a; : \${x%%<(rm ${K}/log.md)}`, 'world', /delete/],
  ['a default value running date, then a read of the log', `echo "\${x:-$(date +%F)}"; cat ${K}/log.md`, 'world', 'allow'],
  // A ${…} ends at the } bash ends it at, past quotes, escapes and nested expansions (review of
  // 2026-12-06: each ended at the first }, and what followed was misread).
  ['a quoted } in a default value, then rm of the log', `echo \${x:-'}'}; rm ${K}/log.md`, 'world', /delete/],
  ['a nested braced HOME in double quotes in a default value, then rm of the log', `echo "\${x:-"\${HOME}"}"; rm ${K}/log.md`, 'world', /delete/],
  ['a double-quoted } in a default value, then : > the log', `echo \${x:-"}"}; : > ${K}/log.md`, 'world', /overwrite/],
  ['a nested braced y in an assignment, then sed -i of the log', `p="\${x:-"\${y}"}"; sed -i 1d ${K}/log.md`, 'world', /overwrite/],
  [
    'a braced expansion bash in POSIX mode ends elsewhere, then rm of the log',
    `set -o posix\necho "\${x:-'}"\nrm ${K}/log.md\necho "'}"`,
    'world',
    /delete|cannot/,
  ],
  [
    'braced expansions nested past what it reads, then rm of the log',
    `echo ${`$${'{'}x:-`.repeat(80)}a${'}'.repeat(80)}; rm ${K}/log.md`,
    'world',
    /delete|cannot/,
  ],
  ['a quoted default value, then a read of the log', `echo "\${name:-'unknown'}" \${x:-"}"}; cat ${K}/log.md`, 'world', 'allow'],
  // $((…)) is arithmetic when the ) closing its inner ( is followed by the one closing the $( (as
  // bash decides): its $(…) are read as commands, and it is not taken for a subshell running $(…).
  ['tail -n of half the lines grep counts in the log', `tail -n "$(( $(grep -c . ${K}/log.md) / 2 ))" ${K}/log.md`, 'world', 'allow'],
  ['arithmetic on a count of the log, then a read of it', `n=$(( $(wc -l < ${K}/log.md) + 1 )); head -n "$n" ${K}/log.md`, 'world', 'allow'],
  ['arithmetic running rm of the log', `echo $(( $(rm ${K}/log.md) 1 ))`, 'world', /delete/],
  ['arithmetic with a subscript running rm of the log', `echo $(( x[$(rm ${K}/log.md)] ))`, 'world', /delete/],
  ['arithmetic with a backquoted rm of the log', `echo $(( \`rm ${K}/log.md\` 1 ))`, 'world', /delete/],
  ['$(( that is two subshells, the second running rm of the log', `echo $((echo a);(rm ${K}/log.md))`, 'world', /delete/],
  ['$( ( that is a subshell running rm of the log', `echo $( (rm ${K}/log.md) )`, 'world', /delete/],
  ['$(( closed by ) ) running rm of the log', `echo $((rm ${K}/log.md) )`, 'world', /delete/],
  // In double quotes (and a here-document's body) $' is text, not the start of a $'…' string.
  ["a $' in double quotes, then rm of the log", `echo "$'"; rm ${K}/log.md; echo "'"`, 'world', /delete/],
  ["a $' in an unquoted here-document, then rm of the log", `cat <<E\n$'\nE\nrm ${K}/log.md; echo "'"`, 'world', /delete/],
  ['an arithmetic command on a count of the log', `(( $(grep -c . ${K}/log.md) > 2 )) && echo long`, 'world', 'allow'],
  ['(( that is two subshells, the second running rm of the log', `((echo a);(rm ${K}/log.md))`, 'world', /delete/],
  [
    'arithmetic nested past what it reads, then a read of the log',
    `echo $(( ${'$((1+'.repeat(70)}1${'))'.repeat(70)} )); cat ${K}/log.md`,
    'world',
    /cannot tell|spell out/,
  ],
  // `${x@P}` runs the command substitutions its value spells (review of 2026-12-06, in bash).
  // A value holding a subscript with a $(…): arithmetic on the variable's name runs it (bash 5.2:
  // each removed the log; review 2026-12-06). The value's command substitutions are read as commands.
  ['arithmetic on a variable set to a subscript running rm', `n='x[$(rm ${K}/log.md)]'; echo $((n))`, 'world', /delete/],
  ['(( )) on a variable set to a subscript running rm', `n='x[$(rm ${K}/log.md)]'; (( n ))`, 'world', /delete/],
  ['let of a variable set to a subscript running rm', `n='x[\`rm ${K}/log.md\`]'; let n`, 'world', /delete/],
  ['an array subscript of a variable set to a subscript running rm', `n='x[$(rm ${K}/log.md)]'; a[n]=1`, 'world', /delete/],
  [
    'a declared variable set to a subscript running rm, on a later pass',
    `for i in 1 2; do echo $((n)); declare n='x[$(rm ${K}/log.md)]'; done`,
    'world',
    /delete/,
  ],
  ['a value that spells a harmless $(…), then a read of the log', `msg='run $(date) later'; echo "$msg"; cat ${K}/log.md`, 'world', 'allow'],
  ['a prompt expansion running rm of the log', `a='$'; b='('; x="\${a}\${b}rm -f ${K}/log.md)"; : "\${x@P}"`, 'world', /delete/],
  ['a prompt expansion of an array element spelling rm of the log', `a='$'; x=("\${a}(rm -f ${K}/log.md)"); : "\${x[0]@P}"`, 'world', /does not spell out/],
  ['a prompt expansion of a variable it cannot see, in a command naming log.md', `: "\${X@P}"; cat ${K}/log.md`, 'world', /does not spell out/],
  // `${!x}` takes x's value for a name, and runs the $(…) of a subscript in it (bash 5.2), also
  // when a loop's later pass, a function or a trap set it after the text the reader passed.
  ['an indirect expansion through a subscript running rm of the log', `x='a[$(rm ${K}/log.md)]'; echo \${!x}`, 'world', /delete|does not spell out/],
  [
    "an indirect expansion set on a loop's second pass",
    `x=HOME; for i in 1 2; do echo \${!x:-d}; x='a[$(rm ${K}/log.md)]'; done`,
    'world',
    /does not spell out/,
  ],
  ['the keys of an array and names by prefix, then a read of the log', `a=(1 2); echo \${!a[@]} \${!BASH*}; cat ${K}/log.md`, 'world', 'allow'],
  ['a prompt expansion of a known prompt, then a read of the log', `p='\\u@\\h \\w'; echo "\${p@P}"; cat ${K}/log.md`, 'world', 'allow'], // A word it cannot read may be an option that makes a writer write: GNU tools take options after
  // operands, and a variable set outside the command may hold one (each tried in bash, GNU sed 4.9:
  // with opts=-i, `sed -n 1p $opts K/log.md` left the log its first line; o=-t, `cp $o K log.md` replaced it).
  ['sed -n with a variable set outside the command, on the log', `sed -n 1p $opts ${K}/log.md`, 'world', OPTION_UNREAD],
  ['sed -n with a quoted variable set outside the command', `sed -n 1p "$opts" ${K}/log.md`, 'world', OPTION_UNREAD],
  ['sed -n with an array it cannot read', `sed -n 1p "\${a[@]}" ${K}/log.md`, 'world', OPTION_UNREAD],
  ['sed -n with "$@" of a function', `f() { sed -n 1p "$@" ${K}/log.md; }; f -i`, 'world', OPTION_UNREAD],
  ['sed -n with a known -i in a variable', `opts=-i; sed -n 1p $opts ${K}/log.md`, 'world', /overwrite/],
  ['perl with a variable set outside the command', `perl $o -e 's/a/b/' ${K}/log.md`, 'world', OPTION_UNREAD],
  ['ruby with a variable set outside the command', `ruby $o -e 'x' ${K}/log.md`, 'world', OPTION_UNREAD],
  ['gawk with a variable before inplace', `gawk $o inplace '{ print }' ${K}/log.md`, 'world', OPTION_UNREAD],
  ['gawk -i of a variable', `gawk -i $o '{ print }' ${K}/log.md`, 'world', OPTION_UNREAD],
  ['cp with a variable that may be -t', `cp $o ${K} log.md`, 'world', OPTION_UNREAD],
  ['mv with a variable that may be -t', `mv $o ${K} log.md`, 'world', OPTION_UNREAD],
  ['install with a variable that may be -t', `install "$o" ${K} log.md`, 'world', OPTION_UNREAD],
  ['rsync with a variable that may be an option', `rsync $o ${K} log.md`, 'world', OPTION_UNREAD],
  ['find of the log with a variable that may be -delete', `find ${K} -name log.md $o`, 'world', OPTION_UNREAD],
  ['sort of the log with a variable that may be -o', `sort $o ${K}/log.md`, 'world', OPTION_UNREAD],
  ['dd of the log with a variable that may be of=', `dd if=${K}/log.md $o`, 'world', OPTION_UNREAD],
  ['git log of the log with a variable that may be --output', `git log $o -- ${K}/log.md`, 'world', OPTION_UNREAD],
  ['sed -n with -$x, a cluster it cannot read', `sed -n$x 1p ${K}/log.md`, 'world', OPTION_UNREAD],
  // Programs with no option that writes a file take any word.
  ['tail -n of a variable, on the log', `tail -n "$n" ${K}/log.md`, 'world', 'allow'],
  ['grep of a pattern in a variable, on the log', `grep "$pat" ${K}/log.md`, 'world', 'allow'],
  ['head -n of a variable, on the log', `head -n $N ${K}/log.md`, 'world', 'allow'],
  ['cat and wc with a variable, on the log', `cat $o ${K}/log.md; wc $o ${K}/log.md`, 'world', 'allow'],
  ['a copy of the log to a name built at run time', `cp ${K}/log.md "/tmp/log-$(date +%s).md"`, 'world', 'allow'],
  ['sed -n of literal lines of the log, into a file of a variable', `sed -n '1,5p' ${K}/log.md > "$out"`, 'world', 'allow'],
  // An array assignment was read as `a=` and a subshell: bash removed the log with a=(K/log.md); rm "${a[@]}".
  ['rm of an array holding the log', `a=(${K}/log.md); rm "\${a[@]}"`, 'world', /does not spell out/],
  ['rm of an array element holding the log', `a=(x ${K}/log.md); rm \${a[1]}`, 'world', /does not spell out/],
  ['a redirection onto an array appended the log', `a=(); a+=(${K}/log.md); : > "$a"`, 'world', /does not spell out/],
  ['declare -a of the log, then rm', `declare -a a=(${K}/log.md); rm "\${a[@]}"`, 'world', /does not spell out/],
  ['sed -n with an array holding -i', `a=(-i); sed -n 1p "\${a[@]}" ${K}/log.md`, 'world', OPTION_UNREAD],
  ['an array of a command substitution removing the log', `a=($(rm -f ${K}/log.md)); echo ok`, 'world', /delete/],
  ['grep of an array of patterns, on the log', `a=(-e x -e y); grep "\${a[@]}" ${K}/log.md`, 'world', 'allow'],
  // uniq INPUT OUTPUT writes OUTPUT (GNU coreutils 9: uniq x.md K/log.md replaced the log in bash).
  ['uniq of a file onto the log', `uniq x.md ${K}/log.md`, 'world', /overwrite/],
  ['uniq -c -f 1 of a file onto the log', `uniq -c -f 1 x.md ${K}/log.md`, 'world', /overwrite/],
  ['uniq of the log with a variable that may be its output', `uniq ${K}/log.md $o`, 'world', OPTION_UNREAD],
  ['uniq -c of the log', `uniq -c ${K}/log.md`, 'world', 'allow'],
  ['uniq -f 1 of the log, to a file elsewhere', `uniq -f 1 ${K}/log.md /tmp/u.md`, 'world', 'allow'],
  // Each tried in bash: o=I makes -"${o,,}" the -i of sed; with o=-i set outside, ${o:-x} is -i.
  ['sed -n with - and a case change of a known variable', `o=I; sed -n 1p -"\${o,,}" ${K}/log.md`, 'world', OPTION_UNREAD],
  ['sed -n with a default value of a variable set outside the command', `sed -n 1p \${o:-x} ${K}/log.md`, 'world', OPTION_UNREAD],
  ['sed -n with a default value of a variable the command set', `o=x.md; sed -n 1p \${o:-y.md} ${K}/log.md`, 'world', 'allow'],
  // A program it cannot read may be any (c=rm: bash removed the log).
  ['a program in a variable set outside the command, on the log', `$c ${K}/log.md`, 'world', OPTION_UNREAD],
  ['a program in a quoted variable, with sed words, on the log', `"$c" -i 1d ${K}/log.md`, 'world', OPTION_UNREAD],
  ['xargs running a program in a variable on the log', `echo ${K}/log.md | xargs $c`, 'world', OPTION_UNREAD],
  ['sudo running a program a command prints, on the log', `sudo "$(which x)" ${K}/log.md`, 'world', OPTION_UNREAD],
  ['a program in a variable on other files, then a read of the log', `$EDITOR notes.md; cat ${K}/log.md`, 'world', 'allow'],
  ['a program in a variable the command set, on the log', `c=cat; $c ${K}/log.md`, 'world', 'allow'],
  // A glob matching a name that starts with -: beside a file named -i.md, bash runs `sed -n 1p -i.md log.md`,
  // which left the log its first line (GNU sed 4.9).
  ['sed -n of *.md beside a file named -i.md', 'cd 06_Odd/dash/_kernel && sed -n 1p *.md', 'world', /overwrite[\s\S]*sed with a word it cannot read of \*\.md/],
  ['sed -n of -?.md and the log beside a file named -i.md', 'cd 06_Odd/dash/_kernel && sed -n 1p -?.md log.md', 'world', OPTION_UNREAD],
  ['sed -n of *.md where no name starts with -', `cd ${K} && sed -n 1p *.md`, 'world', 'allow'],
  ['sed -n of a glob with a folder before it', 'sed -n 1p 06_Odd/dash/_kernel/*.md', 'world', 'allow'],
  ['grep of *.md beside a file named -i.md', 'cd 06_Odd/dash/_kernel && grep -c signed *.md', 'world', 'allow'],
  // timeout's duration (chrt's priority, taskset's mask, flock's file) as a word it cannot read: with o=-k5,
  // or o empty, bash ran timeout $o 5 rm K/log.md as rm K/log.md and removed the log.
  ['timeout with a duration it cannot read, then rm of the log', `timeout $o 5 rm ${K}/log.md`, 'world', OPTION_UNREAD],
  ['taskset with a mask it cannot read, then rm of the log', `taskset $m 3 rm ${K}/log.md`, 'world', OPTION_UNREAD],
  ['timeout 5 cat of the log', `timeout 5 cat ${K}/log.md`, 'world', 'allow'],
  ['timeout -s of a variable, 5, cat of the log', `timeout -s "$sig" 5 cat ${K}/log.md`, 'world', 'allow'],
  // GNU time writes its report to -o FILE (-a: appends): /usr/bin/time -o K/log.md true replaced the log in bash.
  ['GNU time -o onto the log', `/usr/bin/time -o ${K}/log.md true`, 'world', /overwrite/],
  ['GNU time -ao onto the log', `command time -ao ${K}/log.md true`, 'world', /append/],
  ['GNU time --output= onto the log', `/usr/bin/time --output=${K}/log.md -f %e true`, 'world', /overwrite/],
  ['GNU time -o elsewhere, of a cat of the log', `/usr/bin/time -f %e -o /tmp/t.txt cat ${K}/log.md`, 'world', 'allow'],
  // Names xargs and read take from a pipe whose text holds a word starting with -: in bash,
  // echo -i K/log.md | xargs sed -n 1p ran sed -n 1p -i K/log.md and left the log its first line.
  ['xargs sed -n of names echo prints, one of them -i', `echo -i ${K}/log.md | xargs sed -n 1p`, 'world', OPTION_UNREAD],
  ['read of a -i printf prints, then sed -n of the log', `printf -- '-i\\n' | while read o; do sed -n 1p $o ${K}/log.md; done`, 'world', OPTION_UNREAD],
  ['xargs sed -n of the logs find finds', 'find . -name log.md | xargs sed -n 1p', 'world', 'allow'],
  ['xargs sed -n of the logs ls lists', 'ls */*/_kernel/log.md | xargs sed -n 1p', 'world', 'allow'],
  // What a command prints may be an option: with a file opts holding -i, bash's sed -n 1p $(cat opts) K/log.md
  // left the log its first line.
  ['sed -n with words a command prints, on the log', `sed -n 1p $(cat opts) ${K}/log.md`, 'world', OPTION_UNREAD],
  ['sed -n with a file read by $(< …), on the log', `sed -n 1p "$(< opts)" ${K}/log.md`, 'world', OPTION_UNREAD],
  ['sed -n with words a backquoted command prints, on the log', `sed -n 1p \`cat opts\` ${K}/log.md`, 'world', OPTION_UNREAD],
  ['cat of the file a command names', `cat $(ls ${K}/log.md)`, 'world', 'allow'],
  // bash splits an unquoted expansion at IFS: x='a -i'; sed -n 1p $x K/log.md ran sed -n 1p a -i K/log.md,
  // and IFS=x; o=ax-i; sed -n 1p $o K/log.md sed -n 1p a -i …; each left the log its first line.
  // Split into words as bash splits them, the -i is read as sed's (it was an option it could not read).
  ['sed -n with a known value that splits into -i', `x='a -i'; sed -n 1p $x ${K}/log.md`, 'world', /overwrite[\s\S]*\(sed -i\)/],
  ['sed -n with a known value IFS splits into -i', `IFS=x; o=ax-i; sed -n 1p $o ${K}/log.md`, 'world', /overwrite[\s\S]*\(sed -i\)/],
  // A variable holding a program and its options, unquoted as the command, is split as bash
  // splits it (review of 2026-12-07: each was allowed, and bash changed the log).
  ['a program and its option in a variable', `RM="rm -f"; $RM ${K}/log.md`, 'world', /delete/],
  ['sed -i 1d in a variable', `x="sed -i 1d"; $x ${K}/log.md`, 'world', /overwrite/],
  ['truncate -s0 in a variable', `x="truncate -s0"; $x ${K}/log.md`, 'world', /overwrite/],
  ['env rm in a variable', `x="env rm"; $x ${K}/log.md`, 'world', /delete/],
  ['a program and the log split at IFS=:', `IFS=:; x="rm:${K}/log.md"; $x`, 'world', /delete/],
  ['an empty variable before the program (no word at all)', `x=; $x rm ${K}/log.md`, 'world', /delete/],
  ['a program with blanks around it', `x="  rm  "; $x ${K}/log.md`, 'world', /delete/],
  ['two names in one variable, the log second', `f="${K}/now.md ${K}/log.md"; rm $f`, 'world', /delete/],
  ['a variable quoted is one word', `f="${K}/now.md ${K}/log.md"; rm "$f"`, 'world', 'allow'],
  ['an IFS it cannot tell, then a program in a variable', `IFS=$(cat sep); x="rm:${K}/log.md"; $x`, 'world', /cannot read/],
  ['a program and its option in a variable, reading the log', `CAT="cat -n"; $CAT ${K}/log.md`, 'world', 'allow'],
  ['sed -n of a date pattern from a variable, on the log', `d=2024-03-01; sed -n "/$d/p" ${K}/log.md`, 'world', 'allow'],
  ['sed -n of a known file name with a space, and the log', `f='my notes.md'; sed -n 1p "$f" ${K}/log.md`, 'world', 'allow'],
  // [ and [[ run no program and never write: a lone [ was read as a program it cannot tell.
  ['[ -f of the log', `[ -f ${K}/log.md ] && echo y`, 'world', 'allow'],
  ['[ -s of the log', `[ -s ${K}/log.md ] || echo empty`, 'world', 'allow'],
  ['[[ -f of the log', `[[ -f ${K}/log.md ]] && echo y`, 'world', 'allow'],
  ['if [ -f of the log', `if [ -f ${K}/log.md ]; then echo y; fi`, 'world', 'allow'],
  ['[ -f of each walnut log in a loop', 'for d in */*/; do [ -f "$d/_kernel/log.md" ] && echo "$d"; done', 'world', 'allow'],
  // [, [[ and test evaluate the subscript of a name given to -v or -R, and [[ the operands of its
  // arithmetic comparisons: a $(…) in them runs (bash 5.2 removed the log each time; review 2026-12-06).
  ['[[ -v of a subscript running rm', `[[ -v 'a[$(rm ${K}/log.md)]' ]]`, 'world', /runs|remove|delete|cannot read/],
  ['[ -v of a subscript running rm, double-quoted', `[ -v "a[\\$(rm ${K}/log.md)]" ]`, 'world', /runs|remove|delete|cannot read/],
  ['test -v of a subscript running rm', `test -v 'a[$(rm ${K}/log.md)]'`, 'world', /runs|remove|delete|cannot read/],
  ['[[ -eq of a subscript running rm', `[[ 'x[$(rm ${K}/log.md)]' -eq 0 ]]`, 'world', /runs|remove|delete|cannot read/],
  ['[[ -gt of a value a command prints', `n=$(echo 'x[$(rm ${K}/log.md)]'); [[ $n -gt 0 ]]`, 'world', /runs|remove|delete|cannot read/],
  ["[ -gt of the log's line count (test compares integers, evaluates nothing)", `[ "$(wc -l < ${K}/log.md)" -gt 5 ] && echo long`, 'world', 'allow'],
  // Builtins evaluate the subscript of a name they are given, and let its arithmetic: a $(…) in
  // it runs (bash 5.2 removed the log each time; review 2026-12-06).
  ['printf -v of a subscript running rm', `printf -v 'a[$(rm ${K}/log.md)]' x`, 'world', /runs|remove|delete|cannot read/],
  ['read of a subscript running rm', `read 'a[$(rm ${K}/log.md)]' </dev/null`, 'world', /runs|remove|delete|cannot read/],
  ['declare of a subscript running rm', `declare 'a[$(rm ${K}/log.md)]=1'`, 'world', /runs|remove|delete|cannot read/],
  ['export of a subscript running rm', `export 'a[$(rm ${K}/log.md)]=1'`, 'world', /runs|remove|delete|cannot read/],
  ['local in a function of a subscript running rm', `f(){ local 'a[$(rm ${K}/log.md)]=1'; }; f`, 'world', /runs|remove|delete|cannot read/],
  ['unset of a subscript running rm', `a=(1); unset 'a[$(rm ${K}/log.md)]'`, 'world', /runs|remove|delete|cannot read/],
  ['an array literal key running rm', `a=(['$(rm ${K}/log.md)']=1)`, 'world', /runs|remove|delete|cannot read/],
  ['an assignment subscript running rm', `a['$(rm ${K}/log.md)']=1`, 'world', /runs|remove|delete|cannot read/],
  ['let of a subscript running rm', `let 'x=a[$(rm ${K}/log.md)]'`, 'world', /runs|remove|delete|cannot read/],
  // Reading through a nameref reads the variable it names (review of 2026-12-07: allowed, and bash removed the log).
  ['rm of a nameref, its variable set after', `declare -n r=x; x=${K}/log.md; rm $r`, 'world', /delete/],
  ['rm of a braced nameref in quotes', `declare -n r=x; x=${K}/log.md; rm "\${r}"`, 'world', /delete/],
  ['rm of a nameref assigned through, then its variable set', `declare -n r=x; r=foo; x=${K}/log.md; rm $r`, 'world', /delete/],
  ['rm of a nameref to a variable set before', `x=${K}/log.md; declare -n r=x; rm $r`, 'world', /delete/],
  // Found in review on 2026-12-07 (#11): declared without a value, then assigned what it names.
  ['rm of a nameref declared bare, then assigned', `declare -n r; r=x; x=${K}/log.md; rm $r`, 'world', /delete/],
  ['cat of a nameref declared bare, then assigned', `declare -n r; r=x; x=${K}/log.md; cat $r`, 'world', 'allow'],
  ['rm of a variable made a nameref to what it held', `r=x; declare -n r; x=${K}/log.md; rm $r`, 'world', /delete/],
  ['rm of the variable a nameref assigned', `declare -n r=x; r=${K}/log.md; rm "$x"`, 'world', /delete/],
  ['rm of a nameref to a name it cannot tell', `declare -n r="$1"; rm $r; echo ${K}/log.md`, 'world', /cannot tell/],
  ['cat of a nameref to the log', `declare -n r=x; x=${K}/log.md; cat $r`, 'world', 'allow'],
  ['a nameref to a subscript running rm', `declare -n r='a[$(rm ${K}/log.md)]'; echo $r`, 'world', /runs|remove|delete|cannot read/],
  ['wait -p of a subscript running rm', `sleep 0 & wait -n -p 'a[$(rm ${K}/log.md)]'`, 'world', /runs|remove|delete|cannot read/],
  ['mapfile of a subscript running rm', `mapfile 'a[$(rm ${K}/log.md)]' </dev/null`, 'world', /runs|remove|delete|cannot read/],
  ['mapfile -C of a callback running rm', `mapfile -C 'rm ${K}/log.md;:' -c 1 a < x.md`, 'world', /runs|remove|delete|cannot read/],
  ['let of a word it cannot read, in a command naming the log', `let "$1"; cat ${K}/log.md`, 'world', /runs|remove|delete|cannot read/],
  [
    'let, declare, read and unset of plain names, and the log read',
    `let i=1+2; declare -a xs; read -r line < ${K}/log.md; unset xs; local_x=1; echo $line`,
    'world',
    'allow',
  ],
  // git and less run values they are given as commands (an alias's !…, an editor, a pager, a
  // diff program, fsmonitor, LESSOPEN): each removed the log in bash 5.2 (review 2026-12-06).
  ['git -c of an alias running rm', `git -c alias.x='!rm ${K}/log.md' x`, 'world', /runs|remove|delete|cannot read/],
  ['GIT_EDITOR running rm, for git commit', `GIT_EDITOR='rm ${K}/log.md;:' git commit --allow-empty`, 'world', /runs|remove|delete|cannot read/],
  ['git -c core.editor running rm', `git -c core.editor='rm ${K}/log.md;:' commit --allow-empty`, 'world', /runs|remove|delete|cannot read/],
  [
    'GIT_SEQUENCE_EDITOR running rm, for git rebase -i',
    `GIT_SEQUENCE_EDITOR='rm ${K}/log.md;:' git rebase -i HEAD~1`,
    'world',
    /runs|remove|delete|cannot read/,
  ],
  ['GIT_EXTERNAL_DIFF running rm, for git diff', `GIT_EXTERNAL_DIFF='rm ${K}/log.md;:' git diff HEAD~1`, 'world', /runs|remove|delete|cannot read/],
  ['git -c core.fsmonitor running rm', `git -c core.fsmonitor='rm ${K}/log.md;:' status`, 'world', /runs|remove|delete|cannot read/],
  ['git -C . -c core.fsmonitor running rm', `git -C . -c core.fsmonitor='rm ${K}/log.md;:' status`, 'world', /runs|remove|delete|cannot read/],
  ['git config of an alias running rm, then the alias', `git config alias.x '!rm ${K}/log.md'; git x`, 'world', /runs|remove|delete|cannot read/],
  [
    'git config core.fsmonitor running rm, then git status',
    `git config core.fsmonitor 'rm ${K}/log.md;:'; git status`,
    'world',
    /runs|remove|delete|cannot read/,
  ],
  [
    'git config --get and a user name, and the log read',
    `git config --get user.name; git config user.name squirrel; git log -1 -- ${K}/log.md`,
    'world',
    'allow',
  ],
  [
    'GIT_CONFIG_VALUE_0 of core.fsmonitor running rm',
    `GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.fsmonitor GIT_CONFIG_VALUE_0='rm ${K}/log.md;:' git status`,
    'world',
    /runs|remove|delete|cannot read/,
  ],
  ['git --config-env of a variable running rm', `E='rm ${K}/log.md;:' git --config-env=core.fsmonitor=E status`, 'world', /runs|remove|delete|cannot read/],
  ['LESSOPEN running rm, for less', `LESSOPEN='|rm ${K}/log.md %s' less x.md`, 'world', /runs|remove|delete|cannot read/],
  [
    'an exported GIT_EDITOR running rm, then git commit',
    `export GIT_EDITOR='rm ${K}/log.md;:'; git commit --allow-empty`,
    'world',
    /runs|remove|delete|cannot read/,
  ],
  ['env GIT_PAGER running rm, for git log', `env GIT_PAGER='rm ${K}/log.md;:' git log`, 'world', /runs|remove|delete|cannot read/],
  ['git -c of a value it cannot read, in a command naming the log', `git -c core.pager="$1" log -- ${K}/log.md`, 'world', /runs|remove|delete|cannot read/],
  ['git -c of plain values and a pager, on the log', `GIT_PAGER=cat git -c color.ui=never -c core.pager='less -R' log -p -- ${K}/log.md`, 'world', 'allow'],
  // Arithmetic evaluates a name's value as arithmetic in turn: a value it cannot tell may spell a
  // subscript whose $(…) runs (bash 5.2 removed the log each time; review 2026-12-06).
  [
    '(( n )) of a value read from a here-string spelling a subscript running rm',
    `read n <<< 'x[$(rm ${K}/log.md)]'; (( n ))`,
    'world',
    /runs|remove|delete|cannot read/,
  ],
  ['[[ n -eq of a value printf -v built', `printf -v n 'x[%s(rm ${K}/log.md)]' '$'; [[ n -eq 0 ]]`, 'world', /runs|remove|delete|cannot read/],
  ['(( n )) of an ANSI-C value spelling a subscript running rm', `n=$'x[\\x24(rm ${K}/log.md)]'; (( n ))`, 'world', /runs|remove|delete|cannot read/],
  ['(( x )) of a loop word spelling a subscript running rm', `for x in 'a[$(rm ${K}/log.md)]'; do (( x )); done`, 'world', /runs|remove|delete|cannot read/],
  ['(( x )) of a value a command prints', `x=$(printf 'a[%s(rm ${K}/log.md)]' '$'); (( x ))`, 'world', /runs|remove|delete|cannot read/],
  ['$((n)) of a value read from a here-string', `read n <<< 'x[$(rm ${K}/log.md)]'; echo $((n))`, 'world', /runs|remove|delete|cannot read/],
  ['let n of a value read from a here-string', `read n <<< 'x[$(rm ${K}/log.md)]'; let n`, 'world', /runs|remove|delete|cannot read/],
  ['a subscript a[n] of a value read from a here-string', `read n <<< 'x[$(rm ${K}/log.md)]'; a=(1); echo \${a[n]}`, 'world', /runs|remove|delete|cannot read/],
  ['an offset s:n of a value read from a here-string', `read n <<< 'x[$(rm ${K}/log.md)]'; s=abc; echo \${s:n}`, 'world', /runs|remove|delete|cannot read/],
  [
    'a subscript a[i] and an offset s:i:2 of loop counters, and the log read',
    `a=(x y); s=abcd; for i in 0 1; do echo \${a[i]} \${s:i:2} \${a[@]}; done; cat ${K}/log.md`,
    'world',
    'allow',
  ],
  [
    "(( $1 )) in a function, of a caller's word spelling a subscript running rm",
    `f(){ (( $1 )); }; f 'a[$(rm ${K}/log.md)]'`,
    'world',
    /runs|remove|delete|cannot read/,
  ],
  ['(( n )) in a function defined before n is read', `f(){ (( n )); }; read n <<< 'x[$(rm ${K}/log.md)]'; f`, 'world', /runs|remove|delete|cannot read/],
  ['an assignment subscript a[n] of a value read from a here-string', `read n <<< 'x[$(rm ${K}/log.md)]'; a[n]=1`, 'world', /runs|remove|delete|cannot read/],
  ['declare -i of a value read from a here-string', `read n <<< 'x[$(rm ${K}/log.md)]'; declare -i m=n`, 'world', /runs|remove|delete|cannot read/],
  ['$[n] of a value read from a here-string', `read n <<< 'x[$(rm ${K}/log.md)]'; m=$[n]`, 'world', /runs|remove|delete|cannot read/],
  ['a counter set from $((…)) in a loop reading the log', `i=0; while read -r l; do i=$((i+1)); a[i]=1; done < ${K}/log.md; echo $i`, 'world', 'allow'],
  [
    'loop counters over numbers, and the log read',
    `for i in 1 2 3; do (( i++ )); echo $((i+1)); done; j=0; while read -r l; do (( j++ )); done < ${K}/log.md; let j+=1; [[ j -gt 2 ]] && echo $j`,
    'world',
    'allow',
  ],
  ['a function named [ that removes its words', `[() { rm "$@"; }; [ ${K}/log.md`, 'world', /remove/],
  // One double-quoted word after a literal --NAME= (or sort's -t, -k) is that option's value, whatever it
  // holds; unquoted, bash splits it: d='x --output=K/log.md'; git log --since=$d … replaced the log.
  ['git log --since= a date a command prints, quoted', `git log --since="$(date +%F)" -- ${K}/log.md`, 'world', 'allow'],
  ['git log --since= a variable, quoted', `git log --since="$d" -- ${K}/log.md`, 'world', 'allow'],
  ['git log --author= $USER, quoted', `git log --author="$USER" --oneline -- ${K}/log.md`, 'world', 'allow'],
  ['sort -t of a tab a command prints, quoted', `sort -t"$(printf '\\t')" -k1,1 ${K}/log.md`, 'world', 'allow'],
  // "$@", "${a[@]}" and "${!a[@]}" are words of their own even in double quotes (bash 5.2, each
  // replaced or emptied the log; review 2026-12-06): not one option's value.
  ['git log --since= of a function\'s "$@"', `f() { git log --since="$@"; }; f yesterday --output=${K}/log.md`, 'world', OPTION_UNREAD],
  ['git log --format= of "$@" after set --', `set -- %h --output=${K}/log.md; git log --format="$@"`, 'world', OPTION_UNREAD],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
  ['git log --author= of an array\'s "${a[@]}"', `a=(x --output=${K}/log.md); git log --author="\${a[@]}" -1`, 'world', OPTION_UNREAD],
  ['git log -n of "$@" after set --', `set -- 5 --output=${K}/log.md; git log -n "$@"`, 'world', OPTION_UNREAD],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
  ['sort --key= of an array\'s "${a[@]}"', `a=(1 -o ${K}/log.md); sort --key="\${a[@]}" /tmp/x.md`, 'world', OPTION_UNREAD],
  ['git log --since= of "$*" (one word)', `git log --since="$*" -- ${K}/log.md`, 'world', 'allow'],
  ['git log --since= a variable, unquoted', `git log --since=$d -- ${K}/log.md`, 'world', OPTION_UNREAD],
  ['git log --output= a variable, quoted', `git log --output="$o" -- ${K}/log.md`, 'world', OPTION_UNREAD],
  ['git log --sin= (a start of an option), quoted', `git log --sin="$d" -- ${K}/log.md`, 'world', OPTION_UNREAD],
  ['sort -o of a variable, quoted', `sort -o"$o" ${K}/log.md`, 'world', OPTION_UNREAD],
  // git log's -n takes the next word whatever it is (N='--output=K/log.md' left the log as it was);
  // after --grep, -n is its pattern and the word is free: the same N emptied the log.
  ['git log -n of a quoted default', `git log -n "\${N:-10}" -- ${K}/log.md`, 'world', 'allow'],
  ['git log --oneline -n of a quoted variable', `git log --oneline -n "$N" -- ${K}/log.md`, 'world', 'allow'],
  ['git log --grep -n of a quoted variable', `git log --grep -n "$N" -- ${K}/log.md`, 'world', OPTION_UNREAD],
  ['git log -n of an unquoted variable', `git log -n $N -- ${K}/log.md`, 'world', OPTION_UNREAD],
  // A word starting with a part it cannot read may be an option with its value attached, whatever
  // follows: in bash (o set outside) each of these changed the log (GNU sed took -i./* as in place).
  ['sed -n with a variable then ./*, and the log', `sed -n 1p "$o./*" ${K}/log.md`, 'world', OPTION_UNREAD],
  ['dd with a variable then the log', `dd if=/tmp/evil.md "$o/${K}/log.md"`, 'world', OPTION_UNREAD],
  ['sort of a variable then the log, and a file', `sort "$o/${K}/log.md" /tmp/evil.md`, 'world', OPTION_UNREAD],
  ['git diff of a variable then the log', `git --no-pager diff "$o/${K}/log.md"`, 'world', OPTION_UNREAD],
  ['cp into a variable then a folder, of a log.md', `cp /tmp/x/log.md "$o/${K}"`, 'world', /cannot tell|cannot read/],
  ['cp of the log to a variable then a name', `cp ${K}/log.md "$o/garden-log.md"`, 'world', OPTION_UNREAD],
  // find and uniq have no option whose attached value writes: a word going on with a / is a path there.
  ['uniq of a path in a folder it cannot tell, and the log', `uniq "$D/x.md" ${K}/log.md`, 'world', /overwrite/],
  ['find in a folder it cannot tell, for logs', 'find "$D/notes" -name log.md -print', 'world', 'allow'],
  // A wrapper's long option, abbreviated or with its value as the next word: the reader took the value
  // for the program, and in bash (GNU coreutils, util-linux) each of these removed the log.
  ['timeout --sig KILL 5 rm of the log', `timeout --sig KILL 5 rm ${K}/log.md`, 'world', /delete/],
  ['timeout --k 1 5 rm of the log', `timeout --k 1 5 rm ${K}/log.md`, 'world', /delete/],
  ['nice --adj 5 rm of the log', `nice --adj 5 rm ${K}/log.md`, 'world', /delete/],
  ['nice -5 rm of the log', `nice -5 rm ${K}/log.md`, 'world', /delete/],
  ['stdbuf --output L rm of the log', `stdbuf --output L rm ${K}/log.md`, 'world', /delete/],
  ['ionice --classd 1 -c2 rm of the log', `ionice --classd 1 -c2 rm ${K}/log.md`, 'world', /delete/],
  ['flock --conf 3 FILE rm of the log', `flock --conf 3 /tmp/lk rm ${K}/log.md`, 'world', /delete/],
  ['flock --wai 1 FILE rm of the log', `flock --wai 1 /tmp/lk rm ${K}/log.md`, 'world', /delete/],
  ['timeout --foreground 5 rm of the log', `timeout --foreground 5 rm ${K}/log.md`, 'world', /delete/],
  ['a wrapper option it does not know, then rm of the log', `timeout --frobnicate 5 rm ${K}/log.md`, 'world', /delete|cannot read/],
  ['a wrapper option it does not know, then cat of the log', `nice --zz 5 cat ${K}/log.md`, 'world', OPTION_UNREAD],
  ['timeout --signal=KILL 5 cat of the log', `timeout --signal=KILL 5 cat ${K}/log.md`, 'world', 'allow'],
  ['nice -n 5 cat of the log', `nice -n 5 cat ${K}/log.md`, 'world', 'allow'],
  ['flock -w 1 FILE cat of the log', `flock -w 1 /tmp/lk cat ${K}/log.md`, 'world', 'allow'],
  // GNU time --out (any start of --output) wrote its report over the log in bash.
  ['GNU time --out onto the log', `/usr/bin/time --out ${K}/log.md true`, 'world', /overwrite/],
  ['GNU time --app -o onto the log', `/usr/bin/time --app -o ${K}/log.md true`, 'world', /append/],
  // uniq's long options with their value as the next word: its OUTPUT operand was miscounted.
  ['uniq --skip-fields 1 of a file onto the log', `uniq --skip-fields 1 x.md ${K}/log.md`, 'world', /overwrite/],
  ['uniq --check-chars 2 of a file onto the log', `uniq --check-chars 2 x.md ${K}/log.md`, 'world', /overwrite/],
  ['uniq --skip-c 2 of a file onto the log', `uniq --skip-c 2 x.md ${K}/log.md`, 'world', /overwrite/],
  ['uniq --skip-fields 1 of the log', `uniq --skip-fields 1 ${K}/log.md`, 'world', 'allow'],
  // xargs -a FILE reads names from a file whose text the reader does not see; /dev/stdin is its input.
  ['xargs -ra of a file of names, rm', `echo ${K}/log.md > /tmp/names; xargs -ra /tmp/names rm`, 'world', /cannot tell|delete/],
  ['xargs -r -a /dev/stdin rm of names piped in', `echo ${K}/log.md | xargs -r -a /dev/stdin rm`, 'world', /cannot tell|delete/],
  ['xargs -a of a file of names, grep of the log', `xargs -a /tmp/pats grep -c ${K}/log.md`, 'world', 'allow'],
  // What a command name runs, changed in the command: each removed the log in bash.
  // git's diff --output=FILE (log, show, diff), archive -o FILE and bundle create FILE write FILE: in bash
  // git show --output=<K>/log.md and git archive -o <K>/log.md HEAD replaced the log.
  ['git show --output= onto the log', `git show --output=${K}/log.md`, 'world', /overwrite/],
  ['git diff --output onto the log', `git diff --output ${K}/log.md`, 'world', /overwrite/],
  ['git log -p --output= onto the log', `git log -p --output=${K}/log.md -1`, 'world', /overwrite/],
  ['git archive -o onto the log', `git archive -o ${K}/log.md HEAD`, 'world', /overwrite/],
  ['git bundle create onto the log', `git bundle create ${K}/log.md HEAD`, 'world', /overwrite/],
  ['git diff --output elsewhere, of the log', `git diff --output=/tmp/d.patch -- ${K}/log.md`, 'world', 'allow'],
  // What git log prints with --format=%h alone is hashes, no name starting with -: REV:PATH of each.
  [
    'git show of each hash git log prints, read in a loop',
    `git log --format='%h' -- ${K}/log.md | while read h; do git show "$h:${K}/log.md" | head -3; done`,
    'world',
    'allow',
  ],
  [
    'git show of each hash git log prints, through xargs -I{}',
    `git log -n 3 --format=%H -- ${K}/log.md | xargs -I{} git show {}:${K}/log.md`,
    'world',
    'allow',
  ],
  [
    'git show of each line git log --oneline prints, through xargs',
    `git log --oneline -- ${K}/log.md | xargs -I{} git show {}:${K}/log.md`,
    'world',
    OPTION_UNREAD,
  ],
  ['git show of what git log --name-only prints', `git log --format=%h --name-only | while read h; do git show "$h:${K}/log.md"; done`, 'world', OPTION_UNREAD],
  ['git show of what git log prints with a second --format', `git log --format=%h --format=%s | xargs -I{} git show {}:${K}/log.md`, 'world', OPTION_UNREAD],
  ['git show of the hash git rev-parse prints', `git show "$(git rev-parse HEAD~1)":${K}/log.md`, 'world', 'allow'],
  ['sed -n of what git rev-parse prints with an option', `sed -n 1p "$(git rev-parse --foo)/x" ${K}/log.md`, 'world', OPTION_UNREAD],
  // Each of these left the log its first line in bash.
  ['a function named git, then sed -n of what it prints', `git() { echo -i; }; sed -n 1p "$(git rev-parse HEAD)" ${K}/log.md`, 'world', OPTION_UNREAD],
  [
    'a function named find, then xargs sed -n of what it prints',
    `find() { echo -i ${K}/log.md; }; find . -name log.md | xargs sed -n 1p`,
    'world',
    OPTION_UNREAD,
  ],
  ['git show of what echo prints, read in a loop', `echo --output=. | while read h; do git show "$h/${K}/log.md"; done`, 'world', OPTION_UNREAD],
  ['hash -p rm as cat, then cat of the log', `hash -p /usr/bin/rm cat; cat ${K}/log.md`, 'world', OPTION_UNREAD],
  ['BASH_CMDS[cat] set to rm, then cat of the log', `BASH_CMDS[cat]=/usr/bin/rm; cat ${K}/log.md`, 'world', OPTION_UNREAD],
  ['an alias of cat to rm, then cat of the log', `shopt -s expand_aliases; alias cat=rm\ncat ${K}/log.md`, 'world', OPTION_UNREAD],
  ['BASH_ALIASES[cat] set to rm, then cat of the log', `shopt -s expand_aliases; BASH_ALIASES[cat]=rm\ncat ${K}/log.md`, 'world', OPTION_UNREAD],
  ['hash alone (it lists), then cat of the log', `hash; cat ${K}/log.md`, 'world', 'allow'],
  ['grep of the word alias in the log', `grep -n 'alias' ${K}/log.md`, 'world', 'allow'],
  ['enable -f of a builtin named cat, then cat of the log', `enable -f ./cat.so cat; cat ${K}/log.md`, 'world', OPTION_UNREAD],
  ['an alias of ll, then cat of the log', `alias ll='ls -l'; cat ${K}/log.md | head`, 'world', OPTION_UNREAD],
  ['cat of the log with no alias', `cat ${K}/log.md | head -n 5`, 'world', 'allow'],
  // Aliases set where the text does not spell alias: each removed the log in bash.
  ['alias spelt by variables, then cat of the log', `shopt -s expand_aliases; a=ali; b=as; $a$b cat=rm\ncat ${K}/log.md`, 'world', OPTION_UNREAD],
  ['alias spelt with an escape in eval, then cat of the log', `shopt -s expand_aliases; eval $'\\x61lias cat=rm'\ncat ${K}/log.md`, 'world', OPTION_UNREAD],
  ['a sourced file, then cat of the log', `shopt -s expand_aliases; source ./al.sh\ncat ${K}/log.md`, 'world', OPTION_UNREAD],
  ['cd . then cat of the log', `cd . && cat ${K}/log.md`, 'world', 'allow'],

  // A cd through CDPATH or cdable_vars goes where the text does not say: : > log.md emptied the log in bash.
  ['CDPATH exported, cd _kernel, : > log.md', 'export CDPATH=04_Ventures/garden; cd _kernel; : > log.md', 'world', /cannot tell|overwrite/],
  ['cdable_vars, cd of a variable name, : > log.md', `shopt -s cdable_vars; k=${K}; cd k; : > log.md`, 'world', /cannot tell|overwrite/],
  ['cd ./_kernel with CDPATH set, : > log.md (a ./ name takes no CDPATH)', 'CDPATH=04_Ventures/garden; cd ./_kernel && : > log.md', 'world', 'allow'],
  // Globs bash matches other than as written: beside -i.md, each ran sed -i on the log (GNU sed 4.9).
  ['nocaseglob, then sed -n of [-]I.md beside -i.md', 'cd 06_Odd/dash/_kernel && shopt -s nocaseglob && sed -n 1p log.md [-]I.md', 'world', OPTION_UNREAD],
  ['extglob, then sed -n of @(-i).md beside -i.md', 'cd 06_Odd/dash/_kernel && shopt -s extglob\nsed -n 1p log.md @(-i).md', 'world', /cannot read|overwrite/],

  // Third review of 2026-12-07 (H2): commands git subcommands run (rebase -x, bisect run,
  // filter-branch's filters …) were never read; each removed the log in bash. They are read as
  // sh reads them, in a folder the text does not tell (git runs them at the top of the work tree,
  // in a submodule, or in a checkout of its own).
  ['git rebase -x running rm', `git rebase -q -x 'rm ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git rebase --exec running rm', `git rebase --exec 'rm ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git rebase --exec= running rm', `git rebase --exec='rm -f ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git rebase --exe (a start of --exec) running rm', `git rebase --exe 'rm -f ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git rebase -qx (in a cluster) running rm', `git rebase -qx 'rm -f ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git rebase -xCMD (glued) running rm', `git rebase '-xrm -f ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git -C . rebase -x running rm', `git -C . rebase -x 'rm ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git rebase -x of a value it cannot read, in a command naming the log', `git rebase -x "$1" HEAD~1; cat ${K}/log.md`, 'world', /cannot read/],
  ['git rebase -x npm test, and the log read', `git rebase -x 'npm test' HEAD~3 && cat ${K}/log.md`, 'world', 'allow'],
  ['git rebase -x of cat of the log', `git rebase -x 'cat ${K}/log.md' HEAD~1`, 'world', 'allow'],
  ['git bisect run rm', `git bisect start HEAD HEAD~1 && git bisect run rm ${K}/log.md`, 'world', /cannot tell|remove/],
  ['git bisect run sh -c of rm', `git bisect run sh -c ': > ${K}/log.md'`, 'world', /cannot tell|overwrite/],
  ['git bisect run npm test, and the log read', `git bisect run npm test; tail -3 ${K}/log.md`, 'world', 'allow'],
  // git quotes each word of bisect run for sh (fourth review of 2026-12-07, M3): joined plainly,
  // `sh -c 'rm -f …'` was read as `sh -c rm -f …`, and bash removed the log.
  ['git bisect run sh -c of rm -f', `git bisect start HEAD HEAD~1; git bisect run sh -c 'rm -f ${K}/log.md'`, 'world', /cannot tell|remove/],
  ['git bisect run sh -c of a word with a quote, then rm', `git bisect run sh -c "echo \\"it's\\"; rm -f ${K}/log.md"`, 'world', /cannot tell|remove/],
  ['git bisect run sh -c of cat of the log', `git bisect run sh -c 'cat ${K}/log.md'`, 'world', 'allow'],
  ['git filter-branch --tree-filter running rm', `git filter-branch -f --tree-filter 'rm -f ${K}/log.md' HEAD~1..HEAD`, 'world', /cannot tell|remove/],
  ['git filter-branch --env-filter running rm', `git filter-branch --env-filter 'rm -f ${K}/log.md' HEAD`, 'world', /cannot tell|remove/],
  ['git filter-branch --index-filter= running rm', `git filter-branch --index-filter='rm -f ${K}/log.md' HEAD`, 'world', /cannot tell|remove/],
  ['git filter-branch --msg-filter running truncate', `git filter-branch --msg-filter 'truncate -s0 ${K}/log.md; cat' HEAD`, 'world', /cannot tell|overwrite/],
  [
    'git filter-branch --commit-filter running rm',
    `git filter-branch --commit-filter 'rm ${K}/log.md; git commit-tree "$@"' HEAD`,
    'world',
    /cannot tell|remove/,
  ],
  ['git filter-branch --parent-filter running rm', `git filter-branch --parent-filter 'rm ${K}/log.md; cat' HEAD`, 'world', /cannot tell|remove/],
  ['git filter-branch --tag-name-filter running rm', `git filter-branch --tag-name-filter 'rm ${K}/log.md; cat' HEAD`, 'world', /cannot tell|remove/],
  ['git filter-branch --setup running rm', `git filter-branch --setup 'rm ${K}/log.md' HEAD`, 'world', /cannot tell|remove/],
  ['git submodule foreach running rm', `git submodule foreach 'rm -f ${K}/log.md'`, 'world', /cannot tell|remove/],
  ['git submodule --quiet foreach --recursive running rm', `git submodule --quiet foreach --recursive rm -f ${K}/log.md`, 'world', /cannot tell|remove/],
  ['git submodule foreach git pull, and the log read', `git submodule foreach --recursive git pull; cat ${K}/log.md`, 'world', 'allow'],
  ['git difftool -x running rm', `git difftool -y -x 'rm -f ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git difftool --extcmd=rm of the log (rm is given the files)', `git difftool -y --extcmd=rm HEAD~1 -- ${K}/log.md`, 'world', /cannot tell/],
  ['git difftool --extcmd=meld of the log', `git difftool -y --extcmd=meld HEAD~1 -- ${K}/log.md`, 'world', 'allow'],
  ['git clone -u running rm', `git clone -u 'rm -f ${K}/log.md; git-upload-pack' . /tmp/c`, 'world', /cannot tell|remove/],
  ['git fetch --upload-pack= running rm', `git fetch --upload-pack='rm -f ${K}/log.md; git-upload-pack' .`, 'world', /cannot tell|remove/],
  ['git ls-remote --upload-pack running rm', `git ls-remote --upload-pack 'rm -f ${K}/log.md; git-upload-pack' .`, 'world', /cannot tell|remove/],
  ['git pull --upload-pack running rm', `git pull --upload-pack='rm -f ${K}/log.md; git-upload-pack' . main`, 'world', /cannot tell|remove/],
  ['git push --receive-pack running rm', `git push --receive-pack='rm -f ${K}/log.md; git-receive-pack' /tmp/r HEAD`, 'world', /cannot tell|remove/],
  ['git push --exec running rm', `git push --exec='rm -f ${K}/log.md; git-receive-pack' /tmp/r HEAD`, 'world', /cannot tell|remove/],
  [
    'git archive --remote --exec running rm',
    `git archive --remote=. --exec='rm -f ${K}/log.md; git-upload-archive' HEAD > /tmp/a.tar`,
    'world',
    /cannot tell|remove/,
  ],
  ['git send-email --to-cmd running rm', `git send-email --to-cmd='rm -f ${K}/log.md; echo' x.patch`, 'world', /cannot tell|remove/],
  ['git send-email --cc-cmd running rm', `git send-email --cc-cmd 'rm -f ${K}/log.md; echo' x.patch`, 'world', /cannot tell|remove/],
  ['git grep -O of rm on the log (the pager is given the files)', `git grep -Orm tomatoes -- ${K}/log.md`, 'world', /cannot tell/],
  ['git fetch -u (--update-head-ok) origin, and the log read', `git fetch -u origin && cat ${K}/log.md`, 'world', 'allow'],
  // Third review of 2026-12-07 (M3): git commands writing a named log that were not read.
  ['git checkout-index -f -- the log', `git checkout-index -f -- ${K}/log.md`, 'world', /overwrite/],
  ['git checkout-index --force of the log', `git checkout-index --force ${K}/log.md`, 'world', /overwrite/],
  ['git checkout-index -fu of the log', `git checkout-index -fu ${K}/log.md`, 'world', /overwrite/],
  ['git checkout-index -f -a', 'git checkout-index -f -a', 'world', /cannot tell/],
  ['git checkout-index --all --force', 'git checkout-index --all --force', 'world', /cannot tell/],
  ['git checkout-index -fa', 'git -C . checkout-index -fa', 'world', /cannot tell/],
  ['git checkout-index -f --stdin of a here-string', `git checkout-index -f --stdin <<< ${K}/log.md`, 'world', /cannot tell/],
  ['git checkout-index of the log without -f (an existing file is kept)', `git checkout-index -- ${K}/log.md`, 'world', 'allow'],
  ['git checkout-index -a without -f', 'git checkout-index -a', 'world', 'allow'],
  ['git checkout-index -a -f --prefix= outside the world', 'git checkout-index -a -f --prefix=/tmp/export/', 'world', 'allow'],
  ['git checkout-index -f --prefix= outside the world, of the log', `git checkout-index -f --prefix=/tmp/export/ -- ${K}/log.md`, 'world', 'allow'],
  ['git checkout-index -f --temp of the log', `git checkout-index -f --temp -- ${K}/log.md`, 'world', 'allow'],
  ['git merge-file onto the log', `git merge-file ${K}/log.md /tmp/base.md /tmp/other.md`, 'world', /overwrite/],
  ['git merge-file -L … onto the log', `git merge-file -q -L a -L b -L c ${K}/log.md /tmp/base.md /tmp/other.md`, 'world', /overwrite/],
  ['git merge-file -p of the log', `git merge-file -p ${K}/log.md /tmp/base.md /tmp/other.md > /tmp/m.md`, 'world', 'allow'],
  ['git merge-file --stdout of the log', `git merge-file --stdout ${K}/log.md /tmp/base.md /tmp/other.md > /tmp/m.md`, 'world', 'allow'],
  ['git merge-file with the log as the base', `git merge-file /tmp/mine.md ${K}/log.md /tmp/other.md`, 'world', 'allow'],
  // Third review of 2026-12-07 (M2): the names git ls-files (ls-tree, diff --name-only, status)
  // lists may be logs; each changed both logs in bash.
  ["git ls-files -z '*.md' | xargs -0 sed -i", "git ls-files -z '*.md' | xargs -0 sed -i 's/tomatoes/TOMATOES/g'", 'world', /git may list log\.md/],
  ["sed -i of $(git ls-files '*.md')", "sed -i 's/tomatoes/TOMATOES/g' $(git ls-files '*.md')", 'world', /cannot tell/],
  ["for f in $(git ls-files '*.md'); sed -i", "for f in $(git ls-files '*.md'); do sed -i 's/a/b/' \"$f\"; done", 'world', /cannot tell/],
  ["perl -pi of `git ls-files '*.md'`", "perl -pi -e 's/a/b/' `git ls-files '*.md'`", 'world', /cannot tell/],
  ['git ls-files | xargs sed -i (every file)', "git ls-files | xargs sed -i 's/a/b/'", 'world', /git may list log\.md/],
  ['git ls-files of a folder | xargs sed -i', "git ls-files 04_Ventures | xargs sed -i 's/a/b/'", 'world', /git may list log\.md/],
  ['git ls-tree -r --name-only | xargs sed -i', "git ls-tree -r --name-only HEAD | xargs sed -i 's/a/b/'", 'world', /git may list log\.md/],
  ['git diff --name-only | xargs sed -i', "git diff --name-only HEAD~1 | xargs sed -i 's/a/b/'", 'world', /git may list log\.md/],
  ['git status --porcelain | cut | xargs sed -i', "git status --porcelain | cut -c4- | xargs sed -i 's/a/b/'", 'world', /git may list log\.md/],
  ["git ls-files '*.md' ':!*log.md' | xargs sed -i (the logs left out)", "git ls-files -z '*.md' ':!*log.md' | xargs -0 sed -i 's/a/b/'", 'world', 'allow'],
  ["git ls-files '*.ts' | xargs sed -i", "git ls-files '*.ts' | xargs sed -i 's/a/b/'", 'world', 'allow'],
  ["git diff --name-only -- '*.ts' | xargs sed -i", "git diff --name-only HEAD~1 -- '*.ts' 'src/*.js' | xargs sed -i 's/a/b/'", 'world', 'allow'],
  ["git ls-files '*.md' | xargs wc -l (reading)", "git ls-files '*.md' | xargs wc -l", 'world', 'allow'],
  ["git grep -l -- '*.ts' | xargs sed -i", "git grep -l foo -- '*.ts' | xargs sed -i 's/foo/bar/'", 'world', 'allow'],
  // Without `--`, which of git grep's words is the pattern is not worked out (fifth review of 2026-12-07, H2).
  [
    "git grep -l tomatoes ':!*log.md' | xargs sed -i (no --)",
    "git grep -l tomatoes ':!*log.md' | xargs sed -i 's/a/b/'",
    'world',
    /add the pathspecs -- \. ':!\*log\.md'/,
  ],
  [
    "git grep -l tomatoes -- . ':!*log.md' | xargs sed -i (the logs left out)",
    "git grep -l tomatoes -- . ':!*log.md' | xargs sed -i 's/a/b/'",
    'world',
    'allow',
  ],
  ["git grep -l -e … '*.md' | xargs sed -i", "git grep -l -e tomatoes '*.md' | xargs sed -i 's/a/b/'", 'world', /git may list log\.md/],
  // Fourth review of 2026-12-07 (false positives): a listed name given to git was taken for an
  // option that may write, whatever the subcommand; git add and status have none.
  ['git ls-files -m | xargs git add', 'git ls-files -m | xargs git add', 'world', 'allow'],
  ['git diff --name-only HEAD | xargs -r git add', 'git diff --name-only HEAD | xargs -r git add', 'world', 'allow'],
  ['git diff --name-only --diff-filter=U | xargs git add', 'git diff --name-only --diff-filter=U | xargs git add', 'world', 'allow'],
  ['git ls-files --others | xargs git add', 'git ls-files --others --exclude-standard | xargs git add', 'world', 'allow'],
  ["git status --short $(git ls-files '*log.md')", "git status --short $(git ls-files '*log.md')", 'world', 'allow'],
  ['git commit --message="$(… log.md …)"', `git commit --message="$(printf 'see ${K}/log.md')"`, 'world', 'allow'],
  // …but a listed `--no-cached` makes `rm --cached` remove the files listed, and a listed
  // `--output=K/log.md` makes git diff replace that log (each reproduced with git 2.39).
  ['git ls-files -m | xargs git rm --cached (a listed --no-cached)', 'git ls-files -m | xargs git rm --cached', 'world', OPTION_UNREAD],
  ['git diff --name-only | xargs git diff --stat (a listed --output=)', 'git diff --name-only | xargs git diff --stat', 'world', OPTION_UNREAD],
  ['git -$o add (o=C runs another subcommand) with a listed name', 'git ls-files -m | xargs git -$o add', 'world', OPTION_UNREAD],
  ['git --message="$(…)" of a diff', `git diff --message="$(echo --output=${K}/log.md)" "$(echo --output=${K}/log.md)"`, 'world', OPTION_UNREAD],
  // Fourth review of 2026-12-07 (M1): exclusions git applies more narrowly than they read were taken
  // as leaving every log out; each changed the log in bash (with cwd 04_Ventures/other for ':/').
  [
    "git ls-files -m ':(exclude,attr:foo)*log.md' | xargs git checkout --",
    "git ls-files -m ':(exclude,attr:foo)*log.md' | xargs git checkout --",
    'world',
    /git may list log\.md/,
  ],
  // Fifth review of 2026-12-07: each listed or removed the logs in bash (git 2.39).
  // H1: an exclusion read with bash's bracket classes, which git's matcher does not share.
  ["git ls-files ':!*log.m[[:word:]]' | xargs rm -f", "git ls-files ':!*log.m[[:word:]]' | xargs rm -f", 'world', /git may list log\.md/],
  ["git ls-files ':!*log.m[[.d.]]' | xargs sed -i", "git ls-files ':!*log.m[[.d.]]' | xargs sed -i 's/a/b/'", 'world', /git may list log\.md/],
  ["git grep -l a -- ':!*log.m[[:foo:]]' | xargs rm -f", "git grep -l a -- ':!*log.m[[:foo:]]' | xargs rm -f", 'world', /git may list log\.md/],
  // H2: grep's options taking the next word made the pattern a pathspec.
  ['git grep -l -m 1 tomatoes. | xargs rm -f', 'git grep -l -m 1 tomatoes. | xargs rm -f', 'world', /git may list log\.md/],
  ['git grep -lC 1 tomatoes. | xargs rm -f', 'git grep -lC 1 tomatoes. | xargs rm -f', 'world', /git may list log\.md/],
  ["git grep -l --max-depth 9 ':!*' | xargs rm -f", "git grep -l --max-depth 9 ':!*' | xargs rm -f", 'world', /git may list log\.md/],
  ["git grep -l foo -- '*.ts' | xargs sed -i (after --, its pathspecs)", "git grep -l foo -- '*.ts' | xargs sed -i 's/a/b/'", 'world', 'allow'],
  // H3: xargs's input in git's -c value (core.fsmonitor runs on git status).
  ['xargs -I{} git -c {} status', `echo 'core.fsmonitor=rm -f ${K}/log.md' | xargs -I{} git -c {} status`, 'world', /cannot/],
  ["xargs -I{} git -c 'core.fsmonitor=rm -f {}' status", `echo ${K}/log.md | xargs -I{} git -c 'core.fsmonitor=rm -f {}' status`, 'world', /cannot|remove/],
  ['xargs git -c of a literal value, add', `git ls-files -m | xargs git -c core.autocrlf=false add`, 'world', 'allow'],
  // M4: a letter escaped in a regex is a class or an anchor (\w, \b), not the letter.
  ["find -regex '.*\\.m\\w' -delete", "find . -regex '.*\\.m\\w' -delete", 'world', /find's tests may match log\.md/],
  ["find -regex '.*log\\.md\\b' -delete", "find . -regex '.*log\\.md\\b' -delete", 'world', /find's tests may match log\.md/],
  // M3: git config's options taking a value before the alias's key.
  ['git config --file F alias.x checkout; git x -- the log', `git config --file .git/config alias.x checkout; git x -- ${K}/log.md`, 'world', /overwrite/],
  ['git config -f F alias.x checkout; git x -- the log', `git config -f .git/config alias.x checkout; git x -- ${K}/log.md`, 'world', /overwrite/],
  ['git config --type path alias.x checkout; git x -- the log', `git config --type path alias.x checkout; git x -- ${K}/log.md`, 'world', /overwrite/],
  // Sixth review of 2026-12-07: other spellings of the same rules, each of which removed or overwrote the log.
  ['xargs -ri git -c {} status', `echo 'core.fsmonitor=rm -f ${K}/log.md' | xargs -ri git -c {} status`, 'world', /cannot/],
  ['xargs -iXX git -c XX status', `echo 'core.fsmonitor=rm -f ${K}/log.md' | xargs -iXX git -c XX status`, 'world', /cannot/],
  ['xargs -rI@ git -c @ status', `echo 'core.fsmonitor=rm -f ${K}/log.md' | xargs -rI@ git -c @ status`, 'world', /cannot/],
  ['xargs --repl git -c {} status', `echo 'core.fsmonitor=rm -f ${K}/log.md' | xargs --repl git -c {} status`, 'world', /cannot/],
  ['xargs --repl=@ git -c @ status', `echo 'core.fsmonitor=rm -f ${K}/log.md' | xargs --repl=@ git -c @ status`, 'world', /cannot/],
  ['xargs -n1 -I {} echo {} (a replace string, nothing written)', `git ls-files | xargs -n1 -I {} echo {}`, 'world', 'allow'],
  ['git config -zf F alias.x checkout; git x -- the log', `git config -zf .git/config alias.x checkout; git x -- ${K}/log.md`, 'world', /overwrite/],
  ['git config --fil F alias.x checkout; git x -- the log', `git config --fil .git/config alias.x checkout; git x -- ${K}/log.md`, 'world', /overwrite/],
  [
    "git ls-files -- '::../..' ':!*log.md' from a walnut | xargs rm -f",
    "cd 04_Ventures/garden && git ls-files -- '::../..' ':!*log.md' | xargs rm -f",
    'world',
    /git may list log\.md/,
  ],
  [
    "git ls-files -- ':(glob)../..' ':!*log.md' from a walnut | xargs rm -f",
    "cd 04_Ventures/garden && git ls-files -- ':(glob)../..' ':!*log.md' | xargs rm -f",
    'world',
    /git may list log\.md/,
  ],
  // Seventh review of 2026-12-07: each removed or overwrote the log in bash (GNU xargs 4.9, git 2.39).
  ['xargs -IX -l1 rm -f (-l drops the replace string)', `echo ${K}/log.md | xargs -IX -l1 rm -f`, 'world', /cannot tell|remove/],
  ['xargs -i -L1 rm -f', `echo ${K}/log.md | xargs -i -L1 rm -f`, 'world', /cannot tell|remove/],
  ['xargs -I{} -L 1 cp notes onto what it reads', `echo ${K}/log.md | xargs -I{} -L 1 cp 04_Ventures/garden/notes.md`, 'world', /cannot tell|overwrite/],
  ['xargs -iX --max-args=3 cp notes', `echo ${K}/log.md | xargs -iX --max-args=3 cp 04_Ventures/garden/notes.md`, 'world', /cannot tell|overwrite/],
  ['xargs -I X -n 1 echo X (-n 1 keeps it)', `git ls-files | xargs -I X -n 1 echo X`, 'world', 'allow'],
  ["git config alias.zz '-p rm -qf'; git zz the log", `git config alias.zz '-p rm -qf' && git zz ${K}/log.md`, 'world', /delete or move away/],
  ["git ls-files -- ':/*.md' | xargs rm -f", "cd 04_Ventures/garden/_kernel && git ls-files -- ':/*.md' | xargs rm -f", 'world', /git may list log\.md/],
  ["git ls-files -- ':*.md' | xargs rm -f", "cd 04_Ventures/garden/_kernel && git ls-files -- ':*.md' | xargs rm -f", 'world', /git may list log\.md/],
  ["git checkout -- ':?og.md'", "cd 04_Ventures/garden/_kernel && git checkout -- ':?og.md'", 'world', /cannot tell|overwrite/],
  ["git checkout -- ':[l]og.md'", "cd 04_Ventures/garden/_kernel && git checkout -- ':[l]og.md'", 'world', /cannot tell|overwrite/],
  ["git checkout -- ':?ther.md' (magic, then a glob not matching log.md)", "git checkout -- ':?otes.md'", 'world', 'allow'],
  // M1: a revision or an option's value is no pathspec.
  [
    "git -C … show --name-only --format= HEAD~1 ':!*log.md' | xargs rm -f",
    "git -C 04_Ventures/garden show --name-only --format= HEAD~1 ':!*log.md' | xargs rm -f",
    'world',
    /git may list log\.md/,
  ],
  ["git log --name-only -n 2 ':!*log.md' | xargs rm -f", "git log --name-only --format= -n 2 ':!*log.md' | xargs rm -f", 'world', /git may list log\.md/],
  ["git log --name-only -- . ':!*log.md' | xargs rm -f", "git log --name-only --format= -- . ':!*log.md' | xargs rm -f", 'world', 'allow'],
  // M2: a pathspec the hook cannot read may reach above the folder git runs in.
  [
    'git ls-files \':!*log.md\' "$(git rev-parse --show-toplevel)" from a walnut | xargs rm -f',
    `cd ${K}/.. && git ls-files ':!*log.md' "$(git rev-parse --show-toplevel)" | xargs rm -f`,
    'world',
    /git may list log\.md/,
  ],
  ["git ls-files ':!*log.md' ~- | xargs rm -f", "cd 04_Ventures/garden && git ls-files ':!*log.md' ~- | xargs rm -f", 'world', /git may list log\.md/],
  [
    "git ls-files -m ':(exclude,literal)*log.md' | xargs git checkout --",
    "git ls-files -m ':(exclude,literal)*log.md' | xargs git checkout --",
    'world',
    /git may list log\.md/,
  ],
  [
    "git ls-files -m ':(exclude,glob)*log.md' | xargs git checkout --",
    "git ls-files -m ':(exclude,glob)*log.md' | xargs git checkout --",
    'world',
    /git may list log\.md/,
  ],
  [
    "git --glob-pathspecs ls-files -m ':!*log.md' | xargs git checkout --",
    "git --glob-pathspecs ls-files -m ':!*log.md' | xargs git checkout --",
    'world',
    /git may list log\.md/,
  ],
  [
    "GIT_GLOB_PATHSPECS=1 git ls-files -m ':!*log.md' | xargs sed -i",
    "GIT_GLOB_PATHSPECS=1 git ls-files -m ':!*log.md' | xargs sed -i 's/a/b/'",
    'world',
    /git may list log\.md/,
  ],
  [
    "git ls-files -m ':/' ':!*log.md' (from a subfolder) | xargs git checkout --",
    "cd 04_Ventures/other && git ls-files -m ':/' ':!*log.md' | xargs git checkout --",
    'world',
    /git may list log\.md/,
  ],
  [
    "git ls-files -m ../garden ':!*log.md' | xargs git checkout --",
    "cd 04_Ventures/other && git ls-files -m ../garden ':!*log.md' | xargs git checkout --",
    'world',
    /git may list log\.md/,
  ],
  [
    "git diff --name-only ':!*log.md' alone | xargs sed -i (applied from the folder git runs in)",
    "git diff --name-only ':!*log.md' | xargs sed -i 's/a/b/'",
    'world',
    /git may list log\.md/,
  ],
  [
    "git ls-files -m ':/' ':/!*log.md' | xargs git checkout -- (an exclusion from the top)",
    "git ls-files -m ':/' ':/!*log.md' | xargs git checkout --",
    'world',
    'allow',
  ],
  ["git ls-files -m ':(exclude,icase)*LOG.MD' | xargs git checkout --", "git ls-files -m ':(exclude,icase)*LOG.MD' | xargs git checkout --", 'world', 'allow'],
  ["git diff --name-only . ':!*log.md' | xargs sed -i", "git diff --name-only . ':!*log.md' | xargs sed -i 's/a/b/'", 'world', 'allow'],
  ["git ls-files -m ':(top,exclude)*log.md' | xargs git checkout --", "git ls-files -m ':(top,exclude)*log.md' | xargs git checkout --", 'world', 'allow'],
  // Fourth review of 2026-12-07 (M2): a git alias that is a git command line (no `!`) was not put in
  // place of its name; each removed or changed the log in bash.
  ['git -c alias.r=rebase r -x', `git -c alias.r=rebase r -x 'rm -f ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ["git -c 'alias.r=rebase -x' r", `git -c 'alias.r=rebase -x' r 'rm -f ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git config alias.r rebase; git r -x', `git config alias.r rebase; git r -x 'rm -f ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git -c alias.ci=checkout-index ci -fa', `git -c alias.ci=checkout-index ci -fa && wc -l ${K}/log.md`, 'world', /cannot tell/],
  ['git config alias.ci checkout-index; git ci -f -a', `git config alias.ci checkout-index; git ci -f -a; cat ${K}/log.md`, 'world', /cannot tell/],
  ['git --config-env=alias.co=A co -- the log', `A=checkout git --config-env=alias.co=A co -- ${K}/log.md`, 'world', /overwrite/],
  ['git -c alias.co=checkout of an alias not known', `git -c alias.co="$X" co -- ${K}/log.md`, 'world', /cannot/],
  ['git -c alias.l="log --oneline" l of the log', `git -c alias.l='log --oneline' l -- ${K}/log.md`, 'world', 'allow'],
  ['git config alias.st status; git st of the log', `git config alias.st 'status -s'; git st ${K}/log.md`, 'world', 'allow'],
  // Third review of 2026-12-07 (M1): find -regex patterns passed the quick check unread; bash
  // rewrote or removed both logs.
  [
    'find -regex of md or txt -exec sed -i',
    "find . -type f -regex '.*\\.\\(md\\|txt\\)' -exec sed -i 's/a/b/g' {} +",
    'world',
    /find's tests may match log\.md/,
  ],
  ['find -regex .+\\.md -delete', "find . -regex '.+\\.md' -delete", 'world', /find's tests may match log\.md/],
  [
    'find -regextype posix-extended -regex -exec sed -i',
    "find . -regextype posix-extended -regex '.*\\.(md|txt)' -exec sed -i 's/a/b/' {} \\;",
    'world',
    /find's tests may match log\.md/,
  ],
  ['find -regex | xargs sed -i', "find . -type f -regex '.*\\.\\(md\\|txt\\)' | xargs sed -i 's/a/b/'", 'world', /find's tests may match log\.md/],
  ['find -iregex of .MD -delete', "find . -iregex '.*\\.MD' -delete", 'world', /find's tests may match log\.md/],
  ['find -regex of .ts -delete', "find . -regex '.*\\.ts' -delete", 'world', 'allow'],
  // A negated regex that cannot match log.md was read as leaving the logs out (fourth review of
  // 2026-12-07, M4): each removed the log in bash.
  ['find ! -regex of .ts -delete', "find . ! -regex '.*\\.ts' -type f -delete", 'world', /find's tests may match log\.md/],
  ['find -not -iregex of .TS -delete', "find . -not -iregex '.*\\.TS' -type f -delete", 'world', /find's tests may match log\.md/],
  ['find ! -regex of .ts -exec rm', "find . -type f ! -regex '.*\\.ts' -exec rm {} +", 'world', /find's tests may match log\.md/],
  // A negated regex that matches some logs but not every one was read as leaving them all out
  // (found while fixing M4): bash removed the garden log. An exclusion by -regex is not read.
  ["find ! -regex of one walnut's .md -delete", "find . -type f ! -regex '.*/other/.*\\.md' -delete", 'world', /find's tests may match log\.md/],
  ['find -not -regex of every log.md -delete', "find . -not -regex '.*/log\\.md' -delete", 'world', /find's tests may match log\.md/],
  // Commands nested deeper than the reader follows (MAX_DEPTH, 8 levels) were skipped without a
  // word, and the call allowed (third review of 2026-12-07, H1); run in bash, each of these but
  // watch's (it needs a terminal) removed or emptied the log. Past the limit, what is left is
  // unknown and refused; eight levels are read.
  ['rm of the log in $(…) nested 8 deep', `echo ${'$(echo '.repeat(7)}$(rm ${K}/log.md)${')'.repeat(7)}`, 'world', /delete/],
  ['rm of the log in $(…) nested 9 deep', `echo ${'$(echo '.repeat(8)}$(rm ${K}/log.md)${')'.repeat(8)}`, 'world', NESTED_TOO_DEEP],
  ['rm of the log run by 9 evals', `${'eval '.repeat(9)}rm ${K}/log.md`, 'world', NESTED_TOO_DEEP],
  ['rm of a glob that may be the log run by 9 evals', `${'eval '.repeat(9)}rm ${K}/l?g.md`, 'world', NESTED_TOO_DEEP],
  ['the log emptied in <(…) nested 9 deep', `${'cat <('.repeat(9)}: > ${K}/log.md${')'.repeat(9)}`, 'world', NESTED_TOO_DEEP],
  ['rm of the log in a=$(…) nested 9 deep', `${'a=$( '.repeat(9)}rm ${K}/log.md${' )'.repeat(9)}`, 'world', NESTED_TOO_DEEP],
  ['rm of the log in sh -c nested 9 deep', nestedShells(9, () => 'sh -c'), 'world', NESTED_TOO_DEEP],
  ['rm of the log in bash -c and eval, alternating, 9 deep', nestedShells(9, (k) => (k % 2 ? 'eval' : 'bash -c')), 'world', NESTED_TOO_DEEP],
  ['rm of the log run by su -c under 8 sh -c', nestedShells(9, (k) => (k === 8 ? 'su -c' : 'sh -c')), 'world', NESTED_TOO_DEEP],
  ['rm of the log run by runuser -u under 8 sh -c', nestedShells(8, () => 'sh -c', `runuser -u root -- rm ${K}/log.md`), 'world', NESTED_TOO_DEEP],
  ['rm of the log in a trap under 8 sh -c', nestedShells(9, (k) => (k === 8 ? 'trap' : 'sh -c'), undefined, ' EXIT'), 'world', NESTED_TOO_DEEP],
  ['rm of the log run by watch under 8 sh -c', nestedShells(9, (k) => (k === 8 ? 'watch -g' : 'sh -c')), 'world', NESTED_TOO_DEEP],
  [
    'rm of the log run by script -c under 8 sh -c',
    nestedShells(9, (k) => (k === 8 ? 'script -qc' : 'sh -c'), undefined, ' /dev/null'),
    'world',
    NESTED_TOO_DEEP,
  ],
  ['rm of the log run by env -S under 8 sh -c', nestedShells(9, (k) => (k === 8 ? 'env -S' : 'sh -c')), 'world', NESTED_TOO_DEEP],
  ['rm of the log in a here-string to bash under 8 bash -c', nestedShells(9, (k) => (k === 8 ? 'bash <<<' : 'bash -c')), 'world', NESTED_TOO_DEEP],
  [
    'rm of the log run by find -exec sh -c under 8 sh -c',
    nestedShells(9, (k) => (k === 8 ? 'find . -maxdepth 0 -exec sh -c' : 'sh -c'), undefined, ' \\;'),
    'world',
    NESTED_TOO_DEEP,
  ],
  // Nothing to run past the limit: no write it cannot read.
  ['$(…) nested 9 deep around nothing, then a read of the log', `echo ${'$(echo '.repeat(8)}$( )${')'.repeat(8)}; cat ${K}/log.md`, 'world', 'allow'],
  // Claude Code's own commit form, the message from a here-document in "$(…)", was refused when it
  // mentioned log.md (third review of 2026-12-07, M4): git takes the word after -m as the message,
  // whatever it holds. Only there: after a flag that is not -m's, or -m's value itself, it stays unread.
  ['git commit -m "$(cat <<EOF …)" mentioning log.md', `git commit -m "$(cat <<'EOF'\nAdd entry to ${K}/log.md\nEOF\n)"`, 'world', 'allow'],
  ['git commit -qam "$(cat <<EOF …)" mentioning log.md', `git commit -qam "$(cat <<'EOF'\nlog.md: add entry\nEOF\n)"`, 'world', 'allow'],
  ['git commit --message "$(printf …)" mentioning log.md', `git commit --message "$(printf 'Add entry to log.md')"`, 'world', 'allow'],
  ['git commit -C HEAD -m "$(…)" mentioning log.md', `git commit -C HEAD -m "$(printf 'log.md')"`, 'world', 'allow'],
  ['git commit --amend -m "$(…)" mentioning log.md', `git commit --amend -m "$(printf 'log.md: fix')"`, 'world', 'allow'],
  ['git commit --author=… -m "$(…)" mentioning log.md', `git commit --author='A <a@b>' -m "$(printf 'log.md: fix')"`, 'world', 'allow'],
  ['git commit --author -m "$(…)" (-m is the author)', `git commit --author -m "$(printf ${K}/log.md)"`, 'world', OPTION_UNREAD],
  ['git commit --auth -m "$(…)" (--author, abbreviated)', `git commit --auth -m "$(printf ${K}/log.md)"`, 'world', OPTION_UNREAD],
  ['git tag -a v1 -m "$(cat <<EOF …)" mentioning log.md', `git tag -a v1 -m "$(cat <<'EOF'\nlog.md entries\nEOF\n)"`, 'world', 'allow'],
  ['git commit -m "$(…)" then another "$(…)"', `git commit -m "$(printf x)" "$(printf ${K}/log.md)"`, 'world', OPTION_UNREAD],
  ['git commit -m -m "$(…)" (the message is -m)', `git commit -m -m "$(printf ${K}/log.md)"`, 'world', OPTION_UNREAD],
  ['git commit -F -m "$(…)" (-m is the file)', `git commit -F -m "$(printf ${K}/log.md)"`, 'world', OPTION_UNREAD],
  ['git commit -Sm "$(…)" (m is the key)', `git commit -Sm "$(printf ${K}/log.md)"`, 'world', OPTION_UNREAD],
  ['git commit -- -m "$(…)" (a pathspec)', `git commit -- -m "$(printf ${K}/log.md)"`, 'world', OPTION_UNREAD],
  ['git commit -m unquoted $(…) (split into words)', `git commit -m $(printf ${K}/log.md)`, 'world', OPTION_UNREAD],
  ['git commit -F "$(…)"', `git commit -F "$(printf ${K}/log.md)"`, 'world', OPTION_UNREAD],
  ['git checkout -m "$(…)" (a flag there)', `git checkout -m "$(printf ${K}/log.md)"`, 'world', /cannot read|cannot tell|overwrite/],
  ['git stash -m "$(…)" (not read as a message)', `git stash -m "$(printf ${K}/log.md)"`, 'world', /cannot read|cannot tell|overwrite/],
  // Fourth review of 2026-12-07 (H1): git's --shallow-file takes the next word, which was read as
  // the subcommand, so no rule of a subcommand applied; each changed or removed the log in bash
  // (git 2.39). An option of git's own it does not know leaves the subcommand unknown: the command
  // is one writing a name it cannot tell, refused when its words name the log.
  ['git --shallow-file x checkout -- the log', `git --shallow-file x checkout -- ${K}/log.md`, 'world', /overwrite/],
  ['git --shallow-file x rebase -x running rm', `git --shallow-file x rebase -x 'rm -f ${K}/log.md' HEAD~1`, 'world', /cannot tell|remove/],
  ['git --shallow-file x -c alias running rm', `git --shallow-file x -c 'alias.y=!rm -f ${K}/log.md' y`, 'world', /runs|remove|delete|cannot read/],
  ['git --shallow-file x checkout-index -fa', 'git --shallow-file x checkout-index -fa', 'world', /cannot tell/],
  [
    'git --shallow-file commit diff -m "$(…--output=…)" (diff, not commit)',
    `git --shallow-file commit diff -m "$(echo --output=${K}/log.md)"`,
    'world',
    OPTION_UNREAD,
  ],
  ['git --attr-source HEAD checkout -- the log', `git --attr-source HEAD checkout -- ${K}/log.md`, 'world', /overwrite/],
  ['git --git-dir=.git --no-pager checkout -- the log', `git --git-dir=.git --no-pager checkout -- ${K}/log.md`, 'world', /overwrite/],
  ['git with an option it does not know, then checkout -- the log', `git --frobnicate x checkout -- ${K}/log.md`, 'world', /cannot tell/],
  [
    'git with an option it does not know, then -c of an alias it cannot read, and the log read',
    `git --frobnicate x -c "alias.y=!$c" y; cat ${K}/log.md`,
    'world',
    /git -c it cannot read/,
  ],
  ['git --shallow-file x log of the log', `git --shallow-file x log -p -- ${K}/log.md`, 'world', 'allow'],
  ['git --no-pager -c color.ui=never log of the log', `git --no-pager -c color.ui=never log -p -- ${K}/log.md`, 'world', 'allow'],
  // Eighth review of 2026-12-07: each was allowed, and bash removed or changed both logs.
  // H1: a lister's words were read with their quotes taken out and split at blanks, so a quoted
  // pattern holding a blank or a quote (`'log.md x'`, which matches no log) read as leaving the logs out.
  ["find ! -name 'log.md x' | xargs rm -f", "find . -name '*.md' ! -name 'log.md x' | xargs rm -f", 'world', /find's tests may match log\.md/],
  ['find ! -name "log.md\'" | xargs rm -f', `find . -name '*.md' ! -name "log.md'" | xargs rm -f`, 'world', /find's tests may match log\.md/],
  ["grep -rl --exclude='log.md x' | xargs rm -f", "grep -rl --exclude='log.md x' tomatoes . | xargs rm -f", 'world', /grep may list log\.md/],
  ["git ls-files -- . ':!*log.md x' | xargs rm -f", "git ls-files -- . ':!*log.md x' | xargs rm -f", 'world', /git may list log\.md/],
  ["git grep -l -- . ':!*log.md x' | xargs rm -f", "git grep -l tomatoes -- . ':!*log.md x' | xargs rm -f", 'world', /git may list log\.md/],
  ["git ls-files -z -- . ':!*log.md x' | xargs -0 sed -i", "git ls-files -z -- . ':!*log.md x' | xargs -0 sed -i s/a/b/", 'world', /git may list log\.md/],
  ["git -c 'user.name=a b' ls-files | xargs rm -f (one word)", "git -c 'user.name=a b' ls-files | xargs rm -f", 'world', /git may list log\.md/],
  ["grep -rl --exclude=log.md 'two words' | xargs rm -f (a quoted pattern)", "grep -rl --exclude=log.md 'two words' . | xargs rm -f", 'world', 'allow'],
  ["git ls-files -- 'my notes' ':!*log.md' | xargs rm -f (a quoted pathspec)", "git ls-files -- 'my notes.txt' ':!*log.md' | xargs rm -f", 'world', 'allow'],
  // H2: a lister run through an alias the command defines.
  ['git -c alias.l=ls-files l | xargs rm -f', 'git -c alias.l=ls-files l | xargs rm -f', 'world', /git may list log\.md/],
  ['git config alias.l ls-files && git l | xargs rm -f', 'git config alias.l ls-files && git l | xargs rm -f', 'world', /git may list log\.md/],
  ["git config alias.l 'ls-files -z'; git l | xargs -0 rm -f", "git config alias.l 'ls-files -z'; git l | xargs -0 rm -f", 'world', /git may list log\.md/],
  // H3: --noglob-pathspecs makes the exclusion's `*` literal, as --literal-pathspecs does.
  [
    "git --noglob-pathspecs ls-files ':!*log.md' | xargs rm -f",
    "git --noglob-pathspecs ls-files -- . ':!*log.md' | xargs rm -f",
    'world',
    /git may list log\.md/,
  ],
  [
    "GIT_NOGLOB_PATHSPECS=1 git ls-files ':!*log.md' | xargs rm -f",
    "GIT_NOGLOB_PATHSPECS=1 git ls-files -- . ':!*log.md' | xargs rm -f",
    'world',
    /git may list log\.md/,
  ],
  // H4: long options by a unique start, and grep's -d glued to its value.
  ['git grep --files-with-match | xargs rm -f', 'git grep --files-with-match tomatoes | xargs rm -f', 'world', /git may list log\.md/],
  ['git grep --name-o | xargs rm -f', 'git grep --name-o tomatoes | xargs rm -f', 'world', /git may list log\.md/],
  ['grep -r --files-with-match | xargs rm -f', 'grep -r --files-with-match tomatoes . | xargs rm -f', 'world', /grep may list log\.md/],
  ['grep -l --recur | xargs rm -f', 'grep -l --recur tomatoes . | xargs rm -f', 'world', /grep may list log\.md/],
  ['grep -drecurse -l | xargs rm -f', 'grep -drecurse -l tomatoes . | xargs rm -f', 'world', /grep may list log\.md/],
  ['grep --dir=recurse -l | xargs rm -f', 'grep --dir=recurse -l tomatoes . | xargs rm -f', 'world', /grep may list log\.md/],
  // H5: a lister inside a compound command.
  ['{ git ls-files; } | xargs rm -f', '{ git ls-files; } | xargs rm -f', 'world', /git may list log\.md/],
  ["{ find . -name '*.md'; } | xargs rm -f", "{ find . -name '*.md'; } | xargs rm -f", 'world', /find's tests may match log\.md/],
  ['{ grep -rl …; } | xargs rm -f', '{ grep -rl tomatoes .; } | xargs rm -f', 'world', /grep may list log\.md/],
  ['if …; then git ls-files; fi | xargs rm -f', 'if true; then git ls-files; fi | xargs rm -f', 'world', /git may list log\.md/],
  ['for …; do git ls-files; done | xargs rm -f', 'for i in 1; do git ls-files; done | xargs rm -f', 'world', /git may list log\.md/],
  // Found while fixing H5: a subshell piped out its last command alone.
  ['(git ls-files; echo) | xargs rm -f', '(git ls-files; echo) | xargs rm -f', 'world', /git may list log\.md/],
  ['! git ls-files | xargs rm -f', '! git ls-files | xargs rm -f', 'world', /git may list log\.md/],
  ['rm -f $({ git ls-files; })', 'rm -f $({ git ls-files; })', 'world', /git may list log\.md|cannot tell/],
  ['f() { git ls-files; }; f | xargs rm -f', 'f() { git ls-files; }; f | xargs rm -f', 'world', /git may list log\.md|cannot tell/],
  // H6: a lister feeding mapfile, or piped through other stages into a shell.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's array
  ['mapfile < <(git ls-files); rm -f "${a[@]}"', 'mapfile -t a < <(git ls-files); rm -f "${a[@]}"', 'world', /git may list log\.md|cannot tell/],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's array
  ['readarray < <(grep -rl …); rm -f', 'readarray -t a < <(grep -rl tomatoes .); rm -f "${a[@]}"', 'world', /grep may list log\.md|cannot tell/],
  ["mapfile < <(find -name '*.md'); rm -f", `mapfile -t a < <(find . -name '*.md'); rm -f "\${a[@]}"`, 'world', /find's tests may match log\.md|cannot tell/],
  ["git ls-files | sed 's/^/rm -f /' | sh", "git ls-files | sed 's/^/rm -f /' | sh", 'world', /git may list log\.md|cannot tell/],
  ["grep -rl … | sed 's/^/rm -f /' | bash", "grep -rl tomatoes . | sed 's/^/rm -f /' | bash", 'world', /grep may list log\.md|cannot tell/],
  ["find -name '*.md' | sed 's/^/rm -f /' | sh", "find . -name '*.md' | sed 's/^/rm -f /' | sh", 'world', /find's tests may match log\.md|cannot tell/],
  // FP: names after `--` are pathspecs; reset (no --hard, --merge, --keep) and restore --staged
  // (no --worktree) write the index alone. Without `--` a listed `--hard` would write.
  ['git diff --cached --name-only | xargs -r git reset -q --', 'git diff --cached --name-only | xargs -r git reset -q --', 'world', 'allow'],
  [
    'git diff --cached --name-only -z | xargs -0 -r git restore --staged --',
    'git diff --cached --name-only -z | xargs -0 -r git restore --staged --',
    'world',
    'allow',
  ],
  ['git diff --cached --name-only | xargs git reset -q (no --)', 'git diff --cached --name-only | xargs git reset -q', 'world', OPTION_UNREAD],
  ['git diff --cached --name-only | xargs git reset --hard --', 'git diff --cached --name-only | xargs git reset --hard --', 'world', /cannot|overwrite/],
  [
    'git diff --cached --name-only | xargs git restore --staged -W --',
    'git diff --cached --name-only | xargs git restore --staged -W --',
    'world',
    /cannot|overwrite/,
  ],
  // Found while fixing H1: a lister in a variable, its value split into words, was read as one word.
  ["x='git ls-files'; $x | xargs rm -f", "x='git ls-files'; $x | xargs rm -f", 'world', /git may list log\.md/],
  // H7: ls-files' -f is a flag, not a value option (git grep's -f FILE).
  [
    "git ls-files -f ../.. ':!*log.md' from a walnut | xargs rm -f",
    "cd 04_Ventures/garden && git ls-files -f ../.. ':!*log.md' | xargs rm -f",
    'world',
    /git may list log\.md/,
  ],
  // Ninth review of 2026-12-07: each was allowed, and bash removed or changed a log.
  // H5: past the reader's 1 MiB of input text a write's input is the whole command, read as a lister's.
  [
    'a 16 KB function holding git ls-files, piped 66 times into xargs rm -f',
    `f() { git ls-files; : ${'a'.repeat(16_000)}; }; ${'f | '.repeat(66)}xargs rm -f`,
    'world',
    /git may list log\.md|cannot tell/,
  ],
  [
    'git ls-files | xargs rm -f after 70 pipes of a 16 KB function into xargs (past the input budget)',
    `f() { : ${'a'.repeat(16_000)}; }; ${'f | xargs rm -f; '.repeat(70)}git ls-files | xargs rm -f`,
    'world',
    /git may list log\.md|cannot tell/,
  ],
  // H1: what eval, sh -c, su -c, trap, env -S or a here-string to a shell runs, when a word of it
  // holds a `$(…)`, backquotes or a variable not known, is read from the words as written.
  ['eval rm -f "$(echo …/log.md)"', `eval rm -f "$(echo ${K}/log.md)"`, 'world', /eval running commands[\s\S]*cannot tell/],
  ['eval "$(echo rm -f …/log.md)"', `eval "$(echo rm -f ${K}/log.md)"`, 'world', /eval running commands[\s\S]*cannot tell/],
  ['eval `echo rm -f …/log.md`', `eval \`echo rm -f ${K}/log.md\``, 'world', /eval running commands[\s\S]*cannot tell/],
  ['x=$(echo rm …/log.md); eval "$x"', `x=$(echo rm -f ${K}/log.md); eval "$x"`, 'world', /eval running commands[\s\S]*cannot tell/],
  ['x=$(echo rm …/log.md); sh -c "$x"', `x=$(echo rm -f ${K}/log.md); sh -c "$x"`, 'world', /sh -c running commands[\s\S]*cannot tell/],
  ['x=$(echo rm …/log.md); sh <<<"$x"', `x=$(echo rm -f ${K}/log.md); sh <<<"$x"`, 'world', /sh <<< running commands[\s\S]*cannot tell/],
  ['bash -c "$(echo rm -f …/log.md)"', `bash -c "$(echo rm -f ${K}/log.md)"`, 'world', /bash -c running commands[\s\S]*cannot tell/],
  ['su -c "$(echo rm -f …/log.md)"', `su -c "$(echo rm -f ${K}/log.md)"`, 'world', /su running commands[\s\S]*cannot tell/],
  ['trap "$(echo rm -f …/log.md)" EXIT', `trap "$(echo rm -f ${K}/log.md)" EXIT`, 'world', /trap running commands[\s\S]*cannot tell/],
  ['env -S "$(echo rm -f …/log.md)"', `env -S "$(echo rm -f ${K}/log.md)"`, 'world', /env -S running commands[\s\S]*cannot tell/],
  ['echo x | xargs sh -c "$(echo rm -f …/log.md)"', `echo x | xargs sh -c "$(echo rm -f ${K}/log.md)"`, 'world', /sh -c running commands[\s\S]*cannot tell/],
  ['bash <<<$(echo rm -f …/log.md)', `bash <<<$(echo rm -f ${K}/log.md)`, 'world', /bash <<< running commands[\s\S]*cannot tell/],
  ["eval \"$(find -name '*.md' | sed 's/^/rm -f /')\"", "eval \"$(find . -name '*.md' | sed 's/^/rm -f /')\"", 'world', /find's tests may match log\.md/],
  ['bash <<<"$(git ls-files | sed \'s/^/rm -f /\')"', 'bash <<<"$(git ls-files | sed \'s/^/rm -f /\')"', 'world', /git may list log\.md/],
  // Exact words are read as commands, as before: nothing read from them names a log.
  ['eval "$(ssh-agent -s)"; cat …/log.md', `eval "$(ssh-agent -s)"; cat ${K}/log.md`, 'world', 'allow'],
  ['sh -c "wc -l $f" over literal names, then cat …/log.md', `for f in a b; do sh -c "wc -l $f"; done; cat ${K}/log.md`, 'world', 'allow'],
  // H3: a lister's input was cut at `;`, `|`, `&` and newlines inside quotes, and the cut-off
  // pattern (`':!*log.md;'`, which matches no log) read as leaving the logs out.
  ["git ls-files -- . ':!*log.md;' | xargs rm -f", "git ls-files -- . ':!*log.md;' | xargs rm -f", 'world', /git may list log\.md/],
  ["git ls-files -- . ':!*log.md|' | xargs rm -f", "git ls-files -- . ':!*log.md|' | xargs rm -f", 'world', /git may list log\.md/],
  ["git ls-files -- . ':!*log.md<newline>' | xargs rm -f", "git ls-files -- . ':!*log.md\n' | xargs rm -f", 'world', /git may list log\.md/],
  ["find ! -name 'log.md;' | xargs rm -f", "find . -name '*.md' ! -name 'log.md;' | xargs rm -f", 'world', /find's tests may match log\.md/],
  ["grep -rl --exclude='log.md|' | xargs rm -f", "grep -rl --exclude='log.md|' tomatoes . | xargs rm -f", 'world', /grep may list log\.md/],
  ["rm -f $(git ls-files -- . ':!*log.md;')", "rm -f $(git ls-files -- . ':!*log.md;')", 'world', /git may list log\.md/],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's array
  ["mapfile < <(git ls-files ':!*log.md&'); rm -f", 'mapfile -t a < <(git ls-files -- . \':!*log.md&\'); rm -f "${a[@]}"', 'world', /git may list log\.md/],
  ["git ls-files ':!*log.md;' | sed 's/^/rm -f /' | sh", "git ls-files -- . ':!*log.md;' | sed 's/^/rm -f /' | sh", 'world', /git may list log\.md/],
  // An exclusion after a quoted operator still counts, and one lister after another is read on its own.
  ["git ls-files -- 'a;b' ':!*log.md' | xargs rm -f", "git ls-files -- 'a;b.txt' ':!*log.md' | xargs rm -f", 'world', 'allow'],
  ["git ls-files ':!*log.md' && git ls-files | xargs rm -f", "git ls-files -- . ':!*log.md' && git ls-files | xargs rm -f", 'world', /git may list log\.md/],
  // H6: "$@" in a script xargs runs (`xargs sh -c '… "$@"' _`) holds what xargs reads.
  ['ls …/log.md | xargs sh -c \'rm -f "$@"\' x', `ls ${K}/log.md | xargs sh -c 'rm -f "$@"' x`, 'world', /cannot tell/],
  [
    'ls …/log.md | xargs -n1 bash -c \'for f; do rm -f "$f"; done\' _',
    `ls ${K}/log.md | xargs -n1 bash -c 'for f; do rm -f "$f"; done' _`,
    'world',
    /cannot tell/,
  ],
  [
    "find -name '*.md' | xargs sh -c 'for f; do : > \"$f\"; done' _",
    "find . -name '*.md' | xargs sh -c 'for f; do : > \"$f\"; done' _",
    'world',
    /find's tests may match log\.md/,
  ],
  ['git ls-files | xargs sh -c \'rm -f "$@"\' x', 'git ls-files | xargs sh -c \'rm -f "$@"\' x', 'world', /git may list log\.md/],
  ['ls *.txt | xargs sh -c \'wc -l "$@"\' _; cat …/log.md', `ls *.txt | xargs sh -c 'wc -l "$@" > counts.txt' _; cat ${K}/log.md`, 'world', 'allow'],
  // H7: a word xargs may put in git's options is read from every stage piped in, not the nearest
  // alone, and a `--` its replace string may stand for is not taken for the end of the options.
  [
    'git diff --name-only | sed "s/.*/--hard/" | xargs -I-- git reset -q -- --',
    'git diff --name-only | sed "s/.*/--hard/" | xargs -I-- git reset -q -- --',
    'world',
    /git may list log\.md/,
  ],
  ['git diff --name-only | sed "s/.*/--hard/" | xargs git reset -q', 'git diff --name-only | sed "s/.*/--hard/" | xargs git reset -q', 'world', OPTION_UNREAD],
  ['git diff --name-only | cat | xargs git reset -q', 'git diff --name-only | cat | xargs git reset -q', 'world', OPTION_UNREAD],
  ['git diff --cached --name-only | xargs -I"$r" git reset -q -- x', 'git diff --cached --name-only | xargs -I"$r" git reset -q -- x', 'world', OPTION_UNREAD],
  // H2: a pipe into a body feeds every command in it, after a `;` too, and passes through it; a
  // body fed by a redirection after it, holding a command that may read its input into a write, is not read.
  ['git ls-files | { :; xargs rm -f; }', 'git ls-files | { :; xargs rm -f; }', 'world', /git may list log\.md/],
  ['git ls-files | if true; then xargs rm -f; fi', 'git ls-files | if true; then xargs rm -f; fi', 'world', /git may list log\.md/],
  ['git ls-files | (:; xargs rm -f)', 'git ls-files | (:; xargs rm -f)', 'world', /git may list log\.md/],
  ["git ls-files | { :; sh -c 'xargs rm -f'; }", "git ls-files | { :; sh -c 'xargs rm -f'; }", 'world', /git may list log\.md/],
  ['git ls-files | { cat; } | xargs rm -f', 'git ls-files | { cat; } | xargs rm -f', 'world', /git may list log\.md/],
  ['git ls-files | { cat & } | xargs rm -f', 'git ls-files | { cat & } | xargs rm -f', 'world', /git may list log\.md/],
  ['git ls-files | for …; do cat; done | xargs rm -f', 'git ls-files | for i in 1; do cat; done | xargs rm -f', 'world', /git may list log\.md/],
  ['git ls-files | case … esac | xargs rm -f', 'git ls-files | case 1 in 1) cat;; esac | xargs rm -f', 'world', /git may list log\.md/],
  [
    'git ls-files | while read f; do echo; done | xargs rm -f',
    'git ls-files | while read f; do echo "$f"; done | xargs rm -f',
    'world',
    /git may list log\.md/,
  ],
  ["git ls-files | { :; sed 's/^/rm -f /' | sh; }", "git ls-files | { :; sed 's/^/rm -f /' | sh; }", 'world', /git may list log\.md/],
  ['echo …/log.md | { :; xargs rm -f; }', `echo ${K}/log.md | { :; xargs rm -f; }`, 'world', /cannot tell/],
  ['echo …/log.md | { :; read -r x; rm -f "$x"; }', `echo ${K}/log.md | { :; read -r x; rm -f "$x"; }`, 'world', /cannot tell/],
  ['echo …/log.md | { cat; } | xargs rm -f', `echo ${K}/log.md | { cat; } | xargs rm -f`, 'world', /cannot tell/],
  ['{ xargs rm -f; } < <(ls …/log.md)', `{ xargs rm -f; } < <(ls ${K}/log.md)`, 'world', /input redirection after it/],
  ['{ :; xargs rm -f; } <<<…/log.md', `{ :; xargs rm -f; } <<<${K}/log.md`, 'world', /input redirection after it/],
  ['if :; then xargs rm -f; fi <<<…/log.md', `if :; then xargs rm -f; fi <<<${K}/log.md`, 'world', /input redirection after it/],
  ['(:; xargs rm -f) <<<…/log.md', `(:; xargs rm -f) <<<${K}/log.md`, 'world', /input redirection after it/],
  ['{ cat; } < <(ls …/log.md) | xargs rm -f', `{ cat; } < <(ls ${K}/log.md) | xargs rm -f`, 'world', /cannot tell/],
  // A body fed by a redirection that reads nothing into a write is read as before.
  ['{ wc -l; cat; } < …/log.md', `{ wc -l; cat; } < ${K}/log.md`, 'world', 'allow'],
  ['git ls-files | { cat; echo; } | wc -l', `git ls-files | { cat; echo; } | wc -l; cat ${K}/log.md`, 'world', 'allow'],
  // H4: a lister reaching a pipe through a condition, or a function called in a body, a substitution or another function.
  ['if git ls-files; then :; fi | xargs rm -f', 'if git ls-files; then :; fi | xargs rm -f', 'world', /git may list log\.md/],
  ['while git ls-files; do break; done | xargs rm -f', 'while git ls-files; do break; done | xargs rm -f', 'world', /git may list log\.md/],
  ['until ! git ls-files; do break; done | xargs rm -f', 'until ! git ls-files; do break; done | xargs rm -f', 'world', /git may list log\.md/],
  ['function x { git ls-files; }; x | xargs rm -f', 'function x { git ls-files; }; x | xargs rm -f', 'world', /git may list log\.md/],
  ['x() { git ls-files; }; y() { x; }; y | xargs rm -f', 'x() { git ls-files; }; y() { x; }; y | xargs rm -f', 'world', /git may list log\.md/],
  ['x() { git ls-files; }; { x; } | xargs rm -f', 'x() { git ls-files; }; { x; } | xargs rm -f', 'world', /git may list log\.md/],
  ['x() { git ls-files; }; (x) | xargs rm -f', 'x() { git ls-files; }; (x) | xargs rm -f', 'world', /git may list log\.md/],
  ['x() { git ls-files; }; if x; then :; fi | xargs rm -f', 'x() { git ls-files; }; if x; then :; fi | xargs rm -f', 'world', /git may list log\.md/],
  ['x() { git ls-files; }; rm -f $(x)', 'x() { git ls-files; }; rm -f $(x)', 'world', /git may list log\.md/],
  ['x() { git ls-files; }; for f in $(x); do rm -f "$f"; done', 'x() { git ls-files; }; for f in $(x); do rm -f "$f"; done', 'world', /git may list log\.md/],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's array
  ['x() { git ls-files; }; mapfile < <(x); rm -f', 'x() { git ls-files; }; mapfile -t a < <(x); rm -f "${a[@]}"', 'world', /git may list log\.md/],
  ['x() ( git ls-files ); x | xargs rm -f', 'x() ( git ls-files ); x | xargs rm -f', 'world', /git may list log\.md/],
  ['x() if true; then git ls-files; fi; x | xargs rm -f', 'x() if true; then git ls-files; fi; x | xargs rm -f', 'world', /git may list log\.md/],
  ['x() { "$@"; }; x git ls-files | xargs rm -f', 'x() { "$@"; }; x git ls-files | xargs rm -f', 'world', /git may list log\.md/],
  // M1: input from a descriptor the command opened, or a coprocess, is not followed.
  ['exec 3< <(ls …/log.md); xargs rm -f <&3', `exec 3< <(ls ${K}/log.md); xargs rm -f <&3`, 'world', /descriptor or a coprocess/],
  ['exec 3< <(ls …/log.md); read -u3 f; rm -f "$f"', `exec 3< <(ls ${K}/log.md); read -u3 f; rm -f "$f"`, 'world', /descriptor or a coprocess/],
  ['exec < <(ls …/log.md); xargs rm -f', `exec < <(ls ${K}/log.md); xargs rm -f`, 'world', /descriptor or a coprocess/],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's array
  ['coproc ls …/log.md; xargs rm -f <&${COPROC[0]}', `coproc ls ${K}/log.md; xargs rm -f <&\${COPROC[0]}`, 'world', /descriptor or a coprocess/],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's array
  ['coproc { ls …/log.md; }; read -u ${COPROC[0]} f', `coproc { ls ${K}/log.md; }; read -u \${COPROC[0]} f; rm -f "$f"`, 'world', /descriptor or a coprocess/],
  ['cat …/log.md 3<&0 (stdin duplicated)', `cat ${K}/log.md 3<&0 0<&-`, 'world', 'allow'],
  // M2: a function reading its stdin, called in a pipe.
  ['f() { xargs rm -f; }; echo …/log.md | f', `f() { xargs rm -f; }; echo ${K}/log.md | f`, 'world', /cannot tell|reads its input/],
  ["s() { sh; }; ls …/log.md | sed 's/^/rm -f /' | s", `s() { sh; }; ls ${K}/log.md | sed 's/^/rm -f /' | s`, 'world', /reads its input/],
  ["s() { sh; }; git ls-files | sed 's/^/rm -f /' | s", "s() { sh; }; git ls-files | sed 's/^/rm -f /' | s", 'world', /reads its input/],
  ['f() { git ls-files; }; f | wc -l, then cat …/log.md', `f() { git ls-files; }; f | wc -l; cat ${K}/log.md`, 'world', 'allow'],
  // FP: bash -n checks the syntax of what it reads and runs none of it.
  ["git ls-files | sed 's/^/x /' | bash -n", "git ls-files | sed 's/^/x /' | bash -n", 'world', 'allow'],
  ["git ls-files | sed 's/^/rm -f /' | bash -x (runs it)", "git ls-files | sed 's/^/rm -f /' | bash -x", 'world', /git may list log\.md|cannot tell/],
];

/**
 * $TMPDIR is unknown, whatever the hook's own is (<BASE>/tmp here): taken from the hook's
 * environment for a day, it let commands that change it where the reader does not see it
 * (`printf -v$a$b …`, `export${IFS}…`, BASH_ENV, mapfile) or put a link under it write a log
 * (review of 2026-12-06, reproduced in bash). What the command does to it still counts.
 */
const tmpdirRows: [string, string, Where, RegExp | 'allow'][] = [
  ['cp into "$TMPDIR/"', `cp ${K}/log.md "$TMPDIR/"`, 'world', /cannot tell|overwrite/],
  ['cp onto "$TMPDIR/log.md", then diff', `cp ${K}/log.md "$TMPDIR/log.md" && diff "$TMPDIR/log.md" ${K}/log.md`, 'world', /cannot tell|overwrite/],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
  ['cp into "${TMPDIR}/", then sed -i on the copy', `cp ${K}/log.md "\${TMPDIR}/" && sed -i s/a/b/ "\${TMPDIR}/log.md"`, 'world', /cannot tell|overwrite/],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
  ['cp into ${TMPDIR:-/tmp}/', `cp ${K}/log.md \${TMPDIR:-/tmp}/`, 'world', /cannot tell|overwrite/],
  ['TMPDIR set to the kernel, then cp onto $TMPDIR/log.md', `TMPDIR=<WORLD>/${K}; cp /tmp/x.md "$TMPDIR/log.md"`, 'world', /overwrite/],
  ['TMPDIR exported as the kernel, then cp into $TMPDIR/', `export TMPDIR=<WORLD>/${K} && cp /tmp/log.md "$TMPDIR/"`, 'world', /overwrite/],
  ['TMPDIR set for sh -c, which writes $TMPDIR/log.md', `TMPDIR=<WORLD>/${K} sh -c 'cp /tmp/x.md "$TMPDIR/log.md"'`, 'world', /overwrite/],
  ['env TMPDIR=… bash -c, which appends to $TMPDIR/log.md', `env TMPDIR=<WORLD>/${K} bash -c 'echo x >> "$TMPDIR/log.md"'`, 'world', /append/],
  ['TMPDIR set for bash reading a here-document', `TMPDIR=<WORLD>/${K} bash <<'EOF'\ncp /tmp/x.md "$TMPDIR/log.md"\nEOF`, 'world', /overwrite/],
  ['TMPDIR set by eval', `eval TMPDIR=<WORLD>/${K}; cp /tmp/x.md "$TMPDIR/log.md"`, 'world', /overwrite/],
  ['a cd by eval', `eval 'cd <WORLD>/${K}'; rm -f log.md`, 'world', /delete|cannot tell/],
  ['TMPDIR perhaps set by a sourced script', 'source ./env.sh; cp /tmp/x.md "$TMPDIR/log.md"', 'world', /cannot tell/],
  ['TMPDIR perhaps set by a script read with .', '. ./env.sh && cp /tmp/x.md "$TMPDIR/log.md"', 'world', /cannot tell/],
  ['TMPDIR set for a function that writes $TMPDIR/log.md', `f() { cp /tmp/x.md "$TMPDIR/log.md"; }; TMPDIR=<WORLD>/${K} f`, 'world', /cannot tell/],
  ['TMPDIR read from input', `read -r TMPDIR < dirs.txt; cp /tmp/x.md "$TMPDIR/log.md"`, 'world', /cannot tell/],
  // The nameref's variable takes the value: the write is read exactly.
  ['TMPDIR set through a nameref', `declare -n T=TMPDIR; T=<WORLD>/${K}; cp /tmp/x.md "$TMPDIR/log.md"`, 'world', /overwrite/],
  // Ways to set TMPDIR that the reader cannot see: the hook's TMPDIR is then not taken.
  ['TMPDIR set by eval of text it cannot see', 'eval "$(cat env.sh)"; cp /tmp/x.md "$TMPDIR/log.md"', 'world', /cannot tell|overwrite/],
  ['TMPDIR set by a BASH_ENV file', `BASH_ENV=./env.sh bash -c 'cp /tmp/x.md "$TMPDIR/log.md"'`, 'world', /cannot tell|overwrite/],
  ['TMPDIR set by source of a here-string', 'source /dev/stdin <<< "$(cat env.sh)"; cp /tmp/x.md "$TMPDIR/log.md"', 'world', /cannot tell|overwrite/],
  [
    'TMPDIR set by env with words it cannot see',
    `f() { cp /tmp/x.md "$TMPDIR/log.md"; }; export -f f; env $(cat env) bash -c f`,
    'world',
    /cannot tell|overwrite/,
  ],
  [
    'TMPDIR set by eval of a name printf builds',
    `eval "$(printf %s%s=%s TMP DIR <WORLD>/${K})"; cp /tmp/x.md "$TMPDIR/log.md"`,
    'world',
    /cannot tell|overwrite/,
  ],
  ['TMPDIR set by mapfile, its name with a backslash', `mapfile -t TMP\\DIR <<< <WORLD>/${K}; cp /tmp/x.md "$TMPDIR/log.md"`, 'world', /cannot tell|overwrite/],
  ['TMPDIR read, its name with quotes inside', 'read -r TMP""DIR < d.txt; cp /tmp/x.md "$TMPDIR/log.md"', 'world', /cannot tell|overwrite/],
  ['TMPDIR declared, its name with quotes inside', `declare "TMP""DIR=<WORLD>/${K}"; cp /tmp/x.md "$TMPDIR/log.md"`, 'world', /cannot tell|overwrite/],
  [
    'TMPDIR set by printf -v of a name built from variables',
    `x=TMP; y=DIR; printf -v "$x$y" %s <WORLD>/${K}; cp /tmp/x.md "$TMPDIR/log.md"`,
    'world',
    /cannot tell|overwrite/,
  ],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
  ['TMPDIR set in arithmetic', 'v=TMP; : $(( ${v}DIR = 5 )); cp /tmp/x.md "$TMPDIR/_kernel/log.md"', 'world', /cannot tell|overwrite/],
  ['TMPDIR set by a bash -c script with text it cannot see', `bash -c "$(cat env.sh); cp /tmp/x.md \\"\\$TMPDIR/log.md\\""`, 'world', /cannot tell|overwrite/],
  ['TMPDIR set by a DEBUG trap of text it cannot see', 'trap "$(cat env.sh)" DEBUG; cp /tmp/x.md "$TMPDIR/log.md"', 'world', /cannot tell|overwrite/],
  [
    'TMPDIR set by a here-document to bash, its name joined from variables',
    'a=TMP; b=DIR; bash <<EOF\n$a$b=<WORLD>/04_Ventures/garden/_kernel; cp /tmp/x.md "\\$TMPDIR/log.md"\nEOF',
    'world',
    /cannot tell|overwrite/,
  ],
  ['TMPDIR set by what xargs puts in a script', `cat list | xargs -I{} bash -c '{}; cp /tmp/x.md "$TMPDIR/log.md"'`, 'world', /cannot tell|overwrite/],
  ['HOME set for sh -c, which removes ~/log.md', `HOME=<WORLD>/${K} sh -c 'rm ~/log.md'`, 'world', /delete/],
  ['HOME set for sh -c, which removes $HOME/log.md', `HOME=<WORLD>/${K} sh -c 'rm "$HOME/log.md"'`, 'world', /delete/],
  ['HOME set, then rm ~/log.md', `HOME=<WORLD>/${K}; rm ~/log.md`, 'world', /delete/],
  // bash expands "$TMPDIR" before the assignment in front of cp applies, but a command that sets
  // TMPDIR anywhere is not read with the hook's (a function called so would see the new one).
  ['TMPDIR set for cp alone, onto "$TMPDIR/log.md"', `TMPDIR=<WORLD>/${K} cp /tmp/x.md "$TMPDIR/log.md"`, 'world', /cannot tell/],
];

function expectDecision(d: ReturnType<typeof bash>, expected: RegExp | 'allow') {
  if (expected === 'allow') {
    expect(d).toEqual({ allow: true });
  } else {
    expect(d.allow).toBe(false);
    if (!d.allow) {
      expect(d.reason).toMatch(expected);
      expect(d.reason).toMatch(/Edit/); // says what to do instead
    }
  }
}

const placed = (command: string) => command.replaceAll('<LOG>', log).replaceAll('<WORLD>', world).replaceAll('<BASE>', base);

describe("log-guardian: Bash commands with the hook's TMPDIR", () => {
  for (const [what, command, where, expected] of tmpdirRows)
    it(`${expected === 'allow' ? 'allows' : 'denies'} ${what}`, () => expectDecision(bash(placed(command), where, { TMPDIR: join(base, 'tmp') }), expected));

  it('refuses a copy into "$TMPDIR/" when the hook has no TMPDIR (the shell may have one)', () => {
    expectDecision(bash(`cp ${K}/log.md "$TMPDIR/"`), /cannot tell/);
  });
});

describe('log-guardian: Bash commands', () => {
  for (const [what, command, where, expected, homeAt] of rows) {
    it(`${expected === 'allow' ? 'allows' : 'denies'} ${what}`, () => {
      expectDecision(bash(placed(command), where, homeAt ? { HOME: dirOf(homeAt) } : {}), expected);
    });
  }

  it("follows no relative cd when the hook's environment has a CDPATH (bash's cd searches it: : > log.md emptied the log)", () => {
    const cdpath = { CDPATH: join(world, '04_Ventures', 'garden') };
    expectDecision(bash('cd _kernel && : > log.md', 'world', cdpath), /cannot tell|overwrite/);
    expectDecision(bash('cd _kernel && : > log.md', 'world'), 'allow');
    expectDecision(bash(`cd ${K} && cat log.md`, 'world', cdpath), 'allow');
  });

  it("reads globs and cd with the shopt options BASHOPTS in the hook's environment turns on (bash takes them)", () => {
    const glob = 'cd 06_Odd/dash/_kernel && sed -n 1p log.md [-]I.md';
    expectDecision(bash(glob, 'world', { BASHOPTS: 'checkwinsize:nocaseglob' }), OPTION_UNREAD);
    expectDecision(bash(glob, 'world'), 'allow');
    expectDecision(bash(`k=${K}; cd k; : > log.md`, 'world', { BASHOPTS: 'cdable_vars' }), /cannot tell|overwrite/);
  });

  it('refuses a command longer than it reads that names log.md in a world, and says so; elsewhere allows it', () => {
    const long = `cat > notes.md <<'EOF'\n${'see log.md\n'.repeat(MAX_READ_COMMAND / 10)}EOF`;
    expect(long.length).toBeGreaterThan(MAX_READ_COMMAND);
    const d = bash(long);
    expect(d.allow).toBe(false);
    if (!d.allow) expect(d.reason).toMatch(/longer than log-guardian reads.*Write tool/);
    expect(bash(long, 'elsewhere')).toEqual({ allow: true });
    expect(bash(`${long.slice(0, MAX_READ_COMMAND - 4)}\nEOF`)).toEqual({ allow: true });
  });

  it('refuses, inside a world, a command whose reading ran out of time, and says what to do; elsewhere allows it', () => {
    const late: ShellReader = (command, options) => shellWrites(command, { ...options, deadline: 0 });
    const call = (where: Where) =>
      guardianCall({ cwd: dirOf(where), tool_name: 'Bash', tool_input: { command: `cd 04_Ventures; cat garden/_kernel/log.md` } })!;
    const d = decide(call('world'), { HOME: home }, world, late);
    expect(d.allow).toBe(false);
    if (!d.allow) expect(d.reason).toMatch(/no time left to read[\s\S]*Split it[\s\S]*by hand[\s\S]*Edit/);
    expect(decide(call('elsewhere'), { HOME: home }, world, late)).toEqual({ allow: true });
    expect(decide(call('world'), { HOME: home }, world, shellWrites)).toEqual({ allow: true });
  });

  it('names the log and the command that would write it', () => {
    const d = bash(`sed -i 's/a/b/' ${K}/log.md`);
    expect(d.allow).toBe(false);
    if (!d.allow) {
      expect(d.reason).toContain(log);
      expect(d.reason).toContain('sed -i');
    }
  });

  // Found in review on 2026-12-07: the words a reason quotes (the program, a glob, cp's destination)
  // reached the answer raw, ESC, BEL, an OSC sequence and U+202E (which reorders what follows) among them.
  it('shows the words of the command it quotes in a reason as visible escapes', () => {
    for (const command of [`x\u001b[2J\u202eEVIL$c ${K}/log.md`, `rm ${K}/[l\u001b\u202e]og.md`, `cp ${K}/log.md "$W/\u001b]0;title\u0007\u202e"`]) {
      const d = bash(command);
      expect(d.allow, command).toBe(false);
      if (!d.allow) {
        expect(isPrintable(d.reason), d.reason).toBe(true);
        expect(d.reason).toContain('\\x1b');
        expect(d.reason).toContain('\\u{202e}');
      }
    }
  });

  it('takes no stale ~/.alive (ALIVE_HOME elsewhere) for a world marker: a project under HOME is no world', () => {
    const project = join(home, 'code', 'proj');
    mkdirSync(join(project, 'docs'), { recursive: true });
    writeFileSync(join(project, 'docs', 'log.md'), '# changes\n');
    const call = guardianCall({ cwd: project, tool_name: 'Bash', tool_input: { command: 'echo "- fixed bug" >> docs/log.md' } })!;
    expect(decide(call, { HOME: home, ALIVE_HOME: join(base, 'alt-alive-home') }, project, shellWrites)).toEqual({ allow: true });
  });

  it('uses ALIVE_WORLD_ROOT for a session outside any marked world', () => {
    const bare = join(base, 'bare');
    mkdirSync(join(bare, 'w', '_kernel'), { recursive: true });
    writeFileSync(join(bare, 'w', '_kernel', 'log.md'), LOG);
    const call = guardianCall({ cwd: bare, tool_name: 'Bash', tool_input: { command: 'echo x > w/_kernel/log.md' } })!;
    expect(decide(call, { HOME: home }, bare, shellWrites)).toEqual({ allow: true });
    expect(decide(call, { HOME: home, ALIVE_WORLD_ROOT: bare }, bare, shellWrites).allow).toBe(false);
  });

  it('does not look into a command that does not name log.md (the fast path; a symlink under another name is out of reach)', () => {
    symlinkSync(log, join(kernel, 'notes-link.md'));
    const call = guardianCall({ cwd: kernel, tool_name: 'Bash', tool_input: { command: 'echo x > notes-link.md' } })!;
    expect(decide(call, { HOME: home }, kernel, shellWrites)).toEqual({ allow: true });
  });
});

describe('log-guardian: the shell reader is loaded only when needed', () => {
  it('decides a command that does not name log.md without it, and loads it from the sources otherwise', async () => {
    const plain = guardianCall({ cwd: world, tool_name: 'Bash', tool_input: { command: 'npm test && git status' } })!;
    expect(needsShellReader(plain)).toBe(false);
    expect(decide(plain, { HOME: home }, world)).toEqual({ allow: true });
    const naming = guardianCall({ cwd: world, tool_name: 'Bash', tool_input: { command: `rm ${K}/log.md` } })!;
    expect(needsShellReader(naming)).toBe(true);
    expect(decide(naming, { HOME: home }, world, await loadShellReader()).allow).toBe(false);
  });
});

describe('log-guardian: malformed Bash input means allow', () => {
  it('is no Bash call without a string command', () => {
    expect(guardianCall({ cwd: '/', tool_name: 'Bash', tool_input: {} })).toBeUndefined();
    expect(guardianCall({ cwd: '/', tool_name: 'Bash', tool_input: { command: ['rm', 'log.md'] } })).toBeUndefined();
  });
  it('allows a command the shell itself would refuse (an unterminated quote)', () => {
    expect(bash(`echo "x > ${K}/log.md`)).toEqual({ allow: true });
  });
});

describe('log-guardian bundle on a Bash call', () => {
  const runGuardian = async (command: string, cwd: string, home: string, env: Record<string, string> = {}, timeoutMs = 30_000) => {
    const stdin = JSON.stringify({
      session_id: 's',
      transcript_path: '/dev/null',
      cwd,
      permission_mode: 'default',
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command, description: 'x' },
      tool_use_id: 'toolu_1',
    });
    const r = runBundle(await bundleEntry('log-guardian'), stdin, { cwd, env: cleanEnv({ HOME: home, ALIVE_HOME: join(home, '.alive'), ...env }), timeoutMs });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    return r.stdout === '' ? 'allow' : (JSON.parse(r.stdout).hookSpecificOutput.permissionDecision as string);
  };

  it('is registered for Bash in hooks.json and denies through the real bundle', async () => {
    const hooks = JSON.parse(readFileSync(join(repoRoot, 'hooks', 'hooks.json'), 'utf8')) as {
      hooks: { PreToolUse: { matcher: string; hooks: { command: string }[] }[] };
    };
    const group = hooks.hooks.PreToolUse.find((g) => g.hooks.some((h) => h.command.includes('/dist/log-guardian.mjs')));
    expect(group!.matcher.split('|')).toContain('Bash');
    expect(await runGuardian(`sed -i 's/Planted/Pulled/' ${K}/log.md`, world, home)).toBe('deny');
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  // One run each through the bundle (the entry hands decide its own environment); the other
  // commands of each case in-process, with the environment the bundle had (decide reads nothing else).
  it('expands $HOME from its own environment, in a session outside the world', async () => {
    expect(await runGuardian(`echo x >> "$HOME/world/${K}/log.md"`, join(base, 'elsewhere'), base)).toBe('deny');
    expect(bash(`echo x >> "$HOME/world/${K}/log.md.bak"`, 'elsewhere', { HOME: base, ALIVE_HOME: join(base, '.alive') })).toEqual({ allow: true });
  });

  it('takes no TMPDIR from its own environment, and refuses a glob in a folder mktemp made', async () => {
    const tmp = { TMPDIR: join(base, 'tmp') };
    expect(await runGuardian(`cp ${K}/log.md "$TMPDIR/"`, world, home, tmp)).toBe('deny');
    expect(bash(`a=TMP; b=DIR; printf -v$a$b %s ${kernel}; cp /tmp/x.md "$TMPDIR/log.md"`, 'world', tmp).allow).toBe(false);
    expect(bash(`tmp=$(mktemp -d); cp ${K}/log.md "$tmp/"`, 'world', tmp)).toEqual({ allow: true });
    expect(bash('cd "$(mktemp -d)" && rm -f *', 'world').allow).toBe(false);
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  // Each rm, rmdir or mv operand was kept for every later cd to look through, and each step and
  // write read the whole path of cd steps so far: 104 KB of `rm -f a;cd a;` kept the hook 13 s, 72 KB
  // of `mv a b;cd b;` 39 s, and this 75 KB mix of both 11 s, past its 5 s timeout, which lets the
  // call through (third review of 2026-12-07, H3; bash removed the log). Run under that timeout,
  // slow for that reason (about a second of CPU): the reader answers in time, or stops at its
  // deadline and refuses.
  it("refuses, within the hook's 5 s timeout, a command of thousands of rm, mv and cd steps", async () => {
    const command = `${'rm -f a;cd a;mv b c;cd c;'.repeat(3_000)}rm ${K}/log.md`;
    expect(await runGuardian(command, world, home, {}, 5_000)).toBe('deny');
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  // git commit's and tag's -m check scanned the words from the subcommand again for each quoted
  // word: this 96 KB commit kept the hook 16.5 s, past its 5 s timeout, and bash removed the log
  // (fourth review of 2026-12-07, H2). Slow for that reason too (under half a second of CPU now).
  it("refuses, within the hook's 5 s timeout, a git commit of 24,000 quoted words before an rm of the log", async () => {
    const command = `git commit -q ${'"a" '.repeat(24_000)}-- x; rm -f ${K}/log.md`;
    expect(await runGuardian(command, world, home, {}, 5_000)).toBe('deny');
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  it('answers a CRLF command (it hung, then ran out of memory, and the call went through)', async () => {
    expect(await runGuardian(`echo start\r\n: > ${K}/log.md\r\n`, world, home)).toBe('allow'); // bash writes `log.md\r`
    expect(await runGuardian(`echo start\r\n: > ${K}/log.md`, world, home)).toBe('deny');
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });
});
