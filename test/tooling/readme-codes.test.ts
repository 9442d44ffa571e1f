import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../scripts/lib/errors.ts';
import { BEGIN, codeLines, END, README, withCodes } from '../../tools/readme-codes.ts';

describe("README's error codes", () => {
  it('list exactly ERROR_CODES (run `npx tsx tools/readme-codes.ts` after adding a code)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(withCodes(readme));
    const block = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END));
    const listed = [...block.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...ERROR_CODES].sort());
  });

  it('ERROR_CODES holds no code twice', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('a new code changes the generated list', () => {
    expect(codeLines([...ERROR_CODES, 'zz_new_code'])).toContain('`zz_new_code`');
  });
});
