/**
 * `create --encrypt rsa` with several recipients in format 2.0 writes one package per recipient,
 * all or none: a failure or a Ctrl-C after the first package is finished removes it (it is this
 * run's, just made), so "nothing was written" holds and a second run is not refused with `exists`.
 * Each run is stopped at an exact file-system call (test/support/stop-at.mjs): the second
 * package's hidden `.partial`, or the first one's while the test changes the walnut.
 */
import { startStopped } from '../support/stopped-child.ts';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testKeyPair } from '../support/test-keys.ts';
import { CLI, cli, makeWalnut, rmrf, sandboxEnv, tempRoot } from './helpers.ts';

let sandbox = '';
let walnut = '';
let rsa: string[] = [];

beforeAll(() => {
  sandbox = tempRoot('per-recipient');
  walnut = makeWalnut(join(sandbox, 'garden'), { 'data/a.bin': randomBytes(256 * 1024), 'notes/plan.md': 'plan\n' });
  const bob = join(sandbox, 'bob.pem');
  const carol = join(sandbox, 'carol.pem');
  writeFileSync(bob, testKeyPair(3).publicKeyPem);
  writeFileSync(carol, testKeyPair(4).publicKeyPem);
  rsa = ['--encrypt', 'rsa', '--recipient', bob, '--recipient', carol];
});
afterAll(() => rmrf(sandbox));

/** The hidden `.partial` of the package for `who` (`m-<who>.walnut`). */
const partialOf = (who: string) => ({ calls: ['openSync'], arg: 0, pattern: `/\\.m-${who}\\.walnut\\.[^/]*\\.partial$` });

/**
 * Runs create stopped after the call `stop` names; `atStop` runs there (it may change the walnut
 * or signal the process) and lets it go on with `resume`. Returns how it ended.
 */
async function createStoppedAt(
  out: string,
  stop: object,
  atStop: (child: ChildProcess, resume: () => void) => void,
  extra: string[] = [],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const args = ['create', '--walnut', walnut, '--scope', 'full', ...rsa, '--output', join(out, 'm.walnut'), ...extra];
  const resumeFile = join(sandbox, `resume-${randomBytes(4).toString('hex')}`);
  const run = await startStopped([CLI, ...args], { resumeWhen: resumeFile, ...stop }, { env: sandboxEnv(sandbox), cwd: sandbox, what: 'create' });
  atStop(run.child, () => writeFileSync(resumeFile, ''));
  const { code, signal } = await run.closed;
  return { code, signal, stdout: run.stdout(), stderr: run.stderr() };
}

describe('one package per recipient: all or none', () => {
  it('a failure after the first package removes it; the same create then succeeds', async () => {
    const out = join(sandbox, 'out-failed');
    mkdirSync(out);
    // The first package is packed when the walnut changes: the second one's reading notices.
    const r = await createStoppedAt(
      out,
      partialOf('bob'),
      (_child, resume) => {
        writeFileSync(join(walnut, 'notes/plan.md'), 'plan, changed\n');
        resume();
      },
      ['--json'],
    );
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'changed_while_packing' } });
    expect(readdirSync(out)).toEqual([]);

    const again = cli(sandbox, ['create', '--walnut', walnut, '--scope', 'full', ...rsa, '--output', join(out, 'm.walnut')]);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['m-bob.walnut', 'm-carol.walnut']);
  }, 60_000);

  it('Ctrl-C after the first package removes it too', async () => {
    const out = join(sandbox, 'out-interrupted');
    mkdirSync(out);
    let finished: string[] = [];
    const r = await createStoppedAt(
      out,
      partialOf('carol'),
      (child, resume) => {
        finished = readdirSync(out).filter((n) => !n.startsWith('.'));
        // Handled once the process goes on: it is past the first package either way.
        child.kill('SIGINT');
        resume();
      },
      ['--json'],
    );
    expect(finished).toEqual(['m-bob.walnut']);
    expect(r.signal, r.stderr).toBe('SIGINT');
    expect(readdirSync(out)).toEqual([]);
    // What it says is true: nothing was written.
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: { code: 'interrupted', message: 'create interrupted: nothing was written' } });
  }, 60_000);
});
