/**
 * Claims of an MCP session or a reply whose process died (`m<pid>h<tag>x…`, `r<pid>h<tag>`) go back
 * to the inbox when serve starts or sweeps (reclaimDeadOwners), as a dead daemon's do: they waited
 * for their lease to run out (the MCP-fix helper's note: serve did not take them back).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, processOwner, reclaimDeadOwners } from '../../scripts/lib/bus/claims.ts';
import { mcpSessionOwner, replyOwner } from '../../scripts/lib/bus/claim-owner.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

describe('serve takes back the claims of processes that died', () => {
  for (const [kind, owner] of [
    ['an MCP session', mcpSessionOwner],
    ['a reply', replyOwner],
    ['a daemon', () => processOwner('p')],
  ] as const) {
    it(`${kind}'s claim goes back to the inbox once its process is gone, and stays while it lives`, async () => {
      const { root } = makeBus();
      const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'review this' });
      const claim = await claimById(root, 'codex', sent.id, { owner: owner(), leaseMs: 600_000 });
      expect(claim).toBeDefined();
      const paths = receiverPaths(root, 'codex');
      expect(reclaimDeadOwners(paths, 'codex', () => true)).toBe(0);
      expect(readdirSync(paths.processing)).toHaveLength(1);
      expect(reclaimDeadOwners(paths, 'codex', (pid) => pid !== process.pid)).toBe(1);
      expect(readdirSync(paths.processing)).toEqual([]);
      expect(readdirSync(paths.inbox)).toEqual([`msg-${sent.id}.hw`]);
    });
  }
});
