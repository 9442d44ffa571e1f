/**
 * An extract killed with SIGKILL runs no cleanup: its hidden staging folder stays beside the
 * destination. The next extract into the same folder removes it, and only it: the staging folder
 * of an extract still running there (frozen by test/support/stop-at.mjs, so it is live for certain)
 * is left alone, and that extract then finishes too. Real CLI runs, each frozen at the first file
 * created in its staging folder.
 */
import { startStopped } from '../support/stopped-child.ts';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CLI, cli, makeWalnut, rmrf, sandboxEnv, tempRoot } from './helpers.ts';

let sandbox = '';
let pkg = '';
const children: ChildProcess[] = [];

beforeAll(() => {
  sandbox = tempRoot('extract-killed');
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 4; i++) files[`data/f${i}.bin`] = randomBytes(64 * 1024);
  const walnut = makeWalnut(join(sandbox, 'garden'), files);
  pkg = join(sandbox, 'g.walnut');
  expect(cli(sandbox, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg]).status).toBe(0);
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmrf(sandbox);
});

interface Frozen {
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** An extract into `output`, frozen once it has created its first file in staging. */
async function frozenExtract(output: string, resumeWhen?: string): Promise<Frozen> {
  const stop = { calls: ['openSync', 'open'], arg: 0, pattern: '\\.alive-extract-[0-9a-f]+/.*data/', ...(resumeWhen ? { resumeWhen } : {}) };
  const { child, closed } = await startStopped([CLI, 'extract', pkg, '--output', output], stop, {
    env: sandboxEnv(sandbox),
    cwd: sandbox,
    what: 'the extract (before its first staged file)',
  });
  children.push(child);
  return { child, exited: closed.then((c) => c.code) };
}

const hidden = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.'));

describe('a staging folder left by an extract killed with SIGKILL', () => {
  it('is removed by the next extract into the same folder; a running one is not, and both extracts succeed', async () => {
    const dest = join(sandbox, 'dest');
    mkdirSync(dest);
    const killed = await frozenExtract(join(dest, 'killed'));
    killed.child.kill('SIGKILL');
    await killed.exited;
    const leftover = hidden(dest);
    expect(leftover).toHaveLength(1);
    expect(leftover[0]).toMatch(/^\.killed\.alive-extract-/);

    const go = join(sandbox, 'go-on');
    const live = await frozenExtract(join(dest, 'live'), go);
    const liveStaging = hidden(dest).filter((n) => n.startsWith('.live.'));
    expect(liveStaging).toHaveLength(1);

    const r = cli(sandbox, ['extract', pkg, '--output', join(dest, 'next')]);
    expect(r.status, r.stderr).toBe(0);
    // The killed run's folder is gone; the live run's is still there, untouched.
    expect(hidden(dest)).toEqual(liveStaging);

    writeFileSync(go, '');
    expect(await live.exited).toBe(0);
    expect(readdirSync(dest).sort()).toEqual(['live', 'next']);
    for (const out of ['live', 'next']) {
      expect(readFileSync(join(dest, out, 'data', 'f3.bin')).equals(readFileSync(join(sandbox, 'garden', 'data', 'f3.bin')))).toBe(true);
      expect(readdirSync(join(dest, out)).sort()).toEqual(['_kernel', 'data']);
    }
  });
});
