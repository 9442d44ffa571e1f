/**
 * Ctrl-C (SIGINT) in the middle of create or extract: what the command was writing aside (the
 * hidden `.partial` package, the hidden staging folder and the parent folders extract made) is
 * removed, and the command ends as interrupted: create says so in one `error:` line (under --json,
 * one failure object, code `interrupted`). Each run is stalled at an exact file-system call
 * (test/support/stop-at.mjs), so the signal lands while the work is under way, not by a timer.
 */
import { startStopped } from '../support/stopped-child.ts';

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CLI, cli, errorLine, makeWalnut, rmrf, sandboxEnv, tempRoot } from './helpers.ts';

let sandbox = '';
let walnut = '';

beforeAll(() => {
  sandbox = tempRoot('interrupt');
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 6; i++) files[`data/f${i}.bin`] = randomBytes(512 * 1024);
  walnut = makeWalnut(join(sandbox, 'garden'), files);
});
afterAll(() => rmrf(sandbox));

/** Runs the CLI stalled after the call `stop` names, sends SIGINT there, and returns how it ended. */
async function interruptAt(args: string[], stop: object): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const run = await startStopped([CLI, ...args], { pauseMs: 400, ...stop }, { env: sandboxEnv(sandbox), cwd: sandbox, what: 'the command' });
  run.child.kill('SIGINT');
  const { signal } = await run.closed;
  return { signal, stdout: run.stdout(), stderr: run.stderr() };
}

/** Right after create opened its hidden `.partial` package. */
const PARTIAL = { calls: ['openSync'], arg: 0, pattern: '\\.partial$' };
const CREATE_INTERRUPTED = 'create interrupted: nothing was written';

describe('Ctrl-C in the middle of a command leaves nothing half-written behind', () => {
  it('create: the hidden .partial package is removed', async () => {
    const out = join(sandbox, 'out-create');
    mkdirSync(out);
    const r = await interruptAt(['create', '--walnut', walnut, '--scope', 'full', '--output', join(out, 'g.walnut')], PARTIAL);
    expect(r.signal).toBe('SIGINT');
    expect(readdirSync(out)).toEqual([]);
    expect(r.stdout).toBe('');
    expect(errorLine({ status: null, ...r })).toBe(`error: ${CREATE_INTERRUPTED}`);
  });

  it('create --json: one failure object, code interrupted, and the same error: line', async () => {
    const out = join(sandbox, 'out-create-json');
    mkdirSync(out);
    const r = await interruptAt(['create', '--walnut', walnut, '--scope', 'full', '--output', join(out, 'g.walnut'), '--json'], PARTIAL);
    expect(r.signal).toBe('SIGINT');
    expect(readdirSync(out)).toEqual([]);
    const failure = JSON.parse(r.stdout);
    expect(failure).toEqual({ ok: false, error: { code: 'interrupted', message: CREATE_INTERRUPTED } });
    expect(errorLine({ status: null, ...r })).toBe(`error: ${CREATE_INTERRUPTED}`);
  });

  it('create, while it reads the walnut (before it writes): the same line', async () => {
    const out = join(sandbox, 'out-create-reading');
    mkdirSync(out);
    const r = await interruptAt(['create', '--walnut', walnut, '--scope', 'full', '--output', join(out, 'g.walnut'), '--json'], {
      calls: ['openSync'],
      arg: 0,
      pattern: '/garden/data/f0\\.bin$',
    });
    expect(r.signal).toBe('SIGINT');
    expect(readdirSync(out)).toEqual([]);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: { code: 'interrupted', message: CREATE_INTERRUPTED } });
    expect(errorLine({ status: null, ...r })).toBe(`error: ${CREATE_INTERRUPTED}`);
  });

  it('extract: the hidden staging folder and the parent folders it made are removed', async () => {
    const pkg = join(sandbox, 'g.walnut');
    expect(cli(sandbox, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg]).status).toBe(0);
    const dest = join(sandbox, 'ex');
    mkdirSync(dest);
    const r = await interruptAt(['extract', pkg, '--output', join(dest, 'new', 'garden')], {
      calls: ['openSync', 'open'],
      arg: 0,
      pattern: '\\.alive-extract-[0-9a-f]+/tree/data/',
    });
    expect(r.signal).toBe('SIGINT');
    expect(readdirSync(dest)).toEqual([]);
  });

  it("extract into an empty folder of the user's, between its removal and the rename into its place: the folder is put back, with its mode", async () => {
    const pkg = join(sandbox, 'g.walnut');
    if (!existsSync(pkg)) expect(cli(sandbox, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg]).status).toBe(0);
    const dest = join(sandbox, 'ex-empty');
    mkdirSync(dest);
    const mine = join(dest, 'private');
    mkdirSync(mine, { mode: 0o700 });
    chmodSync(mine, 0o700);
    // Stopped before the staging folder is renamed into the place of the user's, removed by then.
    const r = await interruptAt(['extract', pkg, '--output', mine], { calls: ['rename'], arg: 1, pattern: '/ex-empty/private$' });
    expect(r.signal).toBe('SIGINT');
    expect(readdirSync(dest)).toEqual(['private']);
    expect(readdirSync(mine)).toEqual([]);
    expect(statSync(mine).mode & 0o777).toBe(0o700);
  });
});
