/**
 * A file that is not what the manifest says (its size, its checksum) was refused with the fact
 * alone: what to do was left out (a daily-use review of 2026-12-08). The refusal says the package
 * was changed or damaged after it was made, and to ask the sender for it again.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { verifyCommand } from '../../scripts/lib/package/commands/verify.ts';

const vector = (name: string) => join(import.meta.dirname, 'vectors', name);

describe('a package whose file is not what its manifest says', () => {
  it.each(['fail_size_mismatch_size-mismatch.walnut', 'fail_checksum_mismatch_checksum-mismatch.walnut'])('%s: says to ask the sender again', async (name) => {
    const r = await runCaptured(verifyCommand, [vector(name), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.message).toMatch(
      /nothing was written: the package was changed or damaged after it was made; ask the sender for it again$/,
    );
  });
});
