import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { decide, type Decision } from '../../scripts/lib/guardian/decide.ts';
import { guardianCall } from '../../scripts/lib/hook/input.ts';
import { guardianAnswer, hookCall } from '../../scripts/lib/guardian/answer.ts';
import { parseJson } from '../../scripts/lib/hook/io.ts';
import { ALIVE_VERSION } from '../../scripts/lib/version.ts';
import { bundleEntry, cleanEnv, runBundle } from './bundle.ts';

const LOG = `---
walnut: garden
created: 2024-01-01
entry-count: 3
summary: a garden
---

## 2024-03-01T10:00:00Z — squirrel:s3
Planted tomatoes.
Watered twice.
signed: squirrel:s3

## 2024-02-01T10:00:00Z — alive-mcp:m2
Imported seeds list.
signed: alive-mcp:m2

## 2024-01-01T10:00:00Z — draft
An unsigned note, still being written.
`;

let guardian: string;
let base: string; // a temporary folder holding the world, an outside folder and HOME
let world: string;
let walnutLog: string;
let home: string;

beforeAll(async () => {
  guardian = await bundleEntry('log-guardian');
  base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-guardian-')));
  world = join(base, 'world');
  home = join(base, 'home');
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(join(world, '04_Ventures', 'garden', '_kernel', 'deep'), { recursive: true });
  mkdirSync(join(home, '.alive'), { recursive: true });
  walnutLog = join(world, '04_Ventures', 'garden', '_kernel', 'log.md');
  writeFileSync(walnutLog, LOG);
});

type Tool = 'Write' | 'Edit' | 'MultiEdit';

function payload(tool: Tool, toolInput: Record<string, unknown>, cwd = world): string {
  return JSON.stringify({
    session_id: 'sess-1',
    transcript_path: '/dev/null',
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: tool,
    tool_input: toolInput,
    tool_use_id: 'toolu_1',
  });
}

function run(stdin: string, opts: { cwd?: string; env?: Record<string, string>; args?: string[] } = {}) {
  return runBundle(guardian, stdin, {
    cwd: opts.cwd ?? world,
    env: cleanEnv({ HOME: home, ALIVE_HOME: join(home, '.alive'), ...(opts.env ?? {}) }),
    ...(opts.args ? { args: opts.args } : {}),
  });
}

function expectAllow(r: ReturnType<typeof run>) {
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('');
  expect(r.status).toBe(0);
}

function expectDeny(r: ReturnType<typeof run>, mentions: RegExp): string {
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const out = JSON.parse(lines[0]!);
  expect(Object.keys(out)).toEqual(['hookSpecificOutput']);
  expect(out.hookSpecificOutput.hookEventName).toBe('PreToolUse');
  expect(out.hookSpecificOutput.permissionDecision).toBe('deny');
  const reason: string = out.hookSpecificOutput.permissionDecisionReason;
  expect(reason).toMatch(mentions);
  return reason;
}

const write = (file_path: string, cwd?: string) => payload('Write', { file_path, content: 'replaced\n' }, cwd);
const edit = (file_path: string, old_string: string, new_string: string, replace_all?: boolean) =>
  payload('Edit', { file_path, old_string, new_string, ...(replace_all === undefined ? {} : { replace_all }) });
const multi = (edits: { old_string: string; new_string?: string; replace_all?: boolean }[]) => payload('MultiEdit', { file_path: walnutLog, edits });

/** Folders and files the rows below refer to (made in beforeAll). */
const at = {
  fresh: () => join(world, '04_Ventures', 'fresh', '_kernel', 'log.md'),
  legacy: () => join(world, '02_Life', 'old', 'log.md'),
  upper: () => join(world, '02_Life', 'old', 'LOG.md'),
  elsewhere: () => join(base, 'elsewhere'),
  project: () => join(home, 'projects', 'app'),
  bare: () => join(base, 'bare-world'),
  crlf: () => join(world, '04_Ventures', 'crlf', 'log.md'),
  missing: () => join(world, '04_Ventures', 'garden', 'log.md'),
  readme: () => join(world, '04_Ventures', 'garden', 'README.md'),
  empty: () => join(world, '05_Experiments', 'empty', '_kernel', 'log.md'),
  blank: () => join(world, '05_Experiments', 'blank', '_kernel', 'log.md'),
  bareFrontmatter: () => join(world, '05_Experiments', 'bare', '_kernel', 'log.md'),
  h3: () => join(world, '02_Life', 'h3', '_kernel', 'log.md'),
};

beforeAll(() => {
  mkdirSync(dirname(at.fresh()), { recursive: true });
  mkdirSync(dirname(at.legacy()), { recursive: true });
  writeFileSync(at.legacy(), '# old log\n');
  writeFileSync(at.upper(), '# upper\n');
  mkdirSync(at.elsewhere(), { recursive: true });
  writeFileSync(join(at.elsewhere(), 'log.md'), 'not a walnut\n');
  mkdirSync(join(at.elsewhere(), 'walnut-like'), { recursive: true });
  writeFileSync(join(at.elsewhere(), 'walnut-like', 'log.md'), LOG);
  mkdirSync(at.project(), { recursive: true });
  writeFileSync(join(at.project(), 'log.md'), 'app log\n');
  mkdirSync(join(at.bare(), 'w', '_kernel'), { recursive: true });
  writeFileSync(join(at.bare(), 'w', '_kernel', 'log.md'), LOG);
  symlinkSync(join(world, '04_Ventures', 'garden', '_kernel'), join(base, 'outside-link'));
  symlinkSync(join(world, '04_Ventures', 'garden', '_kernel', 'deep'), join(base, 'alias'));
  symlinkSync(walnutLog, join(world, '04_Ventures', 'garden', 'notes.md'));
  mkdirSync(dirname(at.crlf()), { recursive: true });
  writeFileSync(at.crlf(), LOG.replace(/\n/g, '\r\n').replace('Watered twice.', 'Watered “twice”.'));
  writeFileSync(at.readme(), 'Example:\nsigned: squirrel:abc\n');
  symlinkSync(join(world, '04_Ventures', 'garden'), join(base, 'edit-link'));
  for (const [log, text] of [
    [at.empty(), ''],
    [at.blank(), ' \n\n\t\n'],
    [at.bareFrontmatter(), '---\nwalnut: bare\n---\n'],
    [
      at.h3(),
      '---\nwalnut: h3\nentry-count: 2\n---\n\n# Log\n\n### 2024-03-02 — squirrel:abc123\n\nDid things.\n\nsigned: squirrel:abc123\n\n### 2024-01-01 — squirrel:aaa000\n\nCreated.\n\nsigned: squirrel:aaa000\n',
    ],
  ]) {
    mkdirSync(dirname(log!), { recursive: true });
    writeFileSync(log!, text!);
  }
});

/** The hook's input (a JSON object, or raw stdin text), the process cwd, and extra environment. */
type Input = () => unknown;
interface Where {
  cwd?: () => string;
  env?: () => Record<string, string>;
}
const SIGNED = /signed entry[\s\S]*add a new entry directly after the frontmatter/;
const OVERWRITE = /already exists[\s\S]*use Edit to insert the new entry directly after the frontmatter/;

/**
 * decide() on a hook input, as the bundle decides it (scripts/log-guardian.ts): [what, input,
 * 'allow' or the deny reason's pattern, where]. A new rule or case is one more row.
 */
const rows: [string, Input, RegExp | 'allow', Where?][] = [
  // Write
  ['a Write over an existing walnut log', () => write(walnutLog), OVERWRITE],
  ['a Write that creates a new log.md', () => write(at.fresh()), 'allow'],
  // `touch _kernel/{key,log,insights}.md`, then a Write: a log that holds nothing has nothing to lose.
  ['a Write over an empty log.md (0 bytes)', () => write(at.empty()), 'allow'],
  ['a Write over a log.md of white space alone', () => write(at.blank()), 'allow'],
  ['a Write over a log.md holding only its frontmatter', () => write(at.bareFrontmatter()), OVERWRITE],
  ['a Write of another file in the world', () => write(join(world, '04_Ventures', 'garden', '_kernel', 'key.md')), 'allow'],
  ['a Write of log.md.bak', () => write(join(world, '04_Ventures', 'garden', 'log.md.bak')), 'allow'],
  ['a Write over a log.md outside _kernel (older layouts)', () => write(at.legacy()), OVERWRITE],
  ['a Write over LOG.md (any letter case)', () => write(at.upper()), OVERWRITE],
  ['a Write over a log.md outside every world, from there', () => write(join(at.elsewhere(), 'log.md'), at.elsewhere()), 'allow', { cwd: at.elsewhere }],
  ['a Write over a log.md outside every world, from the world', () => write(join(at.elsewhere(), 'log.md')), 'allow'],
  ['a Write in a project under HOME (~/.alive is not a world marker)', () => write(join(at.project(), 'log.md'), at.project()), 'allow', { cwd: at.project }],
  [
    'a Write in a project under HOME with ALIVE_HOME elsewhere (a stale ~/.alive is not a world marker either)',
    () => write(join(at.project(), 'log.md'), at.project()),
    'allow',
    { cwd: at.project, env: () => ({ ALIVE_HOME: join(base, 'alt-alive-home') }) },
  ],
  ['a Write into a world from a session outside it', () => write(walnutLog, at.elsewhere()), OVERWRITE, { cwd: at.elsewhere }],
  ['a Write in an unmarked folder without ALIVE_WORLD_ROOT', () => write(join(at.bare(), 'w', '_kernel', 'log.md'), at.bare()), 'allow', { cwd: at.bare }],
  [
    'a Write in ALIVE_WORLD_ROOT (no marker)',
    () => write(join(at.bare(), 'w', '_kernel', 'log.md'), at.bare()),
    /already exists/,
    { cwd: at.bare, env: () => ({ ALIVE_WORLD_ROOT: at.bare() }) },
  ],
  ['a Write to a relative path (against the hook cwd)', () => write('04_Ventures/garden/_kernel/log.md'), /already exists/],
  ['a Write through `..` in the path text', () => write(join(world, '04_Ventures', 'garden', 'notes', '..', '_kernel', 'log.md')), /already exists/],
  ['a Write through a symlinked folder outside the world', () => write(join(base, 'outside-link', 'log.md'), base), /already exists/, { cwd: () => base }],
  [
    'a Write through `..` after a symlink (as the file system resolves it)',
    () => write(`${join(base, 'alias')}/../log.md`, base),
    /already exists/,
    { cwd: () => base },
  ],
  ['a Write to a file whose own name is a symlink to the log', () => write(join(world, '04_Ventures', 'garden', 'notes.md')), /already exists/],
  // Edit
  ['an Edit of an unsigned entry', () => edit(walnutLog, 'An unsigned note, still being written.', 'An unsigned note, finished.'), 'allow'],
  [
    'an Edit prepending an entry after the frontmatter',
    () => edit(walnutLog, 'summary: a garden\n---\n', 'summary: a garden\n---\n\n## 2024-04-01 — squirrel:s4\nNew.\nsigned: squirrel:s4\n'),
    'allow',
  ],
  [
    'a prepend whose anchor includes the first entry, kept',
    () =>
      edit(
        walnutLog,
        '---\n\n## 2024-03-01T10:00:00Z — squirrel:s3\n',
        '---\n\n## 2024-04-01 — squirrel:s4\nNew.\nsigned: squirrel:s4\n\n## 2024-03-01T10:00:00Z — squirrel:s3\n',
      ),
    'allow',
  ],
  // A `## ` line in a closed code block or HTML comment is part of the entry, not a heading.
  ...(
    [
      ['a bash block with `## comment` lines', '```bash\n## install deps\npip install schedule\n## run\npython water.py\n```\n'],
      ['a Markdown template with a heading', 'Changed the template:\n\n```markdown\n## <date> — squirrel:<id>\n\nBody.\n```\n\nDone.\n'],
      ['an HTML comment holding a `## ` line', 'Notes:\n<!-- hidden\n## not a heading\n-->\nok\n'],
      ['a line opening with inline code (```npm test```: no fence)', '```npm test``` passes again.\n'],
      ['a `~~~` block holding ``` and `## `', '~~~\n```\n## x\n~~~\n'],
    ] as const
  ).map(([what, body]): (typeof rows)[number] => [
    `a new entry holding ${what}`,
    () => edit(walnutLog, 'summary: a garden\n---\n', `summary: a garden\n---\n\n## 2024-04-01 — squirrel:s4\n\n${body}\nsigned: squirrel:s4\n`),
    'allow',
  ]),
  [
    'a new entry whose code block holding a `## ` line stays open (it hides the entries below)',
    () => edit(walnutLog, 'summary: a garden\n---\n', 'summary: a garden\n---\n\n## 2024-04-01 — squirrel:s4\n```bash\n## run\nls\nsigned: squirrel:s4\n'),
    /code fence[\s\S]*open above signed entries/,
  ],
  [
    'a prepend to a log whose entries are `### ` headings under a `# ` title',
    () => edit(at.h3(), 'entry-count: 2\n---\n', 'entry-count: 3\n---\n\n### 2024-03-05 — squirrel:def456\n\nNew.\n\nsigned: squirrel:def456'),
    'allow',
  ],
  ['an Edit of a signed `### ` entry', () => edit(at.h3(), 'Did things.', 'Did nothing.'), SIGNED],
  ['an Edit of a signed body without its signature line in old_string', () => edit(walnutLog, 'Watered twice.', 'Watered once.'), SIGNED],
  [
    'an old_string whose signature is not its first line (reference bug 11.3.11)',
    () => edit(walnutLog, 'Planted tomatoes.\nWatered twice.\nsigned: squirrel:s3', 'Planted.'),
    SIGNED,
  ],
  ['an Edit of an alive-mcp signed entry', () => edit(walnutLog, 'signed: alive-mcp:m2', 'signed: alive-mcp:forged'), SIGNED],
  [
    'an Edit deleting a signed entry',
    () => edit(walnutLog, '## 2024-02-01T10:00:00Z — alive-mcp:m2\nImported seeds list.\nsigned: alive-mcp:m2\n\n', ''),
    SIGNED,
  ],
  [
    'an Edit appending inside a signed entry, after its signature',
    () => edit(walnutLog, 'signed: squirrel:s3\n', 'signed: squirrel:s3\nP.S. added later\n'),
    SIGNED,
  ],
  ['an Edit splitting a signed entry with a heading', () => edit(walnutLog, 'Planted tomatoes.\n', 'Planted tomatoes.\n## inserted\n'), SIGNED],
  ['a replace_all reaching into a signed entry', () => edit(walnutLog, 'Imported', 'Exported', true), SIGNED],
  ['an old_string not in the log that names a signature', () => edit(walnutLog, 'something else\nsigned: squirrel:zz', 'x'), /signed entry/],
  ['an old_string not in the log', () => edit(walnutLog, 'no such text', 'x'), /read the file again/i],
  ['an Edit of a log that does not exist yet, touching signed text', () => edit(at.missing(), 'signed: squirrel:a', 'b'), /signed entry/],
  ['an Edit creating a log that does not exist yet', () => edit(at.missing(), '', '# new log\n'), 'allow'],
  ['an Edit of a signed entry through CRLF and curly quotes', () => edit(at.crlf(), 'Planted tomatoes.\nWatered "twice".', 'Planted.'), /signed entry/],
  ['an Edit of an unsigned entry in a CRLF log', () => edit(at.crlf(), 'still being written.', 'done.'), 'allow'],
  [
    'an Edit of signed text in a log.md outside every world',
    () => edit(join(at.elsewhere(), 'walnut-like', 'log.md'), 'Watered twice.', 'x'),
    'allow',
    { cwd: at.elsewhere },
  ],
  ['an Edit of signature-like text in a file that is not a log', () => edit(at.readme(), 'signed: squirrel:abc', 'signed: squirrel:def'), 'allow'],
  ['an Edit through a symlinked path', () => edit(join(base, 'edit-link', '_kernel', 'log.md'), 'Watered twice.', 'x'), /signed entry/],
  // MultiEdit
  [
    'a MultiEdit with one edit touching a signed entry',
    () =>
      multi([
        { old_string: 'still being written.', new_string: 'done.' },
        { old_string: 'Imported seeds list.', new_string: 'Imported nothing.' },
      ]),
    /signed entry/,
  ],
  [
    'a MultiEdit whose later edit acts on an earlier one',
    () =>
      multi([
        { old_string: 'still being written.', new_string: 'MARK' },
        { old_string: 'MARK', new_string: 'Planted tomatoes.' },
        { old_string: 'Planted tomatoes.', new_string: 'Planted potatoes.', replace_all: true },
      ]),
    /signed entry/,
  ],
  [
    'a MultiEdit leaving every signed entry as it was',
    () =>
      multi([
        { old_string: 'summary: a garden\n---\n', new_string: 'summary: a garden\n---\n\n## new — squirrel:s9\nHi.\nsigned: squirrel:s9\n' },
        { old_string: 'entry-count: 3', new_string: 'entry-count: 4' },
      ]),
    'allow',
  ],
  ['a MultiEdit with a malformed edit (the tool itself rejects it)', () => multi([{ old_string: 'Watered twice.' }]), 'allow'],
  ['a MultiEdit with no edits', () => multi([]), 'allow'],
  // Malformed input means allow; a missing cwd means the process cwd.
  ['empty stdin', () => '', 'allow'],
  ['garbage', () => 'not json at all {', 'allow'],
  ['a JSON array', () => '[1,2,3]', 'allow'],
  ['null', () => 'null', 'allow'],
  ['binary noise', () => '\u0000\u00ff\u0001', 'allow'],
  ['no tool_input', () => ({ cwd: '/', tool_name: 'Write' }), 'allow'],
  ['a non-string file_path', () => ({ cwd: '/', tool_name: 'Write', tool_input: { file_path: 42 } }), 'allow'],
  ['an empty file_path', () => ({ cwd: '/', tool_name: 'Write', tool_input: { file_path: '' } }), 'allow'],
  ['another tool', () => ({ cwd: '/', tool_name: 'Read', tool_input: { file_path: '/etc/passwd' } }), 'allow'],
  ['an Edit without strings', () => ({ tool_name: 'Edit', tool_input: { file_path: '/x/log.md', old_string: 1 } }), 'allow'],
  ['a Write without cwd (the process cwd is used)', () => ({ tool_name: 'Write', tool_input: { file_path: walnutLog, content: '' } }), /already exists/],
];

/** The decision the hook would make for `input` (parsed as scripts/log-guardian.ts parses it). */
function decideInput(input: unknown, where: Where = {}): Decision {
  const call = guardianCall(typeof input === 'string' ? parseJson(input) : input);
  if (!call) return { allow: true };
  return decide(call, { HOME: home, ALIVE_HOME: join(home, '.alive'), ...(where.env?.() ?? {}) }, where.cwd?.() ?? world);
}

describe('log-guardian: decide() on Write, Edit, MultiEdit and malformed input', () => {
  for (const [what, input, expected, where] of rows) {
    it(`${expected === 'allow' ? 'allows' : 'denies'} ${what}`, () => {
      const d = decideInput(input(), where);
      if (expected === 'allow') return expect(d).toEqual({ allow: true });
      expect(d.allow).toBe(false);
      if (!d.allow) expect(d.reason).toMatch(expected);
    });
  }

  it('names the log it protects', () => {
    for (const input of [write(walnutLog), edit(walnutLog, 'Watered twice.', 'x')]) {
      const d = decideInput(JSON.parse(input));
      expect(d.allow).toBe(false);
      if (!d.allow) expect(d.reason).toContain(walnutLog);
    }
  });
});

describe('log-guardian bundle (the hook as Claude Code runs it)', () => {
  it('denies a Write over a walnut log with one PreToolUse deny object, leaving the log as it was', () => {
    const reason = expectDeny(run(write(walnutLog)), OVERWRITE);
    expect(reason).toContain(walnutLog);
    expect(readFileSync(walnutLog, 'utf8')).toBe(LOG);
  });

  it('denies an Edit of a signed entry, allows one of an unsigned entry (no output at all)', () => {
    // The deny in-process: the answer the entry prints (guardianAnswer), its JSON shape proven by
    // the Write run above.
    const call = hookCall(edit(walnutLog, 'Watered twice.', 'Watered once.'));
    expect(call).toBeDefined();
    const denied = guardianAnswer(call!, cleanEnv({ HOME: home, ALIVE_HOME: join(home, '.alive') }), world);
    expectDeny({ status: 0, stdout: `${JSON.stringify(denied)}\n`, stderr: '', ms: 0 }, SIGNED);
    expectAllow(run(edit(walnutLog, 'An unsigned note, still being written.', 'An unsigned note, finished.')));
  });

  it('allows on input it cannot read', () => {
    // Garbage as the entry reads it in-process (hookCall: no call, so the entry allows and prints
    // nothing); an empty stdin through the bundle.
    expect(hookCall('not json at all {')).toBeUndefined();
    expectAllow(run(''));
  });

  it('decides from its own cwd when the input has none', () => {
    expectDeny(run(JSON.stringify({ tool_name: 'Write', tool_input: { file_path: walnutLog, content: '' } })), /already exists/);
  });

  it('prints its usage with --help and its version with --version (exit 0), and refuses unknown arguments (exit 2)', () => {
    const help = run('', { args: ['--help'] });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/usage: log-guardian/);
    expect(help.stdout).toMatch(/Bash/);
    const version = run('', { args: ['--version'] });
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`log-guardian (alive) ${ALIVE_VERSION}\n`);
    const bad = run('', { args: ['--bogus'] });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--bogus/);
  });
});
