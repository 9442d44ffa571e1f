/**
 * Files on a relay that are not packages are named by whoever can write to it, and a listing may
 * gather up to 200,000 of them: `--json` counts them all (`ignored`) but names only the first
 * MAX_LISTED_IGNORED under `untrusted.ignored`, and says when it left some out (`ignored_truncated`),
 * so an agent reading the output is not handed megabytes of someone else's text.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_IGNORED } from '../../scripts/lib/relay/commands/common.ts';
import type { FakeGithub } from '../support/fake-github.ts';
import type { TestUser } from './helpers.ts';
import { githubBob, run } from './in-process.ts';

/** A relay of its own for one test (each counts what it planted), closed after `body`. */
async function withRelay(name: string, body: (gh: FakeGithub, bob: TestUser) => Promise<void>): Promise<void> {
  const { gh, bob, close } = await githubBob(name);
  try {
    await body(gh, bob);
  } finally {
    await close();
  }
}

/** inbox/alice/note-NNNN.txt for i in [from, to): not package names, so ignored. */
function plant(gh: FakeGithub, from: number, to: number): string[] {
  const files: Record<string, string> = {};
  for (let i = from; i < to; i++) files[`inbox/alice/note-${String(i).padStart(4, '0')}.txt`] = 'x';
  gh.commitFiles('bob/walnut-relay', files);
  return Object.keys(files);
}

describe('untrusted.ignored names at most MAX_LISTED_IGNORED files', () => {
  it('a few: all named, ignored_truncated false', () =>
    withRelay('ignored-cap-few', async (gh, bob) => {
      const names = plant(gh, 0, 3);
      const inbox = await run(bob, ['inbox', '--json']);
      expect(inbox.code, inbox.stderr).toBe(0);
      expect(inbox.json).toMatchObject({ ignored: 3, ignored_truncated: false, untrusted: { ignored: names } });
      const pull = await run(bob, ['pull', '--json']);
      expect(pull.code, pull.stderr).toBe(0);
      expect(pull.json).toMatchObject({ ignored: 3, ignored_truncated: false, untrusted: { ignored: names } });
    }));

  it('many: all counted, the first MAX_LISTED_IGNORED named, ignored_truncated true; the warning says so', () =>
    withRelay('ignored-cap-many', async (gh, bob) => {
      expect(MAX_LISTED_IGNORED).toBe(100);
      const total = plant(gh, 0, 1500).length;
      for (const argv of [
        ['inbox', '--json'],
        ['pull', '--json'],
      ]) {
        const r = await run(bob, argv);
        expect(r.code, r.stderr).toBe(0);
        expect(r.json.ignored).toBe(total);
        expect(r.json.ignored_truncated).toBe(true);
        expect(r.json.untrusted.ignored).toHaveLength(MAX_LISTED_IGNORED);
        expect(r.json.untrusted.ignored[0]).toBe('inbox/alice/note-0000.txt');
        expect(r.json.untrusted.ignored.at(-1)).toBe('inbox/alice/note-0099.txt');
      }
      const human = await run(bob, ['inbox']);
      expect(human.stderr).toMatch(/ignored 1500 files .*--json names the first 100 of them under untrusted\.ignored/);
    }));
});
