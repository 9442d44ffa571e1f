import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardianAnswer, hookCall } from '../../scripts/lib/guardian/answer.ts';
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

interface RunOpts {
  cwd?: string;
  env?: Record<string, string>;
  args?: string[];
  /** Run the real bundle as Claude Code does (a child process); otherwise in-process. */
  bundle?: boolean;
}

/** The hook on `stdin`: in-process through guardianAnswer (what the entry runs), or the bundle. */
function run(stdin: string, opts: RunOpts = {}): { status: number | null; stdout: string; stderr: string } {
  const env = { HOME: home, ALIVE_HOME: join(home, '.alive'), ...(opts.env ?? {}) };
  if (opts.bundle || opts.args) {
    return runBundle(guardian, stdin, { cwd: opts.cwd ?? world, env: cleanEnv(env), ...(opts.args ? { args: opts.args } : {}) });
  }
  const call = hookCall(stdin);
  const answer = call ? guardianAnswer(call, env, opts.cwd ?? world) : undefined;
  return { status: 0, stdout: answer ? `${JSON.stringify(answer)}\n` : '', stderr: '' };
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

describe('log-guardian: the bundle, as Claude Code runs it', () => {
  it('denies a Write over the log and an Edit of a signed entry, and allows an unsigned edit', () => {
    expectDeny(run(write(walnutLog), { bundle: true }), /already exists/);
    expectDeny(run(edit(walnutLog, 'Watered twice.', 'Watered once.'), { bundle: true }), /signed entry/);
    expectAllow(run(edit(walnutLog, 'An unsigned note, still being written.', 'Done.'), { bundle: true }));
    expect(readFileSync(walnutLog, 'utf8')).toBe(LOG);
  });
});

describe('log-guardian: Write', () => {
  it('denies a Write that would overwrite an existing walnut log, saying to use Edit instead', () => {
    const reason = expectDeny(run(write(walnutLog)), /already exists/);
    expect(reason).toContain(walnutLog);
    expect(reason).toMatch(/use Edit to insert the new entry directly after the frontmatter/);
    expect(readFileSync(walnutLog, 'utf8')).toBe(LOG);
  });

  it('allows a Write that creates a new log.md', () => {
    mkdirSync(join(world, '04_Ventures', 'fresh', '_kernel'), { recursive: true });
    expectAllow(run(write(join(world, '04_Ventures', 'fresh', '_kernel', 'log.md'))));
  });

  it('allows a Write of any other file in the world', () => {
    expectAllow(run(write(join(world, '04_Ventures', 'garden', '_kernel', 'key.md'))));
    expectAllow(run(write(join(world, '04_Ventures', 'garden', 'log.md.bak'))));
  });

  it('guards every log.md of the world, not only _kernel/log.md, in any letter case', () => {
    const legacy = join(world, '02_Life', 'old', 'log.md');
    mkdirSync(join(world, '02_Life', 'old'), { recursive: true });
    writeFileSync(legacy, '# old log\n');
    expectDeny(run(write(legacy)), /already exists/);
    const upper = join(world, '02_Life', 'old', 'LOG.md');
    writeFileSync(upper, '# upper\n');
    expectDeny(run(write(upper)), /already exists/);
  });

  it('allows overwriting a log.md that lies outside every world', () => {
    const outside = join(base, 'elsewhere', 'log.md');
    mkdirSync(join(base, 'elsewhere'), { recursive: true });
    writeFileSync(outside, 'not a walnut\n');
    expectAllow(run(write(outside), { cwd: join(base, 'elsewhere') }));
    expectAllow(run(write(outside)));
  });

  it('does not take the per-user ALIVE_HOME folder (~/.alive) for a world marker', () => {
    const project = join(home, 'projects', 'app');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'log.md'), 'app log\n');
    expectAllow(run(write(join(project, 'log.md'), project), { cwd: project }));
  });

  it('denies when the session started outside the world but the file is inside one', () => {
    const outsideCwd = join(base, 'elsewhere');
    mkdirSync(outsideCwd, { recursive: true });
    expectDeny(run(write(walnutLog, outsideCwd), { cwd: outsideCwd }), /already exists/);
  });

  it('uses ALIVE_WORLD_ROOT when no marker is found above the cwd', () => {
    const bare = join(base, 'bare-world');
    mkdirSync(join(bare, 'w', '_kernel'), { recursive: true });
    writeFileSync(join(bare, 'w', '_kernel', 'log.md'), LOG);
    const target = join(bare, 'w', '_kernel', 'log.md');
    expectAllow(run(write(target, bare), { cwd: bare }));
    expectDeny(run(write(target, bare), { cwd: bare, env: { ALIVE_WORLD_ROOT: bare } }), /already exists/);
  });

  it('resolves a relative file_path against the hook cwd', () => {
    expectDeny(run(write('04_Ventures/garden/_kernel/log.md')), /already exists/);
  });

  it('resolves `..` in the path text', () => {
    expectDeny(run(write(join(world, '04_Ventures', 'garden', 'notes', '..', '_kernel', 'log.md'))), /already exists/);
  });

  it('checks a path that only looks outside the world (symlinked folder)', () => {
    const outside = join(base, 'outside-link');
    symlinkSync(join(world, '04_Ventures', 'garden', '_kernel'), outside);
    expectDeny(run(write(join(outside, 'log.md'), base), { cwd: base }), /already exists/);
  });

  it('checks `..` after a symlink the way the file system resolves it', () => {
    // Lexically this is <base>/log.md (outside); physically it is the walnut's _kernel/log.md.
    const alias = join(base, 'alias');
    symlinkSync(join(world, '04_Ventures', 'garden', '_kernel', 'deep'), alias);
    expectDeny(run(write(`${alias}/../log.md`, base), { cwd: base }), /already exists/);
  });

  it('checks a file whose own name is a symlink to the log', () => {
    const sneaky = join(world, '04_Ventures', 'garden', 'notes.md');
    symlinkSync(walnutLog, sneaky);
    expectDeny(run(write(sneaky)), /already exists/);
  });
});

describe('log-guardian: Edit', () => {
  it('allows an edit of an unsigned entry', () => {
    expectAllow(run(edit(walnutLog, 'An unsigned note, still being written.', 'An unsigned note, finished.')));
  });

  it('allows prepending a new entry after the frontmatter', () => {
    expectAllow(
      run(edit(walnutLog, 'summary: a garden\n---\n', 'summary: a garden\n---\n\n## 2024-04-01 — squirrel:s4\nNew.\nsigned: squirrel:s4\n')),
    );
  });

  it('allows a prepend whose anchor includes the first entry, as long as the entry is kept', () => {
    const anchor = '---\n\n## 2024-03-01T10:00:00Z — squirrel:s3\n';
    expectAllow(run(edit(walnutLog, anchor, `---\n\n## 2024-04-01 — squirrel:s4\nNew.\nsigned: squirrel:s4\n\n## 2024-03-01T10:00:00Z — squirrel:s3\n`)));
  });

  it('denies changing the body of a signed entry even when old_string has no signature line', () => {
    const reason = expectDeny(run(edit(walnutLog, 'Watered twice.', 'Watered once.')), /signed entry/);
    expect(reason).toContain(walnutLog);
    expect(reason).toMatch(/add a new entry directly after the frontmatter/);
  });

  it('denies an old_string whose signature line is not its first line (reference bug 11.3.11)', () => {
    expectDeny(run(edit(walnutLog, 'Planted tomatoes.\nWatered twice.\nsigned: squirrel:s3', 'Planted.')), /signed entry/);
  });

  it('denies changing an alive-mcp signed entry', () => {
    expectDeny(run(edit(walnutLog, 'signed: alive-mcp:m2', 'signed: alive-mcp:forged')), /signed entry/);
  });

  it('denies deleting a signed entry', () => {
    const entry = '## 2024-02-01T10:00:00Z — alive-mcp:m2\nImported seeds list.\nsigned: alive-mcp:m2\n\n';
    expectDeny(run(edit(walnutLog, entry, '')), /signed entry/);
  });

  it('denies appending text inside a signed entry, after its signature', () => {
    expectDeny(run(edit(walnutLog, 'signed: squirrel:s3\n', 'signed: squirrel:s3\nP.S. added later\n')), /signed entry/);
  });

  it('denies splitting a signed entry with a new heading', () => {
    expectDeny(run(edit(walnutLog, 'Planted tomatoes.\n', 'Planted tomatoes.\n## inserted\n')), /signed entry/);
  });

  it('denies a replace_all that reaches into a signed entry', () => {
    expectDeny(run(edit(walnutLog, 'Imported', 'Exported', true)), /signed entry/);
  });

  it('denies an edit whose old_string is not in the log, telling the agent to read the file again', () => {
    expectDeny(run(edit(walnutLog, 'something else\nsigned: squirrel:zz', 'x')), /signed entry/);
    expectDeny(run(edit(walnutLog, 'no such text', 'x')), /read the file again/i);
  });

  it('falls back to the text for a log that does not exist yet', () => {
    const missing = join(world, '04_Ventures', 'garden', 'log.md');
    expectDeny(run(edit(missing, 'signed: squirrel:a', 'b')), /signed entry/);
    expectAllow(run(edit(missing, '', '# new log\n')));
  });

  it('matches through CRLF line ends and curly quotes as the Edit tool does', () => {
    const crlf = join(world, '04_Ventures', 'crlf', 'log.md');
    mkdirSync(join(world, '04_Ventures', 'crlf'), { recursive: true });
    writeFileSync(crlf, LOG.replace(/\n/g, '\r\n').replace('Watered twice.', 'Watered “twice”.'));
    expectDeny(run(edit(crlf, 'Planted tomatoes.\nWatered "twice".', 'Planted.')), /signed entry/);
    expectAllow(run(edit(crlf, 'still being written.', 'done.')));
  });

  it('ignores signed text in a log.md outside every world', () => {
    const outside = join(base, 'elsewhere2', 'log.md');
    mkdirSync(join(base, 'elsewhere2'), { recursive: true });
    writeFileSync(outside, LOG);
    expectAllow(run(edit(outside, 'Watered twice.', 'x'), { cwd: join(base, 'elsewhere2') }));
  });

  it('ignores signature-like text in files that are not logs', () => {
    const readme = join(world, '04_Ventures', 'garden', 'README.md');
    writeFileSync(readme, 'Example:\nsigned: squirrel:abc\n');
    expectAllow(run(edit(readme, 'signed: squirrel:abc', 'signed: squirrel:def')));
  });

  it('checks an Edit through a symlinked path', () => {
    const outside = join(base, 'edit-link');
    symlinkSync(join(world, '04_Ventures', 'garden'), outside);
    expectDeny(run(edit(join(outside, '_kernel', 'log.md'), 'Watered twice.', 'x')), /signed entry/);
  });
});

describe('log-guardian: MultiEdit', () => {
  const multi = (edits: { old_string: string; new_string: string; replace_all?: boolean }[]) =>
    payload('MultiEdit', { file_path: walnutLog, edits });

  it('denies when any one of the edits touches a signed entry', () => {
    expectDeny(
      run(
        multi([
          { old_string: 'still being written.', new_string: 'done.' },
          { old_string: 'Imported seeds list.', new_string: 'Imported nothing.' },
        ]),
      ),
      /signed entry/,
    );
  });

  it('checks the edits in sequence (a later edit acting on an earlier one)', () => {
    expectDeny(
      run(
        multi([
          { old_string: 'still being written.', new_string: 'MARK' },
          { old_string: 'MARK', new_string: 'Planted tomatoes.' },
          { old_string: 'Planted tomatoes.', new_string: 'Planted potatoes.', replace_all: true },
        ]),
      ),
      /signed entry/,
    );
  });

  it('allows edits that leave every signed entry as it was', () => {
    expectAllow(
      run(
        multi([
          { old_string: 'summary: a garden\n---\n', new_string: 'summary: a garden\n---\n\n## new — squirrel:s9\nHi.\nsigned: squirrel:s9\n' },
          { old_string: 'entry-count: 3', new_string: 'entry-count: 4' },
        ]),
      ),
    );
  });

  it('allows a MultiEdit with a malformed edit (the tool itself rejects it)', () => {
    expectAllow(run(payload('MultiEdit', { file_path: walnutLog, edits: [{ old_string: 'Watered twice.' }] })));
    expectAllow(run(payload('MultiEdit', { file_path: walnutLog, edits: [] })));
  });
});

describe('log-guardian: malformed input means allow', () => {
  const cases: [string, string][] = [
    ['empty stdin', ''],
    ['garbage', 'not json at all {'],
    ['a JSON array', '[1,2,3]'],
    ['null', 'null'],
    ['no tool_input', JSON.stringify({ cwd: '/', tool_name: 'Write' })],
    ['a non-string file_path', JSON.stringify({ cwd: '/', tool_name: 'Write', tool_input: { file_path: 42 } })],
    ['an empty file_path', JSON.stringify({ cwd: '/', tool_name: 'Write', tool_input: { file_path: '' } })],
    ['another tool', JSON.stringify({ cwd: '/', tool_name: 'Read', tool_input: { file_path: '/etc/passwd' } })],
    ['an Edit without strings', JSON.stringify({ tool_name: 'Edit', tool_input: { file_path: '/x/log.md', old_string: 1 } })],
    ['binary noise', '\u0000\u00ff\u0001'],
  ];
  for (const [name, stdin] of cases) {
    it(`allows on ${name}`, () => expectAllow(run(stdin)));
    it(`allows on ${name} (the bundle)`, () => expectAllow(run(stdin, { bundle: true })));
  }

  it('still decides when cwd is missing (the process cwd is used)', () => {
    const stdin = JSON.stringify({ tool_name: 'Write', tool_input: { file_path: walnutLog, content: '' } });
    expectDeny(run(stdin, { bundle: true }), /already exists/);
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
