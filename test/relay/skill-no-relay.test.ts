/**
 * A user with no relay yet (the commonest first mistake): `/alive:receive --relay`, `/alive:relay`
 * (status), `/alive:relay inbox` or `pull`. The commands answer `configured: false` or refuse with
 * `not_set_up`, and their message names `alive-p2p relay setup`, which creates a repository and a
 * key pair: the skills must turn that into the gated `/alive:relay setup`, not a bare run of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeUser, repoRoot, tempDir } from './helpers.ts';
import { run } from './in-process.ts';

const base = tempDir('no-relay');
afterAll(() => base.cleanup());

const skill = (name: string, file = 'SKILL.md') => readFileSync(join(repoRoot, 'skills', name, file), 'utf8');

describe('no relay set up: each skill says what to do next', () => {
  it('the commands answer configured: false and not_set_up', async () => {
    const user = makeUser(base.dir, 'carol');
    expect((await run(user, ['status', '--json'])).json).toMatchObject({ ok: true, configured: false });
    for (const sub of ['inbox', 'pull']) {
      const r = await run(user, [sub, '--json']);
      expect(r.code, sub).toBe(1);
      expect(r.json.error.code, sub).toBe('not_set_up');
    }
  });

  it('/alive:relay: status without a relay, and the not_set_up refusal, lead to its gated setup', () => {
    const text = skill('relay');
    expect(text).toMatch(/`configured: false`[^\n]*\n?[^\n]*setup/);
    expect(text).toMatch(/- `not_set_up`[^\n]*setup/);
  });

  it('/alive:receive: a relay inbox refused with not_set_up sends the user to /alive:relay setup, never a bare relay setup', () => {
    const text = `${skill('receive')}\n${skill('receive', 'reference.md')}`;
    const at = text.indexOf('`not_set_up`');
    expect(at).toBeGreaterThan(-1);
    const advice = text.slice(at, at + 300).replace(/\s+/g, ' ');
    expect(advice).toContain('/alive:relay setup');
    expect(advice).toMatch(/never run `relay setup`/);
  });
});
