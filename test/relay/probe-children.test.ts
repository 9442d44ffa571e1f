/**
 * Nothing a probe starts outlives it. On the GitHub transport with no token variable, the probe
 * asks `gh auth token`, which can hang (a locked keyring): the probe ended at its budget and left
 * gh running, re-parented to init, until gh's own 5 s limit; the session hook, which returns
 * sooner, left one behind per session start.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeWithinBudget } from '../../scripts/lib/relay/probe.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { hangingGh, type HangingGit } from '../support/hanging-git.ts';
import { tempDir } from './helpers.ts';

let base: ReturnType<typeof tempDir>;
let gh: HangingGit;

beforeAll(() => {
  base = tempDir('probe-children');
  gh = hangingGh(base.dir);
});

afterAll(() => {
  gh.close();
  base.cleanup();
});

it('a `gh auth token` that hangs is stopped when the probe ends at its budget, not seconds later', async () => {
  const paths = relayPaths(join(base.dir, 'alive', 'relay'));
  mkdirSync(paths.dir, { recursive: true });
  writeFileSync(
    paths.config,
    JSON.stringify({
      repo: 'alice/walnut-relay',
      github_username: 'alice',
      transport: 'github',
      url: null,
      api_url: 'http://127.0.0.1:9',
      branch: 'main',
      peers: [],
    }),
  );
  const env = { PATH: `${gh.bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: base.dir };
  const r = await probeWithinBudget({ paths, statePath: paths.state, budgetMs: 1000, env });
  expect(gh.started().length).toBeGreaterThan(0);
  // gh's own limit is 5 s: ended within one second of the probe's end, it was the probe that ended it.
  expect(await gh.allEnded(1000), gh.describe()).toBe(true);
  expect(r.state?.last_error).toMatch(/took too long|ran out of its 1 s budget/);
  expect(JSON.parse(readFileSync(paths.state, 'utf8')).last_error).toBe(r.state?.last_error);
});
