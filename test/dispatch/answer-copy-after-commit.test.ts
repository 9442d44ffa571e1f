/**
 * An answer is stored once the request is archived and the response published in the outbox: a
 * copy into another receiver's inbox that fails after that point (its .tmp/ removed by a bus writer
 * a moment before, an I/O error) is skipped and said, never thrown. Thrown, it told the daemon its
 * answer was not stored; the daemon then found the request archived and logged "someone else
 * answered it meanwhile … this agent's answer was not stored" about its own stored answer (code review).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname } from 'node:path';
import { makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, completeClaim, processOwner } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { fs } from '../../scripts/lib/fs/node-fs.ts';

/** Whether a rename publishes a file into `inbox` (the bus renames through /proc/self/fd/N/name). */
function into(inbox: string, to: string): boolean {
  try {
    return realpathSync(dirname(to)) === realpathSync(inbox);
  } catch {
    return false;
  }
}

describe('completeClaim after its commit point', () => {
  it('skips a copy into another inbox whose publish fails, and returns the stored answer', async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'seed' });
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'review this' });
    const claim = (await claimById(root, 'codex', sent.id, { owner: processOwner('p'), leaseMs: 60_000 }))!;
    const claudeInbox = receiverPaths(root, 'claude').inbox;
    const real = fs.renameSync;
    fs.renameSync = ((from: string, to: string) => {
      if (typeof to === 'string' && into(claudeInbox, to))
        throw Object.assign(new Error(`EIO: i/o error, rename '${basename(String(from))}'`), { code: 'EIO' });
      return real(from, to);
    }) as typeof real;
    syncBuiltinESMExports();
    let done: ReturnType<typeof completeClaim>;
    try {
      done = completeClaim(claim, { body: 'answer', alsoIntoInboxOf: ['claude'] });
    } finally {
      fs.renameSync = real;
      syncBuiltinESMExports();
    }
    const resp = done.response!;
    expect(existsSync(resp.path)).toBe(true);
    expect(resp.copies).toEqual([]);
    expect(resp.skippedCopies).toEqual([{ to: 'claude', problem: expect.stringMatching(/EIO/) }]);
    expect(readdirSync(receiverPaths(root, 'codex').processing)).toEqual([]);
    // No copy's temporary file is left in the other receiver's .tmp/.
    expect(readdirSync(receiverPaths(root, 'claude').tmp).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});
