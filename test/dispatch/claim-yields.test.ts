/**
 * A claim moves every unreadable file it meets on the way (a name that is no message id, a folder
 * named like a message) to dead-letter, all in one turn of the event loop: thousands planted by a
 * bus writer (5,000 took 3.3 s) froze the MCP server, every tool of it, and a daemon's other work
 * for that long. It now lets the event loop run between batches of them.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { makeBus } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { claimMessage } from '../../scripts/lib/bus/query.ts';

// Five of the claim's batches (CLAIM_YIELD_EVERY, 100 entries): enough to see it half-way, at a
// third of the cost of 1,500.
const PLANTED = 500;

describe('a claim past hundreds of unreadable inbox files', () => {
  it('lets other work run while it moves them to dead-letter, and moves them all', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    for (let i = 0; i < PLANTED; i++) writeFileSync(`${paths.inbox}/msg-not an id ${i}!.hw`, 'x\n');
    let done = false;
    const claiming = claimMessage(root, 'claude').then((r) => {
      done = true;
      return r;
    });
    // Other work of this process, a turn at a time: it must get turns while the claim is half-way.
    let sawHalfWay = false;
    while (!done) {
      await new Promise((r) => setImmediate(r));
      const moved = readdirSync(paths.deadLetter).filter((n) => n.endsWith('.hw')).length;
      if (!done && moved > 0 && moved < PLANTED) sawHalfWay = true;
    }
    const r = await claiming;
    expect(r.claimed).toBe(false);
    expect(r.deadLettered).toHaveLength(PLANTED);
    expect(sawHalfWay).toBe(true);
  });
});
