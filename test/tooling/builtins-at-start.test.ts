/**
 * What the bundles load of Node at start-up (bench/startup.ts, bench/hooks.ts): the hooks and the
 * common commands load no Node built-in they do not use (node:module alone brings its source-map
 * support; node:os is only for a home folder neither ALIVE_HOME nor HOME names; node:crypto is for keys and
 * hashes, which none of them needs), and they still run on a
 * Node 20 release older than process.getBuiltinModule (20.16), which they then import instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePath } from '../support/bundles.ts';

// Made when the file loads: the cases below name these paths.
const dir = mkdtempSync(join(tmpdir(), 'alive-builtins-'));
const world = join(dir, 'world');
const kernel = join(world, '04_Ventures', 'garden', '_kernel');
const bus = join(dir, 'bus');
/** A preload that writes the built-ins the process loaded to ALIVE_TEST_LOADED when it exits. */
const recordLoaded = join(dir, 'record-loaded.mjs');
/** A preload that makes this Node look like one before 20.16. */
const withoutGetBuiltin = join(dir, 'old-node.mjs');

beforeAll(() => {
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(kernel, { recursive: true });
  writeFileSync(join(kernel, 'log.md'), '---\nwalnut: garden\n---\n\n## 2024-01-01 — squirrel:a\nPlanted.\nsigned: squirrel:a\n');
  for (const r of ['claude', 'codex']) mkdirSync(join(bus, 'runtimes', r, 'inbox'), { recursive: true });
  writeFileSync(
    recordLoaded,
    "process.on('exit', () => process.getBuiltinModule('node:fs').writeFileSync(process.env.ALIVE_TEST_LOADED, process.moduleLoadList.join('\\n')));\n",
  );
  writeFileSync(withoutGetBuiltin, 'delete process.getBuiltinModule;\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hookInput = (tool: 'Write' | 'Bash') =>
  JSON.stringify({
    session_id: 't',
    cwd: world,
    hook_event_name: 'PreToolUse',
    tool_name: tool,
    tool_input: tool === 'Write' ? { file_path: join(kernel, 'log.md'), content: 'x\n' } : { command: `cd ${kernel} && sed -i s/a/b/ log.md` },
  });

interface Case {
  name: string;
  bundle: string;
  args: string[];
  stdin: string;
  expect: (stdout: string) => boolean;
}

const cases = (): Case[] => [
  { name: 'log-guardian, Write deny', bundle: 'log-guardian', args: [], stdin: hookInput('Write'), expect: (o) => o.includes('"deny"') },
  { name: 'log-guardian, Bash deny', bundle: 'log-guardian', args: [], stdin: hookInput('Bash'), expect: (o) => o.includes('"deny"') },
  {
    name: 'relay-check, no relay',
    bundle: 'relay-check',
    args: [],
    stdin: JSON.stringify({ session_id: 't', cwd: world, hook_event_name: 'SessionStart', source: 'startup' }),
    expect: (o) => o === '',
  },
  { name: 'dispatch status', bundle: 'dispatch', args: ['status', '--root', bus], stdin: '', expect: (o) => o.includes('@claude') && o.includes('@codex') },
  { name: 'alive-p2p --help', bundle: 'alive-p2p', args: ['--help'], stdin: '', expect: (o) => o.startsWith('usage: alive-p2p') },
];

function run(c: Case, preload: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, ['--import', preload, bundlePath(c.bundle), ...c.args], {
    input: c.stdin,
    cwd: world,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.status, `${c.name}: ${r.stderr}`).toBe(0);
  expect(c.expect(r.stdout), `${c.name}: ${r.stdout}`).toBe(true);
}

describe('Node built-ins at start-up', () => {
  it.each(cases().map((c) => [c.name, c] as const))('%s loads neither node:module, node:os nor node:crypto', (_, c) => {
    const loaded = join(dir, `loaded-${c.bundle}`);
    run(c, recordLoaded, { HOME: join(dir, 'home'), ALIVE_HOME: join(dir, 'home', '.alive'), ALIVE_TEST_LOADED: loaded });
    const modules = readFileSync(loaded, 'utf8').split('\n');
    expect(modules).toContain('NativeModule fs');
    expect(modules).not.toContain('NativeModule module');
    expect(modules).not.toContain('NativeModule os');
    // node:crypto costs a start-up some 4 ms (a fence's nonce needs none of it: text/fence.ts).
    expect(modules).not.toContain('NativeModule crypto');
  });

  it.each(cases().map((c) => [c.name, c] as const))('%s loads no node:os with HOME set and no ALIVE_HOME, as most users run it', (_, c) => {
    const loaded = join(dir, `loaded-home-${c.bundle}`);
    run(c, recordLoaded, { HOME: join(dir, 'home'), ALIVE_TEST_LOADED: loaded });
    const modules = readFileSync(loaded, 'utf8').split('\n');
    expect(modules).toContain('NativeModule fs');
    expect(modules).not.toContain('NativeModule os');
  });

  it.each(cases().map((c) => [c.name, c] as const))('%s runs on a Node without process.getBuiltinModule (before 20.16)', (_, c) => {
    // No ALIVE_HOME: the home folder comes from node:os, imported at start on such a Node.
    run(c, withoutGetBuiltin, { HOME: join(dir, 'home') });
  });
});
