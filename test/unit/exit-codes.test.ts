/**
 * The exit status follows from the error code, in one place: a code is a usage error (exit 2) or
 * a refusal (exit 1) wherever it is thrown, and the README says which codes exit 2.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AliveError, ERROR_CODES, USAGE_ERROR_CODES, UsageError } from '../../scripts/lib/errors.ts';

describe('exit codes', () => {
  it('are 2 for exactly the usage codes, and 1 for every other code', () => {
    for (const code of ERROR_CODES) {
      expect(new AliveError('x', { code }).exitCode, code).toBe((USAGE_ERROR_CODES as readonly string[]).includes(code) ? 2 : 1);
    }
    expect(new UsageError('x').exitCode).toBe(2);
    expect(new AliveError('x').exitCode).toBe(1);
  });

  it('a message id or thread named wrongly, or not precisely enough, is a usage error', () => {
    expect([...USAGE_ERROR_CODES].sort()).toEqual(['ambiguous', 'invalid_id', 'invalid_thread', 'usage']);
  });

  it('the README names the codes that exit 2', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const sentence = /[^.]*exits? 2[^.]*\./.exec(readme.slice(readme.indexOf('`error.code` is stable')))?.[0] ?? '';
    for (const code of USAGE_ERROR_CODES) expect(sentence, sentence).toContain(`\`${code}\``);
  });
});
