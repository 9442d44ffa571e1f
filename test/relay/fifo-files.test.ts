/**
 * relay-probe reads relay.json, state.json and your public key with readFileSync: a FIFO in place
 * of one blocked the event loop, so the watchdog that ends the probe at its budget never ran (the
 * SessionStart hook then waited its whole deadline, and no state was written). Those reads now open
 * without waiting and take only a regular file of bounded size; the probe ends within its budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeUser, tempDir, writeFixtureKeys } from './helpers.ts';
import { cliAsync } from './cli.ts';
import { runAsCli } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  base = tempDir('fifo-files');
});
afterAll(() => base.cleanup());

describe('a FIFO in place of a relay file', () => {
  for (const [file, login] of [
    ['relay.json', 'alice'],
    ['state.json', 'bob'],
    ['keys/public.pem', 'carol'],
  ] as const) {
    it(`${file}: relay-probe ends within its budget`, async () => {
      const u = makeUser(base.dir, login);
      writeFixtureKeys(u.paths, u.login);
      const made = await runAsCli(u, ['setup', '--transport', 'git', '--login', u.login, '--url', join(base.dir, `${u.login}.git`), '--json']);
      expect(made.status, made.stderr).toBe(0);
      const path = join(u.paths.dir, file);
      rmSync(path, { force: true });
      execFileSync('mkfifo', [path]);
      // The kill at 20 s is a hang detector; start-up times live in npm run bench.
      const r = await cliAsync(u, 'relay-probe', ['--budget', '2', '--json'], 20_000);
      expect(r.status, `${r.stderr} (killed after ${r.ms} ms?)`).not.toBeNull();
    });
  }
});
