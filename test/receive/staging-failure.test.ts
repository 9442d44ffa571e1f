/**
 * A disk that fills (or a quota, a read-only mount) while receive prepares the import in staging,
 * after unpacking (converting tasks.md or a v1 companion, writing the log entry), was an
 * `unexpected failure … report it`; while unpacking it was already `unwritable`. Both now say
 * `unwritable` in our words; the world is left as it was (staging is discarded before).
 */
import { describe, expect, it } from 'vitest';
import { AliveError } from '../../scripts/lib/errors.ts';
import { stagingFailure } from '../../scripts/lib/receive/receive.ts';

const sysError = (code: string) => Object.assign(new Error(`${code}: failed, write`), { code });

describe('a file-system failure while preparing an import', () => {
  it.each(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EIO'])('%s is unwritable, saying nothing in the world changed', (code) => {
    const err = stagingFailure(sysError(code), '/w/.alive/receiving/x');
    expect(err).toBeInstanceOf(AliveError);
    expect((err as AliveError).code).toBe('unwritable');
    expect((err as AliveError).message).toMatch(/could not prepare the import in \/w\/\.alive\/receiving/);
    expect((err as AliveError).message).toMatch(/nothing in the world was changed/);
  });

  it('leaves our own errors and other failures as they are', () => {
    const ours = new AliveError('x', { code: 'too_large' });
    expect(stagingFailure(ours, '/s')).toBe(ours);
    const bug = new TypeError('x is undefined');
    expect(stagingFailure(bug, '/s')).toBe(bug);
  });
});
