import { homedir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { homeDir } from '../../scripts/lib/fs/node-fs.ts';

const saved = process.env.HOME;
afterEach(() => {
  if (saved === undefined) delete process.env.HOME;
  else process.env.HOME = saved;
});

describe('homeDir (scripts/lib/fs/node-fs.ts) answers as os.homedir() does', () => {
  it.each([
    ['set', '/home/someone'],
    ['set to an empty string', ''],
    ['unset', undefined],
  ])('with HOME %s', (_case, home) => {
    if (home === undefined) delete process.env.HOME;
    else process.env.HOME = home;
    expect(homeDir()).toBe(homedir());
  });
});
