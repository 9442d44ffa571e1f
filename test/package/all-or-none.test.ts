/**
 * writeAllOrNone (the packages of one create that stand or fall together): what was finished
 * before a failure is removed, and one that cannot be removed is named in the failure, so the
 * message never says "nothing was written" over a file left behind.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AliveError } from '../../scripts/lib/errors.ts';
import { writeAllOrNone } from '../../scripts/lib/package/all-or-none.ts';
import { rmrf, tempRoot } from './helpers.ts';

let root = '';
beforeAll(() => {
  root = tempRoot('all-or-none');
});
afterAll(() => rmrf(root));

const full = new AliveError('cannot write c (ENOSPC); check the free space; nothing was written', { code: 'unwritable' });

describe('writeAllOrNone', () => {
  it('writes every item in order and returns what each write returned', async () => {
    const dir = join(root, 'ok');
    mkdirSync(dir);
    const out = await writeAllOrNone(['a', 'b'], async (n) => {
      writeFileSync(join(dir, n), n);
      return { path: join(dir, n), n };
    });
    expect(out.map((o) => o.n)).toEqual(['a', 'b']);
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
  });

  it('a failure removes the packages finished before it, and is thrown as it was', async () => {
    const dir = join(root, 'failed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'theirs'), 'not ours');
    const run = writeAllOrNone(['a', 'b', 'c'], async (n) => {
      if (n === 'c') throw full;
      writeFileSync(join(dir, n), n);
      return { path: join(dir, n) };
    });
    await expect(run).rejects.toBe(full);
    expect(readdirSync(dir)).toEqual(['theirs']);
  });

  it('a finished package that cannot be removed is named, with what to do', async () => {
    const dir = join(root, 'stuck');
    mkdirSync(dir);
    // A folder in the place of the first package: unlink refuses it (EISDIR on Linux, EPERM elsewhere).
    mkdirSync(join(dir, 'a'));
    const run = writeAllOrNone(['a', 'b'], async (n) => {
      if (n === 'b') throw full;
      return { path: join(dir, n) };
    });
    const err = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AliveError);
    expect(err).toMatchObject({ code: 'unwritable', cause: full });
    // Something was written and stays: the failure's "nothing was written" would be false.
    expect((err as AliveError).message).not.toContain('nothing was written');
    expect((err as AliveError).message).toMatch(
      new RegExp(
        `^cannot write c \\(ENOSPC\\); check the free space; the package finished before it could not be removed: ${join(dir, 'a')} \\(E[A-Z]+\\); remove it before you run the command again$`,
      ),
    );
  });
});
