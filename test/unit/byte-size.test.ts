/**
 * `--max-size 10MB` was a usage error ("takes a positive whole number"): a limit in bytes alone, for
 * a package of hundreds of megabytes, is a number of nine digits to type (a daily-use review of
 * 2026-12-08). A size now takes a unit: K, M, G (or KiB, MiB, GiB) of 1024, KB, MB, GB of 1000.
 */
import { describe, expect, it } from 'vitest';
import { byteSize } from '../../scripts/lib/cli/byte-size.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { verifyCommand } from '../../scripts/lib/package/commands/verify.ts';

describe('byteSize', () => {
  it.each([
    ['1000', 1000],
    ['512K', 512 * 1024],
    ['512KiB', 512 * 1024],
    ['10M', 10 * 1024 ** 2],
    ['10mib', 10 * 1024 ** 2],
    ['10MB', 10_000_000],
    ['2G', 2 * 1024 ** 3],
    ['2GB', 2_000_000_000],
    ['1.5G', 1.5 * 1024 ** 3],
  ])('%s is %d bytes', (given, bytes) => expect(byteSize(given)).toBe(bytes));

  it.each(['lots', '0', '-5', '10XB', '', '1e9', '0.1'])('%s is none', (given) => expect(byteSize(given)).toBeUndefined());
});

it('--max-size takes a unit, and a wrong one says the forms it takes', async () => {
  const r = await runCaptured(verifyCommand, ['nothing-here.walnut', '--max-size', '10MiB', '--json']);
  expect(JSON.parse(r.stdout).error.code).not.toBe('usage');
  const bad = await runCaptured(verifyCommand, ['nothing-here.walnut', '--max-size', 'lots']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("error: --max-size takes a size in bytes, or with a unit (512M, 2G, 10MB), got 'lots'");
});
